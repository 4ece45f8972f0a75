import { describe, expect, it } from 'vitest';
import { DEFAULTS, fixture, zipFolder } from './qti-fixtures.ts';
import { importQti, type QtiImportResult } from './qti-import.ts';

const ok = (r: QtiImportResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
};
const one = async (name: string) =>
  ok(await importQti(fixture(name), { fileName: name, defaults: DEFAULTS })).items[0]!.draft;

describe('QTI 3.0 items in the shape of the official examples', () => {
  it('choice with multiple cardinality: identifiers become letters in order, the key follows', async () => {
    const d = await one('choice-multiple.xml');
    expect(d.content).toEqual({
      type: 'multiple_choice',
      stem: '下列元素中，组成水的是哪些？',
      options: ['氢', '氦', '碳', '氧', '氮', '氯'].map((body, i) => ({ id: 'ABCDEF'[i], body })),
      correct: ['D', 'A'],
      partial: 'none',
    });
    expect(d.tags).toMatchObject({
      subjectCode: '14',
      gradeCode: '21',
      cognitiveLevel: 'understand',
      score: 1,
    });
  });

  it('text entry with map_response: the blank stands where the interaction stood', async () => {
    const d = await one('text-entry-map-response.xml');
    expect(d.content).toEqual({
      type: 'fill_in',
      stem: '<p>补全王之涣《登鹳雀楼》中的诗句。</p><p>白日依山尽，<br/> <span data-blank="RESPONSE"></span>入海流。</p>',
      blanks: [{ id: 'RESPONSE', accepted: ['黄河'], kind: 'text', caseSensitive: true }],
    });
    expect(d.tags.score).toBe(2);
  });

  it('extended text: an essay by its expected length, the scorer’s rubric block as a marking line', async () => {
    const d = await one('essay.xml');
    expect(d.content).toEqual({
      type: 'essay',
      stem: '<p>课堂上，我们认识了数学家华罗庚。</p> 写一篇短文，介绍这位数学家的生平。',
      minLength: 500,
      rubric: [{ points: 40, description: '内容完整、条理清楚、语句通顺。' }],
    });
    expect(d.tags.score).toBe(40);
  });

  it('true/false by its identifiers; the solution feedback is the explanation, other feedback is not', async () => {
    const d = await one('true-false-modal-feedback.xml');
    expect(d.content).toMatchObject({ type: 'true_false', correct: false });
    expect(d.content.stem).toMatch(
      /^对任意实数 <math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics>/,
    );
    expect(d.content.stem).toContain('<annotation encoding="application/x-tex">a</annotation>');
    expect(d.content.explanation).toBe('<p>当 a = 0 时，a² = 0，所以原命题错误。</p>');
    expect(d.tags.score).toBe(2);
  });

  it('items sharing a stimulus become one composite, with the passage’s picture as a package file', async () => {
    const r = ok(
      await importQti(zipFolder('stimulus-package'), { fileName: 'night.zip', defaults: DEFAULTS }),
    );
    expect(r.items).toHaveLength(1);
    const [item] = r.items;
    expect(item!.identifier).toBe('Stimulus1');
    const c = item!.draft.content;
    if (c.type !== 'composite') throw new Error(c.type);
    expect(c.stem).toBe(
      '<p><img alt="一扇门通向走廊" height="210" src="passages/images/title.png" width="400"/></p><p>难忘的夜晚</p><p>佚名</p><p>小安十岁了， 即使半睡半醒，她也能从房间走到洗手间。</p>',
    );
    expect(c.parts).toEqual([
      {
        content: {
          type: 'short_answer',
          stem: '<p>阅读短文《难忘的夜晚》，回答问题。</p><p>小安为什么在夜里起床？</p>',
          rubric: [],
        },
        score: 4,
      },
      {
        content: {
          type: 'single_choice',
          stem: '小安今年几岁？',
          options: [
            { id: 'A', body: '九岁' },
            { id: 'B', body: '十岁' },
            { id: 'C', body: '十一岁' },
          ],
          correct: 'B',
        },
        score: 1,
      },
    ]);
    expect(item!.draft.tags.score).toBe(5);
    expect(r.pictures.map((p) => [p.path, p.mediaType])).toEqual([
      ['passages/images/title.png', 'image/png'],
    ]);
  });
});

describe('explanations and stimuli written by other tools', () => {
  const item = (body: string) =>
    Buffer.from(
      `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="x" title="x">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="float">
    <qti-correct-response><qti-value>7.389</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>${body}</qti-item-body>
</qti-assessment-item>`,
    );

  it('a solution feedback block is the explanation; other feedback is left out', async () => {
    const r = ok(
      await importQti(
        item(
          '<p>e² ≈ <qti-text-entry-interaction response-identifier="RESPONSE"/></p>' +
            '<qti-feedback-inline identifier="CORRECT" outcome-identifier="FEEDBACK" show-hide="show">对</qti-feedback-inline>' +
            '<qti-feedback-block identifier="SOLUTION" outcome-identifier="FEEDBACK" show-hide="show"><qti-content-body><p>e² = exp(2)</p></qti-content-body></qti-feedback-block>',
        ),
        { fileName: 'x.xml', defaults: DEFAULTS },
      ),
    );
    expect(r.items[0]!.draft.content).toEqual({
      type: 'fill_in',
      stem: '<p>e² ≈ <span data-blank="RESPONSE"></span></p>',
      explanation: '<p>e² = exp(2)</p>',
      blanks: [{ id: 'RESPONSE', accepted: ['7.389'], kind: 'number', caseSensitive: true }],
    });
  });
});
