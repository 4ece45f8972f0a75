import { describe, expect, it } from 'vitest';
import { item, olderThan, ordered, SECTION_KEYS, section } from './sections.ts';

const one = [item({ id: '1', title: 'x' })];

describe('home sections', () => {
  it('leaves out a section with nothing to show', () => {
    expect(section('notices', [])).toBeNull();
    expect(section('notices', one, { count: 0 })).toBeNull();
    expect(section('notices', one)).toMatchObject({ key: 'notices', count: 1, link: null });
  });

  it('puts what waits before what is new, and an urgent section ahead of its peers', () => {
    const sections = ordered([
      section('resources', one),
      section('news', one),
      section('messages', one),
      null,
      section('questions', one),
      section('notices', one),
    ]);
    expect(sections.map((s) => s.key)).toEqual(['notices', 'questions', 'messages', 'news', 'resources']);
    const urgent = ordered([section('notices', one), section('questions', one, { urgent: true })]);
    expect(urgent.map((s) => s.key)).toEqual(['questions', 'notices']);
  });

  it('breaks ties in the order of the keys', () => {
    const s = ordered([section('notices', one), section('reviews', one)]);
    expect(s.map((x) => x.key)).toEqual(['reviews', 'notices']);
    expect(SECTION_KEYS.indexOf('reviews')).toBeLessThan(SECTION_KEYS.indexOf('notices'));
  });

  it('fills an item with no tags, figures or flag', () => {
    expect(item({ id: 'a', title: 't' })).toEqual({
      id: 'a',
      title: 't',
      detail: null,
      link: null,
      at: null,
      tags: [],
      figures: [],
      flag: null,
    });
  });

  it('tells how long something has waited', () => {
    const now = Date.parse('2026-12-05T00:00:00Z');
    expect(olderThan('2026-12-02T23:00:00Z', 2, now)).toBe(true);
    expect(olderThan('2026-12-03T01:00:00Z', 2, now)).toBe(false);
  });
});
