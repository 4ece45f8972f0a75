import { cut, cut_all, cut_for_search } from 'jieba-wasm';

/** Keeps words: at least one letter or digit (drops punctuation and spaces jieba returns as tokens). */
const WORD = /[\p{L}\p{N}]/u;
const clean = (tokens: string[]) => tokens.map((t) => t.trim().toLowerCase()).filter((t) => WORD.test(t));

/**
 * Words of a text for the full-text index (R5), space-separated for `to_tsvector('simple', …)`.
 * Search-mode and full-mode segmentation together, so 「古诗三首」 is found by 古诗, 三首 and 诗.
 */
export function indexTokens(text: string): string {
  if (!text) return '';
  const words = new Set([...clean(cut_for_search(text, true)), ...clean(cut_all(text))]);
  return [...words].join(' ');
}

/** Words of a query, precise mode: 「分数加法」 → 分数, 加法 (all must match). */
export function queryTokens(text: string): string[] {
  return [...new Set(clean(cut(text.slice(0, 100), true)))].slice(0, 12);
}
