import { describe, expect, it } from 'vitest';
import { BACKBONES } from '../../demo/curriculum/index.ts';
import type { BankLesson } from './demo-bank-lesson.ts';
import { type BankAuthor, planBank, planFingerprint } from './demo-bank-plan.ts';
import { ex, f } from './demo-formula.ts';
import { MATH_GENS } from './demo-math.ts';
import { gradeLeaf } from './grading.ts';
import { itemContent, type LeafItem } from './item-model.ts';
import { texToMathML } from './rich-text.ts';

/** The backbone's lessons of grades 3–9 as the bank's planner reads them (no database). */
const lessons: BankLesson[] = BACKBONES.flatMap((bb) => {
  const kps = new Map(bb.knowledgePoints.map((k) => [k.key, k]));
  return bb.volumes
    .filter((v) => v.grade >= '13' && v.grade <= '23')
    .flatMap((v) =>
      v.units.flatMap((u, ui) =>
        u.lessons.map((l, li) => ({
          id: `${bb.subjectCode}.${v.grade}.${v.term}.${ui}.${li}`,
          title: l.title,
          subject: bb.subjectCode,
          grade: v.grade,
          term: v.term,
          unit: u.title,
          unitNo: ui + 1,
          lessonNo: li + 1,
          kps: l.kps.map((c) => ({ id: c, code: c, name: kps.get(c)!.name, strand: kps.get(c)!.strand })),
        })),
      ),
    );
});
const authors: BankAuthor[] = ['13', '14', '41'].flatMap((subject) =>
  ['13', '14', '15', '16', '21', '22', '23'].map((grade) => ({
    id: `${subject}${grade}`,
    schoolId: 's',
    districtId: 'd',
    schoolPath: 'c.d.s',
    district: '越秀区',
    subject,
    grade,
  })),
);
const NOW = Date.UTC(2026, 11, 5, 9);

describe('the demo bank generators', () => {
  it('cover every mathematics knowledge point of grades 3–9', () => {
    const math = BACKBONES.find((b) => b.subjectCode === '14')!;
    const uncovered = math.knowledgePoints.filter(
      (k) => k.grade >= '13' && k.grade <= '23' && !MATH_GENS[k.key]?.length,
    );
    expect(uncovered.map((k) => `${k.key} ${k.name}`)).toEqual([]);
  });

  it('write valid items whose keys the grader accepts and whose usual slips it does not', () => {
    const items = planBank({ seed: 7, now: NOW, lessons, authors });
    expect(items.length).toBeGreaterThan(3000);
    const bad: string[] = [];
    for (const i of items) {
      if (!itemContent.safeParse(i.content).success) bad.push(`invalid: ${i.stemText.slice(0, 40)}`);
      const leaves: [LeafItem, (typeof i.draft.hints)[number] | undefined][] =
        i.content.type === 'composite'
          ? i.content.parts.map((p, k) => [p.content, i.draft.hints[k]])
          : [[i.content, i.draft.hints[0]]];
      for (const [c, hint] of leaves) {
        if (c.type === 'fill_in')
          for (const b of c.blanks) {
            const one = { ...c, blanks: [b] };
            for (const a of b.accepted)
              if (gradeLeaf(one, { blanks: { [b.id]: a } }, 2).status !== 'correct')
                bad.push(`key «${a}» not accepted: ${i.stemText.slice(0, 40)}`);
            for (const w of hint?.wrong?.[b.id] ?? [])
              if (gradeLeaf(one, { blanks: { [b.id]: w } }, 2).status === 'correct')
                bad.push(`slip «${w}» accepted: ${i.stemText.slice(0, 40)}`);
          }
        if (c.type === 'single_choice')
          for (const l of hint?.lures ?? [])
            if (gradeLeaf(c, { choice: l }, 2).status !== 'wrong')
              bad.push(`lure ${l} right: ${i.stemText.slice(0, 40)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('give the same bank for the same seed and day, another for another seed', () => {
    const a = planFingerprint(planBank({ seed: 7, now: NOW, lessons, authors }));
    expect(planFingerprint(planBank({ seed: 7, now: NOW + 3_600_000, lessons, authors }))).toBe(a);
    expect(planFingerprint(planBank({ seed: 8, now: NOW, lessons, authors }))).not.toBe(a);
  });

  it('never repeat a stem, and draw every type from the three subjects', () => {
    const items = planBank({ seed: 7, now: NOW, lessons, authors });
    expect(new Set(items.map((i) => i.stemText)).size).toBe(items.length);
    for (const subject of ['13', '14', '41'])
      expect(items.filter((i) => i.lesson.subject === subject).length).toBeGreaterThan(600);
  });
});

describe('the demo formula builder', () => {
  it('writes what the bank stores for the same TeX (KaTeX, sanitised), for every formula of the bank', () => {
    const formulas = new Set<string>();
    const walk = (x: unknown): void => {
      if (typeof x === 'string') for (const m of x.matchAll(/<math[\s\S]*?<\/math>/g)) formulas.add(m[0]);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    for (const i of planBank({ seed: 7, now: NOW, lessons, authors })) walk(i.content);
    expect(formulas.size).toBeGreaterThan(500);
    const off: string[] = [];
    for (const m of formulas) {
      const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(m)![1]!;
      const theirs = texToMathML(
        tex.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
      );
      if (theirs !== m) off.push(`${tex}: ${m} ≠ ${theirs}`);
    }
    expect(off.slice(0, 5)).toEqual([]);
  });

  it('writes MathML with the TeX as annotation', () => {
    const m = f('{3/4} + x^2 = √{a + 1}');
    expect(m).toContain('<mfrac><mn>3</mn><mn>4</mn></mfrac>');
    expect(m).toContain('<msup><mi>x</mi><mn>2</mn></msup>');
    expect(m).toContain('<msqrt>');
    expect(m).toContain(
      '<annotation encoding="application/x-tex">\\frac{3}{4}+x^{2}=\\sqrt{a+1}</annotation>',
    );
    expect(ex('a < b').ml).toContain('<mo>&lt;</mo>');
    expect(() => ex('3 § 4')).toThrow(/unknown character/);
  });
});
