import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format';

describe('operator units', () => {
  it('shows bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(50_646_220)).toBe('48.3 MiB');
    expect(formatBytes(null)).toBe('—');
  });

  it('shows a duration in its largest sensible unit', () => {
    expect(formatDuration(850, 'zh-CN')).toBe('850 ms');
    expect(formatDuration(4200, 'en')).toBe('4.2 s');
    expect(formatDuration(192_000, 'zh-CN')).toBe('3 分 12 秒');
    expect(formatDuration(3 * 86_400_000 + 2 * 3_600_000, 'zh-CN')).toBe('3 天 2 小时');
    expect(formatDuration(3 * 86_400_000 + 2 * 3_600_000, 'en')).toBe('3 d 2 h');
  });
});
