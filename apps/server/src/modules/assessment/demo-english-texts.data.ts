/**
 * Original passages of the demo bank's 英语 items: cloze tests (完形填空), reading with true/false
 * and choice questions (阅读理解), and writing tasks (书面表达). Written for the demo.
 */

export interface Cloze {
  band: 'p' | 'j';
  /** The text with (1)…(5) where the gaps are. */
  text: string;
  /** Per gap: the right word and the wrong ones. */
  gaps: (readonly [string, readonly string[]])[];
}

export const CLOZES: Cloze[] = [
  {
    band: 'p',
    text: 'Hello! My name is Lily. I am (1) years old. I am in Class 3, Grade 4. I have a good friend. (2) name is Mike. He is tall and thin. He (3) reading books. We often go to the library (4) Saturday afternoon. We are (5) friends.',
    gaps: [
      ['ten', ['tenth', 'a ten', 'the ten']],
      ['His', ['He', 'Her', 'Him']],
      ['likes', ['like', 'liking', 'is like']],
      ['on', ['in', 'at', 'for']],
      ['good', ['well', 'better', 'best']],
    ],
  },
  {
    band: 'p',
    text: 'It is Sunday today. The weather is (1). My family (2) to Yuexiu Park. My father is taking photos. My mother (3) the flowers. My little brother is playing (4) a ball. I am flying a kite. We are all very (5).',
    gaps: [
      ['sunny', ['rain', 'snow', 'wind']],
      ['goes', ['go', 'going', 'is go']],
      ['is watering', ['water', 'waters', 'watered']],
      ['with', ['in', 'on', 'at']],
      ['happy', ['sad', 'angry', 'tired']],
    ],
  },
  {
    band: 'j',
    text: 'Last summer, I took part in a volunteer project in a small village. Every morning, I (1) English to the children there. At first, they were too (2) to speak, so I sang English songs with them. Slowly, they began to (3) me. One day, a little girl gave me a picture she (4). In the picture, we were smiling under a big tree. I will never forget that summer, (5) it taught me how to care for others.',
    gaps: [
      ['taught', ['teach', 'learned', 'studied']],
      ['shy', ['brave', 'tall', 'busy']],
      ['trust', ['leave', 'forget', 'refuse']],
      ['had drawn', ['draws', 'will draw', 'is drawing']],
      ['because', ['although', 'unless', 'until']],
    ],
  },
  {
    band: 'j',
    text: 'Many students in Guangzhou go to school by subway. The subway is (1) and safe. However, it can be very crowded in the morning. Some students choose to ride bikes (2). Riding bikes is good for our health, and it does not (3) the air. But we should always (4) the traffic rules. If everyone makes a small change, our city will become (5) and cleaner.',
    gaps: [
      ['fast', ['slow', 'dirty', 'noisy']],
      ['instead', ['either', 'too', 'also']],
      ['pollute', ['protect', 'clean', 'improve']],
      ['follow', ['break', 'forget', 'change']],
      ['greener', ['green', 'greenest', 'more green']],
    ],
  },
];

export interface Reading {
  band: 'p' | 'j';
  text: string;
  /** [statement, true?] for 判断正误, then [question, right, wrong options] for choices. */
  judgements: (readonly [string, boolean])[];
  choices: (readonly [string, string, readonly string[]])[];
}

export const READINGS: Reading[] = [
  {
    band: 'p',
    text: 'Tom is my pen pal. He lives in London. He gets up at seven o’clock every day. He goes to school by bus. He likes PE and music. After school, he often plays football with his friends. On weekends, he usually visits his grandma. She lives on a farm. There are many cows and sheep on the farm.',
    judgements: [
      ['Tom lives in London.', true],
      ['Tom goes to school on foot.', false],
      ['Tom’s grandma lives on a farm.', true],
    ],
    choices: [
      [
        'What does Tom often do after school?',
        'He plays football.',
        ['He visits his grandma.', 'He plays the piano.', 'He reads books.'],
      ],
    ],
  },
  {
    band: 'j',
    text: 'Do you know how much time you spend on your phone? A survey of 500 middle school students in our city shows that about 60 percent of them use their phones for more than two hours a day. Most of the time is spent on games and short videos. Doctors say that using phones for too long is bad for our eyes and sleep. Some schools have started “phone-free days”. On these days, students put their phones away and take part in sports, reading and other activities. Many students say they feel more relaxed after a phone-free day.',
    judgements: [
      ['About 60 percent of the students use their phones for more than two hours a day.', true],
      ['Most of the time on phones is spent on studying.', false],
    ],
    choices: [
      [
        'What is the passage mainly about?',
        'Students’ phone use and “phone-free days”.',
        ['How to buy a good phone.', 'Why games are interesting.', 'How doctors help students.'],
      ],
      [
        'How do many students feel after a phone-free day?',
        'More relaxed.',
        ['More tired.', 'Bored.', 'Worried.'],
      ],
    ],
  },
];

/** Writing tasks: primary (10 points) and junior (15 points), by knowledge point. */
export const WRITING_EN: Record<string, { prompt: string; words: number }> = {
  'EN-15-016': {
    prompt: 'Write about your day. What do you do in the morning, in the afternoon and in the evening?',
    words: 40,
  },
  'EN-16-010': {
    prompt: 'Write an email to your pen pal Tom. Tell him about your school and your hobbies.',
    words: 50,
  },
  'EN-16-021': {
    prompt: 'Write a diary about your last weekend. What did you do? How did you feel?',
    words: 50,
  },
  'EN-21-009': {
    prompt: '你校英语俱乐部招募新成员。请写一则招募启事，包括活动内容、时间和联系方式。',
    words: 60,
  },
  'EN-21-024': {
    prompt: 'Write about a trip you took. Where did you go? What did you do? How was it?',
    words: 70,
  },
  'EN-22-010': {
    prompt: '请介绍一道你会做的家常菜的做法，用 First… Next… Then… Finally… 写出步骤。',
    words: 80,
  },
  'EN-22-015': { prompt: '你的朋友 Jim 最近学习压力很大，睡不好。请给他写一封建议信。', words: 80 },
  'EN-23-012': { prompt: 'Write a passage to introduce an invention that has changed our lives.', words: 80 },
  'EN-23-015': {
    prompt: 'Should students be allowed to bring phones to school? Give your opinion and reasons.',
    words: 80,
  },
  'EN-23-024': {
    prompt: '初中生活即将结束。请以 “My Junior High School Life” 为题，回顾你的收获并展望未来。',
    words: 80,
  },
};

/** What the demo's students write, sentence by sentence. */
export const ENGLISH_SENTENCES = [
  'I get up at half past six every morning.',
  'Then I have breakfast with my parents.',
  'I go to school by subway.',
  'My favourite subject is English because it is interesting.',
  'After school, I often play basketball with my friends.',
  'Last weekend, I visited Baiyun Mountain with my family.',
  'We took a lot of photos and had a picnic.',
  'I think it is important to be healthy.',
  'We should eat more vegetables and do more exercise.',
  'I have learned a lot in the past three years.',
  'I will never forget my teachers and classmates.',
  'I hope I can make more friends in the future.',
];
