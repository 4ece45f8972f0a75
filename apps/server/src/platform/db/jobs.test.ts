import { describe, expect, it } from 'vitest';
import { bureauClock } from './jobs.ts';

describe('the bureau clock', () => {
  it('gives the day and hour in Asia/Shanghai, whatever the server zone', () => {
    expect(bureauClock(new Date('2026-12-04T22:20:00Z'))).toEqual({ day: '2026-12-05', hour: 6 });
    expect(bureauClock(new Date('2026-12-05T00:00:00Z'))).toEqual({ day: '2026-12-05', hour: 8 });
    expect(bureauClock(new Date('2026-12-05T15:59:59Z'))).toEqual({ day: '2026-12-05', hour: 23 });
    expect(bureauClock(new Date('2026-12-05T16:00:00Z'))).toEqual({ day: '2026-12-06', hour: 0 });
  });
});
