import { describe, expect, it } from 'vitest';
import { waitParts } from './review-wait.ts';

describe('the wait shown in the review queue', () => {
  it('shows the two largest units', () => {
    expect(waitParts(3 * 1440 + 5 * 60 + 59)).toEqual({ key: 'waitDaysHours', d: 3, h: 5, m: 59 });
    expect(waitParts(1440)).toEqual({ key: 'waitDaysHours', d: 1, h: 0, m: 0 });
    expect(waitParts(5 * 60 + 20)).toMatchObject({ key: 'waitHoursMinutes', h: 5, m: 20 });
    expect(waitParts(20)).toMatchObject({ key: 'waitMinutes', m: 20 });
    expect(waitParts(0).key).toBe('waitJustNow');
    expect(waitParts(-3).key).toBe('waitJustNow');
  });
});
