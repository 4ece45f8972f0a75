import { describe, expect, it } from 'vitest';
import { bookTitle } from './notifications.service.ts';

describe('titles in messages', () => {
  it('puts a title in 书名号 once, nesting inner ones as 〈〉 (GB/T 15834)', () => {
    expect(bookTitle('亿以内数的认识')).toBe('《亿以内数的认识》');
    expect(bookTitle('《静夜思》')).toBe('《静夜思》');
    expect(bookTitle('《分数的初步认识》微课（体验测试）')).toBe('《〈分数的初步认识〉微课（体验测试）》');
    expect(bookTitle('《静夜思》与《春晓》')).toBe('《〈静夜思〉与〈春晓〉》');
    expect(bookTitle('《分数的初步认识》微课（体验测试）')).not.toContain('《《');
  });
});
