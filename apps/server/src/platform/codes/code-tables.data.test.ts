import { describe, expect, it } from 'vitest';
import { CODE_TABLES, type CodeEntry, type CodeTable } from './code-tables.data.ts';

function table(category: string): CodeTable {
  const found = CODE_TABLES.find((t) => t.category === category);
  if (!found) throw new Error(`missing code table ${category}`);
  return found;
}

function entry(category: string, code: string): CodeEntry {
  const found = table(category).entries.find((e) => e.code === code);
  if (!found) throw new Error(`missing code ${category}/${code}`);
  return found;
}

function codes(category: string): string[] {
  return table(category).entries.map((e) => e.code);
}

const EXPECTED_CATEGORIES = [
  'gender',
  'ethnicity',
  'id_type',
  'stage',
  'school_type',
  'grade',
  'subject',
  'division',
  'nationality',
  'health',
  'disability',
  'household_type',
  'entry_mode',
  'study_mode',
  'left_behind',
  'guardian_relation',
  'teacher_title',
];

describe('code tables: structure', () => {
  it('has exactly the expected categories, none duplicated', () => {
    const categories = CODE_TABLES.map((t) => t.category);
    expect(new Set(categories).size).toBe(categories.length);
    expect([...categories].sort()).toEqual([...EXPECTED_CATEGORIES].sort());
  });

  it('names a standard, a version and a title for every table', () => {
    for (const t of CODE_TABLES) {
      expect(t.standard.trim(), t.category).not.toBe('');
      expect(t.version.trim(), t.category).not.toBe('');
      expect(t.title.trim(), t.category).not.toBe('');
      expect(t.entries.length, t.category).toBeGreaterThan(0);
    }
  });

  it('has no duplicate code within a category', () => {
    for (const t of CODE_TABLES) {
      const list = t.entries.map((e) => e.code);
      const dupes = list.filter((c, i) => list.indexOf(c) !== i);
      expect(dupes, t.category).toEqual([]);
    }
  });

  it('gives every entry a non-empty code, zh and en label without stray whitespace', () => {
    for (const t of CODE_TABLES) {
      for (const e of t.entries) {
        const where = `${t.category}/${e.code}`;
        expect(e.code, where).toMatch(/^[0-9A-Z]+$/);
        expect(e.zh.trim(), where).not.toBe('');
        expect(e.en.trim(), where).not.toBe('');
        expect(e.zh, where).toBe(e.zh.trim());
        expect(e.en, where).toBe(e.en.trim());
      }
    }
  });

  it('keeps codes of one table at a consistent length where the standard is fixed-width', () => {
    const widths: Record<string, number> = {
      ethnicity: 2,
      school_type: 3,
      subject: 2,
      division: 6,
      nationality: 3,
      entry_mode: 2,
      guardian_relation: 2,
      grade: 2,
    };
    for (const [category, width] of Object.entries(widths)) {
      for (const code of codes(category)) expect(code, `${category}/${code}`).toHaveLength(width);
    }
  });

  it('resolves every parent: grade parents are stage codes, other parents are in the same table', () => {
    const stageCodes = new Set(codes('stage'));
    for (const t of CODE_TABLES) {
      const own = new Set(t.entries.map((e) => e.code));
      for (const e of t.entries) {
        if (e.parent === undefined) continue;
        const scope = t.category === 'grade' ? stageCodes : own;
        expect(scope.has(e.parent), `${t.category}/${e.code} -> ${e.parent}`).toBe(true);
      }
    }
    for (const e of table('grade').entries) expect(e.parent, `grade/${e.code}`).toBeDefined();
  });
});

describe('code tables: ethnicity (GB/T 3304-1991)', () => {
  it('has exactly the 56 codes 01–56 plus 97 and 98', () => {
    const expected = Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(codes('ethnicity')).toEqual([...expected, '97', '98']);
  });

  it('names each of the 56 groups with the 族 suffix and no group twice', () => {
    const groups = table('ethnicity').entries.filter((e) => Number(e.code) <= 56);
    expect(groups).toHaveLength(56);
    for (const e of groups) expect(e.zh, e.code).toMatch(/族$/);
    expect(new Set(groups.map((e) => e.zh)).size).toBe(56);
  });

  it('matches the standard on spot-checked codes', () => {
    expect(entry('ethnicity', '01').zh).toBe('汉族');
    expect(entry('ethnicity', '02').zh).toBe('蒙古族');
    expect(entry('ethnicity', '03').zh).toBe('回族');
    expect(entry('ethnicity', '04').zh).toBe('藏族');
    expect(entry('ethnicity', '10').zh).toBe('朝鲜族');
    expect(entry('ethnicity', '11').zh).toBe('满族');
    expect(entry('ethnicity', '36').zh).toBe('毛南族');
    expect(entry('ethnicity', '46').zh).toBe('德昂族');
    expect(entry('ethnicity', '56').zh).toBe('基诺族');
    expect(entry('ethnicity', '98').zh).toBe('外国血统中国籍人士');
    expect(entry('ethnicity', '09').en).toBe('Buyei');
  });
});

describe('code tables: division (GB/T 2260)', () => {
  const districts: Record<string, string> = {
    '440103': '荔湾区',
    '440104': '越秀区',
    '440105': '海珠区',
    '440106': '天河区',
    '440111': '白云区',
    '440112': '黄埔区',
    '440113': '番禺区',
    '440114': '花都区',
    '440115': '南沙区',
    '440117': '从化区',
    '440118': '增城区',
  };

  it('has the 11 Guangzhou districts under 440100, and 440100 under 440000', () => {
    const children = table('division').entries.filter((e) => e.parent === '440100');
    expect(children).toHaveLength(11);
    for (const [code, zh] of Object.entries(districts)) {
      const e = entry('division', code);
      expect(e.zh).toBe(zh);
      expect(e.parent).toBe('440100');
      expect(e.en).toMatch(/ District$/);
    }
    expect(entry('division', '440100').parent).toBe('440000');
    expect(entry('division', '440000').parent).toBeUndefined();
    expect(entry('division', '440104').en).toBe('Yuexiu District');
  });
});

describe('code tables: JY/T 1001 spot checks', () => {
  it('subject (ZXXKC) has 13 语文, 14 数学, 41 英语 and the rest of the list', () => {
    expect(entry('subject', '13').zh).toBe('语文');
    expect(entry('subject', '14').zh).toBe('数学');
    expect(entry('subject', '41').zh).toBe('英语');
    expect(entry('subject', '16').zh).toBe('物理');
    expect(entry('subject', '22').zh).toBe('体育与健康');
    expect(entry('subject', '27').zh).toBe('通用技术');
    expect(entry('subject', '43').zh).toBe('俄语');
    expect(entry('subject', '60').zh).toBe('综合实践活动');
    expect(codes('subject')).toHaveLength(25);
  });

  it('id_type (SFZJLX) uses the standard’s one-character codes', () => {
    expect(codes('id_type')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'Z']);
    expect(entry('id_type', '1').zh).toBe('居民身份证');
    expect(entry('id_type', '8').zh).toBe('台湾居民来往大陆通行证');
    expect(entry('id_type', 'A').zh).toBe('护照');
    expect(entry('id_type', 'B').zh).toBe('户口簿');
    expect(entry('id_type', 'Z').zh).toBe('其他');
  });

  it('school_type (BXLX) has the checked codes', () => {
    expect(entry('school_type', '111').zh).toBe('幼儿园');
    expect(entry('school_type', '211').zh).toBe('小学');
    expect(entry('school_type', '218').zh).toBe('小学教学点');
    expect(entry('school_type', '311').zh).toBe('初级中学');
    expect(entry('school_type', '312').zh).toBe('九年一贯制学校');
    expect(entry('school_type', '341').zh).toBe('完全中学');
    expect(entry('school_type', '342').zh).toBe('高级中学');
    expect(entry('school_type', '345').zh).toBe('十二年一贯制学校');
    expect(entry('school_type', '365').zh).toBe('职业高中学校');
    expect(entry('school_type', '415').zh).toBe('专科院校：高等职业学校');
    expect(codes('school_type')).not.toContain('367');
  });

  it('entry_mode (RXFS) and study_mode (JDFS) have the checked codes', () => {
    expect(entry('entry_mode', '01').zh).toBe('统一招生考试/普通入学');
    expect(entry('entry_mode', '03').zh).toBe('民族班');
    expect(entry('entry_mode', '05').zh).toBe('体育特招');
    expect(entry('entry_mode', '09').zh).toBe('外校转入');
    expect(entry('entry_mode', '99').zh).toBe('其他');
    expect(codes('study_mode')).toEqual(['1', '2']);
    expect(entry('study_mode', '2').zh).toBe('住校');
  });
});

describe('code tables: other spot checks', () => {
  it('grade codes sit under the right stage', () => {
    expect(entry('grade', '03')).toMatchObject({ zh: '中班', parent: '1' });
    expect(entry('grade', '11')).toMatchObject({ zh: '小学一年级', parent: '2' });
    expect(entry('grade', '16').parent).toBe('2');
    expect(entry('grade', '21').parent).toBe('3');
    expect(entry('grade', '24').parent).toBe('3');
    expect(entry('grade', '33')).toMatchObject({ zh: '高中三年级', parent: '4' });
    expect(entry('stage', '4').zh).toBe('普通高中');
  });

  it('gender, health and disability follow GB/T 2261.1, 2261.3 and 26341', () => {
    expect(codes('gender')).toEqual(['0', '1', '2', '9']);
    expect(entry('gender', '1').zh).toBe('男性');
    expect(entry('gender', '2').zh).toBe('女性');
    expect(codes('health')).toEqual(['1', '2', '3', '6']);
    expect(entry('health', '2').zh).toBe('一般或较弱');
    expect(entry('health', '6').zh).toBe('残疾');
    expect(entry('disability', '1').zh).toBe('视力残疾');
    expect(entry('disability', '3').zh).toBe('言语残疾');
    expect(entry('disability', '7').zh).toBe('多重残疾');
  });

  it('guardian_relation follows GB/T 4761-2008', () => {
    expect(entry('guardian_relation', '51').zh).toBe('父亲');
    expect(entry('guardian_relation', '52').zh).toBe('母亲');
    expect(entry('guardian_relation', '61').zh).toBe('祖父');
    expect(entry('guardian_relation', '62').zh).toBe('祖母');
    expect(entry('guardian_relation', '63').zh).toBe('外祖父');
    expect(entry('guardian_relation', '64').zh).toBe('外祖母');
    expect(entry('guardian_relation', '92').zh).toBe('表兄弟、表姐妹');
    expect(entry('guardian_relation', '97').zh).toBe('其他亲属');
    expect(entry('guardian_relation', '99').zh).toBe('非亲属');
  });

  it('nationality uses GB/T 2659 alpha-3 codes with the numeric code in sort', () => {
    expect(entry('nationality', 'CHN')).toMatchObject({ zh: '中国', sort: 156 });
    expect(entry('nationality', 'HKG').sort).toBe(344);
    expect(entry('nationality', 'MAC').sort).toBe(446);
    expect(entry('nationality', 'TWN').sort).toBe(158);
    expect(entry('nationality', 'USA').sort).toBe(840);
    expect(codes('nationality').length).toBeGreaterThanOrEqual(24);
    for (const code of codes('nationality')) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('household_type, left_behind and teacher_title have the checked codes', () => {
    expect(entry('household_type', '1').zh).toBe('农业户口');
    expect(entry('household_type', '2').zh).toBe('非农业户口');
    expect(codes('left_behind')).toEqual(['0', '1', '2']);
    expect(entry('left_behind', '2').zh).toBe('双亲留守儿童');
    expect(table('teacher_title').entries.map((e) => e.zh)).toEqual([
      '正高级教师',
      '高级教师',
      '一级教师',
      '二级教师',
      '三级教师',
    ]);
  });
});
