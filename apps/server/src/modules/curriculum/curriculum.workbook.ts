import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Tx } from '../../platform/db/client.ts';
import { loadWorkbook, workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { BackboneData, KnowledgePointData } from './backbone.ts';
import { findCycle } from './graph.ts';

/**
 * The backbone's exchange workbook: sheet 「教材目录」 has one row per lesson (edition, grade, term,
 * unit, lesson, knowledge-point codes), sheet 「知识点」 one row per knowledge point with its
 * prerequisites. Export and import use the same columns, so an export re-imports unchanged.
 */
export const CATALOG_SHEET = '教材目录';
export const POINTS_SHEET = '知识点';

const CATALOG = [
  ['subject', '学科代码*'],
  ['edition', '教材版本*'],
  ['publisher', '出版社*'],
  ['grade', '年级代码*'],
  ['term', '册次*'],
  ['unitSeq', '单元序号*'],
  ['unit', '单元名称*'],
  ['lessonSeq', '课序号*'],
  ['lesson', '课名称*'],
  ['kps', '知识点编码'],
] as const;

const POINTS = [
  ['subject', '学科代码*'],
  ['code', '知识点编码*'],
  ['name', '知识点名称*'],
  ['grade', '年级代码*'],
  ['strand', '课标领域*'],
  ['prereqs', '先修知识点编码'],
  ['description', '说明'],
] as const;

export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const TERMS: Record<string, 1 | 2> = { 上册: 1, 下册: 2, '1': 1, '2': 2 };
const splitCodes = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

type Columns<T extends readonly (readonly [string, string])[]> = Record<T[number][0], string>;

function readRows<T extends readonly (readonly [string, string])[]>(
  wb: ExcelJS.Workbook,
  sheetName: string,
  columns: T,
  errors: RowError[],
): { row: number; cells: Columns<T> }[] {
  const sheet = wb.getWorksheet(sheetName);
  if (!sheet) {
    errors.push({ sheet: sheetName, row: 1, column: '', message: `工作簿中没有「${sheetName}」工作表` });
    return [];
  }
  const index = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => index.set(text(cell.value).replace(/[*＊\s]/g, ''), col));
  for (const [, header] of columns) {
    const plain = header.replace('*', '');
    if (header.endsWith('*') && !index.has(plain))
      errors.push({ sheet: sheetName, row: 1, column: plain, message: `缺少必填列「${plain}」` });
  }
  const rows: { row: number; cells: Columns<T> }[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const cells = {} as Columns<T>;
    let any = false;
    for (const [key, header] of columns) {
      const col = index.get(header.replace('*', ''));
      const v = col ? text(r.getCell(col).value) : '';
      if (v) any = true;
      (cells as Record<string, string>)[key] = v;
    }
    if (any) rows.push({ row: n, cells });
  });
  return rows;
}

/**
 * Parses and checks a workbook completely before anything is written: required cells, codes,
 * duplicate codes, lessons naming unknown points, prerequisites that do not exist, in the file or
 * already in the database, and cycles in the combined graph. Returns the backbones or the errors.
 */
export async function parseBackboneWorkbook(
  tx: Tx,
  buf: Buffer,
  known: { grades: Set<string>; subjects: Set<string> },
): Promise<{ backbones: BackboneData[]; errors: RowError[] }> {
  const wb = await loadWorkbook(buf);
  const errors: RowError[] = [];
  const err = (sheet: string, row: number, column: string, message: string) =>
    errors.push({ sheet, row, column, message });
  const pointRows = readRows(wb, POINTS_SHEET, POINTS, errors);
  const lessonRows = readRows(wb, CATALOG_SHEET, CATALOG, errors);
  if (errors.length > 0) return { backbones: [], errors };

  const points = new Map<string, KnowledgePointData & { subject: string; row: number }>();
  for (const { row, cells: c } of pointRows) {
    const before = errors.length;
    for (const [key, header] of POINTS)
      if (header.endsWith('*') && !c[key]) err(POINTS_SHEET, row, header.replace('*', ''), '不能为空');
    if (c.subject && !known.subjects.has(c.subject))
      err(POINTS_SHEET, row, '学科代码', `「${c.subject}」不是国家学科代码`);
    if (c.grade && !known.grades.has(c.grade))
      err(POINTS_SHEET, row, '年级代码', `「${c.grade}」不是年级代码`);
    const key = `${c.subject}/${c.code}`;
    if (c.code && points.has(key)) {
      err(POINTS_SHEET, row, '知识点编码', `编码「${c.code}」在第 ${points.get(key)!.row} 行已出现`);
      continue;
    }
    // A row with errors still takes part in the prerequisite checks, so all its errors show at once.
    if (errors.length > before && !(c.subject && c.code)) continue;
    points.set(key, {
      subject: c.subject,
      row,
      key: c.code,
      name: c.name,
      grade: c.grade,
      strand: c.strand,
      prereqs: splitCodes(c.prereqs),
      ...(c.description ? { description: c.description } : {}),
    });
  }

  // Codes and edges already in the database count too: a file may extend the existing graph.
  const subjects = [
    ...new Set([...points.values()].map((p) => p.subject).concat(lessonRows.map((r) => r.cells.subject))),
  ];
  const existing = await tx.execute<{ subject: string; code: string; pre: string | null }>(sql`
    select k.subject_code as subject, k.code, p.code as pre from knowledge_point k
      left join knowledge_edge e on e.knowledge_point_id = k.id left join knowledge_point p on p.id = e.prerequisite_id
     where k.subject_code = any(string_to_array(${subjects.join(',')}, ','))`);
  const graph = new Map<string, Set<string>>();
  const add = (key: string, pre?: string) => {
    if (!graph.has(key)) graph.set(key, new Set());
    if (pre) graph.get(key)!.add(pre);
  };
  for (const r of existing.rows) add(`${r.subject}/${r.code}`, r.pre ? `${r.subject}/${r.pre}` : undefined);
  for (const p of points.values()) add(`${p.subject}/${p.key}`);
  for (const p of points.values()) {
    for (const pre of p.prereqs) {
      const preKey = `${p.subject}/${pre}`;
      if (!graph.has(preKey)) err(POINTS_SHEET, p.row, '先修知识点编码', `先修知识点「${pre}」不存在`);
      else if (pre === p.key) err(POINTS_SHEET, p.row, '先修知识点编码', '知识点不能是自己的先修');
      else add(`${p.subject}/${p.key}`, preKey);
    }
  }
  const loop = findCycle(graph);
  if (loop) {
    const at = points.get(loop[0]!);
    err(
      POINTS_SHEET,
      at?.row ?? 1,
      '先修知识点编码',
      `先修关系形成循环：${loop.map((k) => k.split('/')[1]).join(' → ')}`,
    );
  }

  type Unit = { title: string; lessons: Map<number, { title: string; kps: string[] }> };
  const backbones = new Map<string, BackboneData>();
  /** backbone key → volume (grade/term) → unit position → unit */
  const volumes = new Map<string, Map<string, Map<number, Unit>>>();
  const seen = new Map<string, number>();
  for (const { row, cells: c } of lessonRows) {
    const before = errors.length;
    for (const [key, header] of CATALOG)
      if (header.endsWith('*') && !c[key]) err(CATALOG_SHEET, row, header.replace('*', ''), '不能为空');
    if (c.subject && !known.subjects.has(c.subject))
      err(CATALOG_SHEET, row, '学科代码', `「${c.subject}」不是国家学科代码`);
    if (c.grade && !known.grades.has(c.grade))
      err(CATALOG_SHEET, row, '年级代码', `「${c.grade}」不是年级代码`);
    const term = TERMS[c.term];
    if (c.term && !term) err(CATALOG_SHEET, row, '册次', '请填写「上册」或「下册」');
    const unitSeq = Number(c.unitSeq);
    const lessonSeq = Number(c.lessonSeq);
    if (c.unitSeq && !(Number.isInteger(unitSeq) && unitSeq > 0))
      err(CATALOG_SHEET, row, '单元序号', '应为正整数');
    if (c.lessonSeq && !(Number.isInteger(lessonSeq) && lessonSeq > 0))
      err(CATALOG_SHEET, row, '课序号', '应为正整数');
    const kps = splitCodes(c.kps);
    for (const k of kps)
      if (!graph.has(`${c.subject}/${k}`)) err(CATALOG_SHEET, row, '知识点编码', `知识点「${k}」不存在`);
    const slot = `${c.subject}/${c.edition}/${c.grade}/${term}/${unitSeq}/${lessonSeq}`;
    if (seen.has(slot)) err(CATALOG_SHEET, row, '课序号', `与第 ${seen.get(slot)} 行的单元、课序号重复`);
    if (errors.length > before || !term) continue;
    seen.set(slot, row);
    const bKey = `${c.subject}/${c.edition}`;
    if (!backbones.has(bKey)) {
      backbones.set(bKey, {
        subjectCode: c.subject,
        edition: { name: c.edition, publisher: c.publisher },
        volumes: [],
        knowledgePoints: [],
      });
      volumes.set(bKey, new Map());
    }
    const vols = volumes.get(bKey)!;
    const vKey = `${c.grade}/${term}`;
    if (!vols.has(vKey)) vols.set(vKey, new Map());
    const units = vols.get(vKey)!;
    if (!units.has(unitSeq)) units.set(unitSeq, { title: c.unit, lessons: new Map() });
    units.get(unitSeq)!.lessons.set(lessonSeq, { title: c.lesson, kps });
  }
  // Positions come from the sequence columns: gaps close up, order is kept.
  const byPosition = <T>(m: Map<number, T>) => [...m.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v);
  for (const [bKey, vols] of volumes) {
    backbones.get(bKey)!.volumes = [...vols.entries()].map(([vKey, units]) => {
      const [grade, term] = vKey.split('/');
      return {
        grade: grade!,
        term: Number(term) as 1 | 2,
        units: byPosition(units).map((u) => ({ title: u.title, lessons: byPosition(u.lessons) })),
      };
    });
  }
  // Points of a subject with no catalog rows still need a backbone to travel in.
  for (const p of points.values()) {
    let b = [...backbones.values()].find((x) => x.subjectCode === p.subject);
    if (!b) {
      b = { subjectCode: p.subject, edition: { name: '', publisher: '' }, volumes: [], knowledgePoints: [] };
      backbones.set(`${p.subject}/`, b);
    }
    const { subject: _s, row: _r, ...kp } = p;
    b.knowledgePoints.push(kp);
  }
  return { backbones: [...backbones.values()], errors };
}

/** The backbone of one subject as a workbook in the import format. */
export async function exportBackboneWorkbook(tx: Tx, subjectCode: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const catalog = wb.addWorksheet(CATALOG_SHEET);
  catalog.columns = CATALOG.map(([key, header]) => ({
    key,
    header,
    width: key === 'lesson' || key === 'unit' ? 28 : 12,
  }));
  const lessons = await tx.execute<Record<(typeof CATALOG)[number][0], string | number>>(sql`
    select e.subject_code as subject, e.name as edition, e.publisher, v.grade_code as grade,
           case v.term when 1 then '上册' else '下册' end as term, u.seq as "unitSeq", u.title as unit,
           l.seq as "lessonSeq", l.title as lesson,
           coalesce((select string_agg(k.code, '、' order by k.code) from lesson_knowledge_point lk
                       join knowledge_point k on k.id = lk.knowledge_point_id where lk.lesson_id = l.id), '') as kps
      from textbook_edition e join curriculum_node v on v.edition_id = e.id and v.kind = 'volume'
      join curriculum_node u on u.parent_id = v.id join curriculum_node l on l.parent_id = u.id
     where e.subject_code = ${subjectCode}
     order by e.name, v.grade_code, v.term, u.seq, l.seq`);
  for (const r of lessons.rows) catalog.addRow(r);
  const points = wb.addWorksheet(POINTS_SHEET);
  points.columns = POINTS.map(([key, header]) => ({ key, header, width: key === 'name' ? 30 : 14 }));
  const kps = await tx.execute<Record<(typeof POINTS)[number][0], string>>(sql`
    select k.subject_code as subject, k.code, k.name, k.grade_code as grade, k.strand,
           coalesce((select string_agg(p.code, '、' order by p.code) from knowledge_edge e
                       join knowledge_point p on p.id = e.prerequisite_id where e.knowledge_point_id = k.id), '') as prereqs,
           coalesce(k.description, '') as description
      from knowledge_point k where k.subject_code = ${subjectCode} and k.active order by k.grade_code, k.code`);
  for (const r of kps.rows) points.addRow(r);
  for (const s of [catalog, points]) {
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return workbookBuffer(wb);
}
