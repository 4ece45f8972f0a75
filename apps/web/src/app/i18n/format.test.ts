import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('dates shown in Beijing time', () => {
  it('shows the Beijing calendar day of a timestamp late in the UTC day', () => {
    // 2026-12-05 06:20 in Beijing is 2026-12-04 22:20 UTC.
    expect(formatDate('2026-12-04T22:20:00.000Z', 'zh-CN')).toBe('2026/12/05');
    expect(formatDate('2026-12-04T22:20:00.000Z', 'en')).toBe('05/12/2026');
    expect(formatDateTime('2026-12-04T22:20:00.000Z', 'zh-CN')).toBe('2026/12/05 06:20:00');
  });

  it('shows a dash for no date and the text itself for a malformed one', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('not a date', 'zh-CN')).toBe('not a date');
  });
});
