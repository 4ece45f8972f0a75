import type { BackboneData } from './types.ts';

/**
 * 人教版 English (人民教育出版社), grades 1–9.
 * - Grades 1–2: 人教版《英语》一年级起点（新起点）, simple topic units.
 * - Grades 3–6: topic units in the PEP style (Let's talk / Let's learn / Let's spell / Read and write / Story time).
 * - Grades 7–9: 人教版 Go for it! (2013). 九年级 is one book (全一册); Units 1–7 sit in term 1, Units 8–14 in term 2.
 *   七年级上册 opens with three Starter units; their titles say "Starter" because the seeder numbers every unit.
 * Lesson titles carry the unit or section topic so they stay distinct within a volume.
 * Knowledge-point keys: EN-<grade code>-<sequence>; `grade` is the first volume that teaches the point.
 */
export const ENGLISH: BackboneData = {
  subjectCode: '41',
  edition: { name: '人教版', publisher: '人民教育出版社' },
  volumes: [
    // 一年级上册（新起点）
    {
      grade: '11',
      term: 1,
      units: [
        {
          title: 'School',
          lessons: [
            { title: 'School · Lesson 1: School things', kps: ['EN-11-004', 'EN-11-001'] },
            { title: 'School · Lesson 2: Hello and goodbye', kps: ['EN-11-002'] },
            { title: "School · Lesson 3: What's your name?", kps: ['EN-11-003'] },
            { title: 'School · Story time', kps: ['EN-11-003', 'EN-11-007'] },
          ],
        },
        {
          title: 'Face',
          lessons: [
            { title: 'Face · Lesson 1: Eyes, ears, nose and mouth', kps: ['EN-11-005'] },
            { title: 'Face · Lesson 2: Touch your nose', kps: ['EN-11-006'] },
            { title: 'Face · Lesson 3: Chant and sing', kps: ['EN-11-007', 'EN-11-008'] },
          ],
        },
        {
          title: 'Animals',
          lessons: [
            { title: 'Animals · Lesson 1: Animal words', kps: ['EN-11-009'] },
            { title: "Animals · Lesson 2: What's this? It's a cat.", kps: ['EN-11-010'] },
            { title: 'Animals · Lesson 3: Animal sounds chant', kps: ['EN-11-008', 'EN-11-009'] },
          ],
        },
        {
          title: 'Numbers',
          lessons: [
            { title: 'Numbers · Lesson 1: One to ten', kps: ['EN-11-011'] },
            { title: 'Numbers · Lesson 2: How many?', kps: ['EN-11-012'] },
            { title: 'Numbers · Lesson 3: Counting rhyme', kps: ['EN-11-007', 'EN-11-011'] },
          ],
        },
        {
          title: 'Colours',
          lessons: [
            { title: 'Colours · Lesson 1: Colour words', kps: ['EN-11-013'] },
            { title: 'Colours · Lesson 2: I like red.', kps: ['EN-11-014'] },
            { title: 'Colours · Lesson 3: Rainbow song', kps: ['EN-11-007', 'EN-11-013'] },
          ],
        },
        {
          title: 'Fruit',
          lessons: [
            { title: 'Fruit · Lesson 1: Fruit words', kps: ['EN-11-015'] },
            { title: 'Fruit · Lesson 2: I like apples.', kps: ['EN-11-014', 'EN-11-015'] },
            { title: 'Fruit · Lesson 3: Thank you! Here you are.', kps: ['EN-11-016'] },
            { title: 'Fruit · Story time', kps: ['EN-11-015', 'EN-11-016'] },
          ],
        },
      ],
    },
    // 一年级下册（新起点）
    {
      grade: '11',
      term: 2,
      units: [
        {
          title: 'Classroom',
          lessons: [
            { title: 'Classroom · Lesson 1: Desk, chair and blackboard', kps: ['EN-11-004', 'EN-11-010'] },
            { title: 'Classroom · Lesson 2: In, on, under', kps: ['EN-11-017'] },
            { title: 'Classroom · Lesson 3: Where is my pencil?', kps: ['EN-11-018'] },
          ],
        },
        {
          title: 'Room',
          lessons: [
            { title: 'Room · Lesson 1: Bed, lamp and window', kps: ['EN-11-019'] },
            { title: 'Room · Lesson 2: Where is the cat?', kps: ['EN-11-018', 'EN-11-017'] },
            { title: 'Room · Story time: Tidy up!', kps: ['EN-11-006', 'EN-11-019'] },
          ],
        },
        {
          title: 'Toys',
          lessons: [
            { title: 'Toys · Lesson 1: Toy words', kps: ['EN-11-019'] },
            { title: 'Toys · Lesson 2: This is my ball.', kps: ['EN-11-010'] },
            { title: 'Toys · Lesson 3: How many toys?', kps: ['EN-11-012', 'EN-11-011'] },
          ],
        },
        {
          title: 'Food',
          lessons: [
            { title: 'Food · Lesson 1: Rice, noodles and eggs', kps: ['EN-11-020'] },
            { title: 'Food · Lesson 2: I want some rice.', kps: ['EN-11-021'] },
            { title: 'Food · Lesson 3: Can I have some bread?', kps: ['EN-11-021', 'EN-11-016'] },
          ],
        },
        {
          title: 'Drink',
          lessons: [
            { title: 'Drink · Lesson 1: Milk, water and juice', kps: ['EN-11-020'] },
            { title: 'Drink · Lesson 2: What do you want?', kps: ['EN-11-021'] },
            { title: 'Drink · Lesson 3: Drink chant', kps: ['EN-11-007', 'EN-11-008'] },
          ],
        },
        {
          title: 'Clothes',
          lessons: [
            { title: 'Clothes · Lesson 1: Clothes words', kps: ['EN-11-022'] },
            { title: 'Clothes · Lesson 2: A red coat', kps: ['EN-11-022', 'EN-11-013'] },
            { title: 'Clothes · Story time: My new clothes', kps: ['EN-11-022', 'EN-11-014'] },
          ],
        },
      ],
    },
    // 二年级上册（新起点）
    {
      grade: '12',
      term: 1,
      units: [
        {
          title: 'Family',
          lessons: [
            { title: 'Family · Lesson 1: Family members', kps: ['EN-12-001'] },
            { title: 'Family · Lesson 2: This is my mum.', kps: ['EN-12-002'] },
            { title: 'Family · Lesson 3: Letters Aa–Dd', kps: ['EN-12-003'] },
            { title: 'Family · Story time', kps: ['EN-12-004'] },
          ],
        },
        {
          title: 'Boys and Girls',
          lessons: [
            { title: 'Boys and Girls · Lesson 1: Boy, girl, man, woman', kps: ['EN-12-005'] },
            { title: "Boys and Girls · Lesson 2: What's his name?", kps: ['EN-12-007', 'EN-12-006'] },
            { title: 'Boys and Girls · Lesson 3: Letters Ee–Hh', kps: ['EN-12-003'] },
          ],
        },
        {
          title: 'My Friends',
          lessons: [
            { title: "My Friends · Lesson 1: He's tall. She's pretty.", kps: ['EN-12-008', 'EN-12-005'] },
            { title: 'My Friends · Lesson 2: My friend', kps: ['EN-12-008', 'EN-12-002'] },
            { title: 'My Friends · Lesson 3: Letters Ii–Ll', kps: ['EN-12-003'] },
            { title: 'My Friends · Story time', kps: ['EN-12-004'] },
          ],
        },
        {
          title: 'In the Community',
          lessons: [
            { title: 'In the Community · Lesson 1: Places in the community', kps: ['EN-12-009'] },
            { title: 'In the Community · Lesson 2: Numbers 11–20', kps: ['EN-12-010'] },
            { title: 'In the Community · Lesson 3: Letters Mm–Pp', kps: ['EN-12-003', 'EN-12-011'] },
          ],
        },
        {
          title: 'In the Park',
          lessons: [
            { title: 'In the Park · Lesson 1: Trees, flowers and birds', kps: ['EN-12-012'] },
            { title: "In the Park · Lesson 2: Let's play!", kps: ['EN-12-013'] },
            { title: 'In the Park · Lesson 3: Letters Qq–Tt', kps: ['EN-12-011'] },
          ],
        },
        {
          title: 'Happy Holidays',
          lessons: [
            { title: 'Happy Holidays · Lesson 1: Festival words', kps: ['EN-12-014'] },
            { title: 'Happy Holidays · Lesson 2: Happy New Year!', kps: ['EN-12-014', 'EN-11-016'] },
            { title: 'Happy Holidays · Lesson 3: Letters Uu–Zz', kps: ['EN-12-011'] },
            { title: 'Happy Holidays · Story time', kps: ['EN-12-004'] },
          ],
        },
      ],
    },
    // 二年级下册（新起点）
    {
      grade: '12',
      term: 2,
      units: [
        {
          title: 'Playtime',
          lessons: [
            { title: 'Playtime · Lesson 1: Games and sports', kps: ['EN-12-015'] },
            { title: 'Playtime · Lesson 2: I can jump.', kps: ['EN-12-016'] },
            { title: 'Playtime · Lesson 3: Letter sounds a–f', kps: ['EN-12-017'] },
          ],
        },
        {
          title: 'Weather',
          lessons: [
            { title: 'Weather · Lesson 1: Sunny, rainy, windy', kps: ['EN-12-018'] },
            { title: "Weather · Lesson 2: What's the weather like?", kps: ['EN-12-019'] },
            { title: 'Weather · Lesson 3: Letter sounds g–l', kps: ['EN-12-017'] },
          ],
        },
        {
          title: 'Seasons',
          lessons: [
            { title: 'Seasons · Lesson 1: Four seasons', kps: ['EN-12-018'] },
            { title: 'Seasons · Lesson 2: Do you like spring?', kps: ['EN-12-020'] },
            { title: 'Seasons · Lesson 3: Letter sounds m–r', kps: ['EN-12-017'] },
          ],
        },
        {
          title: 'Pets',
          lessons: [
            { title: 'Pets · Lesson 1: My pet', kps: ['EN-11-009', 'EN-12-008'] },
            { title: 'Pets · Lesson 2: Is it a rabbit?', kps: ['EN-12-020'] },
            { title: 'Pets · Lesson 3: Letter sounds s–z', kps: ['EN-12-017'] },
          ],
        },
        {
          title: 'Helping at Home',
          lessons: [
            { title: "Helping at Home · Lesson 1: Let's clean the room.", kps: ['EN-12-013', 'EN-11-019'] },
            { title: 'Helping at Home · Lesson 2: Can you help me?', kps: ['EN-12-016', 'EN-11-016'] },
            { title: 'Helping at Home · Story time', kps: ['EN-12-004'] },
          ],
        },
        {
          title: 'Summer Holiday',
          lessons: [
            { title: 'Summer Holiday · Lesson 1: Fun in the park', kps: ['EN-12-012', 'EN-12-015'] },
            { title: 'Summer Holiday · Lesson 2: I can swim.', kps: ['EN-12-016', 'EN-12-019'] },
            { title: 'Summer Holiday · Story time', kps: ['EN-12-004', 'EN-12-020'] },
          ],
        },
      ],
    },
    // 三年级上册
    {
      grade: '13',
      term: 1,
      units: [
        {
          title: 'Hello!',
          lessons: [
            { title: "Hello! · A Let's talk", kps: ['EN-13-001', 'EN-11-002'] },
            { title: "Hello! · B Let's talk", kps: ['EN-11-003', 'EN-13-001'] },
            { title: 'Hello! · Letters and sounds: Aa–Dd', kps: ['EN-13-002'] },
            { title: 'Hello! · C Story time', kps: ['EN-13-003'] },
          ],
        },
        {
          title: 'Colours',
          lessons: [
            { title: "Colours · A Let's talk", kps: ['EN-13-004'] },
            { title: "Colours · B Let's learn", kps: ['EN-11-013', 'EN-13-004'] },
            { title: 'Colours · Letters and sounds: Ee–Hh', kps: ['EN-13-002'] },
            { title: 'Colours · C Story time', kps: ['EN-13-005'] },
          ],
        },
        {
          title: 'Look at me!',
          lessons: [
            { title: "Look at me! · A Let's talk", kps: ['EN-11-002', 'EN-13-005'] },
            { title: "Look at me! · B Let's learn", kps: ['EN-11-005', 'EN-11-006'] },
            { title: 'Look at me! · Letters and sounds: Ii–Ll', kps: ['EN-13-002', 'EN-13-006'] },
          ],
        },
        {
          title: 'We love animals',
          lessons: [
            { title: "We love animals · A Let's talk", kps: ['EN-13-007', 'EN-11-010'] },
            { title: "We love animals · B Let's talk", kps: ['EN-13-008'] },
            { title: 'We love animals · Letters and sounds: Mm–Pp', kps: ['EN-13-006'] },
          ],
        },
        {
          title: "Let's eat!",
          lessons: [
            { title: "Let's eat! · A Let's talk", kps: ['EN-13-009'] },
            { title: "Let's eat! · B Let's talk", kps: ['EN-13-009', 'EN-11-016'] },
            { title: "Let's eat! · Letters and sounds: Qq–Tt", kps: ['EN-13-006'] },
            { title: "Let's eat! · C Story time", kps: ['EN-13-003'] },
          ],
        },
        {
          title: 'Happy birthday!',
          lessons: [
            { title: "Happy birthday! · A Let's talk", kps: ['EN-13-010'] },
            { title: "Happy birthday! · B Let's talk", kps: ['EN-13-011'] },
            { title: 'Happy birthday! · Letters and sounds: Uu–Zz', kps: ['EN-13-006', 'EN-13-002'] },
          ],
        },
      ],
    },
    // 三年级下册
    {
      grade: '13',
      term: 2,
      units: [
        {
          title: 'Welcome back to school!',
          lessons: [
            { title: "Welcome back to school! · A Let's talk", kps: ['EN-13-012'] },
            { title: "Welcome back to school! · B Let's talk", kps: ['EN-12-005', 'EN-13-012'] },
            { title: "Welcome back to school! · A Let's spell: short a", kps: ['EN-13-013'] },
            { title: 'Welcome back to school! · C Story time', kps: ['EN-13-003', 'EN-13-005'] },
          ],
        },
        {
          title: 'My family',
          lessons: [
            { title: "My family · A Let's talk", kps: ['EN-13-014'] },
            { title: "My family · B Let's learn", kps: ['EN-12-001', 'EN-13-014'] },
            { title: "My family · A Let's spell: short e", kps: ['EN-13-013'] },
          ],
        },
        {
          title: 'At the zoo',
          lessons: [
            { title: "At the zoo · A Let's talk", kps: ['EN-13-008'] },
            { title: "At the zoo · B Let's talk", kps: ['EN-13-008', 'EN-12-008'] },
            { title: "At the zoo · A Let's spell: short i", kps: ['EN-13-013'] },
          ],
        },
        {
          title: 'Where is my car?',
          lessons: [
            { title: "Where is my car? · A Let's talk", kps: ['EN-11-018', 'EN-11-017'] },
            { title: "Where is my car? · B Let's talk", kps: ['EN-12-020', 'EN-11-018'] },
            { title: "Where is my car? · A Let's spell: short o", kps: ['EN-13-013'] },
          ],
        },
        {
          title: 'Do you like pears?',
          lessons: [
            { title: "Do you like pears? · A Let's talk", kps: ['EN-12-020', 'EN-11-015'] },
            { title: "Do you like pears? · B Let's talk", kps: ['EN-11-014', 'EN-13-009'] },
            { title: "Do you like pears? · A Let's spell: short u", kps: ['EN-13-013'] },
          ],
        },
        {
          title: 'How many?',
          lessons: [
            { title: "How many? · A Let's talk", kps: ['EN-13-015', 'EN-11-012'] },
            { title: "How many? · B Let's learn", kps: ['EN-12-010', 'EN-13-015'] },
            { title: 'How many? · C Story time', kps: ['EN-13-003'] },
          ],
        },
      ],
    },
    // 四年级上册
    {
      grade: '14',
      term: 1,
      units: [
        {
          title: 'My classroom',
          lessons: [
            { title: "My classroom · A Let's talk", kps: ['EN-14-001'] },
            { title: "My classroom · B Let's talk", kps: ['EN-14-002'] },
            { title: "My classroom · A Let's spell: a-e", kps: ['EN-14-003'] },
            { title: 'My classroom · C Story time', kps: ['EN-14-004'] },
          ],
        },
        {
          title: 'My schoolbag',
          lessons: [
            { title: "My schoolbag · A Let's talk", kps: ['EN-11-004', 'EN-14-002'] },
            { title: "My schoolbag · B Let's talk", kps: ['EN-13-004', 'EN-14-002'] },
            { title: "My schoolbag · A Let's spell: i-e", kps: ['EN-14-003'] },
            { title: 'My schoolbag · B Read and write', kps: ['EN-14-005'] },
          ],
        },
        {
          title: 'My friends',
          lessons: [
            { title: "My friends · A Let's talk", kps: ['EN-14-006'] },
            { title: "My friends · B Let's talk", kps: ['EN-14-006', 'EN-14-007'] },
            { title: "My friends · A Let's spell: o-e", kps: ['EN-14-003'] },
          ],
        },
        {
          title: 'My home',
          lessons: [
            { title: "My home · A Let's talk", kps: ['EN-14-008', 'EN-14-002'] },
            { title: "My home · B Let's talk", kps: ['EN-14-002', 'EN-14-008'] },
            { title: "My home · A Let's spell: u-e", kps: ['EN-14-003'] },
          ],
        },
        {
          title: "Dinner's ready",
          lessons: [
            { title: "Dinner's ready · A Let's talk", kps: ['EN-14-009'] },
            { title: "Dinner's ready · B Let's talk", kps: ['EN-14-009', 'EN-14-010'] },
            { title: "Dinner's ready · B Read and write", kps: ['EN-14-005', 'EN-14-004'] },
          ],
        },
        {
          title: 'Meet my family!',
          lessons: [
            { title: "Meet my family! · A Let's talk", kps: ['EN-12-001', 'EN-12-002'] },
            { title: "Meet my family! · B Let's learn", kps: ['EN-14-011'] },
            { title: "Meet my family! · B Let's talk", kps: ['EN-14-012', 'EN-14-011'] },
            { title: 'Meet my family! · C Story time', kps: ['EN-14-004'] },
          ],
        },
      ],
    },
    // 四年级下册
    {
      grade: '14',
      term: 2,
      units: [
        {
          title: 'My school',
          lessons: [
            { title: "My school · A Let's talk", kps: ['EN-14-013'] },
            { title: "My school · B Let's talk", kps: ['EN-14-013', 'EN-12-020'] },
            { title: "My school · A Let's spell: ar / or", kps: ['EN-14-014'] },
          ],
        },
        {
          title: 'What time is it?',
          lessons: [
            { title: "What time is it? · A Let's talk", kps: ['EN-14-015', 'EN-14-016'] },
            { title: "What time is it? · B Let's learn", kps: ['EN-14-017', 'EN-14-015'] },
            { title: "What time is it? · A Let's spell: ir / ur", kps: ['EN-14-014'] },
          ],
        },
        {
          title: 'Weather',
          lessons: [
            { title: "Weather · A Let's talk", kps: ['EN-12-019'] },
            { title: "Weather · B Let's talk", kps: ['EN-14-018'] },
            { title: "Weather · A Let's spell: er", kps: ['EN-14-014'] },
          ],
        },
        {
          title: 'At the farm',
          lessons: [
            { title: "At the farm · A Let's talk", kps: ['EN-14-019', 'EN-14-020'] },
            { title: "At the farm · B Let's talk", kps: ['EN-14-020'] },
            { title: 'At the farm · B Read and write', kps: ['EN-14-004', 'EN-14-005'] },
          ],
        },
        {
          title: 'My clothes',
          lessons: [
            { title: "My clothes · A Let's talk", kps: ['EN-14-021', 'EN-11-022'] },
            { title: "My clothes · B Let's talk", kps: ['EN-14-021'] },
            { title: 'My clothes · C Story time', kps: ['EN-14-004'] },
          ],
        },
        {
          title: 'Shopping',
          lessons: [
            { title: "Shopping · A Let's talk", kps: ['EN-14-022'] },
            { title: "Shopping · B Let's talk", kps: ['EN-14-023'] },
            { title: 'Shopping · B Read and write', kps: ['EN-14-023', 'EN-14-005'] },
          ],
        },
      ],
    },
    // 五年级上册
    {
      grade: '15',
      term: 1,
      units: [
        {
          title: "What's he like?",
          lessons: [
            { title: "What's he like? · A Let's talk", kps: ['EN-15-001'] },
            { title: "What's he like? · B Let's talk", kps: ['EN-15-001', 'EN-14-006'] },
            { title: "What's he like? · A Let's spell: y", kps: ['EN-15-002'] },
          ],
        },
        {
          title: 'My week',
          lessons: [
            { title: "My week · A Let's talk", kps: ['EN-15-003', 'EN-15-004'] },
            { title: "My week · B Let's talk", kps: ['EN-15-005'] },
            { title: "My week · A Let's spell: ee / ea", kps: ['EN-15-002'] },
          ],
        },
        {
          title: 'What would you like?',
          lessons: [
            { title: "What would you like? · A Let's talk", kps: ['EN-15-006'] },
            { title: "What would you like? · B Let's talk", kps: ['EN-15-006', 'EN-14-010'] },
            { title: "What would you like? · A Let's spell: ow", kps: ['EN-15-007'] },
          ],
        },
        {
          title: 'What can you do?',
          lessons: [
            { title: "What can you do? · A Let's talk", kps: ['EN-15-008'] },
            { title: "What can you do? · B Let's talk", kps: ['EN-15-008', 'EN-12-016'] },
            { title: "What can you do? · A Let's spell: oo", kps: ['EN-15-007'] },
          ],
        },
        {
          title: 'There is a big bed',
          lessons: [
            { title: "There is a big bed · A Let's talk", kps: ['EN-15-009'] },
            { title: "There is a big bed · B Let's talk", kps: ['EN-15-009', 'EN-15-010'] },
            { title: "There is a big bed · A Let's spell: ai / ay", kps: ['EN-15-007'] },
          ],
        },
        {
          title: 'In a nature park',
          lessons: [
            { title: "In a nature park · A Let's talk", kps: ['EN-15-011', 'EN-12-012'] },
            { title: "In a nature park · B Let's talk", kps: ['EN-15-011'] },
            { title: 'In a nature park · B Read and write', kps: ['EN-15-012'] },
            { title: 'In a nature park · C Story time', kps: ['EN-15-013'] },
          ],
        },
      ],
    },
    // 五年级下册
    {
      grade: '15',
      term: 2,
      units: [
        {
          title: 'My day',
          lessons: [
            { title: "My day · A Let's talk", kps: ['EN-15-014'] },
            { title: "My day · B Let's talk", kps: ['EN-15-014', 'EN-15-005'] },
            { title: "My day · A Let's spell: cl / pl", kps: ['EN-15-015'] },
            { title: 'My day · B Read and write', kps: ['EN-15-016'] },
          ],
        },
        {
          title: 'My favourite season',
          lessons: [
            { title: "My favourite season · A Let's talk", kps: ['EN-15-017'] },
            { title: "My favourite season · B Let's talk", kps: ['EN-15-017', 'EN-12-018'] },
            { title: "My favourite season · A Let's spell: br / gr", kps: ['EN-15-015'] },
          ],
        },
        {
          title: 'My school calendar',
          lessons: [
            { title: "My school calendar · A Let's talk", kps: ['EN-15-018', 'EN-15-019', 'EN-15-020'] },
            { title: "My school calendar · A Let's spell: ch / sh", kps: ['EN-15-021'] },
            { title: 'My school calendar · C Story time', kps: ['EN-15-013'] },
          ],
        },
        {
          title: 'When is Easter?',
          lessons: [
            { title: "When is Easter? · A Let's talk", kps: ['EN-15-022', 'EN-15-020'] },
            { title: "When is Easter? · B Let's talk", kps: ['EN-15-018', 'EN-15-020'] },
            { title: "When is Easter? · A Let's spell: th", kps: ['EN-15-021'] },
          ],
        },
        {
          title: 'Whose dog is it?',
          lessons: [
            { title: "Whose dog is it? · A Let's talk", kps: ['EN-15-023'] },
            { title: "Whose dog is it? · B Let's talk", kps: ['EN-15-024', 'EN-15-025'] },
            { title: "Whose dog is it? · A Let's spell: ng / nk", kps: ['EN-15-021'] },
          ],
        },
        {
          title: 'Work quietly!',
          lessons: [
            { title: "Work quietly! · A Let's talk", kps: ['EN-15-025'] },
            { title: "Work quietly! · B Let's talk", kps: ['EN-15-026'] },
            { title: 'Work quietly! · B Read and write', kps: ['EN-15-012', 'EN-15-016'] },
            { title: 'Work quietly! · C Story time', kps: ['EN-15-013'] },
          ],
        },
      ],
    },
    // 六年级上册
    {
      grade: '16',
      term: 1,
      units: [
        {
          title: 'How can I get there?',
          lessons: [
            { title: "How can I get there? · A Let's talk", kps: ['EN-16-001'] },
            { title: "How can I get there? · B Let's talk", kps: ['EN-16-001', 'EN-15-010'] },
            { title: 'How can I get there? · C Story time', kps: ['EN-16-002'] },
          ],
        },
        {
          title: 'Ways to go to school',
          lessons: [
            { title: "Ways to go to school · A Let's talk", kps: ['EN-16-003', 'EN-16-004'] },
            { title: "Ways to go to school · B Let's talk", kps: ['EN-16-003', 'EN-15-026'] },
            { title: 'Ways to go to school · B Read and write', kps: ['EN-16-002'] },
          ],
        },
        {
          title: 'My weekend plan',
          lessons: [
            { title: "My weekend plan · A Let's talk", kps: ['EN-16-005'] },
            { title: "My weekend plan · B Let's talk", kps: ['EN-16-006'] },
            { title: 'My weekend plan · Pronunciation: sentence stress', kps: ['EN-16-007'] },
          ],
        },
        {
          title: 'I have a pen pal',
          lessons: [
            { title: "I have a pen pal · A Let's talk", kps: ['EN-16-009', 'EN-16-008'] },
            { title: "I have a pen pal · B Let's talk", kps: ['EN-16-008'] },
            { title: 'I have a pen pal · B Read and write', kps: ['EN-16-010', 'EN-16-011'] },
          ],
        },
        {
          title: 'What does he do?',
          lessons: [
            { title: "What does he do? · A Let's talk", kps: ['EN-16-012'] },
            { title: "What does he do? · B Let's talk", kps: ['EN-16-012', 'EN-16-008'] },
            { title: 'What does he do? · B Read and write', kps: ['EN-16-002'] },
          ],
        },
        {
          title: 'How do you feel?',
          lessons: [
            { title: "How do you feel? · A Let's talk", kps: ['EN-16-013'] },
            { title: "How do you feel? · B Let's talk", kps: ['EN-16-014', 'EN-16-013'] },
            { title: 'How do you feel? · C Story time', kps: ['EN-16-002', 'EN-16-007'] },
          ],
        },
      ],
    },
    // 六年级下册
    {
      grade: '16',
      term: 2,
      units: [
        {
          title: 'How tall are you?',
          lessons: [
            { title: "How tall are you? · A Let's talk", kps: ['EN-16-015', 'EN-16-016'] },
            { title: "How tall are you? · B Let's talk", kps: ['EN-16-015'] },
            { title: 'How tall are you? · B Read and write', kps: ['EN-16-002'] },
          ],
        },
        {
          title: 'Last weekend',
          lessons: [
            { title: "Last weekend · A Let's talk", kps: ['EN-16-017', 'EN-16-018', 'EN-16-019'] },
            { title: "Last weekend · B Let's talk", kps: ['EN-16-017', 'EN-16-020'] },
            { title: 'Last weekend · B Read and write', kps: ['EN-16-021'] },
          ],
        },
        {
          title: 'Where did you go?',
          lessons: [
            { title: "Where did you go? · A Let's talk", kps: ['EN-16-022', 'EN-16-019'] },
            { title: "Where did you go? · B Let's talk", kps: ['EN-16-022'] },
            { title: 'Where did you go? · B Read and write', kps: ['EN-16-021', 'EN-16-002'] },
          ],
        },
        {
          title: 'Then and now',
          lessons: [
            { title: "Then and now · A Let's talk", kps: ['EN-16-023', 'EN-16-018'] },
            { title: "Then and now · B Let's talk", kps: ['EN-16-023'] },
            { title: 'Then and now · B Read and write', kps: ['EN-16-021', 'EN-16-002'] },
          ],
        },
      ],
    },
    // 七年级上册（Go for it!）
    {
      grade: '21',
      term: 1,
      units: [
        {
          title: 'Starter: Good morning!',
          lessons: [
            { title: 'Starter 1 · 1a–2e: Greetings and letters A–H', kps: ['EN-21-001', 'EN-11-002'] },
            { title: 'Starter 1 · 3a–4d: How are you?', kps: ['EN-11-002', 'EN-21-002'] },
          ],
        },
        {
          title: "Starter: What's this in English?",
          lessons: [
            {
              title: "Starter 2 · 1a–2e: What's this in English? Letters I–R",
              kps: ['EN-21-003', 'EN-21-001'],
            },
            { title: 'Starter 2 · 3a–4d: Spell it, please.', kps: ['EN-21-003', 'EN-21-002'] },
          ],
        },
        {
          title: 'Starter: What color is it?',
          lessons: [
            { title: 'Starter 3 · 1a–2e: Colors and letters S–Z', kps: ['EN-13-004', 'EN-21-001'] },
            { title: 'Starter 3 · 3a–4d: CD, NBA, kg — letters as abbreviations', kps: ['EN-21-004'] },
          ],
        },
        {
          title: "My name's Gina.",
          lessons: [
            { title: 'Section A 1a–2d: Names and greetings', kps: ['EN-21-005'] },
            { title: 'Section A Grammar Focus–3c: my / your / his / her', kps: ['EN-12-006', 'EN-21-006'] },
            { title: 'Section B 1a–1f: Numbers and phone numbers', kps: ['EN-21-007', 'EN-11-011'] },
            { title: 'Section B 2a–3c: Writing an ID card', kps: ['EN-21-005', 'EN-14-005'] },
          ],
        },
        {
          title: 'This is my sister.',
          lessons: [
            { title: 'Section A 1a–2d: Family members', kps: ['EN-12-002', 'EN-14-020'] },
            {
              title: 'Section A Grammar Focus–3c: this / these, that / those',
              kps: ['EN-14-020', 'EN-21-008'],
            },
            { title: 'Section B 2a–3b: Writing about my family photo', kps: ['EN-12-002', 'EN-14-005'] },
          ],
        },
        {
          title: 'Is this your pencil?',
          lessons: [
            { title: 'Section A 1a–2d: School things and their owners', kps: ['EN-14-021', 'EN-21-006'] },
            { title: 'Section A Grammar Focus–3c: mine / yours / his / hers', kps: ['EN-14-021'] },
            { title: 'Section B 2a–3b: Lost and found notices', kps: ['EN-21-009'] },
          ],
        },
        {
          title: "Where's my schoolbag?",
          lessons: [
            { title: 'Section A 1a–2d: Where are my books?', kps: ['EN-14-002', 'EN-15-010'] },
            {
              title: 'Section A Grammar Focus–3c: where questions with is / are',
              kps: ['EN-21-006', 'EN-14-002'],
            },
            { title: "Section B 2a–3b: Kate's tidy room", kps: ['EN-15-010', 'EN-14-004'] },
          ],
        },
        {
          title: 'Do you have a soccer ball?',
          lessons: [
            { title: 'Section A 1a–2d: Balls and sports things', kps: ['EN-21-010', 'EN-12-015'] },
            { title: 'Section A Grammar Focus–3c: do / does questions and answers', kps: ['EN-21-010'] },
            { title: "Section B 1a–1d: Let's play volleyball. That sounds good.", kps: ['EN-21-011'] },
            { title: 'Section B 2a–3b: Sports collection survey', kps: ['EN-21-011', 'EN-14-004'] },
          ],
        },
        {
          title: 'Do you like bananas?',
          lessons: [
            { title: 'Section A 1a–2d: Food likes and dislikes', kps: ['EN-21-010', 'EN-11-020'] },
            { title: 'Section A Grammar Focus–3c: countable and uncountable nouns', kps: ['EN-21-012'] },
            { title: "Section B 2a–3b: A sports star's eating habits", kps: ['EN-21-012', 'EN-14-010'] },
          ],
        },
        {
          title: 'How much are these socks?',
          lessons: [
            { title: 'Section A 1a–2d: How much is this T-shirt?', kps: ['EN-14-023', 'EN-14-022'] },
            { title: 'Section A Grammar Focus–3c: How much is / are…?', kps: ['EN-14-023', 'EN-14-020'] },
            { title: "Section B 2a–3b: Mr. Cool's Clothes Store sale ad", kps: ['EN-21-009', 'EN-14-017'] },
          ],
        },
        {
          title: 'When is your birthday?',
          lessons: [
            { title: 'Section A 1a–2e: Months and dates', kps: ['EN-15-020', 'EN-15-018'] },
            {
              title: 'Section A Grammar Focus–3c: when questions and ordinal numbers',
              kps: ['EN-21-013', 'EN-15-020'],
            },
            { title: 'Section B 2a–3c: School events', kps: ['EN-21-014'] },
          ],
        },
        {
          title: 'My favorite subject is science.',
          lessons: [
            { title: 'Section A 1a–2d: Favorite subjects and reasons', kps: ['EN-15-017', 'EN-15-003'] },
            { title: 'Section A Grammar Focus–3c: what / who / why / when', kps: ['EN-21-013'] },
            { title: "Section B 2a–3b: Yu Mei's busy Friday", kps: ['EN-21-014', 'EN-15-016'] },
          ],
        },
      ],
    },
    // 七年级下册（Go for it!）
    {
      grade: '21',
      term: 2,
      units: [
        {
          title: 'Can you play the guitar?',
          lessons: [
            { title: 'Section A 1a–2d: Joining a club', kps: ['EN-15-008'] },
            { title: 'Section A Grammar Focus–3c: can for ability', kps: ['EN-15-008', 'EN-21-010'] },
            { title: 'Section B 2a–3b: Musicians wanted — club ads', kps: ['EN-21-009'] },
          ],
        },
        {
          title: 'What time do you go to school?',
          lessons: [
            { title: 'Section A 1a–2d: Daily routines', kps: ['EN-15-014'] },
            { title: 'Section A Grammar Focus–3c: What time…? When…?', kps: ['EN-15-014', 'EN-21-010'] },
            {
              title: 'Section B 2a–3b: A healthy life? Writing about my day',
              kps: ['EN-15-016', 'EN-15-005'],
            },
          ],
        },
        {
          title: 'How do you get to school?',
          lessons: [
            { title: 'Section A 1a–2e: Ways of getting to school', kps: ['EN-16-004', 'EN-16-003'] },
            { title: 'Section A Grammar Focus–3b: How far…? How long…?', kps: ['EN-21-015'] },
            { title: 'Section B 2a–2c: Crossing the river to school', kps: ['EN-21-016'] },
          ],
        },
        {
          title: "Don't eat in class.",
          lessons: [
            { title: 'Section A 1a–2d: School rules', kps: ['EN-21-017'] },
            { title: "Section A Grammar Focus–3c: Don't…, must and have to", kps: ['EN-21-017'] },
            { title: 'Section B 2a–3c: Family rules — Dear Dr. Know', kps: ['EN-21-017', 'EN-21-016'] },
          ],
        },
        {
          title: 'Why do you like pandas?',
          lessons: [
            { title: 'Section A 1a–2d: Animals and their looks', kps: ['EN-13-008', 'EN-15-017'] },
            { title: 'Section A Grammar Focus–3c: why / what / where questions', kps: ['EN-21-013'] },
            { title: 'Section B 2a–3b: Save the elephants', kps: ['EN-21-018'] },
          ],
        },
        {
          title: "I'm watching TV.",
          lessons: [
            { title: 'Section A 1a–2d: What are you doing?', kps: ['EN-21-019'] },
            { title: 'Section A Grammar Focus–3c: present progressive questions', kps: ['EN-21-019'] },
            {
              title: 'Section B 2a–3b: Dragon Boat Festival away from home',
              kps: ['EN-21-019', 'EN-21-016'],
            },
          ],
        },
        {
          title: "It's raining!",
          lessons: [
            { title: "Section A 1a–2d: How's the weather?", kps: ['EN-12-019', 'EN-21-019'] },
            { title: "Section A Grammar Focus–3c: How's it going? Phone calls", kps: ['EN-21-020'] },
            { title: 'Section B 2a–3b: Postcards from a vacation', kps: ['EN-21-024'] },
          ],
        },
        {
          title: 'Is there a post office near here?',
          lessons: [
            { title: 'Section A 1a–2d: Places in the neighborhood', kps: ['EN-16-001', 'EN-15-011'] },
            { title: 'Section A Grammar Focus–3c: Is there…? Where is…?', kps: ['EN-15-011', 'EN-15-010'] },
            { title: 'Section B 2a–3b: My neighborhood', kps: ['EN-16-001', 'EN-21-016'] },
          ],
        },
        {
          title: 'What does he look like?',
          lessons: [
            { title: 'Section A 1a–2d: Height, build and hair', kps: ['EN-21-021'] },
            {
              title: 'Section A Grammar Focus–3d: What does he / she look like?',
              kps: ['EN-21-021', 'EN-21-010'],
            },
            { title: 'Section B 2a–3b: A police artist', kps: ['EN-21-021', 'EN-21-016'] },
          ],
        },
        {
          title: "I'd like some noodles.",
          lessons: [
            { title: 'Section A 1a–2d: Ordering noodles', kps: ['EN-21-022'] },
            {
              title: 'Section A Grammar Focus–3c: What kind of…? What size…?',
              kps: ['EN-21-022', 'EN-21-012'],
            },
            { title: 'Section B 2a–3b: Birthday food around the world', kps: ['EN-14-010', 'EN-13-011'] },
          ],
        },
        {
          title: 'How was your school trip?',
          lessons: [
            { title: 'Section A 1a–2d: Did you see any cows?', kps: ['EN-21-023'] },
            {
              title: 'Section A Grammar Focus–3b: past tense yes / no questions',
              kps: ['EN-21-023', 'EN-16-018'],
            },
            { title: "Section B 2a–3b: Helen's and Jim's trips", kps: ['EN-21-024', 'EN-21-016'] },
          ],
        },
        {
          title: 'What did you do last weekend?',
          lessons: [
            { title: 'Section A 1a–2d: Weekend activities', kps: ['EN-16-019', 'EN-21-023'] },
            { title: 'Section A Grammar Focus–3c: What did you do?', kps: ['EN-21-023', 'EN-16-022'] },
            { title: 'Section B 2a–3c: An unusual weekend', kps: ['EN-21-024'] },
          ],
        },
      ],
    },
    // 八年级上册（Go for it!）
    {
      grade: '22',
      term: 1,
      units: [
        {
          title: 'Where did you go on vacation?',
          lessons: [
            { title: 'Section A 1a–2d: Did you go anywhere interesting?', kps: ['EN-22-001'] },
            {
              title: 'Section A Grammar Focus–3c: someone / something / nothing',
              kps: ['EN-22-001', 'EN-21-023'],
            },
            { title: "Section B 2a–2e: Jane's diary — a trip to Penang", kps: ['EN-16-021', 'EN-22-002'] },
          ],
        },
        {
          title: 'How often do you exercise?',
          lessons: [
            { title: 'Section A 1a–2d: Free-time activities', kps: ['EN-22-003'] },
            {
              title: 'Section A Grammar Focus–3c: how often and frequency adverbs',
              kps: ['EN-22-003', 'EN-15-005'],
            },
            { title: 'Section B 2a–3c: A survey of free-time habits', kps: ['EN-22-004'] },
          ],
        },
        {
          title: "I'm more outgoing than my sister.",
          lessons: [
            { title: 'Section A 1a–2d: Comparing twins', kps: ['EN-22-005'] },
            { title: 'Section A Grammar Focus–3c: comparatives with -er and more', kps: ['EN-22-005'] },
            { title: 'Section B 2a–2e: Is a friend like a mirror?', kps: ['EN-22-006'] },
          ],
        },
        {
          title: "What's the best movie theater?",
          lessons: [
            { title: 'Section A 1a–2d: The best places in town', kps: ['EN-22-007'] },
            { title: 'Section A Grammar Focus–3b: superlatives', kps: ['EN-22-007'] },
            { title: "Section B 2a–2e: Who's got talent?", kps: ['EN-22-007', 'EN-22-006'] },
          ],
        },
        {
          title: 'Do you want to watch a game show?',
          lessons: [
            { title: 'Section A 1a–2d: TV shows you like', kps: ['EN-22-008'] },
            { title: 'Section A Grammar Focus–3c: want to / hope to / expect to', kps: ['EN-22-008'] },
            {
              title: 'Section B 2a–2e: Mickey Mouse, an American cultural symbol',
              kps: ['EN-16-011', 'EN-22-006'],
            },
          ],
        },
        {
          title: "I'm going to study computer science.",
          lessons: [
            { title: 'Section A 1a–2d: What do you want to be?', kps: ['EN-16-005', 'EN-16-012'] },
            { title: 'Section A Grammar Focus–3c: be going to for plans', kps: ['EN-16-006', 'EN-22-008'] },
            { title: "Section B 2a–2e: New Year's resolutions", kps: ['EN-16-006', 'EN-22-006'] },
          ],
        },
        {
          title: 'Will people have robots?',
          lessons: [
            { title: 'Section A 1a–2d: Predictions about the future', kps: ['EN-22-009'] },
            {
              title: 'Section A Grammar Focus–3c: will, more / less / fewer',
              kps: ['EN-22-009', 'EN-22-011'],
            },
            {
              title: 'Section B 2a–2e: Do you think you will have your own robot?',
              kps: ['EN-22-009', 'EN-22-006'],
            },
          ],
        },
        {
          title: 'How do you make a banana milk shake?',
          lessons: [
            { title: 'Section A 1a–2d: Making a banana milk shake', kps: ['EN-22-010'] },
            { title: 'Section A Grammar Focus–3c: How many…? How much…?', kps: ['EN-22-011'] },
            { title: 'Section B 2a–2e: Thanksgiving in the United States', kps: ['EN-22-012', 'EN-22-010'] },
          ],
        },
        {
          title: 'Can you come to my party?',
          lessons: [
            { title: 'Section A 1a–2d: Invitations and replies', kps: ['EN-22-013'] },
            {
              title: 'Section A Grammar Focus–3c: making, accepting and refusing invitations',
              kps: ['EN-22-013', 'EN-15-008'],
            },
            { title: 'Section B 2a–3c: Writing an invitation', kps: ['EN-22-013', 'EN-21-009'] },
          ],
        },
        {
          title: "If you go to the party, you'll have a great time!",
          lessons: [
            { title: 'Section A 1a–2d: If you…, you will…', kps: ['EN-22-014'] },
            { title: 'Section A Grammar Focus–3c: if clauses', kps: ['EN-22-014', 'EN-22-009'] },
            { title: 'Section B 2a–3b: Advice for solving problems', kps: ['EN-22-015'] },
          ],
        },
      ],
    },
    // 八年级下册（Go for it!）
    {
      grade: '22',
      term: 2,
      units: [
        {
          title: "What's the matter?",
          lessons: [
            { title: 'Section A 1a–2d: Health problems', kps: ['EN-22-016'] },
            { title: "Section A Grammar Focus–3c: should / shouldn't", kps: ['EN-22-017'] },
            { title: 'Section B 2a–2e: He lost his arm but is still climbing', kps: ['EN-22-006'] },
          ],
        },
        {
          title: "I'll help to clean up the city parks.",
          lessons: [
            { title: 'Section A 1a–2d: Volunteering', kps: ['EN-22-018'] },
            {
              title: 'Section A Grammar Focus–3c: phrasal verbs and infinitives',
              kps: ['EN-22-018', 'EN-22-008'],
            },
            { title: 'Section B 2a–3c: A thank-you letter', kps: ['EN-22-015'] },
          ],
        },
        {
          title: 'Could you please clean your room?',
          lessons: [
            { title: 'Section A 1a–2d: Chores at home', kps: ['EN-22-019'] },
            { title: 'Section A Grammar Focus–3c: Could you please…? Could I…?', kps: ['EN-22-019'] },
            { title: 'Section B 2a–2e: Should children do chores?', kps: ['EN-22-006', 'EN-22-017'] },
          ],
        },
        {
          title: "Why don't you talk to your parents?",
          lessons: [
            { title: 'Section A 1a–2d: Problems and advice', kps: ['EN-22-017', 'EN-22-015'] },
            { title: 'Section A Grammar Focus–3c: until / so that / although', kps: ['EN-22-020'] },
            { title: 'Section B 2a–2e: Pressure and competition', kps: ['EN-22-006'] },
          ],
        },
        {
          title: 'What were you doing when the rainstorm came?',
          lessons: [
            { title: 'Section A 1a–2d: What were you doing at…?', kps: ['EN-22-021'] },
            { title: 'Section A Grammar Focus–3c: past progressive with when / while', kps: ['EN-22-022'] },
            {
              title: 'Section B 2a–3b: Do you remember what you were doing?',
              kps: ['EN-22-021', 'EN-21-024'],
            },
          ],
        },
        {
          title: 'An old man tried to move the mountains.',
          lessons: [
            { title: 'Section A 1a–2d: Yu Gong and Journey to the West', kps: ['EN-22-023'] },
            { title: 'Section A Grammar Focus–3c: unless / as soon as / so…that', kps: ['EN-22-024'] },
            { title: 'Section B 2a–2e: Hansel and Gretel', kps: ['EN-22-023', 'EN-22-006'] },
          ],
        },
        {
          title: "What's the highest mountain in the world?",
          lessons: [
            { title: 'Section A 1a–2d: Geography facts', kps: ['EN-22-025'] },
            {
              title: 'Section A Grammar Focus–3c: comparing with big numbers',
              kps: ['EN-22-007', 'EN-22-025'],
            },
            { title: 'Section B 2a–2e: Pandas in the wild', kps: ['EN-21-018'] },
          ],
        },
        {
          title: 'Have you read Treasure Island yet?',
          lessons: [
            { title: 'Section A 1a–2d: Classic novels', kps: ['EN-22-026', 'EN-22-027'] },
            { title: 'Section A Grammar Focus–3c: already / yet', kps: ['EN-22-026'] },
            { title: 'Section B 2a–2e: Country music', kps: ['EN-16-011', 'EN-22-027'] },
          ],
        },
        {
          title: 'Have you ever been to a museum?',
          lessons: [
            { title: 'Section A 1a–2d: Museums and amusement parks', kps: ['EN-22-028'] },
            { title: 'Section A Grammar Focus–3c: have been to / have gone to', kps: ['EN-22-028'] },
            {
              title: 'Section B 2a–2e: Singapore — a place you will never forget',
              kps: ['EN-22-006', 'EN-22-028'],
            },
            { title: 'Pronunciation: linking and thought groups', kps: ['EN-22-029'] },
          ],
        },
        {
          title: "I've had this bike for three years.",
          lessons: [
            { title: 'Section A 1a–2d: A yard sale', kps: ['EN-22-030'] },
            { title: 'Section A Grammar Focus–3c: present perfect with for / since', kps: ['EN-22-030'] },
            { title: 'Section B 2a–3c: Things I have kept', kps: ['EN-22-030', 'EN-21-024'] },
          ],
        },
      ],
    },
    // 九年级（全一册）第 1–7 单元
    {
      grade: '23',
      term: 1,
      units: [
        {
          title: 'How can we become good learners?',
          lessons: [
            { title: 'Section A 1a–2d: Learning by working with friends', kps: ['EN-23-001'] },
            { title: 'Section A Grammar Focus–4c: by + doing', kps: ['EN-23-001'] },
            { title: 'Section B 2a–2e: How can you become a successful learner?', kps: ['EN-23-002'] },
          ],
        },
        {
          title: 'I think that mooncakes are delicious!',
          lessons: [
            { title: 'Section A 1a–2d: The Water Festival and the Mid-Autumn Festival', kps: ['EN-23-005'] },
            {
              title: 'Section A Grammar Focus–4c: object clauses with that / if / whether; exclamations',
              kps: ['EN-23-003', 'EN-23-004'],
            },
            { title: 'Section B 2a–2e: Christmas and A Christmas Carol', kps: ['EN-15-022', 'EN-23-009'] },
          ],
        },
        {
          title: 'Could you please tell me where the restrooms are?',
          lessons: [
            { title: 'Section A 1a–2d: Polite questions at Fun Times Park', kps: ['EN-23-007'] },
            { title: 'Section A Grammar Focus–4c: object clauses with wh- words', kps: ['EN-23-006'] },
            { title: 'Section B 2a–2e: Asking for directions politely', kps: ['EN-23-007', 'EN-16-001'] },
          ],
        },
        {
          title: 'I used to be afraid of the dark.',
          lessons: [
            { title: 'Section A 1a–2d: How people have changed', kps: ['EN-23-008'] },
            { title: 'Section A Grammar Focus–4c: used to', kps: ['EN-23-008'] },
            { title: "Section B 2a–2e: Li Wen's story — from trouble to success", kps: ['EN-23-009'] },
          ],
        },
        {
          title: 'What are the shirts made of?',
          lessons: [
            { title: 'Section A 1a–2d: Things made in China', kps: ['EN-23-010'] },
            { title: 'Section A Grammar Focus–4c: passive voice (simple present)', kps: ['EN-23-010'] },
            {
              title: 'Section B 2a–2e: Beauty in common things — Chinese crafts',
              kps: ['EN-23-005', 'EN-23-010'],
            },
          ],
        },
        {
          title: 'When was it invented?',
          lessons: [
            { title: 'Section A 1a–2d: Inventions', kps: ['EN-23-011'] },
            { title: 'Section A Grammar Focus–4c: passive voice (simple past)', kps: ['EN-23-011'] },
            { title: 'Section B 2a–2e: The history of basketball', kps: ['EN-23-009'] },
            { title: 'Section B 3a–3b: Writing about an invention', kps: ['EN-23-012'] },
          ],
        },
        {
          title: 'Teenagers should be allowed to choose their own clothes.',
          lessons: [
            { title: 'Section A 1a–2d: Rules for teenagers', kps: ['EN-23-013'] },
            { title: 'Section A Grammar Focus–4c: should be allowed to', kps: ['EN-23-013', 'EN-23-014'] },
            {
              title: "Section B 2a–3b: Liu Yu's dream — agree or disagree?",
              kps: ['EN-23-014', 'EN-23-015'],
            },
          ],
        },
      ],
    },
    // 九年级（全一册）第 8–14 单元
    {
      grade: '23',
      term: 2,
      units: [
        {
          title: 'It must belong to Carla.',
          lessons: [
            { title: 'Section A 1a–2d: Whose is this? Making guesses', kps: ['EN-23-016'] },
            { title: "Section A Grammar Focus–4c: must / might / could / can't", kps: ['EN-23-016'] },
            {
              title: 'Section B 2a–2e: Stonehenge — can anyone explain it?',
              kps: ['EN-23-009', 'EN-16-011'],
            },
          ],
        },
        {
          title: 'I like music that I can dance to.',
          lessons: [
            { title: 'Section A 1a–2d: Music I like', kps: ['EN-23-017'] },
            {
              title: 'Section A Grammar Focus–4c: relative clauses with that / which / who',
              kps: ['EN-23-017'],
            },
            { title: "Section B 2a–2e: Abing's Erquan Yingyue", kps: ['EN-23-005', 'EN-23-009'] },
          ],
        },
        {
          title: "You're supposed to shake hands.",
          lessons: [
            { title: 'Section A 1a–2d: Customs for meeting people', kps: ['EN-23-018'] },
            { title: 'Section A Grammar Focus–4c: be supposed to / be expected to', kps: ['EN-23-018'] },
            { title: 'Section B 2a–2e: Table manners in France', kps: ['EN-23-018', 'EN-23-009'] },
          ],
        },
        {
          title: 'Sad movies make me cry.',
          lessons: [
            { title: 'Section A 1a–2d: Things that make me happy or sad', kps: ['EN-23-019'] },
            { title: 'Section A Grammar Focus–4c: make + object + complement', kps: ['EN-23-019'] },
            { title: 'Section B 2a–2e: The winner — team spirit', kps: ['EN-23-009', 'EN-23-022'] },
          ],
        },
        {
          title: 'Life is full of the unexpected.',
          lessons: [
            { title: 'Section A 1a–2d: By the time I got up…', kps: ['EN-23-020'] },
            { title: 'Section A Grammar Focus–4c: past perfect', kps: ['EN-23-020'] },
            { title: "Section B 2a–2e: April Fool's Day", kps: ['EN-15-022', 'EN-23-009'] },
          ],
        },
        {
          title: "We're trying to save the earth!",
          lessons: [
            { title: 'Section A 1a–2d: Pollution problems', kps: ['EN-23-021'] },
            { title: 'Section A Grammar Focus–4c: tense review in context', kps: ['EN-23-021', 'EN-23-010'] },
            { title: 'Section B 2a–3b: Rethink, reuse, recycle', kps: ['EN-23-015', 'EN-23-022'] },
          ],
        },
        {
          title: 'I remember meeting all of you in Grade 7.',
          lessons: [
            { title: 'Section A 1a–2d: Memories of junior high', kps: ['EN-23-023'] },
            {
              title: 'Section A Grammar Focus–3b: remember doing, look forward to',
              kps: ['EN-23-023', 'EN-23-008'],
            },
            { title: 'Section B 2a–3b: A graduation speech', kps: ['EN-23-024'] },
          ],
        },
      ],
    },
  ],
  knowledgePoints: [
    // 一年级
    { key: 'EN-11-001', name: '课堂用语 Classroom English', grade: '11', strand: '听说', prereqs: [] },
    { key: 'EN-11-002', name: '问候与告别 Hello! / Goodbye!', grade: '11', strand: '功能话题', prereqs: [] },
    {
      key: 'EN-11-003',
      name: "自我介绍 I'm… / My name is…",
      grade: '11',
      strand: '功能话题',
      prereqs: ['EN-11-002'],
    },
    {
      key: 'EN-11-004',
      name: '学习用品词汇 pencil / ruler / book',
      grade: '11',
      strand: '词汇',
      prereqs: [],
    },
    { key: 'EN-11-005', name: '五官与身体部位词汇', grade: '11', strand: '词汇', prereqs: [] },
    {
      key: 'EN-11-006',
      name: '动作指令 Touch your… / Stand up.（TPR）',
      grade: '11',
      strand: '听说',
      prereqs: ['EN-11-001', 'EN-11-005'],
    },
    { key: 'EN-11-007', name: '英文儿歌与歌谣 chant', grade: '11', strand: '听说', prereqs: [] },
    { key: 'EN-11-008', name: '模仿语音语调与节奏', grade: '11', strand: '语音', prereqs: ['EN-11-007'] },
    { key: 'EN-11-009', name: '动物词汇', grade: '11', strand: '词汇', prereqs: [] },
    { key: 'EN-11-010', name: '指示代词 this / that', grade: '11', strand: '语法', prereqs: [] },
    { key: 'EN-11-011', name: '数字 1–10', grade: '11', strand: '词汇', prereqs: [] },
    {
      key: 'EN-11-012',
      name: '询问数量 How many…?',
      grade: '11',
      strand: '功能话题',
      prereqs: ['EN-11-011'],
    },
    { key: 'EN-11-013', name: '颜色词汇', grade: '11', strand: '词汇', prereqs: [] },
    { key: 'EN-11-014', name: '表达喜好 I like…', grade: '11', strand: '功能话题', prereqs: ['EN-11-013'] },
    { key: 'EN-11-015', name: '水果词汇', grade: '11', strand: '词汇', prereqs: [] },
    {
      key: 'EN-11-016',
      name: '礼貌用语 Thank you. / Here you are.',
      grade: '11',
      strand: '功能话题',
      prereqs: ['EN-11-002'],
    },
    {
      key: 'EN-11-017',
      name: '方位介词 in / on / under',
      grade: '11',
      strand: '语法',
      prereqs: ['EN-11-004'],
    },
    {
      key: 'EN-11-018',
      name: "询问物品位置 Where is…? It's in / on / under…",
      grade: '11',
      strand: '功能话题',
      prereqs: ['EN-11-017'],
    },
    { key: 'EN-11-019', name: '房间与玩具词汇', grade: '11', strand: '词汇', prereqs: [] },
    { key: 'EN-11-020', name: '食物与饮料词汇', grade: '11', strand: '词汇', prereqs: [] },
    {
      key: 'EN-11-021',
      name: '表达需求 I want… / Can I have…?',
      grade: '11',
      strand: '功能话题',
      prereqs: ['EN-11-020', 'EN-11-016'],
    },
    { key: 'EN-11-022', name: '服装词汇', grade: '11', strand: '词汇', prereqs: ['EN-11-013'] },
    // 二年级
    { key: 'EN-12-001', name: '家庭成员词汇', grade: '12', strand: '词汇', prereqs: [] },
    {
      key: 'EN-12-002',
      name: '介绍他人 This is my…',
      grade: '12',
      strand: '功能话题',
      prereqs: ['EN-11-003', 'EN-11-010', 'EN-12-001'],
    },
    { key: 'EN-12-003', name: '字母 Aa–Mm 的认读', grade: '12', strand: '语音', prereqs: [] },
    {
      key: 'EN-12-004',
      name: '图画故事阅读 Story time',
      grade: '12',
      strand: '阅读',
      prereqs: ['EN-11-007'],
    },
    { key: 'EN-12-005', name: '人称代词 he / she', grade: '12', strand: '语法', prereqs: ['EN-12-001'] },
    {
      key: 'EN-12-006',
      name: '形容词性物主代词 my / your / his / her',
      grade: '12',
      strand: '语法',
      prereqs: ['EN-12-005'],
    },
    {
      key: 'EN-12-007',
      name: "询问他人姓名 What's his / her name?",
      grade: '12',
      strand: '功能话题',
      prereqs: ['EN-11-003', 'EN-12-006'],
    },
    {
      key: 'EN-12-008',
      name: '描述外貌的形容词 tall / short / thin / pretty',
      grade: '12',
      strand: '词汇',
      prereqs: [],
    },
    { key: 'EN-12-009', name: '社区场所词汇', grade: '12', strand: '词汇', prereqs: [] },
    { key: 'EN-12-010', name: '数字 11–20', grade: '12', strand: '词汇', prereqs: ['EN-11-011'] },
    { key: 'EN-12-011', name: '字母 Nn–Zz 的认读', grade: '12', strand: '语音', prereqs: ['EN-12-003'] },
    { key: 'EN-12-012', name: '公园与自然景物词汇', grade: '12', strand: '词汇', prereqs: [] },
    { key: 'EN-12-013', name: "祈使句 Let's…", grade: '12', strand: '语法', prereqs: ['EN-11-006'] },
    {
      key: 'EN-12-014',
      name: '节日祝福语 Happy New Year! / Merry Christmas!',
      grade: '12',
      strand: '文化知识',
      prereqs: ['EN-11-002'],
    },
    { key: 'EN-12-015', name: '运动与游戏活动词汇', grade: '12', strand: '词汇', prereqs: [] },
    {
      key: 'EN-12-016',
      name: '情态动词 can 表能力 I can…',
      grade: '12',
      strand: '语法',
      prereqs: ['EN-12-015'],
    },
    {
      key: 'EN-12-017',
      name: '字母的常见发音（自然拼读首音）',
      grade: '12',
      strand: '语音',
      prereqs: ['EN-12-011'],
    },
    { key: 'EN-12-018', name: '天气与季节词汇', grade: '12', strand: '词汇', prereqs: [] },
    {
      key: 'EN-12-019',
      name: "询问天气 What's the weather like?",
      grade: '12',
      strand: '功能话题',
      prereqs: ['EN-12-018'],
    },
    {
      key: 'EN-12-020',
      name: '一般疑问句 Do you like…? / Is it…? 及简略回答',
      grade: '12',
      strand: '语法',
      prereqs: ['EN-11-014', 'EN-11-010'],
    },
    // 三年级
    {
      key: 'EN-13-001',
      name: 'be动词 am / is / are',
      grade: '13',
      strand: '语法',
      prereqs: ['EN-11-003', 'EN-12-005'],
    },
    { key: 'EN-13-002', name: '字母书写（四线三格）', grade: '13', strand: '写作', prereqs: ['EN-12-011'] },
    { key: 'EN-13-003', name: '简单图文阅读理解', grade: '13', strand: '阅读', prereqs: ['EN-12-004'] },
    {
      key: 'EN-13-004',
      name: 'What colour is it? 询问颜色',
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-11-013'],
    },
    { key: 'EN-13-005', name: "角色扮演对话 Let's act", grade: '13', strand: '听说', prereqs: ['EN-11-007'] },
    { key: 'EN-13-006', name: '单词与句子抄写', grade: '13', strand: '写作', prereqs: ['EN-13-002'] },
    {
      key: 'EN-13-007',
      name: '特殊疑问词 what / where / who',
      grade: '13',
      strand: '语法',
      prereqs: ['EN-12-020'],
    },
    {
      key: 'EN-13-008',
      name: "描述动物特征 It's fat. / It has a long nose.",
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-11-009', 'EN-12-008'],
    },
    {
      key: 'EN-13-009',
      name: "提供与请求食物 I'd like some… / Have some…",
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-11-021'],
    },
    {
      key: 'EN-13-010',
      name: 'How old are you? 询问年龄',
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-12-010', 'EN-13-001'],
    },
    { key: 'EN-13-011', name: '生日习俗与生日祝福', grade: '13', strand: '文化知识', prereqs: ['EN-12-014'] },
    {
      key: 'EN-13-012',
      name: 'Where are you from? 询问国籍与来处',
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-11-003', 'EN-13-001'],
    },
    {
      key: 'EN-13-013',
      name: '短元音 a / e / i / o / u（闭音节）',
      grade: '13',
      strand: '语音',
      prereqs: ['EN-12-017'],
    },
    {
      key: 'EN-13-014',
      name: "Who's that man? 询问人物身份",
      grade: '13',
      strand: '功能话题',
      prereqs: ['EN-12-002', 'EN-13-007'],
    },
    {
      key: 'EN-13-015',
      name: '名词复数（规则变化）',
      grade: '13',
      strand: '语法',
      prereqs: ['EN-11-012', 'EN-12-010'],
    },
    // 四年级
    {
      key: 'EN-14-001',
      name: '教室设施词汇 window / board / light',
      grade: '14',
      strand: '词汇',
      prereqs: ['EN-11-004'],
    },
    {
      key: 'EN-14-002',
      name: '询问物品位置及回答 Where are…? / Is it in…?',
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-11-018', 'EN-13-001'],
    },
    {
      key: 'EN-14-003',
      name: '开音节 a-e / i-e / o-e / u-e 的发音',
      grade: '14',
      strand: '语音',
      prereqs: ['EN-13-013'],
    },
    { key: 'EN-14-004', name: '短文阅读：获取具体信息', grade: '14', strand: '阅读', prereqs: ['EN-13-003'] },
    {
      key: 'EN-14-005',
      name: '句子书写规范（首字母大写、标点）',
      grade: '14',
      strand: '写作',
      prereqs: ['EN-13-006'],
    },
    {
      key: 'EN-14-006',
      name: "描述人物外貌与性格 He's tall and strong.",
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-12-008', 'EN-13-001'],
    },
    { key: 'EN-14-007', name: '人称代词主格与宾格', grade: '14', strand: '语法', prereqs: ['EN-12-005'] },
    { key: 'EN-14-008', name: '家居房间与家具词汇', grade: '14', strand: '词汇', prereqs: ['EN-11-019'] },
    {
      key: 'EN-14-009',
      name: 'What would you like? / Help yourself. 用餐礼貌用语',
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-13-009'],
    },
    { key: 'EN-14-010', name: '中西方饮食习惯', grade: '14', strand: '文化知识', prereqs: ['EN-14-009'] },
    { key: 'EN-14-011', name: '职业词汇', grade: '14', strand: '词汇', prereqs: [] },
    { key: 'EN-14-012', name: "名词所有格 's", grade: '14', strand: '语法', prereqs: ['EN-12-006'] },
    {
      key: 'EN-14-013',
      name: '学校场所词汇与楼层表达 first floor / second floor',
      grade: '14',
      strand: '词汇',
      prereqs: ['EN-12-009'],
    },
    {
      key: 'EN-14-014',
      name: '字母组合 ar / or / ir / ur / er 的发音',
      grade: '14',
      strand: '语音',
      prereqs: ['EN-13-013'],
    },
    {
      key: 'EN-14-015',
      name: "时间表达 What time is it? It's… o'clock.",
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-12-010'],
    },
    {
      key: 'EN-14-016',
      name: "It's time for… / It's time to…",
      grade: '14',
      strand: '语法',
      prereqs: ['EN-14-015'],
    },
    { key: 'EN-14-017', name: '数字 21–100', grade: '14', strand: '词汇', prereqs: ['EN-12-010'] },
    {
      key: 'EN-14-018',
      name: '世界各地天气与温度表达（摄氏度）',
      grade: '14',
      strand: '文化知识',
      prereqs: ['EN-12-019'],
    },
    { key: 'EN-14-019', name: '农场动物与蔬菜词汇', grade: '14', strand: '词汇', prereqs: ['EN-11-009'] },
    {
      key: 'EN-14-020',
      name: '指示代词 these / those',
      grade: '14',
      strand: '语法',
      prereqs: ['EN-11-010', 'EN-13-015'],
    },
    {
      key: 'EN-14-021',
      name: '名词性物主代词 mine / yours',
      grade: '14',
      strand: '语法',
      prereqs: ['EN-12-006'],
    },
    {
      key: 'EN-14-022',
      name: 'Can I help you? 购物用语',
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-11-016'],
    },
    {
      key: 'EN-14-023',
      name: '询问和告知价格 How much…?',
      grade: '14',
      strand: '功能话题',
      prereqs: ['EN-14-017'],
    },
    // 五年级
    {
      key: 'EN-15-001',
      name: '性格特征形容词 kind / strict / funny',
      grade: '15',
      strand: '词汇',
      prereqs: ['EN-14-006'],
    },
    {
      key: 'EN-15-002',
      name: '字母 y 及字母组合 ee / ea 的发音',
      grade: '15',
      strand: '语音',
      prereqs: ['EN-14-003'],
    },
    { key: 'EN-15-003', name: '星期与学科词汇', grade: '15', strand: '词汇', prereqs: [] },
    {
      key: 'EN-15-004',
      name: '一般现在时（表习惯与经常性动作）',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-13-001'],
    },
    {
      key: 'EN-15-005',
      name: '频度副词 always / usually / often / sometimes',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-15-004'],
    },
    {
      key: 'EN-15-006',
      name: 'What would you like to eat / drink? 询问饮食偏好',
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-14-009'],
    },
    {
      key: 'EN-15-007',
      name: '字母组合 ow / oo / ai / ay 的发音',
      grade: '15',
      strand: '语音',
      prereqs: ['EN-14-003'],
    },
    {
      key: 'EN-15-008',
      name: '情态动词 can 的一般疑问句与否定句',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-12-016', 'EN-12-020'],
    },
    {
      key: 'EN-15-009',
      name: 'There be 句型 There is / There are',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-13-001', 'EN-13-015'],
    },
    {
      key: 'EN-15-010',
      name: '方位介词短语 in front of / beside / between / behind',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-11-017'],
    },
    {
      key: 'EN-15-011',
      name: 'There be 句型的一般疑问句 Is there…? / Are there…?',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-15-009', 'EN-12-020'],
    },
    {
      key: 'EN-15-012',
      name: '阅读：借助标题和图片预测内容',
      grade: '15',
      strand: '阅读',
      prereqs: ['EN-14-004'],
    },
    { key: 'EN-15-013', name: '看图说话', grade: '15', strand: '听说', prereqs: ['EN-13-005'] },
    {
      key: 'EN-15-014',
      name: '日常作息表达 When do you…?',
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-15-004', 'EN-14-015'],
    },
    {
      key: 'EN-15-015',
      name: '辅音连缀 cl / pl / br / gr',
      grade: '15',
      strand: '语音',
      prereqs: ['EN-12-017'],
    },
    {
      key: 'EN-15-016',
      name: '写一段话介绍自己的一天或一周',
      grade: '15',
      strand: '写作',
      prereqs: ['EN-14-005', 'EN-15-004'],
    },
    {
      key: 'EN-15-017',
      name: '表达喜好及理由 Why? Because…',
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-12-018', 'EN-13-007'],
    },
    {
      key: 'EN-15-018',
      name: '月份词汇与序数词（日期表达）',
      grade: '15',
      strand: '词汇',
      prereqs: ['EN-14-013'],
    },
    { key: 'EN-15-019', name: '时间介词 in / on / at', grade: '15', strand: '语法', prereqs: ['EN-14-015'] },
    {
      key: 'EN-15-020',
      name: "询问日期 When is…? It's in / on…",
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-15-018', 'EN-15-019'],
    },
    {
      key: 'EN-15-021',
      name: '辅音字母组合 ch / sh / th / ng / nk',
      grade: '15',
      strand: '语音',
      prereqs: ['EN-15-015'],
    },
    {
      key: 'EN-15-022',
      name: '西方节日 Easter / Thanksgiving / Christmas',
      grade: '15',
      strand: '文化知识',
      prereqs: ['EN-12-014'],
    },
    {
      key: 'EN-15-023',
      name: '用 whose 询问物主',
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-14-012', 'EN-14-021'],
    },
    { key: 'EN-15-024', name: '动词 -ing 形式的构成规则', grade: '15', strand: '语法', prereqs: [] },
    {
      key: 'EN-15-025',
      name: '现在进行时',
      grade: '15',
      strand: '语法',
      prereqs: ['EN-13-001', 'EN-15-024'],
    },
    {
      key: 'EN-15-026',
      name: '公共场所规则表达 Keep quiet! / Keep to the right.',
      grade: '15',
      strand: '功能话题',
      prereqs: ['EN-12-013'],
    },
    // 六年级
    {
      key: 'EN-16-001',
      name: '问路与指路 Where is…? Turn left at…',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-15-010', 'EN-14-002'],
    },
    { key: 'EN-16-002', name: '阅读：概括段落大意', grade: '16', strand: '阅读', prereqs: ['EN-15-012'] },
    { key: 'EN-16-003', name: '交通方式 by bus / on foot', grade: '16', strand: '词汇', prereqs: [] },
    {
      key: 'EN-16-004',
      name: '询问出行方式 How do you come to school?',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-16-003', 'EN-15-004'],
    },
    {
      key: 'EN-16-005',
      name: '一般将来时 be going to',
      grade: '16',
      strand: '语法',
      prereqs: ['EN-13-001', 'EN-15-004'],
    },
    {
      key: 'EN-16-006',
      name: '询问计划与打算 What are you going to do?',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-16-005'],
    },
    {
      key: 'EN-16-007',
      name: '句子重音与升调、降调',
      grade: '16',
      strand: '语音',
      prereqs: ['EN-11-008', 'EN-12-020'],
    },
    {
      key: 'EN-16-008',
      name: '一般现在时（第三人称单数）',
      grade: '16',
      strand: '语法',
      prereqs: ['EN-15-004', 'EN-12-005'],
    },
    {
      key: 'EN-16-009',
      name: '爱好表达 like doing',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-11-014', 'EN-15-024'],
    },
    { key: 'EN-16-010', name: '书信与电子邮件格式', grade: '16', strand: '写作', prereqs: ['EN-15-016'] },
    { key: 'EN-16-011', name: '英语国家概况', grade: '16', strand: '文化知识', prereqs: ['EN-13-012'] },
    {
      key: 'EN-16-012',
      name: '询问职业与工作方式 What does he do?',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-14-011', 'EN-16-008'],
    },
    {
      key: 'EN-16-013',
      name: '情绪形容词 happy / angry / afraid / worried',
      grade: '16',
      strand: '词汇',
      prereqs: [],
    },
    {
      key: 'EN-16-014',
      name: '提出建议 You should…',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-12-013'],
    },
    { key: 'EN-16-015', name: '形容词比较级', grade: '16', strand: '语法', prereqs: ['EN-12-008'] },
    {
      key: 'EN-16-016',
      name: '询问身高与比较 How tall are you?',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-16-015'],
    },
    { key: 'EN-16-017', name: '一般过去时（规则动词）', grade: '16', strand: '语法', prereqs: ['EN-15-004'] },
    {
      key: 'EN-16-018',
      name: 'be动词过去式 was / were',
      grade: '16',
      strand: '语法',
      prereqs: ['EN-13-001'],
    },
    {
      key: 'EN-16-019',
      name: '询问过去活动 What did you do last weekend?',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-16-017'],
    },
    {
      key: 'EN-16-020',
      name: '-ed 的读音 /t/ /d/ /ɪd/',
      grade: '16',
      strand: '语音',
      prereqs: ['EN-16-017'],
    },
    { key: 'EN-16-021', name: '日记写作', grade: '16', strand: '写作', prereqs: ['EN-16-017', 'EN-14-005'] },
    {
      key: 'EN-16-022',
      name: '一般过去时（不规则动词）',
      grade: '16',
      strand: '语法',
      prereqs: ['EN-16-017'],
    },
    {
      key: 'EN-16-023',
      name: '今昔对比 There was / There were…',
      grade: '16',
      strand: '功能话题',
      prereqs: ['EN-15-009', 'EN-16-018'],
    },
    // 七年级
    {
      key: 'EN-21-001',
      name: '国际音标：元音',
      grade: '21',
      strand: '语音',
      prereqs: ['EN-13-013', 'EN-15-002'],
    },
    { key: 'EN-21-002', name: '国际音标：辅音', grade: '21', strand: '语音', prereqs: ['EN-15-021'] },
    {
      key: 'EN-21-003',
      name: "询问物品英文名 What's this in English?",
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-11-010', 'EN-13-007'],
    },
    {
      key: 'EN-21-004',
      name: '常见英文缩略词 CD / NBA / kg',
      grade: '21',
      strand: '文化知识',
      prereqs: ['EN-12-011'],
    },
    {
      key: 'EN-21-005',
      name: '询问与提供个人信息（姓名、电话号码）',
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-12-007', 'EN-13-001'],
    },
    {
      key: 'EN-21-006',
      name: 'be动词的否定句与一般疑问句',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-13-001', 'EN-12-020'],
    },
    {
      key: 'EN-21-007',
      name: '听力：抓取数字、时间等关键信息',
      grade: '21',
      strand: '听说',
      prereqs: ['EN-15-013', 'EN-14-017'],
    },
    { key: 'EN-21-008', name: '名词复数（不规则变化）', grade: '21', strand: '语法', prereqs: ['EN-13-015'] },
    {
      key: 'EN-21-009',
      name: '通知与广告写作（失物招领、招募、促销）',
      grade: '21',
      strand: '写作',
      prereqs: ['EN-14-005'],
    },
    {
      key: 'EN-21-010',
      name: '一般现在时的否定句与疑问句（do / does）',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-16-008'],
    },
    {
      key: 'EN-21-011',
      name: "提建议及回应 Let's… That sounds good.",
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-12-013'],
    },
    { key: 'EN-21-012', name: '可数名词与不可数名词', grade: '21', strand: '语法', prereqs: ['EN-13-015'] },
    {
      key: 'EN-21-013',
      name: '特殊疑问句 what / when / why / who',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-13-007', 'EN-21-010'],
    },
    {
      key: 'EN-21-014',
      name: '阅读：理解日程安排与通知',
      grade: '21',
      strand: '阅读',
      prereqs: ['EN-14-004'],
    },
    {
      key: 'EN-21-015',
      name: '询问距离与时长 How far…? / How long…?',
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-16-004'],
    },
    {
      key: 'EN-21-016',
      name: '阅读：按时间顺序理解记叙文',
      grade: '21',
      strand: '阅读',
      prereqs: ['EN-16-002'],
    },
    {
      key: 'EN-21-017',
      name: '祈使句否定式与 must / have to 表规则',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-15-026'],
    },
    { key: 'EN-21-018', name: '濒危动物与动物保护', grade: '21', strand: '文化知识', prereqs: ['EN-13-008'] },
    {
      key: 'EN-21-019',
      name: '现在进行时的否定句与疑问句',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-15-025'],
    },
    {
      key: 'EN-21-020',
      name: '电话用语 Can I take a message?',
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-21-005'],
    },
    {
      key: 'EN-21-021',
      name: '描述人物外貌 What does he look like?',
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-14-006', 'EN-16-008'],
    },
    {
      key: 'EN-21-022',
      name: '点餐用语 What kind of… would you like?',
      grade: '21',
      strand: '功能话题',
      prereqs: ['EN-15-006', 'EN-21-012'],
    },
    {
      key: 'EN-21-023',
      name: '一般过去时的否定句与疑问句（did）',
      grade: '21',
      strand: '语法',
      prereqs: ['EN-16-022', 'EN-21-010'],
    },
    {
      key: 'EN-21-024',
      name: '记叙文写作：周末活动与旅行见闻',
      grade: '21',
      strand: '写作',
      prereqs: ['EN-16-021'],
    },
    // 八年级
    {
      key: 'EN-22-001',
      name: '不定代词 something / anything / nothing',
      grade: '22',
      strand: '语法',
      prereqs: [],
    },
    {
      key: 'EN-22-002',
      name: '反身代词 myself / yourself',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-14-007'],
    },
    {
      key: 'EN-22-003',
      name: '询问频率 How often…?',
      grade: '22',
      strand: '功能话题',
      prereqs: ['EN-15-005'],
    },
    { key: 'EN-22-004', name: '调查访谈与口头汇报', grade: '22', strand: '听说', prereqs: ['EN-21-007'] },
    {
      key: 'EN-22-005',
      name: '形容词与副词比较级（综合运用）',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-16-015'],
    },
    {
      key: 'EN-22-006',
      name: '阅读：推断作者观点与态度',
      grade: '22',
      strand: '阅读',
      prereqs: ['EN-21-016'],
    },
    { key: 'EN-22-007', name: '形容词最高级', grade: '22', strand: '语法', prereqs: ['EN-16-015'] },
    {
      key: 'EN-22-008',
      name: '动词不定式作宾语 want to / hope to',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-15-004'],
    },
    { key: 'EN-22-009', name: '一般将来时 will', grade: '22', strand: '语法', prereqs: ['EN-16-005'] },
    {
      key: 'EN-22-010',
      name: '描述操作步骤 First… Next… Then… Finally…',
      grade: '22',
      strand: '写作',
      prereqs: ['EN-12-013', 'EN-14-005'],
    },
    {
      key: 'EN-22-011',
      name: 'how many / how much 与量的表达',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-21-012'],
    },
    {
      key: 'EN-22-012',
      name: '感恩节与节日传统食物',
      grade: '22',
      strand: '文化知识',
      prereqs: ['EN-15-022'],
    },
    {
      key: 'EN-22-013',
      name: '发出、接受与拒绝邀请',
      grade: '22',
      strand: '功能话题',
      prereqs: ['EN-15-008'],
    },
    {
      key: 'EN-22-014',
      name: 'if 引导的条件状语从句',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-009', 'EN-16-008'],
    },
    {
      key: 'EN-22-015',
      name: '书信写作：建议信与感谢信',
      grade: '22',
      strand: '写作',
      prereqs: ['EN-16-010', 'EN-16-014'],
    },
    {
      key: 'EN-22-016',
      name: "看病与描述身体不适 What's the matter?",
      grade: '22',
      strand: '功能话题',
      prereqs: ['EN-11-005'],
    },
    {
      key: 'EN-22-017',
      name: "情态动词 should / shouldn't",
      grade: '22',
      strand: '语法',
      prereqs: ['EN-16-014'],
    },
    { key: 'EN-22-018', name: '短语动词 clean up / give out', grade: '22', strand: '词汇', prereqs: [] },
    {
      key: 'EN-22-019',
      name: '礼貌请求 Could you please…?',
      grade: '22',
      strand: '功能话题',
      prereqs: ['EN-15-008'],
    },
    {
      key: 'EN-22-020',
      name: '连词 until / so that / although',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-014'],
    },
    {
      key: 'EN-22-021',
      name: '过去进行时',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-15-025', 'EN-16-017', 'EN-16-018'],
    },
    {
      key: 'EN-22-022',
      name: 'when / while 引导的时间状语从句',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-021'],
    },
    { key: 'EN-22-023', name: '中外神话与寓言故事', grade: '22', strand: '文化知识', prereqs: ['EN-12-004'] },
    {
      key: 'EN-22-024',
      name: '连词 unless / as soon as / so…that',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-014'],
    },
    { key: 'EN-22-025', name: '世界地理之最', grade: '22', strand: '文化知识', prereqs: ['EN-22-007'] },
    {
      key: 'EN-22-026',
      name: '现在完成时（already / yet）',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-16-022'],
    },
    { key: 'EN-22-027', name: '英语文学名著选读', grade: '22', strand: '阅读', prereqs: ['EN-22-006'] },
    {
      key: 'EN-22-028',
      name: 'have been to / have gone to',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-026'],
    },
    { key: 'EN-22-029', name: '意群与连读', grade: '22', strand: '语音', prereqs: ['EN-16-007'] },
    {
      key: 'EN-22-030',
      name: '现在完成时与 for / since（延续性动词）',
      grade: '22',
      strand: '语法',
      prereqs: ['EN-22-026'],
    },
    // 九年级
    { key: 'EN-23-001', name: 'by + doing 表方式', grade: '23', strand: '语法', prereqs: ['EN-15-024'] },
    { key: 'EN-23-002', name: '学习策略与方法', grade: '23', strand: '功能话题', prereqs: ['EN-23-001'] },
    {
      key: 'EN-23-003',
      name: '宾语从句（that / if / whether 引导）',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-16-008', 'EN-21-006'],
    },
    { key: 'EN-23-004', name: '感叹句 What…! / How…!', grade: '23', strand: '语法', prereqs: ['EN-13-001'] },
    {
      key: 'EN-23-005',
      name: '中国传统文化（节日与手工艺）',
      grade: '23',
      strand: '文化知识',
      prereqs: ['EN-12-014'],
    },
    {
      key: 'EN-23-006',
      name: '宾语从句（特殊疑问词引导，陈述语序）',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-23-003', 'EN-21-013'],
    },
    {
      key: 'EN-23-007',
      name: '礼貌问询 Could you tell me…?',
      grade: '23',
      strand: '功能话题',
      prereqs: ['EN-23-006', 'EN-22-019'],
    },
    { key: 'EN-23-008', name: 'used to 表过去习惯', grade: '23', strand: '语法', prereqs: ['EN-16-022'] },
    {
      key: 'EN-23-009',
      name: '阅读：长篇记叙文与说明文理解',
      grade: '23',
      strand: '阅读',
      prereqs: ['EN-22-006'],
    },
    {
      key: 'EN-23-010',
      name: '被动语态（一般现在时）',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-16-008', 'EN-22-026'],
    },
    {
      key: 'EN-23-011',
      name: '被动语态（一般过去时）',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-23-010', 'EN-16-018'],
    },
    {
      key: 'EN-23-012',
      name: '说明文写作：介绍发明与事物',
      grade: '23',
      strand: '写作',
      prereqs: ['EN-22-010'],
    },
    {
      key: 'EN-23-013',
      name: '含情态动词的被动语态 should be allowed to',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-23-010', 'EN-22-017'],
    },
    {
      key: 'EN-23-014',
      name: '表达同意与反对 I agree. / I disagree.',
      grade: '23',
      strand: '功能话题',
      prereqs: ['EN-15-017'],
    },
    {
      key: 'EN-23-015',
      name: '议论文写作（观点 + 理由）',
      grade: '23',
      strand: '写作',
      prereqs: ['EN-22-015', 'EN-23-014'],
    },
    {
      key: 'EN-23-016',
      name: "情态动词表推测 must / might / could / can't",
      grade: '23',
      strand: '语法',
      prereqs: ['EN-22-017'],
    },
    {
      key: 'EN-23-017',
      name: '定语从句（that / which / who 引导）',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-21-013'],
    },
    {
      key: 'EN-23-018',
      name: '各国礼仪与风俗 be supposed to',
      grade: '23',
      strand: '文化知识',
      prereqs: ['EN-16-011', 'EN-11-016'],
    },
    {
      key: 'EN-23-019',
      name: 'make + 宾语 + 宾语补足语',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-22-008'],
    },
    {
      key: 'EN-23-020',
      name: '过去完成时',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-22-026', 'EN-16-022'],
    },
    { key: 'EN-23-021', name: '环境保护', grade: '23', strand: '功能话题', prereqs: ['EN-22-009'] },
    { key: 'EN-23-022', name: '小组讨论与辩论', grade: '23', strand: '听说', prereqs: ['EN-22-004'] },
    {
      key: 'EN-23-023',
      name: '动名词作宾语 remember / enjoy doing',
      grade: '23',
      strand: '语法',
      prereqs: ['EN-15-024', 'EN-22-008'],
    },
    {
      key: 'EN-23-024',
      name: '回顾与展望：毕业感言写作',
      grade: '23',
      strand: '写作',
      prereqs: ['EN-21-024', 'EN-22-009'],
    },
  ],
};
