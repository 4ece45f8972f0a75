import type { CognitiveLevel, ItemContent, ItemTags } from '../item-model.ts';
import type { ReadTags } from './qti-manifest.ts';

/**
 * What an import assumes where a file is silent: subject and grade come from the upload form;
 * the rest have sensible values a teacher corrects while confirming the items.
 */
export interface TagDefaults {
  subjectCode: string;
  gradeCode: string;
  cognitiveLevel?: CognitiveLevel;
  difficulty?: number;
  score?: number;
  seconds?: number;
  source?: string;
  year?: number;
}

/** Expected answering time by type when nothing says otherwise. */
const SECONDS: Record<ItemContent['type'], number> = {
  single_choice: 60,
  multiple_choice: 90,
  true_false: 45,
  fill_in: 90,
  short_answer: 300,
  essay: 1800,
  composite: 600,
};

/** Tags from the file first, then the item's own maximum score, then the defaults. */
export function fillTags(
  read: ReadTags,
  defaults: TagDefaults,
  content: ItemContent,
  itemScore: number | undefined,
): { tags: ItemTags; codes: string[] } {
  const t = read.tags;
  const partsScore =
    content.type === 'composite' ? content.parts.reduce((sum, p) => sum + p.score, 0) : undefined;
  const tags: ItemTags = {
    subjectCode: t.subjectCode ?? defaults.subjectCode,
    gradeCode: t.gradeCode ?? defaults.gradeCode,
    knowledgePointIds: t.knowledgePointIds ?? [],
    cognitiveLevel: t.cognitiveLevel ?? defaults.cognitiveLevel ?? 'understand',
    difficulty: t.difficulty ?? defaults.difficulty ?? 0.7,
    score: t.score ?? itemScore ?? partsScore ?? defaults.score ?? 1,
    seconds: t.seconds ?? defaults.seconds ?? SECONDS[content.type],
  };
  const source = t.source ?? defaults.source;
  const year = t.year ?? defaults.year;
  if (source !== undefined) tags.source = source;
  if (year !== undefined) tags.year = year;
  return { tags, codes: read.knowledgePointCodes };
}
