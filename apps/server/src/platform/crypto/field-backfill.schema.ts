import { pgTable, serial, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Plaintext values a migration took out of a column that is now encrypted, waiting for the server
 * (which holds the field key; migrations do not) to encrypt them into place at start. Migrations
 * fill it; `backfillEncryptedFields` drains it. Empty in normal operation.
 */
export const fieldBackfill = pgTable('field_backfill', {
  id: serial('id').primaryKey(),
  /** Target table, its primary-key column and the row's key. */
  tbl: text('tbl').notNull(),
  pkCol: text('pk_col').notNull(),
  pk: uuid('pk').notNull(),
  /** Column receiving the AES-GCM ciphertext, and optionally the one receiving the keyed hash. */
  encCol: text('enc_col').notNull(),
  hashCol: text('hash_col'),
  value: text('value').notNull(),
});
