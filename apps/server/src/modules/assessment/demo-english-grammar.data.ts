/**
 * Grammar of the demo bank's 英语 items, by knowledge-point code (人教版 PEP and Go for it!):
 * sentences with one gap and their options (单项选择), and sentences asking for the right form of a
 * given word (用所给词的适当形式填空) with every accepted form. Written for the demo.
 */

/** [sentence with ___, the right option, wrong options]. */
export type GapChoice = readonly [string, string, readonly string[]];
/** [sentence with ___, the given word, accepted forms, a typical wrong form]. */
export type GapForm = readonly [string, string, readonly string[], string];

const be: GapChoice[] = [
  ['I ___ a student. My name is Li Ming.', 'am', ['is', 'are', 'be']],
  ['These apples ___ very sweet.', 'are', ['is', 'am', 'be']],
  ['— ___ your sister in Grade 5? — Yes, she is.', 'Is', ['Are', 'Am', 'Do']],
  ['My parents ___ at home last Sunday.', 'were', ['was', 'are', 'is']],
  ['There ___ a bottle of milk on the table yesterday.', 'was', ['were', 'is', 'are']],
];
const plural: GapChoice[] = [
  ['I can see three ___ in the picture.', 'boxes', ['box', 'boxs', "box's"]],
  ['There are many ___ on the farm.', 'sheep', ['sheeps', 'sheepes', 'a sheep']],
  ['Two ___ are talking under the tree.', 'women', ['woman', 'womans', 'womens']],
  ['Please brush your ___ before you go to bed.', 'teeth', ['tooth', 'tooths', 'teeths']],
  ['The ___ are playing football on the playground.', 'children', ['child', 'childs', 'childrens']],
];
const pronoun: GapChoice[] = [
  ['This is my friend Amy. I often play with ___.', 'her', ['she', 'hers', 'herself']],
  ['— Whose ruler is this? — It’s ___. My name is on it.', 'mine', ['my', 'me', 'I']],
  ['Help ___ to some fish, children.', 'yourselves', ['yourself', 'you', 'your']],
  ['Is there ___ interesting in today’s newspaper?', 'anything', ['something', 'nothing', 'everything']],
  ['Mr Wang teaches ___ English. We all like his class.', 'us', ['we', 'our', 'ours']],
];
const simplePresent: GapChoice[] = [
  ['My brother ___ to school by bike every day.', 'goes', ['go', 'going', 'went']],
  ['— ___ your father like tea? — Yes, he does.', 'Does', ['Do', 'Is', 'Are']],
  ['Lucy ___ have breakfast at home. She eats it at school.', "doesn't", ["don't", "isn't", "aren't"]],
  ['The sun ___ in the east.', 'rises', ['rise', 'rose', 'is rising']],
];
const frequency: GapChoice[] = [
  ['I ___ get up at 6:30. I am never late for school.', 'always', ['never', 'seldom', 'hardly']],
  ['— How ___ do you go swimming? — Twice a week.', 'often', ['long', 'soon', 'far']],
];
const can: GapChoice[] = [
  ['— Can you swim? — No, I ___.', "can't", ['can', "don't", 'am not']],
  ['My little sister can ___ the piano.', 'play', ['plays', 'playing', 'to play']],
];
const thereBe: GapChoice[] = [
  ['There ___ a park near my home.', 'is', ['are', 'have', 'has']],
  ['There ___ some milk in the fridge.', 'is', ['are', 'have', 'be']],
  ['— ___ there any birds in the tree? — Yes, there are.', 'Are', ['Is', 'Do', 'Have']],
  ['There ___ no tall buildings here twenty years ago.', 'were', ['was', 'are', 'is']],
];
const prepPlace: GapChoice[] = [
  ['The cat is ___ the desk and the chair.', 'between', ['behind', 'on', 'in']],
  [
    'The bus stop is ___ the library. You can see it when you come out.',
    'in front of',
    ['behind', 'under', 'between'],
  ],
];
const prepTime: GapChoice[] = [
  ['Children’s Day is ___ June 1st.', 'on', ['in', 'at', 'for']],
  ['We usually have lunch ___ 12 o’clock.', 'at', ['in', 'on', 'for']],
  ['My birthday is ___ May.', 'in', ['on', 'at', 'of']],
  ['We often go to the flower market ___ the evening of New Year’s Eve.', 'on', ['in', 'at', 'of']],
];
const continuous: GapChoice[] = [
  ['Look! The boys ___ basketball over there.', 'are playing', ['play', 'plays', 'played']],
  ['— What ___ your mother doing? — She’s cooking.', 'is', ['are', 'does', 'do']],
  ['Listen! Someone ___ in the next room.', 'is singing', ['sings', 'sang', 'sing']],
];
const future: GapChoice[] = [
  ['We ___ visit the Guangdong Museum next Saturday.', 'are going to', ['go to', 'went to', 'going to']],
  ['I think it ___ rain tomorrow. Take an umbrella.', 'will', ['is', 'was', 'did']],
  [
    '— What are you going to do this weekend? — I’m going to ___ my grandparents.',
    'visit',
    ['visits', 'visited', 'visiting'],
  ],
];
const compare: GapChoice[] = [
  ['Tom is ___ than his brother.', 'taller', ['tall', 'tallest', 'more tall']],
  ['This book is ___ interesting than that one.', 'more', ['much', 'most', 'very']],
  ['Canton Tower is one of the ___ buildings in Guangzhou.', 'tallest', ['taller', 'tall', 'most tall']],
  ['Of all the students, Li Hua runs ___.', 'fastest', ['faster', 'fast', 'the faster']],
  [
    'It’s getting ___ and ___ in winter.',
    'colder; colder',
    ['cold; cold', 'colder; coldest', 'coldest; coldest'],
  ],
];
const past: GapChoice[] = [
  ['I ___ my homework last night.', 'did', ['do', 'does', 'doing']],
  ['— ___ you go to the zoo last weekend? — No, I didn’t.', 'Did', ['Do', 'Were', 'Are']],
  ['We ___ a lot of photos on the school trip yesterday.', 'took', ['take', 'taked', 'takes']],
  ['She ___ to Beijing two years ago.', 'went', ['goes', 'go', 'has gone']],
];
const wh: GapChoice[] = [
  ['— ___ is your English teacher? — Miss Chen.', 'Who', ['What', 'Where', 'When']],
  ['— ___ do you like pandas? — Because they’re cute.', 'Why', ['What', 'Where', 'How']],
  ['— ___ is the party? — It’s on Friday evening.', 'When', ['Where', 'What', 'Who']],
];
const countable: GapChoice[] = [
  ['— How ___ water do you drink every day? — Six glasses.', 'much', ['many', 'long', 'often']],
  ['— How ___ students are there in your class? — Forty-six.', 'many', ['much', 'long', 'old']],
  ['Please give me ___ advice on learning English.', 'some', ['a', 'an', 'many']],
];
const rules: GapChoice[] = [
  ['Don’t ___ in the library. Keep quiet, please.', 'talk', ['talking', 'talks', 'to talk']],
  ['You ___ wear a uniform at school. It’s the rule.', 'must', ['can', 'may', 'would']],
];
const infinitive: GapChoice[] = [
  ['I hope ___ a doctor when I grow up.', 'to be', ['be', 'being', 'am']],
  ['My mother enjoys ___ Cantonese opera at weekends.', 'watching', ['watch', 'to watch', 'watches']],
  [
    'Remember ___ the lights when you leave the classroom.',
    'to turn off',
    ['turning off', 'turn off', 'turned off'],
  ],
];
const clauses: GapChoice[] = [
  ['If it ___ tomorrow, we will stay at home.', 'rains', ['will rain', 'rained', 'rain']],
  ['I was doing my homework ___ my mother came back.', 'when', ['while', 'until', 'since']],
  ['___ I was walking in the park, I met an old friend.', 'While', ['Until', 'Unless', 'Since']],
  ['You won’t pass the exam ___ you work harder.', 'unless', ['if', 'because', 'so']],
  ['He didn’t go to bed ___ he finished his homework.', 'until', ['when', 'because', 'so']],
];
const should: GapChoice[] = [
  ['You have a fever. You ___ go to see a doctor.', 'should', ["shouldn't", 'can’t', 'mustn’t']],
  ['— Whose bag is this? — It ___ be Lily’s. Her name is on it.', 'must', ["can't", 'might', 'need']],
];
const perfect: GapChoice[] = [
  ['I ___ already ___ my homework.', 'have; finished', ['has; finished', 'have; finish', 'am; finished']],
  [
    '— Where is Mr Li? — He ___ to Shanghai. He’ll be back next week.',
    'has gone',
    ['has been', 'went', 'goes'],
  ],
  ['We have lived in Guangzhou ___ ten years.', 'for', ['since', 'in', 'ago']],
  ['— Have you ever ___ to Hong Kong? — Yes, twice.', 'been', ['gone', 'go', 'went']],
];
const objectClause: GapChoice[] = [
  [
    'Could you tell me ___?',
    'where the post office is',
    ['where is the post office', 'where was the post office', 'the post office is where'],
  ],
  ['I don’t know ___ he will come to the party.', 'whether', ['what', 'which', 'who']],
  ['She said that she ___ busy then.', 'was', ['is', 'will be', 'be']],
];
const passive: GapChoice[] = [
  ['English ___ in many countries.', 'is spoken', ['speaks', 'is speaking', 'spoke']],
  ['This bridge ___ in 2010.', 'was built', ['built', 'is built', 'builds']],
  ['Students should ___ to choose their own clubs.', 'be allowed', ['allow', 'allowed', 'allowing']],
];
const relative: GapChoice[] = [
  ['I like music ___ I can dance to.', 'that', ['who', 'what', 'where']],
  ['The girl ___ is singing on the stage is my classmate.', 'who', ['which', 'what', 'where']],
];
const misc: GapChoice[] = [
  ['___ beautiful flowers they are!', 'What', ['How', 'What a', 'How a']],
  ['He learns English ___ listening to English songs.', 'by', ['with', 'in', 'on']],
  ['He ___ play football, but now he likes swimming.', 'used to', ['use to', 'is used to', 'used']],
  ['The funny story made us ___.', 'laugh', ['to laugh', 'laughing', 'laughed']],
  [
    'When I got to the cinema, the film ___ already ___.',
    'had; started',
    ['has; started', 'was; starting', 'have; start'],
  ],
  ['It’s time ___ bed. Good night!', 'for', ['to', 'of', 'at']],
  ['This is Tom’s bike. ___ bike is new.', 'His', ['He', 'Him', 'Her']],
  ['— Are ___ your shoes? — Yes, they are.', 'these', ['this', 'that', 'it']],
  ['This is ___ room. Her name is Amy.', "Amy's", ['Amys', "Amys'", 'Amy']],
];

export const GRAMMAR_CHOICES: Record<string, readonly GapChoice[]> = {
  'EN-13-001': be,
  'EN-21-006': be,
  'EN-16-018': be,
  'EN-13-015': plural,
  'EN-21-008': plural,
  'EN-14-007': pronoun,
  'EN-14-021': pronoun,
  'EN-22-001': pronoun,
  'EN-22-002': pronoun,
  'EN-14-012': misc.slice(8),
  'EN-14-016': misc.slice(5, 6),
  'EN-14-020': misc.slice(7, 8),
  'EN-15-004': simplePresent,
  'EN-16-008': simplePresent,
  'EN-21-010': simplePresent,
  'EN-15-005': frequency,
  'EN-15-008': can,
  'EN-15-009': thereBe,
  'EN-15-011': thereBe,
  'EN-16-023': thereBe,
  'EN-15-010': prepPlace,
  'EN-15-019': prepTime,
  'EN-15-024': continuous,
  'EN-15-025': continuous,
  'EN-21-019': continuous,
  'EN-16-005': future,
  'EN-22-009': future,
  'EN-16-015': compare,
  'EN-22-005': compare,
  'EN-22-007': compare,
  'EN-16-017': past,
  'EN-16-022': past,
  'EN-21-023': past,
  'EN-13-007': wh,
  'EN-21-013': wh,
  'EN-21-012': countable,
  'EN-22-011': countable,
  'EN-21-017': rules,
  'EN-22-008': infinitive,
  'EN-23-023': infinitive,
  'EN-22-014': clauses,
  'EN-22-020': clauses,
  'EN-22-021': clauses,
  'EN-22-022': clauses,
  'EN-22-024': clauses,
  'EN-22-017': should,
  'EN-23-016': should,
  'EN-22-026': perfect,
  'EN-22-028': perfect,
  'EN-22-030': perfect,
  'EN-23-003': objectClause,
  'EN-23-006': objectClause,
  'EN-23-007': objectClause,
  'EN-23-010': passive,
  'EN-23-011': passive,
  'EN-23-013': passive,
  'EN-23-017': relative,
  'EN-23-004': misc.slice(0, 1),
  'EN-23-001': misc.slice(1, 2),
  'EN-23-008': misc.slice(2, 3),
  'EN-23-019': misc.slice(3, 4),
  'EN-23-020': misc.slice(4, 5),
};

/** 用所给词的适当形式填空, by grammar point. */
export const GRAMMAR_FORMS: Record<string, readonly GapForm[]> = {
  'EN-13-015': [['I have two ___ (box) of crayons.', 'box', ['boxes'], 'boxs']],
  'EN-15-004': [['Amy often ___ (read) books after dinner.', 'read', ['reads'], 'read']],
  'EN-16-008': [
    ['My uncle ___ (teach) maths in a middle school.', 'teach', ['teaches'], 'teachs'],
    ['She ___ (watch) TV every evening.', 'watch', ['watches'], 'watchs'],
  ],
  'EN-15-024': [['Look! The girls are ___ (swim) in the river.', 'swim', ['swimming'], 'swiming']],
  'EN-15-025': [
    ['— What are you doing? — I ___ (draw) a picture.', 'draw', ['am drawing', "'m drawing"], 'drawing'],
  ],
  'EN-16-015': [['My school bag is ___ (heavy) than yours.', 'heavy', ['heavier'], 'heavyer']],
  'EN-22-007': [['This is the ___ (good) film I have ever seen.', 'good', ['best'], 'goodest']],
  'EN-16-017': [['We ___ (visit) Shamian Island last Sunday.', 'visit', ['visited'], 'visit']],
  'EN-16-022': [['I ___ (buy) a new dictionary yesterday.', 'buy', ['bought'], 'buyed']],
  'EN-21-023': [
    ['I ___ (not go) to the cinema last night.', 'not go', ["didn't go", 'did not go'], "don't go"],
  ],
  'EN-21-010': [
    ['Tom ___ (not like) vegetables.', 'not like', ["doesn't like", 'does not like'], "don't like"],
  ],
  'EN-22-026': [
    [
      '— Have you done your homework? — Yes, I have already ___ (finish) it.',
      'finish',
      ['finished'],
      'finish',
    ],
  ],
  'EN-23-010': [
    ['Chopsticks ___ (use) by Chinese people for thousands of years.', 'use', ['have been used'], 'used'],
  ],
  'EN-23-011': [['The Great Wall ___ (build) a long time ago.', 'build', ['was built'], 'built']],
  'EN-22-002': [
    ['Be careful with the knife. Don’t hurt ___ (you).', 'you', ['yourself', 'yourselves'], 'you'],
  ],
  'EN-23-023': [['Thank you for ___ (help) me with my English.', 'help', ['helping'], 'help']],
};

/** 汉译英 (short answers, marked by the teacher): [中文, reference, a partly right translation]. */
export const TRANSLATIONS: Record<string, readonly (readonly [string, string, string])[]> = {
  'EN-15-004': [
    ['我每天骑自行车上学。', 'I go to school by bike every day.', 'I go to school by a bike every day.'],
  ],
  'EN-16-005': [
    [
      '这个周末我们打算去越秀公园。',
      'We are going to visit Yuexiu Park this weekend.',
      'We will going to Yuexiu Park this weekend.',
    ],
  ],
  'EN-16-022': [
    [
      '昨天我和朋友们去了图书馆。',
      'I went to the library with my friends yesterday.',
      'I go to the library with my friends yesterday.',
    ],
  ],
  'EN-22-026': [
    ['我已经完成了作业。', 'I have already finished my homework.', 'I have already finish my homework.'],
  ],
  'EN-22-014': [
    [
      '如果明天下雨，我们就待在家里。',
      'If it rains tomorrow, we will stay at home.',
      'If it will rain tomorrow, we will stay at home.',
    ],
  ],
  'EN-23-010': [
    ['英语在许多国家被使用。', 'English is used in many countries.', 'English uses in many countries.'],
  ],
  'EN-23-017': [
    [
      '我喜欢能让我放松的音乐。',
      'I like music that can help me relax.',
      'I like music which can help me relaxing.',
    ],
  ],
};
