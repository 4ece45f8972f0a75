/**
 * 个人信息清单 (P5, ASVS V8): every module's data classification, in one list for the inventory
 * page, its export, the retention job and the checks of `data-inventory.test.ts`. Like app.ts,
 * this file composes modules; platform/privacy holds only the mechanism.
 */
import { attemptsInventory } from './modules/assessment/attempts.schema.ts';
import { bankInventory } from './modules/assessment/bank.schema.ts';
import { itemImportInventory } from './modules/assessment/item-import.schema.ts';
import { markingFlowInventory } from './modules/assessment/marking-flow.schema.ts';
import { auditModuleInventory } from './modules/audit/audit.schema.ts';
import { curriculumInventory } from './modules/curriculum/curriculum.schema.ts';
import { masteryInventory } from './modules/diagnosis/mastery.schema.ts';
import { practiceInventory } from './modules/diagnosis/practice.schema.ts';
import { rollupInventory } from './modules/diagnosis/rollup.schema.ts';
import { identityInventory } from './modules/identity/identity.schema.ts';
import { notificationInventory } from './modules/notifications/notifications.schema.ts';
import { orgInventory } from './modules/org/org.schema.ts';
import { privacyInventory } from './modules/privacy/privacy.schema.ts';
import { resourcesInventory } from './modules/resources/resources.schema.ts';
import { reviewInventory } from './modules/review/review.schema.ts';
import { headcountInventory } from './modules/roster/headcount.schema.ts';
import { rosterInventory } from './modules/roster/roster.schema.ts';
import { rosterImportInventory } from './modules/roster-import/roster-import.schema.ts';
import { spacesInventory } from './modules/spaces/spaces.schema.ts';
import { auditInventory } from './platform/audit/audit.schema.ts';
import { securityPolicyInventory } from './platform/auth/security-policy.schema.ts';
import { codesInventory } from './platform/codes/codes.schema.ts';
import { fieldBackfillInventory } from './platform/crypto/field-backfill.schema.ts';
import { jobRunInventory } from './platform/db/jobs.schema.ts';
import type { TableInventory } from './platform/privacy/data-classes.ts';

/**
 * The declarations by owner (a module, or a part of the platform): the inventory is their union,
 * and the system administrator's storage view sums the database's size by owner.
 */
export const INVENTORY_BY_OWNER: Readonly<Record<string, readonly TableInventory[]>> = {
  identity: identityInventory,
  roster: [...rosterInventory, ...headcountInventory],
  'roster-import': rosterImportInventory,
  org: orgInventory,
  curriculum: curriculumInventory,
  resources: resourcesInventory,
  review: reviewInventory,
  spaces: spacesInventory,
  assessment: [...bankInventory, ...itemImportInventory, ...attemptsInventory, ...markingFlowInventory],
  diagnosis: [...masteryInventory, ...practiceInventory, ...rollupInventory],
  notifications: notificationInventory,
  privacy: privacyInventory,
  audit: [...auditInventory, ...auditModuleInventory],
  'security-policy': securityPolicyInventory,
  codes: codesInventory,
  crypto: fieldBackfillInventory,
  jobs: jobRunInventory,
};

export const DATA_INVENTORY: readonly TableInventory[] = Object.values(INVENTORY_BY_OWNER).flat();
