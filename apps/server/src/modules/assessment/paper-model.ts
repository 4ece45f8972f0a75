/**
 * A paper (试卷) as it is printed, exported and answered: sections of numbered items with their
 * scores, each item's content as it stood when the paper was finalised (a later edit of the bank's
 * item does not change a paper already given). Pure types, no I/O.
 */
import { z } from 'zod';
import { itemContent } from './item-model.ts';

export const paperItem = z.object({
  /** The bank item this came from. */
  itemId: z.uuid(),
  /** Display number on the paper (1, 2, 3 … across sections). */
  number: z.number().int().positive(),
  /** The item's score on this paper (for a composite: the sum of its parts' scores). */
  score: z.number().positive().max(200),
  content: itemContent,
});
export type PaperItem = z.infer<typeof paperItem>;

export const paperSection = z.object({
  /** e.g. 一、选择题（每小题 3 分，共 30 分） — written by the teacher or generated from the type. */
  title: z.string().min(1).max(200),
  instructions: z.string().max(2000).optional(),
  items: z.array(paperItem).min(1).max(200),
});

export const paperDocument = z.object({
  title: z.string().min(1).max(200),
  /** e.g. 2026—2027 学年第一学期期中检测 · 海珠区 */
  subtitle: z.string().max(200).optional(),
  subjectCode: z.string().min(1).max(20),
  gradeCode: z.string().min(1).max(10),
  minutes: z.number().int().min(1).max(600),
  totalScore: z.number().positive().max(1000),
  /** Whether a paper-free exam lets the student go back to earlier items. */
  navigation: z.enum(['free', 'forward_only']).default('free'),
  sections: z.array(paperSection).min(1).max(20),
});
export type PaperDocument = z.infer<typeof paperDocument>;
