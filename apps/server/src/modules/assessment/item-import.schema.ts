/**
 * An import of items into the bank (A2): the items a QTI package, an .xlsx template or a Word paper
 * proposed, kept on the server until the teacher confirms the ones they want. Kept here rather than
 * in the browser so the server knows what it proposed: an item the Word reader found no answer for
 * stays refused until the teacher supplies one, a confirmation is done once (a retry returns the
 * same items), and a reload of the page finds the proposal again.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import type { ItemDraft } from './item-model.ts';

export const IMPORT_FORMATS = ['qti', 'xlsx', 'docx'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_STATUSES = ['proposed', 'confirmed', 'discarded'] as const;
export type TImportStatus = (typeof IMPORT_STATUSES)[number];

/** A near-identical item of the bank the teacher sees, at the time of the upload. */
export interface TDuplicate {
  id: string;
  stemText: string;
  similarity: number;
  authorName: string;
}

/** One proposed item: the draft and what the teacher should look at before confirming it. */
export interface TProposedItem {
  /** Where it stood in the file, in the teacher's words: 第 7 题, 第 5 行, items/q3.xml. */
  label: string;
  section?: string;
  draft: ItemDraft;
  warnings: string[];
  /** No answer was found: the draft holds a placeholder the teacher must replace before confirming. */
  missingAnswer: boolean;
  /** Items of the bank with a near-identical stem. */
  duplicates: TDuplicate[];
  /** Earlier items of the same file with a near-identical stem (by index). */
  repeats: number[];
}

export interface TProposal {
  title?: string;
  /** Problems of the whole file (an answer with no question, numbering gaps). */
  warnings: string[];
  items: TProposedItem[];
}

export const itemImports = pgTable(
  'item_import',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    ownerId: uuid('owner_id').notNull(),
    /** The owner's unit (school, or bureau), where the confirmed items will belong. */
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    format: text('format').$type<TImportFormat>().notNull(),
    fileName: text('file_name'),
    /** SHA-256 of the file and the upload's options: the same upload again returns this proposal. */
    uploadKey: text('upload_key').notNull(),
    status: text('status').$type<TImportStatus>().notNull().default('proposed'),
    proposal: jsonb('proposal').$type<TProposal>().notNull(),
    /** The items confirmed: the proposal's index and the bank item written for it. */
    created: jsonb('created').$type<{ index: number; itemId: string }[]>().notNull().default([]),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('item_import_owner_idx').on(t.ownerId, t.createdAt),
    check('item_import_format_ck', sql`${t.format} in ('qti','xlsx','docx')`),
    check('item_import_status_ck', sql`${t.status} in ('proposed','confirmed','discarded')`),
  ],
);

export const itemImportInventory = [
  inventory(itemImports, {
    description: '试题导入（待确认的试题草稿）',
    retention: '随导入记录保存；确认或放弃后 30 天可删除',
    subjects: ['ownerId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      ownerId: personal('general', 'contract', '题库与组卷（教师职务行为）'),
      path: personal('general', 'contract', '导入试题所属单位'),
      districtId: NONE,
      schoolId: NONE,
      format: NONE,
      fileName: NONE,
      uploadKey: NONE,
      status: NONE,
      proposal: NONE,
      created: NONE,
      createdAt: NONE,
      decidedAt: NONE,
    },
  }),
];
