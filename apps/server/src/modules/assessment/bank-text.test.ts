import { describe, expect, it } from 'vitest';
import { contentIssues, itemText, pictureKeys, plainText, rekeyPictures } from './bank-text.ts';
import type { ItemContent } from './item-model.ts';

const FORMULA =
  '<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mfrac><mn>3</mn><mn>4</mn></mfrac></mrow><annotation encoding="application/x-tex">\\frac{3}{4}</annotation></semantics></math>';

describe('the text of an item', () => {
  it('reads formulas as their TeX, blanks as （ ）, and drops pictures and tags', () => {
    expect(
      plainText(
        `<p>计算 ${FORMULA} + 1 = <span data-blank="b1"></span></p><p>看图 <img src="hanlin-file:assessment/x" alt=""/> &amp; 答</p>`,
      ),
    ).toBe('计算 \\frac{3}{4} + 1 = （ ） 看图 & 答');
  });

  it('joins stem and options for search and duplicate detection, and finds the pictures', () => {
    const c: ItemContent = {
      type: 'single_choice',
      stem: '<p>哪个大？<img src="hanlin-file:assessment/a1" alt=""/></p>',
      options: [
        { id: 'A', body: '<p>1</p>' },
        { id: 'B', body: '<p><img src="hanlin-file:assessment/b2" alt=""/></p>' },
      ],
      correct: 'A',
    };
    expect(itemText(c)).toBe('哪个大？ A. 1 B.');
    expect(pictureKeys(c)).toEqual(['assessment/a1', 'assessment/b2']);
    const moved = rekeyPictures(c, new Map([['assessment/a1', 'assessment/z9']]));
    expect(pictureKeys(moved)).toEqual(['assessment/z9', 'assessment/b2']);
  });
});

describe('the rules of each type', () => {
  it('wants the answer among the options, letters in order, blanks keyed in the order of the stem', () => {
    const choice = {
      type: 'single_choice',
      stem: '<p>题</p>',
      options: [
        { id: 'A', body: '<p>1</p>' },
        { id: 'C', body: '<p>2</p>' },
      ],
      correct: 'D',
    } as ItemContent;
    expect(contentIssues(choice, { score: 2 }).map((i) => i.path)).toEqual([
      'content.options',
      'content.correct',
    ]);
    const fill = {
      type: 'fill_in',
      stem: '<p><span data-blank="a"></span> 和 <span data-blank="b"></span></p>',
      blanks: [
        { id: 'b', accepted: ['2'], kind: 'text', caseSensitive: false },
        { id: 'c', accepted: ['3'], kind: 'text', caseSensitive: false },
      ],
    } as ItemContent;
    const messages = contentIssues(fill, { score: 2 }).map((i) => i.message);
    expect(messages).toContain('题干中的空「a」没有答案');
    expect(messages).toContain('空「c」不在题干中');
  });

  it('scores a composite as the sum of its parts', () => {
    const composite = {
      type: 'composite',
      stem: '<p>材料</p>',
      parts: [
        { content: { type: 'true_false', stem: '<p>对吗</p>', correct: true }, score: 2 },
        { content: { type: 'short_answer', stem: '<p>为什么</p>', rubric: [] }, score: 4 },
      ],
    } as ItemContent;
    expect(contentIssues(composite, { score: 6 })).toEqual([]);
    expect(contentIssues(composite, { score: 5 })[0]).toMatchObject({ path: 'tags.score' });
  });
});
