/**
 * The grade of a demo answer: the bank's own grader (`grading.ts`), whose result is stored as the
 * response's `detail`, as the attempt service stores it.
 */
import { gradeLeaf, type LeafGrade } from './grading.ts';
import type { AnswerValue, LeafItem } from './item-model.ts';

export type DemoGrade = LeafGrade;

export const gradeDemoLeaf = (content: LeafItem, value: AnswerValue, max: number): DemoGrade =>
  gradeLeaf(content, value, max);
