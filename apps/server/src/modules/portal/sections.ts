/**
 * A home page is a list of typed sections, most urgent first: what waits for the person (reviews,
 * questions, unread notices) before what is merely new (class news, resources). A module that
 * lands later (homework, reading, results) adds its key and priority here and a builder beside
 * its home's read; the other sections and the page's layout stay as they are. Pure, no I/O.
 */

/** Every kind of section a home can show. */
export const SECTION_KEYS = [
  'reviews',
  'notices',
  'questions',
  'revise',
  'answers',
  'messages',
  'news',
  'resources',
  'curriculum',
] as const;
export type TSectionKey = (typeof SECTION_KEYS)[number];

/**
 * Where a section stands when nothing in it is urgent; lower comes first. Spaced so a later
 * section can slot in between (homework due today before answers, results after news …).
 */
const PRIORITY: Record<TSectionKey, number> = {
  reviews: 20,
  notices: 20,
  questions: 30,
  revise: 30,
  answers: 40,
  messages: 40,
  news: 60,
  resources: 70,
  curriculum: 80,
};

/** An urgent section (something overdue, or waiting for days) moves ahead of its peers. */
const URGENT_BOOST = 15;

/** A label beside an item: free text, or a code the page labels in the viewer's language. */
export type HomeTag = { type: 'text' | 'subject' | 'grade' | 'resource_kind'; value: string };

/** A number beside an item, labelled by its key in the page's language (e.g. 12 lessons without resources). */
export type HomeFigure = { key: 'lessons' | 'withoutPoints' | 'uncovered'; value: number };

export interface HomeItem {
  id: string;
  /** Empty when the item is a code the page labels: then its first tag names it (a subject …). */
  title: string;
  /** One line under the title: a notice's first words, the question an answer is to … */
  detail: string | null;
  /** In-app path to open. */
  link: string | null;
  at: string | null;
  tags: HomeTag[];
  figures: HomeFigure[];
  /** `overdue`: past its deadline; `unread`: not yet read or confirmed. */
  flag: 'overdue' | 'unread' | null;
}

export interface HomeSection {
  key: TSectionKey;
  /** Lower first; the page shows sections in this order (on a phone, one below the other). */
  priority: number;
  /** How many there are in all (the items are the first few). */
  count: number;
  items: HomeItem[];
  /** The page that lists them all. */
  link: string | null;
}

/** A section, or null when it has nothing to show (the home leaves it out). */
export function section(
  key: TSectionKey,
  items: HomeItem[],
  opts: { count?: number; urgent?: boolean; link?: string | null } = {},
): HomeSection | null {
  const count = opts.count ?? items.length;
  if (count === 0 || items.length === 0) return null;
  return {
    key,
    priority: PRIORITY[key] - (opts.urgent ? URGENT_BOOST : 0),
    count,
    items,
    link: opts.link ?? null,
  };
}

/** The sections with something to show, most urgent first; equal ones in SECTION_KEYS order. */
export function ordered(sections: (HomeSection | null)[]): HomeSection[] {
  return sections
    .filter((s): s is HomeSection => s !== null)
    .sort((a, b) => a.priority - b.priority || SECTION_KEYS.indexOf(a.key) - SECTION_KEYS.indexOf(b.key));
}

/** An item with no tags and no flag unless given. */
export const item = (i: Pick<HomeItem, 'id' | 'title'> & Partial<HomeItem>): HomeItem => ({
  detail: null,
  link: null,
  at: null,
  tags: [],
  figures: [],
  flag: null,
  ...i,
});

/** Whether `at` lies more than `days` days before `now`. */
export const olderThan = (at: string, days: number, now = Date.now()) =>
  now - new Date(at).getTime() > days * 86_400_000;
