import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The ffmpeg of `@ffmpeg-installer` (shipped in the npm package), else one on PATH, else none. */
function ffmpegPath(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path as string;
    if (existsSync(path)) return path;
  } catch {
    // The platform has no prebuilt binary; try the system's.
  }
  return 'ffmpeg';
}

const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

/**
 * A short demo lesson video (H.264/AAC MP4, 640×360, `seconds` long, moov atom first so it starts
 * playing at once): a test pattern with a tone and, when a CJK font is installed, the title.
 * Undefined when no ffmpeg can run here.
 */
export async function demoVideo(title: string, pattern: 'testsrc2' | 'smptehdbars', seconds = 6) {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'hanlin-media-'));
  const out = join(dir, 'lesson.mp4');
  const font = CJK_FONTS.find((f) => existsSync(f));
  const text = title.replace(/[\\':%]/g, ' ');
  const draw = font
    ? `,drawbox=y=ih-80:w=iw:h=80:color=black@0.55:t=fill,drawtext=fontfile=${font}:text='${text}':fontcolor=white:fontsize=30:x=(w-text_w)/2:y=h-58`
    : '';
  try {
    await run(
      ffmpeg,
      [
        ...['-hide_banner', '-loglevel', 'error', '-y'],
        ...['-f', 'lavfi', '-i', `${pattern}=size=640x360:rate=25:duration=${seconds}`],
        ...['-f', 'lavfi', '-i', `sine=frequency=523:duration=${seconds}`],
        ...['-vf', `format=yuv420p${draw}`],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-c:a', 'aac', '-b:a', '64k'],
        ...['-movflags', '+faststart', '-shortest', out],
      ],
      { timeout: 60_000 },
    );
    return await readFile(out);
  } catch {
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A small PDF of `pages` slides drawn with the standard Helvetica font (ASCII text) and shapes: enough
 * for courseware previews in the browser without shipping binaries or fonts.
 */
export function demoPdf(heading: string, pages: string[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>');
  const kids: number[] = [];
  pages.forEach((lines, i) => {
    const content = [
      '0.118 0.310 0.639 rg 0 520 842 75 re f',
      `BT /F2 26 Tf 1 1 1 rg 40 548 Td (${esc(heading)}) Tj ET`,
      `BT /F1 12 Tf 1 1 1 rg 700 530 Td (${i + 1} / ${pages.length}) Tj ET`,
      '0.9 0.93 0.97 rg 40 60 762 420 re f',
      ...lines.map((l, j) => `BT /F1 20 Tf 0.1 0.1 0.1 rg 70 ${430 - j * 40} Td (${esc(l)}) Tj ET`),
      '0.118 0.310 0.639 RG 3 w 70 110 m 770 110 l S',
      ...Array.from({ length: 8 }, (_, k) => `${70 + k * 100} 100 m ${70 + k * 100} 120 l S`),
    ].join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
