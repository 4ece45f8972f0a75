/**
 * The content model of an item in the item bank (A2), shared by the bank, QTI 3.0 and Word import and
 * export, paper rendering, grading and the web editor. Pure types and Zod schemas, no I/O.
 *
 * Rich text (`Rich`) is an XHTML fragment of a small allow-list (see `rich-text.ts`): paragraphs,
 * inline emphasis, sub/superscript, lists, tables, images as `<img src="hanlin-file:<key>" alt="…"/>`,
 * formulas as MathML carrying their TeX in `<annotation encoding="application/x-tex">` (what KaTeX
 * writes, and what QTI 3.0 item bodies hold), and in a fill-in stem each blank as
 * `<span data-blank="<blankId>"></span>` at its place. XHTML because QTI 3.0 bodies are XHTML: a QTI
 * item comes in and goes out without translation, so the round trip is lossless.
 */
import { z } from 'zod';

export const ITEM_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'short_answer',
  'essay',
  'composite',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Item types graded by the machine at submission. */
export const OBJECTIVE_TYPES: readonly ItemType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
];

/** 识记 / 理解 / 应用 / 分析综合: the cognitive levels of a 双向细目表. */
export const COGNITIVE_LEVELS = ['remember', 'understand', 'apply', 'analyse'] as const;
export type CognitiveLevel = (typeof COGNITIVE_LEVELS)[number];

/** An XHTML fragment of the allow-list in `rich-text.ts`. */
export const rich = z.string().max(200_000);
export type Rich = z.infer<typeof rich>;

/** A choice option: `id` is its letter (A, B, C …), in display order. */
export const choiceOption = z.object({
  id: z.string().regex(/^[A-Z]$/),
  body: rich,
});

/**
 * What a student is shown of an item to practise before answering (the notebook's 练一练,
 * personalised practice; `practiceView` builds it): an allow-list, never the key.
 */
export const ZPracticeItem = z.object({
  id: z.string(),
  type: z.enum(['single_choice', 'multiple_choice', 'true_false', 'fill_in', 'short_answer', 'essay']),
  stem: z.string(),
  options: z.array(choiceOption),
  blanks: z.array(z.object({ id: z.string(), kind: z.enum(['text', 'number']) })),
});

/** One blank of a fill-in item: the answers accepted, compared after normalisation (`@hanlin/analytics/answers`). */
export const blankKey = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  /** Every accepted answer; the first is the one shown in the key. */
  accepted: z.array(z.string().min(1).max(500)).min(1).max(50),
  /** `number`: compared as numbers (1/2 = 0.5 = 二分之一), with `unit` optional in the answer. */
  kind: z.enum(['text', 'number']).default('text'),
  unit: z.string().max(20).optional(),
  /** For numbers: the absolute tolerance (0 = exact). */
  tolerance: z.number().min(0).max(1e6).optional(),
  caseSensitive: z.boolean().default(false),
  /** Share of the item's score this blank carries; blanks share equally when absent. */
  weight: z.number().positive().max(1).optional(),
});

/** One line of a marking scheme (评分细则) for a subjective item. */
export const rubricLine = z.object({
  points: z.number().min(0).max(200),
  description: z.string().min(1).max(2000),
});

const base = {
  stem: rich,
  /** The worked explanation (解析) shown with the key after release and in the mistake notebook. */
  explanation: rich.optional(),
};

export const singleChoice = z.object({
  type: z.literal('single_choice'),
  ...base,
  options: z.array(choiceOption).min(2).max(10),
  correct: z.string().regex(/^[A-Z]$/),
});
export const multipleChoice = z.object({
  type: z.literal('multiple_choice'),
  ...base,
  options: z.array(choiceOption).min(2).max(10),
  correct: z
    .array(z.string().regex(/^[A-Z]$/))
    .min(1)
    .max(10),
  /** `half`: a correct subset earns half the score (the 高考 rule); `none`: all or nothing. */
  partial: z.enum(['half', 'none']).default('half'),
});
export const trueFalse = z.object({
  type: z.literal('true_false'),
  ...base,
  correct: z.boolean(),
});
export const fillIn = z.object({
  type: z.literal('fill_in'),
  ...base,
  /** In the order the blanks stand in the stem. */
  blanks: z.array(blankKey).min(1).max(30),
});
export const shortAnswer = z.object({
  type: z.literal('short_answer'),
  ...base,
  /** The reference answer (参考答案). */
  reference: rich.optional(),
  rubric: z.array(rubricLine).max(30).default([]),
});
export const essay = z.object({
  type: z.literal('essay'),
  ...base,
  reference: rich.optional(),
  rubric: z.array(rubricLine).max(30).default([]),
  /** Expected length in characters, shown to the student (e.g. 不少于 600 字). */
  minLength: z.number().int().min(0).max(100_000).optional(),
});

export const leafItem = z.discriminatedUnion('type', [
  singleChoice,
  multipleChoice,
  trueFalse,
  fillIn,
  shortAnswer,
  essay,
]);
export type LeafItem = z.infer<typeof leafItem>;

/** A passage or figure (the stimulus, QTI's assessment-stimulus) with its sub-items, each with its own score. */
export const compositeItem = z.object({
  type: z.literal('composite'),
  stem: rich,
  explanation: rich.optional(),
  parts: z
    .array(z.object({ content: leafItem, score: z.number().positive().max(200) }))
    .min(1)
    .max(30),
});

export const itemContent = z.discriminatedUnion('type', [
  singleChoice,
  multipleChoice,
  trueFalse,
  fillIn,
  shortAnswer,
  essay,
  compositeItem,
]);
export type ItemContent = z.infer<typeof itemContent>;

/** What the bank knows about an item beside its content. */
export const itemTags = z.object({
  subjectCode: z.string().min(1).max(20),
  gradeCode: z.string().min(1).max(10),
  knowledgePointIds: z.array(z.uuid()).max(10).default([]),
  cognitiveLevel: z.enum(COGNITIVE_LEVELS),
  /** Expected proportion correct (难度系数 P), 0.05–0.95; lower is harder. */
  difficulty: z.number().min(0.05).max(0.95),
  /** Suggested score on a paper. */
  score: z.number().positive().max(200),
  /** Expected answering time in seconds. */
  seconds: z.number().int().min(5).max(7200),
  /** Where it comes from, e.g. 2025 年海珠区七年级期末. */
  source: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
});
export type ItemTags = z.infer<typeof itemTags>;

/** An item as it moves between import, export and the bank. */
export const itemDraft = z.object({
  content: itemContent,
  tags: itemTags,
});
export type ItemDraft = z.infer<typeof itemDraft>;

/**
 * A student's answer to one leaf item: the option letter(s), true/false, one text per blank, or the
 * text of a subjective answer (plain text; pictures of handwriting are files, A9).
 */
export const answerValue = z.union([
  z.object({ choice: z.string().regex(/^[A-Z]$/) }),
  z.object({ choices: z.array(z.string().regex(/^[A-Z]$/)).max(10) }),
  z.object({ judgement: z.boolean() }),
  z.object({ blanks: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), z.string().max(500)) }),
  z.object({ text: z.string().max(50_000) }),
]);
export type AnswerValue = z.infer<typeof answerValue>;
