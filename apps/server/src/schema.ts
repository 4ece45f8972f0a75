/**
 * Every table, for drizzle-kit and the data inventory test. Modules own their tables; the app, not
 * the platform, lists them.
 */

export * from './modules/assessment/attempts.schema.ts';
export * from './modules/assessment/bank.schema.ts';
export * from './modules/assessment/item-import.schema.ts';
export * from './modules/assessment/marking-flow.schema.ts';
export * from './modules/audit/audit.schema.ts';
export * from './modules/curriculum/curriculum.schema.ts';
export * from './modules/diagnosis/mastery.schema.ts';
export * from './modules/diagnosis/practice.schema.ts';
export * from './modules/diagnosis/rollup.schema.ts';
export * from './modules/identity/identity.schema.ts';
export * from './modules/notifications/notifications.schema.ts';
export * from './modules/org/org.schema.ts';
export * from './modules/privacy/privacy.schema.ts';
export * from './modules/resources/resources.schema.ts';
export * from './modules/review/review.schema.ts';
export * from './modules/roster/headcount.schema.ts';
export * from './modules/roster/roster.schema.ts';
export * from './modules/roster-import/roster-import.schema.ts';
export * from './modules/spaces/spaces.schema.ts';
export * from './platform/audit/audit.schema.ts';
export * from './platform/auth/security-policy.schema.ts';
export * from './platform/codes/codes.schema.ts';
export * from './platform/crypto/field-backfill.schema.ts';
export * from './platform/db/jobs.schema.ts';
