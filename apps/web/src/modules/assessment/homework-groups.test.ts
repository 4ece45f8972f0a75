import { describe, expect, it } from 'vitest';
import {
  doneOrder,
  isDueSoon,
  isLateWindow,
  isMissed,
  isToDo,
  type Listed,
  resultsOrder,
  toDoOrder,
} from './homework-groups';

const NOW = Date.parse('2026-12-05T10:00:00Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

const hw = (id: string, o: Partial<Listed> = {}): Listed => ({
  id,
  standing: 'not_started',
  opensAt: at(-24),
  closesAt: at(48),
  lateUntil: null,
  released: false,
  score: null,
  ...o,
});

describe('the order of a student’s homework', () => {
  it('puts 补交 first, then the nearest deadline, then what opens later', () => {
    const items = [
      hw('later', { closesAt: at(72) }),
      hw('opens-tomorrow', { opensAt: at(20), closesAt: at(30) }),
      hw('late-window', { standing: 'missing', closesAt: at(-2), lateUntil: at(10) }),
      hw('soon', { standing: 'in_progress', closesAt: at(3) }),
      hw('done', { standing: 'submitted' }),
    ];
    expect(toDoOrder(items, NOW).map((h) => h.id)).toEqual([
      'late-window',
      'soon',
      'later',
      'opens-tomorrow',
    ]);
    expect(doneOrder(items, NOW).map((h) => h.id)).toEqual(['done']);
  });

  it('counts a missed homework as to do only while late hand-in is allowed', () => {
    const open = hw('a', { standing: 'missing', closesAt: at(-2), lateUntil: at(1) });
    const over = hw('b', { standing: 'missing', closesAt: at(-2), lateUntil: at(-1) });
    const none = hw('c', { standing: 'missing', closesAt: at(-2) });
    expect([open, over, none].map((h) => isToDo(h, NOW))).toEqual([true, false, false]);
    expect([open, over, none].map((h) => isLateWindow(h, NOW))).toEqual([true, false, false]);
    expect([open, over, none].map((h) => isMissed(h, NOW))).toEqual([false, true, true]);
    // An attempt handed in late is not in a late window any more.
    expect(isLateWindow(hw('d', { standing: 'late', closesAt: at(-2), lateUntil: at(1) }), NOW)).toBe(false);
  });

  it('orders an exam under way by its own deadline (the time limit)', () => {
    const items = [
      hw('soon', { closesAt: at(2) }),
      hw('timed', { standing: 'in_progress', closesAt: at(48), deadlineAt: at(0.3) }),
    ];
    expect(toDoOrder(items, NOW).map((h) => h.id)).toEqual(['timed', 'soon']);
  });

  it('says due soon within a day, not after the deadline', () => {
    expect(isDueSoon(hw('a', { closesAt: at(23) }), NOW)).toBe(true);
    expect(isDueSoon(hw('b', { closesAt: at(25) }), NOW)).toBe(false);
    expect(isDueSoon(hw('c', { closesAt: at(-1) }), NOW)).toBe(false);
  });

  it('lists released scores only, newest first', () => {
    const items = [
      hw('old', { released: true, score: 8, closesAt: at(-100) }),
      hw('new', { released: true, score: 9, closesAt: at(-10) }),
      hw('unreleased', { standing: 'submitted', score: null, closesAt: at(-5) }),
    ];
    expect(resultsOrder(items).map((h) => h.id)).toEqual(['new', 'old']);
  });
});
