/**
 * Just enough PDF reading for the printers' tests: the pages, their MediaBox, and their text,
 * decoded through each font's ToUnicode map (Chromium writes CJK text as two-byte glyph codes).
 * Not a general PDF parser: it reads what Chromium's PDF backend (Skia) writes.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export interface PdfPage {
  /** [x0, y0, x1, y1] in points. */
  mediaBox: number[];
  text: string;
}

function objects(buf: Buffer): Map<number, PdfObject> {
  const s = buf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const from = start + at + body.slice(at).indexOf('\n') + 1;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const raw = buf.subarray(
      from,
      Number.isFinite(length) ? from + length : start + body.lastIndexOf('endstream'),
    );
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return out;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(src!.toUpperCase(), utf16(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const width = lo!.length;
      const base = Number.parseInt(dst!, 16);
      for (let c = Number.parseInt(lo!, 16), i = 0; c <= Number.parseInt(hi!, 16); c++, i++) {
        map.set(
          c.toString(16).toUpperCase().padStart(width, '0'),
          utf16((base + i).toString(16).padStart(dst!.length, '0')),
        );
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1]);

/** The pages of a PDF with their sizes and text. */
export function inspectPdf(buf: Buffer): PdfPage[] {
  const objs = objects(buf);
  const maps = new Map<number, { map: Map<string, string>; width: number }>();
  /** A font's ToUnicode map and code width: two bytes for a composite (Type0) font, else one (Type3 …). */
  const fontMap = (id: number) => {
    if (!maps.has(id)) {
      const dict = objs.get(id)?.dict ?? '';
      const to = ref(dict, 'ToUnicode');
      maps.set(id, {
        map: to ? cmap(objs.get(to)?.stream?.toString('latin1') ?? '') : new Map(),
        width: /\/Subtype\s*\/Type0/.test(dict) ? 4 : 2,
      });
    }
    return maps.get(id)!;
  };
  const pages: PdfPage[] = [];
  for (const o of [...objs.entries()].sort(([a], [b]) => a - b).map(([, o]) => o)) {
    if (!/\/Type\s*\/Page\b/.test(o.dict)) continue;
    const mediaBox = (/\/MediaBox\s*\[([^\]]+)\]/.exec(o.dict)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(o.dict)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) fonts.set(name!, Number(id));
    const contents =
      /\/Contents\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(o.dict)?.[1] ?? '';
    let text = '';
    for (const [, id] of contents.matchAll(/(\d+) 0 R/g)) {
      const content = objs.get(Number(id))?.stream?.toString('latin1') ?? '';
      let font = { map: new Map<string, string>(), width: 4 };
      for (const tok of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
        if (tok[1]) font = fontMap(fonts.get(tok[1]) ?? -1);
        else if (tok[2] !== undefined) {
          for (let i = 0; i + font.width <= tok[2].length; i += font.width) {
            text += font.map.get(tok[2].slice(i, i + font.width).toUpperCase()) ?? '';
          }
        } else text += '\n';
      }
    }
    pages.push({ mediaBox, text });
  }
  return pages;
}
