/**
 * The server of `npm run bench:api`, in a process of its own as in production: the real app on the
 * benchmark's database as the application role, plus GET /api/bench/baseline (`select 1` through
 * the same pool, no auth) and GET /api/bench/floor/:personId (the least a cold read of personal data
 * can cost in this design). Started by api.ts with an IPC channel, on which it reports its port and,
 * when asked, the hit and miss counts of its in-memory caches; nothing else can read them.
 * Environment: HANLIN_DATA_DIR (the benchmark's directory) and HANLIN_BENCH_APP_URL.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDatabase } from '../../apps/server/src/platform/db/client.ts';
import { execPrepared, preferGenericPlans } from '../../apps/server/src/platform/db/prepared.ts';
import { systemScope, withScope } from '../../apps/server/src/platform/db/scoped.ts';
import { createStorage } from '../../apps/server/src/platform/storage/index.ts';

const appUrl = process.env.HANLIN_BENCH_APP_URL;
if (!appUrl || !process.send) throw new Error('api-server.ts is started by tools/bench/api.ts');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = connectDatabase(appUrl, undefined, undefined, true);
const deps = {
  config,
  database,
  crypto: createFieldCrypto(loadFieldKey(undefined, config.dataDir)),
  storage: createStorage(config),
};
const app = await buildApp(deps, { logger: false, serveWeb: false });
app.get('/api/bench/baseline', { config: { policy: { allow: 'public' } } }, async () => {
  await database.pool.query('select 1');
  return { ok: true };
});
/**
 * The floor of a read that the caches cannot answer: the scoped transaction every read of personal
 * data runs in (row-level security, §3) and one person's row by its primary key, as a prepared
 * statement with its generic plan, committed without waiting. It is generous: a system scope (the
 * policies' cheapest case), no authentication, no audit row, one row of one table.
 */
app.get('/api/bench/floor/:personId', { config: { policy: { allow: 'public' } } }, async (req) => {
  const { personId } = req.params as { personId: string };
  const rows = await withScope(
    database,
    systemScope('bench floor'),
    async (tx) => {
      await preferGenericPlans(tx);
      return execPrepared<{ name: string }>(tx, sql`select name from person where id = ${personId}`);
    },
    { awaitCommit: false },
  );
  return { name: rows[0]?.name ?? null };
});
await app.listen({ port: 0, host: '127.0.0.1' });

export type ServerMessage =
  | { port: number }
  | { counts: { authz: Record<string, CacheCount>; read: Record<string, CacheCount> } };
type CacheCount = { hits: number; misses: number };

process.on('message', async (m: string) => {
  if (m === 'counts') {
    process.send!({
      counts: { authz: app.authz.counts(), read: app.readCaches.counts() },
    } satisfies ServerMessage);
  } else if (m === 'stop') {
    await app.close();
    await database.close();
    process.exit(0);
  }
});
process.send({ port: (app.server.address() as { port: number }).port } satisfies ServerMessage);
