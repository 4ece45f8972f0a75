import { RLS } from '../../platform/db/row-security.ts';
import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * Item import and export name no scoped entity kind of their own: an import is its owner's alone
 * (the service answers 404 to anyone else, and the row policy hides it), and the items an export
 * names are filtered by the bank's visibility (`findVisibleItems`), refusing the whole export when
 * one is not visible (item-import.test.ts "refuses to export an item the teacher does not see").
 */
export const itemImportScope: ScopeRules = {
  module: 'assessment (item import)',
  rowSecurity: [{ table: 'item_import', read: `owner_id = ${RLS.actor}` }],
  matrix: {
    // The upload names no one's data: it proposes drafts of the actor's own.
    selfOnly: ['POST /api/assessment/item-imports'],
    writes: {
      'POST /api/assessment/item-imports/:id/confirm': () => [
        { url: `/api/assessment/item-imports/${NO_SUCH_ID}/confirm`, body: { items: [] } },
      ],
      'POST /api/assessment/item-imports/:id/discard': () => [
        { url: `/api/assessment/item-imports/${NO_SUCH_ID}/discard` },
      ],
    },
  },
};
