import { describe, expect, it } from 'vitest';
import { SECRET_KEY_WORDS, sampleItems } from './attempts.fixtures.ts';
import { answerMismatch, itemCount, leafKey, leavesOf, studentPaper } from './attempts.paper.ts';
import { gradeObjective, gradeResponses, withKeyChanges } from './marking.grade.ts';
import type { PaperDocument } from './paper-model.ts';

const doc: PaperDocument = {
  title: '练习',
  subjectCode: '14',
  gradeCode: '03',
  minutes: 40,
  totalScore: 27,
  navigation: 'free',
  sections: [
    {
      title: '一',
      items: sampleItems().map((i, n) => ({
        itemId: '0193f3c0-0000-7000-8000-00000000000a',
        number: n + 1,
        score: i.score,
        content: i.content,
      })),
    },
  ],
};

describe('the paper as a student answers it', () => {
  it('lists the answerable leaves: plain items as part 0, a composite’s parts as 1, 2 …', () => {
    const leaves = leavesOf(doc);
    expect(leaves.map((l) => leafKey(l.number, l.part))).toEqual([
      '1.0',
      '2.0',
      '3.0',
      '4.0',
      '5.0',
      '6.0',
      '7.1',
      '7.2',
    ]);
    expect(leaves.filter((l) => l.number === 7).map((l) => [l.index, l.maxScore])).toEqual([
      [6, 3],
      [6, 2],
    ]);
    expect(itemCount(doc)).toBe(7);
  });

  it('leaves out every key, explanation, reference answer and rubric', () => {
    const json = JSON.stringify(studentPaper(doc));
    for (const word of SECRET_KEY_WORDS) expect(json).not.toContain(word);
    expect(json).not.toMatch(/"(correct|accepted|explanation|reference|rubric|tolerance|unit)"/);
    expect(json).toContain('data-blank');
  });

  it('refuses answers that do not fit the item', () => {
    const [choice, multi, judge, fill, , short] = leavesOf(doc).map((l) => l.content);
    expect(answerMismatch(choice!, { choice: 'B' })).toBeNull();
    expect(answerMismatch(choice!, { choice: 'E' })).not.toBeNull();
    expect(answerMismatch(choice!, { choices: ['A'] })).not.toBeNull();
    expect(answerMismatch(multi!, { choices: ['A', 'A'] })).not.toBeNull();
    expect(answerMismatch(judge!, { judgement: true })).toBeNull();
    expect(answerMismatch(fill!, { blanks: { b1: '7', b9: 'x' } })).not.toBeNull();
    expect(answerMismatch(short!, { text: '因为…' })).toBeNull();
  });
});

describe('grading at submission', () => {
  const leaves = new Map(leavesOf(doc).map((l) => [leafKey(l.number, l.part), l]));
  const leaf = (n: number, p = 0) => leaves.get(leafKey(n, p))!;

  it('scores choices, half a correct subset, and blanks by weight', () => {
    expect(gradeObjective(leaf(1).content, { choice: 'C' }, 3).score).toBe(3);
    expect(gradeObjective(leaf(2).content, { choices: ['C'] }, 4).score).toBe(2);
    expect(gradeObjective(leaf(2).content, { choices: ['A', 'B'] }, 4).score).toBe(0);
    const fill = gradeObjective(leaf(4).content, { blanks: { b1: '７', b2: '7/2' } }, 4);
    expect(fill.score).toBe(4);
    expect(fill.detail).toMatchObject({
      status: 'correct',
      blanks: [
        { id: 'b1', correct: true },
        { id: 'b2', correct: true },
      ],
    });
    expect(gradeObjective(leaf(5).content, { blanks: { b1: ' 等腰直角 三角形 ' } }, 4).score).toBe(2);
  });

  it('applies the answers the teacher accepted later', () => {
    const changed = withKeyChanges(leaf(5), [
      { number: 5, part: 0, blankId: 'b1', accepted: ['直角等腰三角形'], by: 'x', at: '', reason: null },
    ]);
    expect(gradeObjective(changed, { blanks: { b1: '直角等腰三角形' } }, 4).score).toBe(2);
    expect(gradeObjective(leaf(5).content, { blanks: { b1: '直角等腰三角形' } }, 4).score).toBe(0);
  });

  it('leaves subjective answers to a marker, and a blank one at 0', () => {
    const out = gradeResponses(
      leaves,
      [],
      [
        { id: 'a', number: 1, part: 0, value: { choice: 'C' } },
        { id: 'b', number: 6, part: 0, value: { text: '三个角拼成平角' } },
        { id: 'c', number: 7, part: 1, value: { choice: 'B' } },
      ],
    );
    expect(out.objectiveScore).toBe(6);
    expect(out.complete).toBe(false);
    expect(out.graded.find((g) => g.id === 'b')).toMatchObject({ needsMarking: true, score: null });
    const blank = gradeResponses(leaves, [], [{ id: 'd', number: 6, part: 0, value: { text: '  ' } }]);
    expect(blank).toMatchObject({ complete: true, graded: [{ score: 0, needsMarking: false }] });
  });
});
