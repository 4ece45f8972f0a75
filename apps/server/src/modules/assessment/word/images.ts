import { createHash } from 'node:crypto';

/** A picture taken out of a document: the caller stores `bytes` and rebinds `key` (see `rebindImageKeys`). */
export interface ExtractedImage {
  /** Stands in `<img src="hanlin-file:<key>">` until the caller stores the bytes under a key of its own. */
  key: string;
  bytes: Buffer;
  /** From the bytes, never from the file name or the package's content types. */
  contentType: string;
  extension: string;
  /** Where it was in the package, e.g. `word/media/image1.png`. */
  part: string;
  /** False for formats a browser cannot show (WMF, EMF, TIFF): the teacher should replace them. */
  webSafe: boolean;
}

interface Kind {
  contentType: string;
  extension: string;
  webSafe: boolean;
}

/** The picture format by its magic bytes; undefined for anything that is not a known picture. */
export function sniffImage(b: Buffer): Kind | undefined {
  const at = (i: number, hex: string) => b.subarray(i, i + hex.length / 2).toString('hex') === hex;
  if (at(0, '89504e470d0a1a0a')) return { contentType: 'image/png', extension: 'png', webSafe: true };
  if (at(0, 'ffd8ff')) return { contentType: 'image/jpeg', extension: 'jpg', webSafe: true };
  if (at(0, '47494638')) return { contentType: 'image/gif', extension: 'gif', webSafe: true };
  if (at(0, '52494646') && at(8, '57454250'))
    return { contentType: 'image/webp', extension: 'webp', webSafe: true };
  if (at(0, '424d')) return { contentType: 'image/bmp', extension: 'bmp', webSafe: true };
  if (at(0, '49492a00') || at(0, '4d4d002a'))
    return { contentType: 'image/tiff', extension: 'tif', webSafe: false };
  if (at(0, '01000000') && at(40, '20454d46'))
    return { contentType: 'image/emf', extension: 'emf', webSafe: false };
  if (at(0, 'd7cdc69a') || at(0, '01000900') || at(0, '02000900')) {
    return { contentType: 'image/wmf', extension: 'wmf', webSafe: false };
  }
  // SVG is left out on purpose: it can carry scripts, and Word keeps a PNG beside every SVG anyway.
  return undefined;
}

/** A key for a picture: the same picture twice in a paper is one file. */
export const imageKey = (bytes: Buffer) =>
  `docx-${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
