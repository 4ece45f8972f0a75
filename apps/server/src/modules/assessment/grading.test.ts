import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankWeights,
  type CompositeGrade,
  gradeItem,
  gradeLeaf,
  type ItemGrade,
  isCorrectSimilarAnswer,
  isMistake,
  type LeafGrade,
  mistakeParts,
  type NotebookEntryFacts,
  notebookProgress,
  type PracticeFacts,
  regrade,
  withMarkedScore,
} from './grading.ts';
import { type ItemContent, itemContent, type LeafItem } from './item-model.ts';

/** Items go through the model's schema, so the defaults (partial: half, kind: text) are the real ones. */
const item = (raw: unknown) => itemContent.parse(raw);
const leaf = (raw: unknown) => item(raw) as LeafItem;

const options = ['A', 'B', 'C', 'D'].map((id, i) => ({ id, body: `<p>${['3', '4', '5', '6'][i]}</p>` }));

const singleChoice = leaf({
  type: 'single_choice',
  stem: '<p>一个三角形的两条边分别是 3 厘米和 4 厘米，第三条边不可能是（ ）厘米。</p>',
  options: [
    { id: 'A', body: '<p>2</p>' },
    { id: 'B', body: '<p>5</p>' },
    { id: 'C', body: '<p>7</p>' },
    { id: 'D', body: '<p>6</p>' },
  ],
  correct: 'C',
});

const multipleChoice = (partial?: 'half' | 'none') =>
  leaf({
    type: 'multiple_choice',
    stem: '<p>下列各数中，是 12 的因数的有（ ）。</p>',
    options,
    correct: ['A', 'B', 'D'],
    ...(partial ? { partial } : {}),
  });

const trueFalse = leaf({ type: 'true_false', stem: '<p>所有的质数都是奇数。</p>', correct: false });

const fractions = leaf({
  type: 'fill_in',
  stem: '<p>3/4 的倒数是<span data-blank="b1"></span>，0.75 写成百分数是<span data-blank="b2"></span>。</p>',
  blanks: [
    { id: 'b1', accepted: ['4/3'], kind: 'number' },
    { id: 'b2', accepted: ['75%'], kind: 'number' },
  ],
});

const length = leaf({
  type: 'fill_in',
  stem: '<p>一根绳子长 1.5 米，用去一半后还剩<span data-blank="b1"></span>米。</p>',
  blanks: [{ id: 'b1', accepted: ['0.75'], kind: 'number', unit: '米' }],
});

const poem = leaf({
  type: 'fill_in',
  stem: '<p>举头望明月，<span data-blank="b1"></span>。（李白《<span data-blank="b2"></span>》）</p>',
  blanks: [
    { id: 'b1', accepted: ['低头思故乡'], weight: 0.8 },
    { id: 'b2', accepted: ['静夜思'] },
  ],
});

const english = leaf({
  type: 'fill_in',
  stem: '<p>The capital of China is <span data-blank="b1"></span>. She <span data-blank="b2"></span> (go) to school.</p>',
  blanks: [
    { id: 'b1', accepted: ['Beijing', 'Peking'] },
    { id: 'b2', accepted: ['goes'] },
  ],
});

const shortAnswer = leaf({
  type: 'short_answer',
  stem: '<p>简述光合作用的条件。</p>',
  rubric: [{ points: 2, description: '答出光照' }],
});
const essay = leaf({ type: 'essay', stem: '<p>以“成长”为题写一篇作文。</p>', minLength: 600 });

const reading = item({
  type: 'composite',
  stem: '<p>阅读短文《桂花雨》，完成练习。</p>',
  parts: [
    {
      content: { type: 'single_choice', stem: '<p>作者的家乡在（ ）。</p>', options, correct: 'B' },
      score: 2,
    },
    {
      content: {
        type: 'fill_in',
        stem: '<p>“桂花雨”是指<span data-blank="b1"></span>。</p>',
        blanks: [{ id: 'b1', accepted: ['摇落的桂花', '桂花纷纷落下'] }],
      },
      score: 2,
    },
    { content: { type: 'short_answer', stem: '<p>作者为什么怀念家乡的桂花雨？</p>' }, score: 4 },
  ],
});

describe('gradeLeaf — choices and true/false', () => {
  it('grades a single choice, accepting the letter in any shape', () => {
    expect(gradeLeaf(singleChoice, { choice: 'C' }, 3)).toMatchObject({ status: 'correct', score: 3 });
    expect(gradeLeaf(singleChoice, { choices: ['C'] }, 3)).toMatchObject({ status: 'correct', score: 3 });
    expect(gradeLeaf(singleChoice, { text: 'ｃ' }, 3)).toMatchObject({ status: 'correct', score: 3 });
    expect(gradeLeaf(singleChoice, { choice: 'A' }, 3)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeLeaf(singleChoice, { choices: ['A', 'C'] }, 3)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeLeaf(singleChoice, null, 3)).toMatchObject({ status: 'unanswered', score: 0 });
  });

  it('grades multiple choice as a set: A,C is CA', () => {
    const mc = multipleChoice();
    for (const answer of [
      { choices: ['D', 'A', 'B'] },
      { choices: ['A', 'B', 'D', 'A'] },
      { text: 'A,B,D' },
      { text: 'DBA' },
    ]) {
      expect(gradeLeaf(mc, answer, 5), JSON.stringify(answer)).toMatchObject({
        status: 'correct',
        score: 5,
        choices: ['A', 'B', 'D'],
      });
    }
  });

  it('gives half for a correct proper subset and nothing with a wrong choice (partial: half)', () => {
    const mc = multipleChoice();
    expect(gradeLeaf(mc, { choices: ['A', 'D'] }, 5)).toMatchObject({ status: 'partial', score: 2.5 });
    expect(gradeLeaf(mc, { choices: ['B'] }, 5)).toMatchObject({ status: 'partial', score: 2.5 });
    expect(gradeLeaf(mc, { choices: ['A', 'C'] }, 5)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeLeaf(mc, { choices: ['A', 'B', 'C', 'D'] }, 5)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeLeaf(mc, { choices: [] }, 5)).toMatchObject({ status: 'unanswered', score: 0 });
  });

  it('gives nothing for a subset when the item is all or nothing (partial: none)', () => {
    expect(gradeLeaf(multipleChoice('none'), { choices: ['A', 'D'] }, 5)).toMatchObject({
      status: 'wrong',
      score: 0,
    });
  });

  it('keeps the key out of a grade: a partial answer does not name the missed option', () => {
    const grade = gradeLeaf(multipleChoice(), { choices: ['A'] }, 5);
    expect(JSON.stringify(grade)).not.toMatch(/"[BD]"/);
  });

  it('grades true/false from a boolean or from √ and ×', () => {
    expect(gradeLeaf(trueFalse, { judgement: false }, 2)).toMatchObject({ status: 'correct', score: 2 });
    expect(gradeLeaf(trueFalse, { judgement: true }, 2)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeLeaf(trueFalse, { text: '×' }, 2)).toMatchObject({ status: 'correct' });
    expect(gradeLeaf(trueFalse, { text: '√' }, 2)).toMatchObject({ status: 'wrong' });
    expect(gradeLeaf(trueFalse, {}, 2)).toMatchObject({ status: 'unanswered' });
  });
});

describe('gradeLeaf — fill-in', () => {
  it('grades each blank with the number rules (4/3 = 1又1/3, 75% = 0.75 = 四分之三)', () => {
    const grade = gradeLeaf(fractions, { blanks: { b1: '1又1/3', b2: '四分之三' } }, 4);
    expect(grade).toMatchObject({ status: 'correct', score: 4 });
    expect(grade.blanks!.map((b) => b.correct)).toEqual([true, true]);
  });

  it('says per blank what was right, with equal shares when no weight is set', () => {
    const grade = gradeLeaf(fractions, { blanks: { b1: '3/4', b2: '0.75' } }, 4);
    expect(grade).toMatchObject({ status: 'partial', score: 2 });
    expect(grade.blanks).toEqual([
      { id: 'b1', correct: false, weight: 0.5, score: 0, normalisedGiven: '3/4' },
      { id: 'b2', correct: true, weight: 0.5, score: 2, normalisedGiven: '0.75', matchedAccepted: '75%' },
    ]);
  });

  it('uses the blanks’ weights (语文 默写: the line weighs 0.8, the title the rest)', () => {
    expect(gradeLeaf(poem, { blanks: { b1: '低头思故乡。', b2: '静夜思' } }, 5)).toMatchObject({
      status: 'correct',
      score: 5,
    });
    expect(gradeLeaf(poem, { blanks: { b1: '低头思故乡', b2: '夜思' } }, 5)).toMatchObject({
      status: 'partial',
      score: 4,
    });
    expect(gradeLeaf(poem, { blanks: { b1: '抬头望故乡', b2: '《静夜思》' } }, 5)).toMatchObject({
      status: 'partial',
      score: 1,
    });
  });

  it('accepts the unit in the answer or not, converting 75厘米 to 米', () => {
    for (const answer of ['0.75', '0.75米', '75厘米', '3/4 米', '七十五厘米']) {
      expect(gradeLeaf(length, { blanks: { b1: answer } }, 2).status, answer).toBe('correct');
    }
    for (const answer of ['75', '0.75千克', '7.5']) {
      expect(gradeLeaf(length, { blanks: { b1: answer } }, 2).status, answer).toBe('wrong');
    }
  });

  it('ignores case and accepts the listed alternatives in English', () => {
    const grade = gradeLeaf(english, { blanks: { b1: 'peking', b2: 'Goes' } }, 2);
    expect(grade).toMatchObject({ status: 'correct', score: 2 });
    expect(grade.blanks![0]!.matchedAccepted).toBe('Peking');
    expect(gradeLeaf(english, { blanks: { b1: 'beijing', b2: 'go' } }, 2)).toMatchObject({
      status: 'partial',
      score: 1,
    });
  });

  it('marks an empty blank wrong and an all-empty answer unanswered', () => {
    expect(gradeLeaf(fractions, { blanks: { b1: '4/3', b2: '' } }, 4)).toMatchObject({
      status: 'partial',
      score: 2,
    });
    expect(gradeLeaf(fractions, { blanks: { b1: '4/3' } }, 4)).toMatchObject({ status: 'partial', score: 2 });
    expect(gradeLeaf(fractions, { blanks: { b1: ' ', b2: '\u3000' } }, 4)).toMatchObject({
      status: 'unanswered',
      score: 0,
    });
    expect(gradeLeaf(fractions, { blanks: {} }, 4)).toMatchObject({ status: 'unanswered' });
  });

  it('takes plain text as the answer of a single-blank item', () => {
    expect(gradeLeaf(length, { text: '0.75' }, 2)).toMatchObject({ status: 'correct' });
  });

  it('shares weights: set ones kept, the rest shared, over-full sets scaled', () => {
    expect(blankWeights([{}, {}, {}, {}])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(blankWeights([{ weight: 0.5 }, {}, {}])).toEqual([0.5, 0.25, 0.25]);
    expect(blankWeights([{ weight: 1 }, { weight: 1 }])).toEqual([0.5, 0.5]);
    const w = blankWeights([{ weight: 0.8 }, { weight: 0.6 }, {}]);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(w[0]! / w[1]!).toBeCloseTo(0.8 / 0.6, 12);
  });

  it('rounds shares to cents and still gives full marks when every blank is right', () => {
    const three = leaf({
      type: 'fill_in',
      stem: '<p>x</p>',
      blanks: ['a', 'b', 'c'].map((id, i) => ({ id, accepted: [String(i)] })),
    });
    expect(gradeLeaf(three, { blanks: { a: '0', b: '1', c: '2' } }, 10).score).toBe(10);
    expect(gradeLeaf(three, { blanks: { a: '0', b: '1', c: 'x' } }, 10).score).toBe(6.67);
  });
});

describe('gradeLeaf — subjective items', () => {
  it('leaves short answers and essays to a teacher, noting an empty one', () => {
    expect(gradeLeaf(shortAnswer, { text: '需要光照和叶绿体。' }, 6)).toMatchObject({
      status: 'needs_marking',
      needsMarking: true,
      score: 0,
      maxScore: 6,
      blank: false,
    });
    expect(gradeLeaf(essay, { text: '  ' }, 50)).toMatchObject({ needsMarking: true, blank: true });
    expect(gradeLeaf(essay, undefined, 50)).toMatchObject({ needsMarking: true, blank: true });
  });

  it('takes the teacher’s score, clamped to the item’s', () => {
    const pending = gradeLeaf(shortAnswer, { text: '光照' }, 6);
    expect(withMarkedScore(pending, 4)).toMatchObject({ status: 'partial', score: 4, needsMarking: false });
    expect(withMarkedScore(pending, 9)).toMatchObject({ status: 'correct', score: 6 });
    expect(withMarkedScore(pending, -1)).toMatchObject({ status: 'wrong', score: 0 });
  });
});

describe('gradeItem — composite items', () => {
  it('grades each part and waits for marking while a part is subjective', () => {
    const grade = gradeItem(
      reading,
      [{ choice: 'B' }, { blanks: { b1: '桂花纷纷落下' } }, { text: '因为……' }],
      8,
    );
    expect(grade).toMatchObject({
      type: 'composite',
      status: 'needs_marking',
      needsMarking: true,
      score: 4,
      maxScore: 8,
    });
    const parts = (grade as CompositeGrade).parts;
    expect(parts.map((p) => p.status)).toEqual(['correct', 'correct', 'needs_marking']);
    expect(parts.map((p) => p.maxScore)).toEqual([2, 2, 4]);
  });

  it('reads part answers keyed by index and scales parts to the paper’s score', () => {
    const grade = gradeItem(
      reading,
      { '0': { choice: 'A' }, '1': { blanks: { b1: '摇落的桂花' } } },
      16,
    ) as CompositeGrade;
    expect(grade.parts.map((p) => [p.status, p.score, p.maxScore])).toEqual([
      ['wrong', 0, 4],
      ['correct', 4, 4],
      ['needs_marking', 0, 8],
    ]);
    expect(mistakeParts(grade)).toEqual([0]);
  });

  it('grades a fully objective composite to the point', () => {
    const objective = item({
      ...reading,
      parts: reading.type === 'composite' ? reading.parts.slice(0, 2) : [],
    });
    expect(gradeItem(objective, [{ choice: 'B' }, { blanks: { b1: '摇落的桂花' } }], 4)).toMatchObject({
      status: 'correct',
      score: 4,
    });
    expect(gradeItem(objective, [{ choice: 'A' }], 4)).toMatchObject({ status: 'wrong', score: 0 });
    expect(gradeItem(objective, [], 4)).toMatchObject({ status: 'unanswered', score: 0 });
  });
});

describe('regrading a blank', () => {
  it('updates every affected attempt when the teacher accepts another answer for blank 2', () => {
    const key = leaf({
      type: 'fill_in',
      stem: '<p>中国的首都是<span data-blank="b1"></span>，简称<span data-blank="b2"></span>。</p>',
      blanks: [
        { id: 'b1', accepted: ['北京'] },
        { id: 'b2', accepted: ['京'] },
      ],
    });
    const attempts = [
      { b1: '北京', b2: '京' },
      { b1: '北京', b2: '北京' },
      { b1: '南京', b2: '燕' },
    ];
    const before = attempts.map((blanks) => gradeItem(key, { blanks }, 4));
    expect(before.map((g) => g.score)).toEqual([4, 2, 0]);

    const revised = structuredClone(key) as Extract<LeafItem, { type: 'fill_in' }>;
    revised.blanks[1]!.accepted.push('燕');
    const after = attempts.map((blanks, i) => regrade(revised, { blanks }, 4, before[i]!));
    expect(after.map((r) => r.changed)).toEqual([false, false, true]);
    expect(after[2]).toMatchObject({ oldScore: 0, newScore: 2 });
    expect((after[2]!.grade as LeafGrade).blanks![1]).toMatchObject({ correct: true, matchedAccepted: '燕' });
  });
});

describe('the mistake notebook', () => {
  it('takes every answer that lost points, not pending or essay ones', () => {
    expect(isMistake(gradeLeaf(singleChoice, { choice: 'A' }, 3))).toBe(true);
    expect(isMistake(gradeLeaf(singleChoice, {}, 3))).toBe(true);
    expect(isMistake(gradeLeaf(singleChoice, { choice: 'C' }, 3))).toBe(false);
    expect(isMistake(gradeLeaf(multipleChoice(), { choices: ['A'] }, 5))).toBe(true);
    expect(isMistake(gradeLeaf(fractions, { blanks: { b1: '4/3', b2: '7.5%' } }, 4))).toBe(true);
    const pending = gradeLeaf(shortAnswer, { text: '光照' }, 6);
    expect(isMistake(pending)).toBe(false);
    expect(isMistake(withMarkedScore(pending, 3))).toBe(true);
    expect(isMistake(withMarkedScore(pending, 6))).toBe(false);
    expect(isMistake(withMarkedScore(gradeLeaf(essay, { text: '……' }, 50), 30))).toBe(false);
    expect(isMistake(gradeItem(reading, [{ choice: 'A' }], 8))).toBe(true);
    expect(isMistake(gradeItem(reading, [{ choice: 'B' }, { blanks: { b1: '摇落的桂花' } }], 8))).toBe(false);
  });

  const entry: NotebookEntryFacts = {
    itemId: 'i1',
    knowledgePointIds: ['kp-fraction'],
    recordedAt: new Date('2026-10-01'),
  };
  const right = gradeLeaf(singleChoice, { choice: 'C' }, 3);
  const wrong = gradeLeaf(singleChoice, { choice: 'A' }, 3);
  const practice = (
    itemId: string,
    grade: ItemGrade,
    day = '2026-10-05',
    kps = ['kp-fraction'],
  ): PracticeFacts => ({
    itemId,
    knowledgePointIds: kps,
    answeredAt: new Date(day),
    grade,
  });

  it('counts a correct answer to another item of the same knowledge point, after the mistake', () => {
    expect(isCorrectSimilarAnswer(entry, practice('i2', right))).toBe(true);
    expect(isCorrectSimilarAnswer(entry, practice('i2', wrong))).toBe(false);
    expect(
      isCorrectSimilarAnswer(entry, practice('i2', gradeLeaf(multipleChoice(), { choices: ['A'] }, 5))),
    ).toBe(false);
    expect(isCorrectSimilarAnswer(entry, practice('i1', right))).toBe(false);
    expect(isCorrectSimilarAnswer(entry, practice('i2', right, '2026-09-30'))).toBe(false);
    expect(isCorrectSimilarAnswer(entry, practice('i3', right, '2026-10-05', ['kp-decimal']))).toBe(false);
    expect(isCorrectSimilarAnswer(entry, practice('i2', gradeLeaf(shortAnswer, { text: 'x' }, 6)))).toBe(
      false,
    );
  });

  it('closes an entry after two correct similar answers on different items', () => {
    expect(notebookProgress(entry, [practice('i2', right)])).toEqual({ correctSimilar: 1, closes: false });
    expect(notebookProgress(entry, [practice('i2', right), practice('i2', right, '2026-10-06')]).closes).toBe(
      false,
    );
    expect(
      notebookProgress(entry, [practice('i2', right), practice('i3', wrong), practice('i4', right)]),
    ).toEqual({
      correctSimilar: 2,
      closes: true,
    });
  });

  it('lets an item without knowledge points close by redoing it correctly twice', () => {
    const untagged = { ...entry, knowledgePointIds: [] };
    expect(isCorrectSimilarAnswer(untagged, practice('i2', right))).toBe(false);
    expect(
      notebookProgress(untagged, [practice('i1', right), practice('i1', right, '2026-10-06')]).closes,
    ).toBe(true);
  });
});

describe('grading never throws', () => {
  const items: [ItemContent, number][] = [
    [singleChoice, 3],
    [multipleChoice(), 5],
    [trueFalse, 2],
    [fractions, 4],
    [length, 2],
    [poem, 5],
    [shortAnswer, 6],
    [reading, 8],
  ];
  it('gives a grade within 0…max for any answer value', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...items), (answer, [content, score]) => {
        const grade = gradeItem(content, answer as never, score);
        expect(grade.score).toBeGreaterThanOrEqual(0);
        expect(grade.score).toBeLessThanOrEqual(grade.maxScore);
        expect(typeof isMistake(grade)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
