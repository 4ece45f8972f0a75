/**
 * How the views read a mastery estimate (`knowledge_mastery.p`, the model's steady probability of a
 * right answer on the point): 薄弱 below 0.5, 待巩固 up to 0.7, 掌握 from 0.7. With the shipped
 * parameters three wrong answers in a row on a point put an average student near 0.38, three right
 * ones near 0.65–0.75 (the student's other answers count too).
 */
export const WEAK_BELOW = 0.5;
export const MASTERED_FROM = 0.7;

export type MasteryLevel = 'weak' | 'developing' | 'mastered';

export const levelOf = (p: number): MasteryLevel =>
  p < WEAK_BELOW ? 'weak' : p >= MASTERED_FROM ? 'mastered' : 'developing';

export const LEVEL_LABELS: Record<MasteryLevel, { zh: string; en: string }> = {
  weak: { zh: '薄弱', en: 'weak' },
  developing: { zh: '待巩固', en: 'developing' },
  mastered: { zh: '掌握', en: 'mastered' },
};
