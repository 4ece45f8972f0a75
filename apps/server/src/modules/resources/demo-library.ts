import { volumeTitle } from '../curriculum/backbone.ts';
import type { TResourceKind } from './resources.schema.ts';

/** A lesson of the curriculum backbone, as the demo library is written from it. */
export type LibraryLesson = {
  id: string;
  title: string;
  subject: string;
  grade: string;
  term: number;
  unit: string;
  /** Position of the unit in its volume and of the lesson in its unit, from 1. */
  unitNo: number;
  lessonNo: number;
  kps: { id: string; name: string }[];
};

/** One published resource of the demo library, before it has an id, an author and files. */
export type LibraryEntry = {
  kind: TResourceKind;
  title: string;
  description: string;
  tags: string[];
  /** The file it comes with: the demo lesson video or the demo slides. */
  media: 'video' | 'pdf';
  /** How much learners take to it (0–1, a long tail): drives the demo's use and ratings. */
  appeal: number;
};

/** FNV-1a: a stable number from a text (demo data must be the same on every seed). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
/** A stable fraction 0 ≤ x < 1 from a text. */
export const frac = (text: string) => hash(text) / 2 ** 32;
const pick = <T>(list: readonly T[], key: string): T => list[hash(key) % list.length]!;

/**
 * Where a lesson is in the backbone (语文 5 上, unit 6, lesson 2): the key of every draw, stable
 * from seed to seed where the lesson's id is not.
 */
export const placeKey = (l: LibraryLesson) => `${l.subject}.${l.grade}.${l.term}.${l.unitNo}.${l.lessonNo}`;
const SUBJECT = { '13': '语文', '14': '数学', '41': '英语' } as Record<string, string>;

const kpText = (l: LibraryLesson, n = 2) =>
  l.kps
    .slice(0, n)
    .map((k) => `「${k.name}」`)
    .join('和') || `「${l.title}」`;

/** Where the lesson sits, as teachers say it: 人教版五年级下册第 6 单元「分数的加法和减法」. */
const place = (l: LibraryLesson) => `${volumeTitle(l.grade, l.term)}第 ${l.unitNo} 单元「${l.unit}」`;

const entry = (
  l: LibraryLesson,
  kind: TResourceKind,
  title: string,
  description: string,
  tags: string[],
): LibraryEntry => ({
  kind,
  title,
  description,
  tags: [...new Set([SUBJECT[l.subject]!, volumeTitle(l.grade, l.term), ...tags])],
  media: kind === 'micro_lesson' || kind === 'video' ? 'video' : 'pdf',
  appeal: frac(`${placeKey(l)}${title}`) ** 2,
});

const COURSEWARE_PARTS = [
  '情境导入、新知探究、巩固练习和课堂小结四个环节',
  '课前预习单、课堂活动和当堂检测',
  '学习目标、重难点突破、分层练习和板书设计',
];

/** Courseware and an exercise set for some lessons (by a stable draw), in every subject. */
function extras(l: LibraryLesson, name: string, exercises = true): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  // 'Unit 1 Hello! A Let's talk 教学课件', '《秋天》教学课件'
  const sep = /[A-Za-z0-9!?.]$/.test(name) ? ' ' : '';
  if (frac(`${placeKey(l)}c`) < 0.4)
    out.push(
      entry(
        l,
        'courseware',
        `${name}${sep}教学课件`,
        `${place(l)}配套课件，含${pick(COURSEWARE_PARTS, placeKey(l))}。重点：${kpText(l)}。`,
        ['课件'],
      ),
    );
  if (exercises && frac(`${placeKey(l)}e`) < 0.25)
    out.push(
      entry(
        l,
        'exercise_set',
        `${name}${sep}${pick(['分层练习', '课后练习', '同步练习'], `${placeKey(l)}e`)}`,
        `基础题、提升题、拓展题三层，共 ${8 + (hash(`${placeKey(l)}n`) % 9)} 题，附参考答案和易错点提示；对应${kpText(l, 1)}。`,
        ['练习', '作业设计'],
      ),
    );
  return out;
}

function chinese(l: LibraryLesson): LibraryEntry[] {
  const kpNames = l.kps.map((k) => k.name).join(' ');
  const special = /^(习作|写作|口语交际|语文园地|综合性学习|名著导读|快乐读书吧|课外古诗词)/.exec(
    l.title,
  )?.[1];
  const topic = l.title.split('：')[1] ?? l.title;
  // 习作《写日记》, 口语交际《商量》, 语文园地三·音序查字法, 《秋天》
  const named = special && /^(习作|写作|口语交际|名著导读)$/.test(special);
  const name = named ? `${special}《${topic}》` : special ? l.title.replace('：', '·') : `《${l.title}》`;
  const out: LibraryEntry[] = [];
  if (special === '习作' || special === '写作') {
    out.push(
      entry(
        l,
        'micro_lesson',
        `${name}指导微课`,
        `${place(l)}的${special}：从审题、选材到列提纲，借助一篇学生习作讲清${kpText(l)}，最后给出修改清单。`,
        [special, '作文', '微课'],
      ),
    );
  } else if (special === '口语交际') {
    out.push(
      entry(
        l,
        'micro_lesson',
        `${name}情境示范`,
        `两名同学现场演示${kpText(l, 1)}，老师点评说话的顺序、语气和倾听的礼貌。`,
        ['口语交际', '微课'],
      ),
    );
  } else if (special) {
    out.push(
      entry(l, 'courseware', `${name}教学课件`, `${place(l)}：${kpText(l)}的梳理与练习。`, [special, '课件']),
    );
  } else if (/^[a-zü ]+$/.test(l.title)) {
    out.push(
      entry(
        l,
        'video',
        `汉语拼音${name}拼读示范`,
        `${place(l)}：跟着老师读准${kpText(l, 1)}，看口型、听发音，再读拼音儿歌。`,
        ['汉语拼音', '拼读'],
      ),
    );
  } else if (/古诗|诗.?首|诗歌|词.?首|绝句/.test(l.title) || /古诗|诗意/.test(kpNames)) {
    out.push(
      entry(
        l,
        'video',
        `${name}朗读${pick(['与背诵指导', '与赏析', '（配乐）'], placeKey(l))}`,
        `古诗朗读：先读准字音，再读出节奏和韵味，${pick(['借助插图想象画面', '结合注释说说诗意', '体会诗人的情感'], `${placeKey(l)}p`)}，最后配乐背诵。`,
        ['古诗', '朗读', '背诵'],
      ),
      entry(
        l,
        'micro_lesson',
        `${name}微课：理解诗意`,
        `借助注释和插图逐句理解诗意，想象诗中描绘的画面；${kpText(l, 1)}。`,
        ['古诗', '诗意', '微课'],
      ),
    );
  } else if (/文言/.test(kpNames)) {
    out.push(
      entry(
        l,
        'video',
        `${name}朗读（停顿与节奏）`,
        '文言文朗读：标出句中停顿，读准通假字和多音字，读出文言的节奏。',
        ['文言文', '朗读'],
      ),
      entry(
        l,
        'micro_lesson',
        `${name}文言字词梳理`,
        `逐句梳理重点实词、虚词，对照注释翻译全文；${kpText(l, 1)}。`,
        ['文言文', '翻译', '微课'],
      ),
    );
  } else {
    out.push(
      entry(
        l,
        'video',
        `${name}课文朗读`,
        `${place(l)}课文${name}的${pick(['配乐范读，停顿和重音都做了标注', '慢速范读，适合跟读和检查预习', '分角色朗读，读出人物的语气'], placeKey(l))}。`,
        ['朗读', '范读', '课文'],
      ),
    );
    if (frac(`${placeKey(l)}m`) < 0.45)
      out.push(
        entry(
          l,
          'micro_lesson',
          `${name}微课：${l.kps[0]?.name ?? '读懂课文'}`,
          `抓住课文的关键语句，讲清${kpText(l)}，配有随堂小练习。`,
          ['微课'],
        ),
      );
  }
  // No exercise set for speaking and writing lessons: they are practised, not drilled.
  return [...out, ...extras(l, name, !/^(习作|写作|口语交际)$/.test(special ?? ''))];
}

const MATH_TEACHING = [
  (l: LibraryLesson) => `从生活情境引入，借助直观图和操作理解${kpText(l)}，再用两道例题巩固。`,
  (l: LibraryLesson) => `动画演示${kpText(l, 1)}的思考过程，归纳方法和易错点，最后留一道思考题。`,
  (l: LibraryLesson) => `一道例题讲透${kpText(l)}：先独立尝试，再对比不同方法，说清算理。`,
];

function math(l: LibraryLesson): LibraryEntry[] {
  const name = `《${l.title}》`;
  const title = pick([`${name}微课`, `${volumeTitle(l.grade, l.term)}数学${name}微课`], placeKey(l));
  return [
    entry(l, 'micro_lesson', title, `${place(l)}。${pick(MATH_TEACHING, placeKey(l))(l)}`, ['微课']),
    ...extras(l, name),
  ];
}

/** 英语 lessons are named by unit and section ('My classroom · A Let's talk', 'Section A 1a–2d: …'). */
function english(l: LibraryLesson): LibraryEntry[] {
  const section = l.title.includes(' · ') ? l.title.split(' · ')[1]! : l.title.split(':')[0]!;
  const name = `Unit ${l.unitNo} ${l.unit} ${section}`;
  const grammar = l.kps.find((k) => /[\u4e00-\u9fff]/.test(k.name))?.name ?? l.kps[0]?.name ?? l.unit;
  const out: LibraryEntry[] = [];
  if (/Let's spell|Pronunciation/.test(l.title))
    out.push(
      entry(l, 'micro_lesson', `${name} 自然拼读微课`, `${grammar}：听音、拼读、写词三步练习。`, [
        '自然拼读',
        '语音',
        '微课',
      ]),
    );
  else if (/Grammar Focus/.test(l.title))
    out.push(
      entry(
        l,
        'micro_lesson',
        `${name} 语法微课：${grammar}`,
        `用课文中的句子归纳${grammar}的用法，配有句型转换和情境练习。`,
        ['语法', '微课'],
      ),
    );
  else if (/Let's talk|1a/.test(l.title))
    out.push(
      entry(
        l,
        'video',
        `${name} 对话跟读`,
        `${place(l)}对话的慢速、常速朗读和角色扮演示范；功能句型：${grammar}。`,
        ['听说', '跟读', '朗读'],
      ),
    );
  else if (/Story time/.test(l.title))
    out.push(
      entry(l, 'video', `${name} 绘本动画`, '故事动画配英文字幕，适合课后复述和表演。', ['故事', '阅读']),
    );
  else
    out.push(
      entry(l, 'courseware', `${name} 阅读课课件`, `读前预测、读中找信息、读后表达三个环节；${grammar}。`, [
        '阅读',
        '课件',
      ]),
    );
  if (frac(`${placeKey(l)}m`) < 0.35 && out[0]!.kind !== 'micro_lesson')
    out.push(entry(l, 'micro_lesson', `${name} 微课`, `${place(l)}：讲解${grammar}，附课堂练习。`, ['微课']));
  return [...out, ...extras(l, name)];
}

/**
 * The demo library's published resources of a lesson, written as teachers of a city title and
 * describe them: every lesson has at least one (a micro-lesson, a reading, a courseware), many
 * have several. Deterministic: the same place in the backbone always gives the same entries.
 */
export function libraryEntries(l: LibraryLesson): LibraryEntry[] {
  if (l.subject === '13') return chinese(l);
  if (l.subject === '14') return math(l);
  return english(l);
}
