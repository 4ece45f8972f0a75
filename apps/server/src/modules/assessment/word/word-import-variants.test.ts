/**
 * Other ways teachers write papers, each built as a real .docx with the `docx` package: 1、 numbers,
 * （A） options, options in a 2×2 table, 【答案】【解析】 on one line, a 题号/答案 key table, Word's own
 * lettered list for options, no section headings at all.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { ItemContent } from '../item-model.ts';
import { proposeItemsFromDocx } from './word-import.ts';

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const row = (cells: string[]) =>
  new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) });
const build = (
  children: (Paragraph | Table)[],
  numbering?: ConstructorParameters<typeof Document>[0]['numbering'],
) => Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
const propose = async (
  children: (Paragraph | Table)[],
  numbering?: ConstructorParameters<typeof Document>[0]['numbering'],
) => proposeItemsFromDocx(await build(children, numbering), { subjectCode: '13', gradeCode: '13' });
const answer = (c: ItemContent) =>
  'correct' in c ? c.correct : 'blanks' in c ? c.blanks.map((b) => b.accepted) : c.type;

describe('Word import of other layouts', () => {
  it('1、 numbers, （A） options, 【答案】【解析】 on one line, a 题号/答案 key table', async () => {
    const out = await propose([
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('四年级数学单元练习')] }),
      p('一、选择题（每题 2 分）'),
      p('1、下面的数中，最大的是（  ）'),
      p('（A）0.5    （B）0.55    （C）0.505    （D）0.05'),
      p('【答案】B【解析】比较小数大小，先比整数部分，再依次比较十分位、百分位。'),
      p('2、一个三角形的两个内角分别是 30° 和 60°，它是（  ）三角形。'),
      new Table({ rows: [row(['A. 锐角', 'B. 直角']), row(['C. 钝角', 'D. 等腰'])] }),
      p('二、判断题'),
      p('3、两个完全一样的梯形可以拼成一个平行四边形。（  ）'),
      p('参考答案'),
      new Table({ rows: [row(['题号', '2', '3']), row(['答案', 'B', '√'])] }),
    ]);
    expect(out.title).toBe('四年级数学单元练习');
    expect(
      out.items.map((i) => [i.number, i.draft.content.type, answer(i.draft.content), i.draft.tags.score]),
    ).toEqual([
      ['1', 'single_choice', 'B', 2],
      ['2', 'single_choice', 'B', 2],
      ['3', 'true_false', true, 2],
    ]);
    const q1 = out.items[0]!.draft.content;
    expect(q1.type === 'single_choice' && q1.options.map((o) => o.body)).toEqual([
      '0.5',
      '0.55',
      '0.505',
      '0.05',
    ]);
    expect(q1.explanation).toContain('先比整数部分');
    const q2 = out.items[1]!.draft.content;
    expect(q2.type === 'single_choice' && q2.options.map((o) => o.body)).toEqual([
      '锐角',
      '直角',
      '钝角',
      '等腰',
    ]);
    expect(out.items[2]!.warnings).toEqual(['未找到第 3 题的分值，已按 2 分计']);
  });

  it('options in Word’s lettered list and no section headings', async () => {
    const letters = {
      config: [
        {
          reference: 'options',
          levels: [
            { level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    };
    const option = (text: string, instance: number) =>
      new Paragraph({
        numbering: { reference: 'options', level: 0, instance },
        children: [new TextRun(text)],
      });
    const out = await propose(
      [
        p('课堂小测'),
        p('1. “春风又绿江南岸”中“绿”字的词性是（  ）'),
        option('名词', 1),
        option('动词', 1),
        option('形容词', 1),
        p('答案：B'),
        p('2. 写出下列词语的近义词：美丽——（     ）'),
        p('答案：漂亮（或美好）'),
      ],
      letters,
    );
    expect(out.title).toBe('课堂小测');
    expect(out.items.map((i) => [i.draft.content.type, answer(i.draft.content)])).toEqual([
      ['single_choice', 'B'],
      ['fill_in', [['漂亮', '美好']]],
    ]);
    expect(out.items[0]!.warnings).toEqual(['未找到第 1 题的分值，已按 3 分计']);
    // Without a heading the type of a fill-in is a guess, and the teacher is told.
    expect(out.items[1]!.warnings).toContain('第 2 题的题型按内容推测为“填空题”，请核对');
  });
});
