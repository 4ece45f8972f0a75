/**
 * What the demo bank's generators know of a lesson of the curriculum backbone, and what they give
 * back: drafts tagged with the lesson's knowledge points they practise.
 */
import type { Draft } from './demo-item-kit.ts';

export type BankKnowledgePoint = {
  id: string;
  /** Stable code, e.g. MA-14-012: draws are keyed on it (ids differ from seed to seed). */
  code: string;
  name: string;
  strand: string;
};

export type BankLesson = {
  id: string;
  title: string;
  subject: string;
  grade: string;
  term: number;
  unit: string;
  unitNo: number;
  lessonNo: number;
  kps: BankKnowledgePoint[];
};

/** A generated item of a lesson, with the codes of the knowledge points it practises. */
export interface LessonDraft {
  draft: Draft;
  kps: string[];
}

/** Where a lesson is in the backbone (语文 5 上, unit 6, lesson 2): the key of its draws. */
export const placeOf = (l: BankLesson) => `${l.subject}.${l.grade}.${l.term}.${l.unitNo}.${l.lessonNo}`;

export const isJunior = (grade: string) => grade >= '21';
