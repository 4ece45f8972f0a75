import { type SQL, sql } from 'drizzle-orm';

/**
 * The full-text vector of a segmented document (space-separated words from `indexTokens`): `a`
 * weighs most (a title, a stem), then `b`, then `c`. The 'simple' configuration: jieba has done the
 * segmentation, PostgreSQL only stores and matches the words.
 */
export const searchVectorOf = (a: SQL, b: SQL, c: SQL): SQL =>
  sql`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B')
      || setweight(to_tsvector('simple', ${c}), 'C')`;

/** A query matching documents that hold every word (`queryTokens`). */
export const allWords = (words: readonly string[]): SQL => sql`plainto_tsquery('simple', ${words.join(' ')})`;
