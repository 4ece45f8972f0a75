import { describe, expect, it } from 'vitest';
import { craftZipBomb } from '../../../testing/zip-bomb.ts';
import { DEFAULTS, fixture, folderFiles, zipFolder } from './qti-fixtures.ts';
import { importQti, type QtiIssue } from './qti-import.ts';
import { writePackage } from './qti-package.ts';

const errorsOf = async (input: Buffer, fileName = 'upload.xml'): Promise<QtiIssue[]> => {
  const r = await importQti(input, { fileName, defaults: DEFAULTS });
  if (r.ok) throw new Error('imported');
  return r.errors;
};
const errorsOfFixture = (name: string) => errorsOf(fixture(`errors/${name}`), name);

describe('every error names the file, the item and the line, and nothing is imported', () => {
  const cases: [string, Partial<Omit<QtiIssue, 'message'>> & { message: RegExp }][] = [
    ['malformed.xml', { line: 8, message: /XML 格式错误.*'p'/ }],
    ['hotspot.xml', { item: 'hotspot', line: 8, message: /不支持的交互类型 <qti-hotspot-interaction>/ }],
    [
      'undeclared-response.xml',
      {
        item: 'undeclared-response',
        line: 8,
        message: /response-identifier「RESPONSE2」没有对应的 qti-response-declaration/,
      },
    ],
    ['missing-correct.xml', { item: 'missing-correct', line: 3, message: /缺少正确答案/ }],
    [
      'cardinality-mismatch.xml',
      { item: 'cardinality-mismatch', line: 7, message: /声明为单选.*允许选 3 项/ },
    ],
    [
      'correct-not-an-option.xml',
      { item: 'correct-not-an-option', line: 3, message: /正确答案「C」不是本题的选项/ },
    ],
    ['entity-bomb.xml', { line: 2, message: /不允许 DOCTYPE/ }],
    ['qti2.xml', { line: 2, message: /QTI 2\.x/ }],
  ];
  for (const [name, expected] of cases) {
    it(name, async () => {
      const errors = await errorsOfFixture(name);
      const { message, ...place } = expected;
      expect(errors[0]).toMatchObject({ file: name, ...place });
      expect(errors[0]!.message).toMatch(message);
    });
  }

  it('script and event handlers in a body are refused where they stand', async () => {
    const errors = await errorsOfFixture('script.xml');
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [7, '不允许的元素 <script>'],
      [9, '<img> 的事件属性「onerror」不允许'],
    ]);
    expect(errors.every((e) => e.item === 'script')).toBe(true);
  });

  it('a package reports the errors of all its items at once', async () => {
    const files = [...folderFiles('stimulus-package')].map(([path, data]) => ({ path, data }));
    const broken = files.map((f) =>
      f.path === 'items/night_item2.xml'
        ? { ...f, data: f.data.toString().replace('<qti-value>ten</qti-value>', '') }
        : f.path === 'passages/night.xml'
          ? { ...f, data: f.data.toString().replace('src="images/title.png"', 'src="images/missing.png"') }
          : f,
    );
    broken.push({ path: 'items/extra.xml', data: fixture('errors/hotspot.xml') });
    const manifest = broken.find((f) => f.path === 'imsmanifest.xml')!;
    manifest.data = manifest.data
      .toString()
      .replace(
        ' </resources>',
        '<resource identifier="hotspot" type="imsqti_item_xmlv3p0" href="items/extra.xml"><file href="items/extra.xml"/></resource></resources>',
      );
    const errors = await errorsOf(writePackage(broken), 'night.zip');
    expect(errors.map((e) => `${e.file}:${e.line} ${e.item}`)).toEqual([
      'items/night_item2.xml:4 night-item2',
      'items/extra.xml:8 hotspot',
      'passages/night.xml:11 Stimulus1',
    ]);
    expect(errors[2]!.message).toMatch(/images\/missing.png」不在导入包中/);
  });

  it('a stimulus the package lacks, and a single item that needs one', async () => {
    const files = [...folderFiles('stimulus-package')]
      .filter(([path]) => path !== 'passages/night.xml')
      .map(([path, data]) => ({ path, data }));
    const errors = await errorsOf(writePackage(files), 'night.zip');
    expect(errors[0]).toMatchObject({ file: 'items/night_item1.xml', item: 'night-item1', line: 15 });
    expect(errors[0]!.message).toMatch(/材料「..\/passages\/night.xml」不在包中/);
    const single = await errorsOf(folderFiles('stimulus-package').get('items/night_item1.xml')!, 'one.xml');
    expect(single[0]!.message).toMatch(/请上传包含材料的内容包/);
  });

  it('a stimulus holding an interaction', async () => {
    const files = [...folderFiles('stimulus-package')].map(([path, data]) => ({
      path,
      data:
        path === 'passages/night.xml'
          ? data
              .toString()
              .replace(
                '<p class="author-line">佚名</p>',
                '<p><qti-text-entry-interaction response-identifier="R"/></p>',
              )
          : data,
    }));
    const errors = await errorsOf(writePackage(files), 'night.zip');
    expect(errors).toEqual([
      {
        file: 'passages/night.xml',
        item: 'Stimulus1',
        line: 15,
        column: 10,
        message: '材料中不能有作答交互 <qti-text-entry-interaction>',
      },
    ]);
  });

  it('a picture that is not an image by its bytes (an SVG, say) is refused', async () => {
    const files = [...folderFiles('stimulus-package')].map(([path, data]) => ({
      path,
      data: path.endsWith('.png')
        ? Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
        : data,
    }));
    const errors = await errorsOf(writePackage(files), 'night.zip');
    expect(errors[0]!.message).toMatch(/不在导入包中或不是支持的图片/);
  });

  it('a zip bomb is refused before it is inflated', async () => {
    const bomb = await craftZipBomb(
      zipFolder('stimulus-package'),
      'items/night_item1.xml',
      300 * 1024 * 1024,
    );
    await expect(importQti(bomb, { fileName: 'bomb.zip', defaults: DEFAULTS })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('a file that is neither XML nor a zip', async () => {
    const errors = await errorsOf(Buffer.from('%PDF-1.7 not xml'), 'paper.pdf');
    expect(errors[0]).toMatchObject({ file: 'paper.pdf', line: 1 });
  });
});
