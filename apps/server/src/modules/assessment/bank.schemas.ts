/** Request and response schemas of the item bank's routes (shared by the bank and paper routes). */
import { z } from 'zod';
import { ZId, ZLine } from '../../platform/http/schemas.ts';
import { SHARE_LEVELS, SHARE_STATUSES } from './bank.schema.ts';
import { DIFFICULTY_BANDS } from './bank-search.repository.ts';
import { COGNITIVE_LEVELS, ITEM_TYPES, itemContent, itemTags } from './item-model.ts';

export const ZCode = z.string().regex(/^[0-9]{2}$/, '应为两位代码');
export const ZItemType = z.enum(ITEM_TYPES);
export const ZLevel = z.enum(COGNITIVE_LEVELS);

/**
 * Tags as a change names them: every field optional, and no defaults, so a field left out keeps
 * its value (`itemTags.partial()` would fill the knowledge points with their default, none).
 */
export const ZTagsChange = z.strictObject({
  subjectCode: itemTags.shape.subjectCode.optional(),
  gradeCode: itemTags.shape.gradeCode.optional(),
  knowledgePointIds: z.array(z.uuid()).max(10).optional(),
  cognitiveLevel: itemTags.shape.cognitiveLevel.optional(),
  difficulty: itemTags.shape.difficulty.optional(),
  score: itemTags.shape.score.optional(),
  seconds: itemTags.shape.seconds.optional(),
  source: itemTags.shape.source,
  year: itemTags.shape.year,
});

export const ZItemDraft = z.strictObject({ content: itemContent, tags: itemTags });

const ZPoint = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZItem = z.object({
  id: z.string(),
  type: ZItemType,
  content: itemContent,
  subjectCode: z.string(),
  gradeCode: z.string(),
  cognitiveLevel: ZLevel,
  difficulty: z.number(),
  score: z.number(),
  seconds: z.number(),
  source: z.string().nullable(),
  year: z.number().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  unitName: z.string(),
  share: z.enum(SHARE_LEVELS),
  shareRequested: z.enum(SHARE_LEVELS).nullable(),
  shareStatus: z.enum(SHARE_STATUSES),
  /** The reviewer's reason when the last request was returned. */
  shareNote: z.string().nullable(),
  retired: z.boolean(),
  copiedFrom: z.string().nullable(),
  /** Observed proportion correct, once answered. */
  pValue: z.number().nullable(),
  answered: z.number(),
  exposure: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  knowledgePoints: z.array(ZPoint),
  mine: z.boolean(),
  canEdit: z.boolean(),
  canShare: z.boolean(),
  canRetire: z.boolean(),
  canDecide: z.boolean(),
});

export const ZSimilar = z.object({
  id: z.string(),
  stemText: z.string(),
  similarity: z.number(),
  authorName: z.string(),
  share: z.enum(SHARE_LEVELS),
});

const ZFacet = z.array(z.object({ value: z.string(), count: z.number() }));

export const ZSearchQuery = z.strictObject({
  q: ZLine(100, 0).optional(),
  subjectCode: ZCode.optional(),
  gradeCode: ZCode.optional(),
  type: ZItemType.optional(),
  cognitiveLevel: ZLevel.optional(),
  knowledgePointId: ZId.optional(),
  band: z.enum(DIFFICULTY_BANDS).optional(),
  share: z.enum(SHARE_LEVELS).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  source: ZLine(200).optional(),
  mine: z.enum(['true', 'false']).optional(),
  retired: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const ZSearchResult = z.object({
  total: z.number(),
  words: z.array(z.string()),
  items: z.array(ZItem),
  facets: z.object({
    subject: ZFacet,
    grade: ZFacet,
    type: ZFacet,
    level: ZFacet,
    band: ZFacet,
    share: ZFacet,
    year: ZFacet,
    source: ZFacet,
    point: z.array(z.object({ value: z.string(), count: z.number(), label: z.string().optional() })),
  }),
});
