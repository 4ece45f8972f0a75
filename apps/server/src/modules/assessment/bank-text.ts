/**
 * What the bank reads out of an item's content: its plain text (for search and duplicate
 * detection), the pictures it shows, and the checks its type's rules need beyond the Zod shape
 * (the correct answer among the options, every blank of the stem keyed). Pure, no I/O.
 */
import type { ItemContent, ItemTags, LeafItem } from './item-model.ts';

/** The rich-text fields of an item: stem, explanation, option bodies, reference answer, parts'. */
type RichKey = 'stem' | 'explanation' | 'reference';

/** A copy of `content` with every rich-text field passed through `fn` (sanitising, re-keying pictures). */
export function mapRich(content: ItemContent, fn: (xhtml: string) => string): ItemContent {
  const leaf = <T extends LeafItem | ItemContent>(c: T): T => {
    const out = { ...c } as T & Partial<Record<RichKey, string>>;
    for (const k of ['stem', 'explanation', 'reference'] as const) {
      const v = (c as Partial<Record<RichKey, string>>)[k];
      if (typeof v === 'string') out[k] = fn(v);
    }
    if ('options' in c)
      (out as { options: unknown }).options = c.options.map((o) => ({ ...o, body: fn(o.body) }));
    return out;
  };
  if (content.type === 'composite')
    return { ...leaf(content), parts: content.parts.map((p) => ({ ...p, content: leaf(p.content) })) };
  return leaf(content);
}

/** Every rich-text field's value, in reading order. */
export function richValues(content: ItemContent): string[] {
  const out: string[] = [];
  mapRich(content, (x) => {
    out.push(x);
    return x;
  });
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * The plain text of a rich-text fragment: formulas as their TeX (the annotation KaTeX and QTI keep),
 * a blank as （ ）, pictures dropped, tags removed, entities decoded, spaces collapsed.
 */
export function plainText(xhtml: string): string {
  return decode(
    xhtml
      .replace(/<math\b[\s\S]*?<\/math>/gi, (m) => {
        const tex =
          /<annotation\b[^>]*encoding\s*=\s*["']application\/x-tex["'][^>]*>([\s\S]*?)<\/annotation>/i.exec(
            m,
          );
        return ` ${tex ? tex[1] : m.replace(/<[^>]*>/g, '')} `;
      })
      .replace(/<span\b[^>]*data-blank\s*=[^>]*>\s*<\/span>/gi, '（ ）')
      .replace(/<(br|p|div|li|tr|td|th)\b[^>]*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** What search and duplicate detection compare: the stem, then each option, then the parts. */
export function itemText(content: ItemContent): string {
  const leaf = (c: LeafItem | ItemContent): string[] => [
    plainText(c.stem),
    ...('options' in c ? c.options.map((o) => `${o.id}. ${plainText(o.body)}`.trim()) : []),
  ];
  const parts = content.type === 'composite' ? content.parts.flatMap((p) => leaf(p.content)) : [];
  return [...leaf(content), ...parts].filter(Boolean).join(' ').slice(0, 20_000);
}

const PICTURE = /<img\b[^>]*\bsrc\s*=\s*["']hanlin-file:([^"']+)["']/gi;

/** The storage keys of the pictures an item shows (`<img src="hanlin-file:<key>">`), each once. */
export function pictureKeys(content: ItemContent): string[] {
  const keys = new Set<string>();
  for (const x of richValues(content)) for (const m of x.matchAll(PICTURE)) keys.add(m[1]!);
  return [...keys];
}

/** `content` with picture keys replaced by `to` (a copied item's own copies of the pictures). */
export function rekeyPictures(content: ItemContent, to: ReadonlyMap<string, string>): ItemContent {
  return mapRich(content, (x) =>
    x.replace(PICTURE, (m, key: string) => (to.has(key) ? m.replace(key, to.get(key)!) : m)),
  );
}

/** One problem of an item, at a path of the request body, in the one error shape's `details`. */
export interface ContentIssue {
  path: string;
  message: string;
}

const BLANK = /<span\b[^>]*\bdata-blank\s*=\s*["']([^"']+)["']/gi;

function leafIssues(c: LeafItem, at: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path: `${at}${path}`, message });
  if (!plainText(c.stem) && !/<img\b/i.test(c.stem)) add('.stem', '题干不能为空');
  if (c.type === 'single_choice' || c.type === 'multiple_choice') {
    const ids = c.options.map((o) => o.id);
    const expected = ids.map((_, i) => String.fromCharCode(65 + i));
    if (ids.join() !== expected.join()) add('.options', `选项应依次为 ${expected.join('、')}`);
    c.options.forEach((o, i) => {
      if (!plainText(o.body) && !/<img\b/i.test(o.body)) add(`.options[${i}].body`, `选项 ${o.id} 不能为空`);
    });
    const correct = c.type === 'single_choice' ? [c.correct] : c.correct;
    if (new Set(correct).size !== correct.length) add('.correct', '正确答案有重复的选项');
    for (const k of correct) if (!ids.includes(k)) add('.correct', `正确答案 ${k} 不在选项中`);
    if (c.type === 'multiple_choice' && correct.length < 2 && c.options.length > 2)
      add('.correct', '多选题至少应有两个正确选项；只有一个时请用单选题');
  }
  if (c.type === 'fill_in') {
    const inStem = [...c.stem.matchAll(BLANK)].map((m) => m[1]!);
    const keyed = c.blanks.map((b) => b.id);
    if (new Set(keyed).size !== keyed.length) add('.blanks', '空的编号有重复');
    if (new Set(inStem).size !== inStem.length) add('.stem', '题干中有重复编号的空');
    for (const id of inStem) if (!keyed.includes(id)) add('.blanks', `题干中的空「${id}」没有答案`);
    keyed.forEach((id, i) => {
      if (!inStem.includes(id)) add(`.blanks[${i}]`, `空「${id}」不在题干中`);
    });
    if (inStem.join() !== keyed.filter((k) => inStem.includes(k)).join())
      add('.blanks', '答案的顺序应与题干中空的顺序一致');
    const weights = c.blanks.map((b) => b.weight).filter((w): w is number => w !== undefined);
    if (
      weights.length > 0 &&
      (weights.length !== c.blanks.length || Math.abs(weights.reduce((a, b) => a + b, 0) - 1) > 1e-6)
    )
      add('.blanks', '各空的分值比例应全部填写且合计为 1');
  }
  if ((c.type === 'short_answer' || c.type === 'essay') && c.rubric.length > 0) {
    if (c.rubric.reduce((a, r) => a + r.points, 0) <= 0) add('.rubric', '评分细则的分值合计应大于 0');
  }
  return issues;
}

/**
 * The rules of an item's type that the Zod shape cannot say; empty when the item is well formed.
 * A composite's score tag is the sum of its parts' scores (each part is marked on its own).
 */
export function contentIssues(content: ItemContent, tags: Pick<ItemTags, 'score'>): ContentIssue[] {
  if (content.type !== 'composite') return leafIssues(content, 'content');
  const issues = content.parts.flatMap((p, i) => leafIssues(p.content, `content.parts[${i}].content`));
  if (!plainText(content.stem) && !/<img\b/i.test(content.stem))
    issues.push({ path: 'content.stem', message: '材料不能为空' });
  const sum = content.parts.reduce((a, p) => a + p.score, 0);
  if (Math.abs(sum - tags.score) > 1e-6)
    issues.push({ path: 'tags.score', message: `组合题的分值应等于各小题分值之和（${sum} 分）` });
  return issues;
}
