import { pgTable, serial, text, uuid } from 'drizzle-orm/pg-core';
import { inventory, NONE, personal } from '../privacy/data-classes.ts';

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

/** 数据分级分类 (platform/privacy): plaintext in transit to encryption, readable by the owner only. */
export const fieldBackfillInventory = [
  inventory(fieldBackfill, {
    description: '升级时待加密的旧明文字段（应用账号无权读取；启动时加密后立即删除）',
    retention: '服务启动时即加密并删除',
    columns: {
      id: NONE,
      tbl: NONE,
      pkCol: NONE,
      pk: personal('general', 'statutory_duty', '定位待加密的记录'),
      encCol: NONE,
      hashCol: NONE,
      value: personal('sensitive', 'statutory_duty', '待加密的旧明文值', {
        plaintextBecause: '升级过渡：迁移不持有密钥，由启动时加密后删除',
      }),
    },
  }),
];
