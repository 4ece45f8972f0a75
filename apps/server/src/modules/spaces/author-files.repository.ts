import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/**
 * The stored files attached to a person's posts, so that erasing the posts (a granted deletion
 * request, modules/privacy) also removes the files once the transaction commits.
 */
export async function storageKeysOfAuthor(tx: Tx, personId: string): Promise<string[]> {
  const res = await tx.execute<{ key: string }>(sql`
    select f.storage_key as key from space_post_file f join space_post p on p.id = f.post_id
     where p.author_id = ${personId}`);
  return res.rows.map((r) => r.key);
}
