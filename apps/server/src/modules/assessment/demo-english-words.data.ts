/**
 * Words, dialogues, sounds and culture of the demo bank's 英语 items, by knowledge-point code where
 * they belong to one. Written for the demo.
 */

/** Word groups: [English, 中文]. */
export const WORDS: Record<string, readonly (readonly [string, string])[]> = {
  colours: [
    ['red', '红色'],
    ['yellow', '黄色'],
    ['green', '绿色'],
    ['blue', '蓝色'],
    ['black', '黑色'],
    ['white', '白色'],
    ['orange', '橙色'],
    ['purple', '紫色'],
  ],
  animals: [
    ['panda', '熊猫'],
    ['monkey', '猴子'],
    ['elephant', '大象'],
    ['tiger', '老虎'],
    ['rabbit', '兔子'],
    ['giraffe', '长颈鹿'],
    ['kangaroo', '袋鼠'],
    ['zebra', '斑马'],
  ],
  food: [
    ['bread', '面包'],
    ['rice', '米饭'],
    ['noodles', '面条'],
    ['milk', '牛奶'],
    ['juice', '果汁'],
    ['eggs', '鸡蛋'],
    ['fish', '鱼肉'],
    ['chicken', '鸡肉'],
  ],
  classroom: [
    ['window', '窗户'],
    ['board', '写字板'],
    ['light', '灯'],
    ['door', '门'],
    ['desk', '课桌'],
    ['computer', '电脑'],
    ['picture', '图画'],
    ['fan', '风扇'],
  ],
  rooms: [
    ['bedroom', '卧室'],
    ['kitchen', '厨房'],
    ['bathroom', '浴室'],
    ['living room', '客厅'],
    ['study', '书房'],
  ],
  jobs: [
    ['doctor', '医生'],
    ['nurse', '护士'],
    ['teacher', '教师'],
    ['driver', '司机'],
    ['farmer', '农民'],
    ['cook', '厨师'],
    ['police officer', '警察'],
    ['scientist', '科学家'],
  ],
  farm: [
    ['horse', '马'],
    ['cow', '奶牛'],
    ['sheep', '绵羊'],
    ['hen', '母鸡'],
    ['tomato', '西红柿'],
    ['potato', '土豆'],
    ['carrot', '胡萝卜'],
    ['onion', '洋葱'],
  ],
  days: [
    ['Monday', '星期一'],
    ['Tuesday', '星期二'],
    ['Wednesday', '星期三'],
    ['Thursday', '星期四'],
    ['Friday', '星期五'],
    ['Saturday', '星期六'],
    ['Sunday', '星期日'],
  ],
  subjects: [
    ['Chinese', '语文'],
    ['maths', '数学'],
    ['English', '英语'],
    ['music', '音乐'],
    ['art', '美术'],
    ['science', '科学'],
    ['PE', '体育'],
  ],
  months: [
    ['January', '一月'],
    ['March', '三月'],
    ['May', '五月'],
    ['July', '七月'],
    ['September', '九月'],
    ['October', '十月'],
    ['November', '十一月'],
    ['December', '十二月'],
  ],
  transport: [
    ['bus', '公共汽车'],
    ['subway', '地铁'],
    ['bike', '自行车'],
    ['train', '火车'],
    ['plane', '飞机'],
    ['ship', '轮船'],
    ['taxi', '出租车'],
  ],
  feelings: [
    ['happy', '高兴的'],
    ['angry', '生气的'],
    ['afraid', '害怕的'],
    ['worried', '担心的'],
    ['sad', '难过的'],
    ['tired', '疲倦的'],
  ],
  character: [
    ['kind', '和蔼的'],
    ['strict', '严格的'],
    ['funny', '滑稽的'],
    ['shy', '害羞的'],
    ['clever', '聪明的'],
    ['helpful', '有用的；乐于助人的'],
    ['polite', '有礼貌的'],
  ],
  numbers: [
    ['twenty-one', '二十一'],
    ['thirty', '三十'],
    ['forty-five', '四十五'],
    ['fifty', '五十'],
    ['sixty-eight', '六十八'],
    ['eighty', '八十'],
    ['ninety-nine', '九十九'],
    ['one hundred', '一百'],
  ],
};

/** The word groups a vocabulary knowledge point practises. */
export const WORDS_OF: Record<string, readonly string[]> = {
  'EN-13-004': ['colours'],
  'EN-13-008': ['animals'],
  'EN-13-009': ['food'],
  'EN-14-001': ['classroom'],
  'EN-14-008': ['rooms'],
  'EN-14-011': ['jobs'],
  'EN-14-017': ['numbers'],
  'EN-14-019': ['farm'],
  'EN-15-001': ['character'],
  'EN-15-003': ['days', 'subjects'],
  'EN-15-018': ['months'],
  'EN-16-003': ['transport'],
  'EN-16-013': ['feelings'],
  'EN-16-012': ['jobs'],
};

/** Short dialogues: [question or opener, the right answer, wrong answers]. */
export const DIALOGUES: Record<string, readonly (readonly [string, string, readonly string[]])[]> = {
  'EN-13-004': [['What colour is it?', 'It’s green.', ['It’s a pen.', 'I’m fine.', 'Yes, it is.']]],
  'EN-13-009': [['Have some bread, please.', 'Thank you.', ['I’m nine.', 'Goodbye.', 'It’s red.']]],
  'EN-13-010': [['How old are you?', 'I’m nine.', ['I’m fine.', 'I’m Tom.', 'It’s nine.']]],
  'EN-13-012': [
    ['Where are you from?', 'I’m from China.', ['I’m ten.', 'I’m in Class 2.', 'It’s from China.']],
  ],
  'EN-13-014': [['Who’s that man?', 'He’s my father.', ['She’s my mother.', 'It’s a man.', 'Yes, he is.']]],
  'EN-14-002': [
    ['Where is my schoolbag?', 'It’s on the desk.', ['They’re on the desk.', 'Yes, it is.', 'It’s blue.']],
  ],
  'EN-14-006': [
    ['What’s he like?', 'He’s tall and strong.', ['He likes apples.', 'He’s a doctor.', 'He’s fine.']],
  ],
  'EN-14-009': [
    [
      'What would you like for dinner?',
      'I’d like some noodles, please.',
      ['I like dinner.', 'Yes, please.', 'Help yourself.'],
    ],
  ],
  'EN-14-015': [['What time is it?', 'It’s seven o’clock.', ['It’s Monday.', 'It’s time.', 'It’s sunny.']]],
  'EN-14-022': [
    [
      'Can I help you?',
      'Yes. I want a pair of shoes.',
      ['Yes, you can.', 'No, I can’t.', 'Thank you. Goodbye.'],
    ],
  ],
  'EN-14-023': [
    ['How much is this skirt?', 'It’s 89 yuan.', ['It’s size M.', 'They’re 89 yuan.', 'It’s very nice.']],
  ],
  'EN-15-006': [
    [
      'What would you like to drink?',
      'I’d like some orange juice.',
      ['I like hamburgers.', 'I’m thirsty.', 'Yes, I would.'],
    ],
  ],
  'EN-15-014': [['When do you get up?', 'At 6:30.', ['On Monday.', 'In the morning.', 'I get up.']]],
  'EN-15-017': [
    ['Why do you like summer?', 'Because I can swim.', ['I like summer.', 'It’s summer.', 'Yes, I do.']],
  ],
  'EN-15-020': [
    [
      'When is Teachers’ Day?',
      'It’s on September 10th.',
      ['It’s in the evening.', 'It’s Sunday.', 'It’s a holiday.'],
    ],
  ],
  'EN-15-023': [
    [
      'Whose picture is this?',
      'It’s Zhang Peng’s.',
      ['It’s a picture.', 'It’s mine picture.', 'Yes, it is.'],
    ],
  ],
  'EN-16-001': [
    [
      'Excuse me. Where is the bookstore?',
      'It’s next to the hospital.',
      ['It’s a bookstore.', 'I like books.', 'Turn on the light.'],
    ],
  ],
  'EN-16-004': [['How do you come to school?', 'On foot.', ['At 7:30.', 'With my sister.', 'Yes, I do.']]],
  'EN-16-006': [
    [
      'What are you going to do tomorrow?',
      'I’m going to the science museum.',
      ['I went to the museum.', 'I go to school.', 'Yes, I am.'],
    ],
  ],
  'EN-16-014': [
    [
      'I have a headache.',
      'You should take a rest.',
      ['You should eat more sweets.', 'That sounds great.', 'Here you are.'],
    ],
  ],
  'EN-16-016': [['How tall are you?', 'I’m 1.45 metres.', ['I’m 45 kilograms.', 'I’m twelve.', 'I’m tall.']]],
  'EN-16-019': [
    [
      'What did you do last weekend?',
      'I visited my grandparents.',
      ['I visit my grandparents.', 'I’m going to visit them.', 'Yes, I did.'],
    ],
  ],
  'EN-21-003': [['What’s this in English?', 'It’s a map.', ['It’s English.', 'Yes, it is.', 'It’s red.']]],
  'EN-21-011': [
    [
      'Let’s play volleyball after school.',
      'That sounds good.',
      ['You’re welcome.', 'Never mind.', 'Here you are.'],
    ],
  ],
  'EN-21-015': [
    [
      'How far is it from your home to school?',
      'About two kilometres.',
      ['About twenty minutes.', 'By bus.', 'Twice a week.'],
    ],
  ],
  'EN-21-020': [
    [
      'Hello, may I speak to Mr Li?',
      'Sorry, he isn’t in. Can I take a message?',
      ['Yes, he is.', 'Nice to meet you.', 'I’m fine, thank you.'],
    ],
  ],
  'EN-21-021': [
    [
      'What does your new friend look like?',
      'She has long straight hair.',
      ['She likes reading.', 'She’s very well.', 'She looks at me.'],
    ],
  ],
  'EN-21-022': [
    [
      'What kind of noodles would you like?',
      'Beef noodles, please.',
      ['A large bowl, please.', 'I’d like some.', 'Yes, please.'],
    ],
  ],
  'EN-22-003': [
    [
      'How often do you exercise?',
      'Three times a week.',
      ['For three weeks.', 'Three weeks ago.', 'In three weeks.'],
    ],
  ],
  'EN-22-013': [
    [
      'Can you come to my party on Saturday?',
      'Sorry, I can’t. I have to study for a test.',
      ['Yes, I do.', 'No, I don’t.', 'That’s all right.'],
    ],
  ],
  'EN-22-016': [
    [
      'What’s the matter with you?',
      'I have a sore throat.',
      ['Nothing serious.', 'It doesn’t matter.', 'I’m a doctor.'],
    ],
  ],
  'EN-22-019': [
    [
      'Could you please take out the rubbish?',
      'Sure, I’ll do it right away.',
      ['No, you couldn’t.', 'Yes, I could take.', 'Never mind.'],
    ],
  ],
  'EN-23-007': [
    [
      'Could you tell me where the restroom is?',
      'Go along the hall and turn left.',
      ['Yes, I could.', 'It’s clean.', 'It’s fine.'],
    ],
  ],
  'EN-23-014': [
    [
      'I think students should wear uniforms.',
      'I agree. It makes us look neat.',
      ['You’re welcome.', 'It doesn’t matter.', 'Yes, please.'],
    ],
  ],
};

/** Sound groups: words whose marked letters sound alike, and one that sounds different. */
export const SOUNDS: Record<string, readonly (readonly [string, readonly string[], string])[]> = {
  'EN-13-013': [
    ['a', ['c<u>a</u>t', 'b<u>a</u>g', 'd<u>a</u>d'], 'c<u>a</u>ke'],
    ['i', ['p<u>i</u>g', 'b<u>i</u>g', 's<u>i</u>x'], 'k<u>i</u>te'],
  ],
  'EN-14-003': [
    ['a-e', ['m<u>a</u>ke', 'n<u>a</u>me', 'f<u>a</u>ce'], 'h<u>a</u>t'],
    ['o-e', ['n<u>o</u>se', 'h<u>o</u>me', 'n<u>o</u>te'], 'd<u>o</u>g'],
  ],
  'EN-14-014': [
    ['ar', ['c<u>ar</u>', 'f<u>ar</u>m', 'p<u>ar</u>k'], 'w<u>ar</u>m'],
    ['ir', ['b<u>ir</u>d', 'g<u>ir</u>l', 'sh<u>ir</u>t'], 'h<u>ere</u>'],
  ],
  'EN-15-002': [
    ['ee', ['f<u>ee</u>t', 's<u>ee</u>', 'tr<u>ee</u>'], 'br<u>ea</u>d'],
    ['y', ['happ<u>y</u>', 'sunn<u>y</u>', 'wind<u>y</u>'], 'wh<u>y</u>'],
  ],
  'EN-15-007': [
    ['ow', ['h<u>ow</u>', 'd<u>ow</u>n', 'c<u>ow</u>'], 'sn<u>ow</u>'],
    ['oo', ['b<u>oo</u>k', 'l<u>oo</u>k', 'g<u>oo</u>d'], 'f<u>oo</u>d'],
  ],
  'EN-15-021': [
    ['th', ['<u>th</u>ree', '<u>th</u>ink', 'ma<u>th</u>s'], '<u>th</u>is'],
    ['ch', ['<u>ch</u>air', 'lun<u>ch</u>', '<u>Ch</u>ina'], 's<u>ch</u>ool'],
  ],
  'EN-16-020': [
    ['-ed', ['want<u>ed</u>', 'need<u>ed</u>', 'visit<u>ed</u>'], 'play<u>ed</u>'],
    ['-ed', ['watch<u>ed</u>', 'wash<u>ed</u>', 'cook<u>ed</u>'], 'clean<u>ed</u>'],
  ],
};

/** Culture: [statement, true?]. */
export const CULTURE: Record<string, readonly (readonly [string, boolean])[]> = {
  'EN-13-011': [
    [
      'In many western countries, people sing “Happy Birthday” and make a wish before they blow out the candles.',
      true,
    ],
  ],
  'EN-14-010': [['People in western countries usually use chopsticks to eat.', false]],
  'EN-14-018': [['It is 30 °C in Guangzhou today, so it is very cold.', false]],
  'EN-15-022': [
    ['Thanksgiving Day in the USA is on the fourth Thursday of November.', true],
    ['Christmas Day is on December 25th.', true],
  ],
  'EN-16-011': [
    ['The capital of Australia is Sydney.', false],
    ['London is the capital of the UK.', true],
  ],
  'EN-21-004': [
    ['“kg” is short for “kilogram”.', true],
    ['“NBA” is a famous football association.', false],
  ],
  'EN-21-018': [['Pandas live mainly in Sichuan, Shaanxi and Gansu.', true]],
  'EN-22-012': [['Turkey is a traditional food at Thanksgiving.', true]],
  'EN-22-023': [
    ['Hou Yi shot down nine suns in a Chinese myth.', true],
    ['The Monkey King is a character in “Journey to the West”.', true],
  ],
  'EN-22-025': [
    ['Qomolangma is the highest mountain in the world.', true],
    ['The Yangtze River is the longest river in the world.', false],
  ],
  'EN-23-005': [
    ['People eat mooncakes at the Mid-Autumn Festival.', true],
    ['The Dragon Boat Festival is in winter.', false],
  ],
  'EN-23-018': [['In Japan, people usually bow when they meet for the first time.', true]],
};
