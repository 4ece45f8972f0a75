import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { FieldCrypto } from './field-crypto.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const BATCH = 2000;

/**
 * Encrypts the plaintext values migrations left in `field_backfill` into their target columns (and
 * their keyed hashes), then deletes them: one transaction per batch, so a crash resumes where it
 * stopped. Returns the number of values moved. Nothing to do costs one indexed query.
 */
export async function backfillEncryptedFields(db: Db, crypto: FieldCrypto): Promise<number> {
  let moved = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const res = await tx.execute<{
        id: number;
        tbl: string;
        pk_col: string;
        pk: string;
        enc_col: string;
        hash_col: string | null;
        value: string;
      }>(sql`select id, tbl, pk_col, pk, enc_col, hash_col, value from field_backfill order by id
               limit ${BATCH} for update skip locked`);
      for (const r of res.rows) {
        // Identifiers come from our own migrations; refuse anything else rather than quote it.
        for (const name of [r.tbl, r.pk_col, r.enc_col, r.hash_col ?? 'x']) {
          if (!IDENT.test(name)) throw new Error(`field_backfill row ${r.id}: bad identifier ${name}`);
        }
        const hash = r.hash_col
          ? sql`, ${sql.identifier(r.hash_col)} = ${crypto.lookupHash(r.value)}`
          : sql``;
        await tx.execute(sql`update ${sql.identifier(r.tbl)} set ${sql.identifier(r.enc_col)} = ${crypto.encrypt(r.value)}${hash}
            where ${sql.identifier(r.pk_col)} = ${r.pk}`);
      }
      if (res.rows.length > 0) {
        await tx.execute(
          sql`delete from field_backfill where id = any(${sql.param(res.rows.map((r) => r.id))}::int[])`,
        );
      }
      return res.rows.length;
    });
    moved += n;
    if (n < BATCH) return moved;
  }
}
