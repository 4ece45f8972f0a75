/**
 * Reading an uploaded file into proposed items, whatever its format: a Word paper, the .xlsx
 * template or a QTI 3.0 package (or one item document). The readers live beside (word/, qti/,
 * item-workbook); this file gives their results one shape, and their refusals the one error shape
 * with every problem by item and line. Pictures come back as bytes for the caller to store.
 */
import { AppError } from '../../platform/errors/app-error.ts';
import { MAX_FILE_BYTES } from '../../platform/xlsx/xlsx-file.ts';
import type { CodeBook } from '../roster-import/code-book.ts';
import type { TImportFormat } from './item-import.schema.ts';
import type { ItemDraft } from './item-model.ts';
import { readItemWorkbook } from './item-workbook.ts';
import { importQti, MAX_PACKAGE_BYTES, withStoredPictures } from './qti/index.ts';
import { tooLargeDocx } from './word/docx-errors.ts';
import { MAX_DOCX_BYTES, proposeItemsFromDocx, rebindImageKeys } from './word/word-import.ts';

/** One proposal at a time: more than a paper or a unit's worth is better split (and checked). */
export const MAX_PROPOSED = 300;

export interface ReadItem {
  label: string;
  section?: string;
  draft: ItemDraft;
  warnings: string[];
  missingAnswer: boolean;
  /** Knowledge-point codes the file names (the template, a QTI manifest), to match in the backbone. */
  knowledgePointCodes: string[];
}

export interface ReadPicture {
  /** What the drafts' pictures point at until stored: a Word key or a package path. */
  ref: string;
  bytes: Buffer;
  mime: string;
  webSafe: boolean;
}

export interface ReadResult {
  format: TImportFormat;
  title?: string;
  warnings: string[];
  items: ReadItem[];
  pictures: ReadPicture[];
  /** Points a draft at the stored pictures (ref → storage key). */
  rebind: (draft: ItemDraft, keys: ReadonlyMap<string, string>) => ItemDraft;
}

export interface ReadOptions {
  fileName: string;
  subjectCode: string;
  gradeCode: string;
  codes: CodeBook;
  /** Active knowledge point id by `subject:code`. */
  points: ReadonlyMap<string, string>;
}

/** A problem of a refused file, where the teacher finds it. */
export interface FileProblem {
  path: string;
  message: string;
  item?: string;
  line?: number;
  column?: number;
}

const refuse = (problems: FileProblem[], summary: string) =>
  new AppError(
    'validation_failed',
    `${summary}：${problems[0]?.message ?? ''}${problems.length > 1 ? `（共 ${problems.length} 处问题）` : ''}`,
    problems.slice(0, 500),
  );

const tooLarge = (what: string, bytes: number) =>
  new AppError('payload_too_large', `${what}不能超过 ${bytes / 1024 / 1024} MB`, { limitBytes: bytes });

/** The format of an upload by its name; the readers then check the bytes are what the name says. */
export function formatOf(fileName: string): TImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'zip' || ext === 'xml') return 'qti';
  throw new AppError(
    'unsupported_media_type',
    '只能导入 Word 试卷（.docx）、题目模板（.xlsx）或 QTI 3.0 内容包（.zip）及题目文件（.xml）',
    { fileName },
  );
}

export async function readUpload(bytes: Buffer, opts: ReadOptions): Promise<ReadResult> {
  const format = formatOf(opts.fileName);
  const result =
    format === 'docx'
      ? await readDocx(bytes, opts)
      : format === 'xlsx'
        ? await readXlsx(bytes, opts)
        : await readQti(bytes, opts);
  if (result.items.length > MAX_PROPOSED)
    throw new AppError(
      'validation_failed',
      `一次最多导入 ${MAX_PROPOSED} 道题（本文件有 ${result.items.length} 道），请拆分后分批导入`,
      [{ path: 'file', message: `题目过多（${result.items.length}）` }],
    );
  return result;
}

async function readDocx(bytes: Buffer, opts: ReadOptions): Promise<ReadResult> {
  if (bytes.length >= MAX_DOCX_BYTES) throw tooLargeDocx();
  const p = await proposeItemsFromDocx(bytes, { subjectCode: opts.subjectCode, gradeCode: opts.gradeCode });
  const pictures = p.images.map((i) => ({
    ref: i.key,
    bytes: i.bytes,
    mime: i.contentType,
    webSafe: i.webSafe,
  }));
  const unsafe = new Set(p.images.filter((i) => !i.webSafe).map((i) => i.key));
  return {
    format: 'docx',
    title: p.title,
    warnings: p.warnings,
    items: p.items.map((i) => {
      const json = JSON.stringify(i.draft.content);
      const odd = [...unsafe].some((k) => json.includes(`hanlin-file:${k}`));
      return {
        label: `第 ${i.number} 题`,
        section: i.section,
        draft: i.draft,
        warnings: [
          ...i.warnings,
          ...(odd ? ['图片格式（WMF/EMF/TIFF）浏览器无法显示，请换成 PNG 或 JPEG'] : []),
        ],
        missingAnswer: i.missingAnswer,
        knowledgePointCodes: [],
      };
    }),
    pictures,
    rebind: rebindImageKeys,
  };
}

async function readXlsx(bytes: Buffer, opts: ReadOptions): Promise<ReadResult> {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge('题目模板', MAX_FILE_BYTES);
  const r = await readItemWorkbook(bytes, {
    codes: opts.codes,
    knowledgePoint: (subject, code) => opts.points.get(`${subject}:${code}`),
  });
  if (!r.ok)
    throw refuse(
      r.errors.map((e) => ({
        path: `${e.sheet}!${e.column}${e.row}`,
        line: e.row,
        item: `第 ${e.row} 行`,
        message: `「${e.sheet}」第 ${e.row} 行「${e.column}」：${e.message}`,
      })),
      '题目模板有误，未导入任何题目',
    );
  if (r.items.length === 0)
    throw new AppError('validation_failed', '「题目」表中没有题目（第 1 行为表头，题目从第 2 行开始）', [
      { path: 'file', message: '没有题目' },
    ]);
  return {
    format: 'xlsx',
    warnings: [],
    items: r.items.map((i) => ({
      label: `第 ${i.row} 行`,
      draft: i.draft,
      warnings: [],
      missingAnswer: false,
      knowledgePointCodes: i.knowledgePointCodes,
    })),
    pictures: [],
    rebind: (d) => d,
  };
}

async function readQti(bytes: Buffer, opts: ReadOptions): Promise<ReadResult> {
  if (bytes.length > MAX_PACKAGE_BYTES) throw tooLarge('QTI 内容包', MAX_PACKAGE_BYTES);
  const r = await importQti(bytes, {
    fileName: opts.fileName,
    defaults: { subjectCode: opts.subjectCode, gradeCode: opts.gradeCode },
  });
  if (!r.ok)
    throw refuse(
      r.errors.map((e) => ({
        path: e.file,
        item: e.item,
        line: e.line,
        column: e.column,
        message: `${e.file}${e.item ? `（${e.item}）` : ''}第 ${e.line} 行第 ${e.column} 列：${e.message}`,
      })),
      'QTI 文件有误，未导入任何题目',
    );
  const points = new Set(opts.points.values());
  return {
    format: 'qti',
    warnings: [],
    items: r.items.map((i) => {
      const { draft, warnings } = matchPoints(i.draft, i.knowledgePointCodes, points, opts.points);
      return {
        label: i.identifier,
        draft,
        warnings,
        missingAnswer: false,
        knowledgePointCodes: i.knowledgePointCodes,
      };
    }),
    pictures: r.pictures.map((p) => ({ ref: p.path, bytes: p.bytes, mime: p.mediaType, webSafe: true })),
    rebind: (d, keys) => withStoredPictures(d, (path) => keys.get(path) ?? path),
  };
}

/**
 * Knowledge points of another installation: matched by code in this backbone where the file gives
 * codes, else kept when the id is one of ours; the rest are dropped with a warning.
 */
function matchPoints(
  draft: ItemDraft,
  codes: string[],
  ours: ReadonlySet<string>,
  byCode: ReadonlyMap<string, string>,
): { draft: ItemDraft; warnings: string[] } {
  const warnings: string[] = [];
  const ids: string[] = [];
  if (codes.length > 0) {
    for (const c of codes) {
      const id = byCode.get(`${draft.tags.subjectCode}:${c}`);
      if (id) ids.push(id);
      else warnings.push(`知识点「${c}」在本平台的知识图谱中找不到，已去掉，请重新选择`);
    }
  } else {
    for (const id of draft.tags.knowledgePointIds)
      if (ours.has(id)) ids.push(id);
      else warnings.push('有知识点在本平台的知识图谱中找不到，已去掉，请重新选择');
  }
  return {
    draft: { ...draft, tags: { ...draft.tags, knowledgePointIds: [...new Set(ids)].slice(0, 10) } },
    warnings: [...new Set(warnings)],
  };
}
