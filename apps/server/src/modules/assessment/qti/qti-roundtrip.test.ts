import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemDraft } from '../item-model.ts';
import { draft, PICTURE_KEYS } from './item-arbitraries.ts';
import { exportQtiPackage, pictureKeysOf } from './qti-export.ts';
import { folderFiles, zipFolder } from './qti-fixtures.ts';
import { importQti, withStoredPictures } from './qti-import.ts';
import { readPackage } from './qti-package.ts';
import { SAMPLE_PICTURE_KEY, SAMPLE_PNG, sampleDrafts } from './qti-sample-drafts.ts';

const DEFAULTS = { subjectCode: 'x', gradeCode: 'x' };
const png = { bytes: SAMPLE_PNG, mediaType: 'image/png' };
const pictures = new Map([...PICTURE_KEYS, SAMPLE_PICTURE_KEY].map((k) => [k, png]));
/** The storage key each exported picture came from, by its package path (as the bank would store them). */
const keyOfPath = (path: string) =>
  [...pictures.keys()].find((k) => path === `media/${k.replace(/\//g, '-')}.png`) ?? `unknown/${path}`;

async function roundTrip(drafts: ReturnType<typeof itemDraft.parse>[]) {
  const zip = exportQtiPackage(drafts, { pictures });
  const r = await importQti(zip, { fileName: 'export.zip', defaults: DEFAULTS });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 5), null, 1));
  return r.items.map((i) => withStoredPictures(i.draft, keyOfPath));
}

describe('QTI round trip', () => {
  it('export then import gives back every item of every type unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { minLength: 1, maxLength: 4 }), async (drafts) => {
        expect(await roundTrip(drafts)).toEqual(drafts);
      }),
      { numRuns: 100 },
    );
  });

  it('covers each type in the sample bank, pictures included', async () => {
    const drafts = sampleDrafts().map((d) => itemDraft.parse(d));
    expect(new Set(drafts.map((d) => d.content.type)).size).toBe(7);
    expect(pictureKeysOf(drafts)).toEqual([SAMPLE_PICTURE_KEY]);
    expect(await roundTrip(drafts)).toEqual(drafts);
  });

  it('writes Hanlin’s own export as in the fixture, and reads the fixture back', async () => {
    const drafts = sampleDrafts().map((d) => itemDraft.parse(d));
    const written = await readPackage(exportQtiPackage(drafts, { pictures }));
    const fixture = folderFiles('hanlin-export');
    expect([...written.keys()].sort()).toEqual([...fixture.keys()].sort());
    for (const [path, bytes] of written)
      expect(bytes.toString('utf8'), path).toBe(fixture.get(path)!.toString('utf8'));
    const r = await importQti(zipFolder('hanlin-export'), {
      fileName: 'hanlin-export.zip',
      defaults: DEFAULTS,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.items.map((i) => withStoredPictures(i.draft, keyOfPath))).toEqual(drafts);
  });

  it('refuses to export what is not a valid stored item, listing the problems', () => {
    const [first] = sampleDrafts();
    const bad = { ...first!, content: { ...first!.content, stem: '<p onclick="x">a</p>' } } as typeof first;
    expect(() => exportQtiPackage([bad!], { pictures })).toThrow(/onclick/);
    const loose = { ...first!, content: { ...first!.content, stem: '<p class="x">a</p>' } } as typeof first;
    expect(() => exportQtiPackage([loose!], { pictures })).toThrow(/规范形式/);
    const missing = sampleDrafts().map((d) => itemDraft.parse(d));
    expect(() => exportQtiPackage(missing)).toThrow(/缺少文件内容/);
  });
});
