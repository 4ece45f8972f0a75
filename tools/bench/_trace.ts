import { sql } from 'drizzle-orm';
import { openBenchDb } from './bench-db.ts';
import { withScope } from '../../apps/server/src/platform/db/scoped.ts';
import { searchMatches } from '../../apps/server/src/modules/resources/search.service.ts';
import { queryTokens } from '../../apps/server/src/platform/search/chinese.ts';
import type { Tx } from '../../apps/server/src/platform/db/client.ts';
const bench = await openBenchDb({ name: 'search-1000000', demoStudents: 4000 });
const st = await bench.owner.pool.query(`select a.person_id, ra.path::text as path from account a join role_assignment ra on ra.person_id = a.person_id where a.username = 'student_demo' and ra.active`);
const pid = st.rows[0].person_id;
const viewer = { actor: { personId: pid, role: 'student', orgPath: st.rows[0].path }, scope: { all: false, paths: [], personIds: [pid], memberPaths: [] } } as any;
const key = {};
for (const q of (process.argv[2] ?? '一般过去时 练习').split(',')) {
  for (let round = 0; round < 3; round++) {
    const log: string[] = [];
    const t0 = performance.now();
    await withScope(bench.deps.database, { kind: 'actor', personId: pid, role: 'student', orgPath: st.rows[0].path, all: false, paths: [], personIds: [pid], memberPaths: [] }, async (tx) => {
      const traced = { execute: async (q: any) => { const t = performance.now(); if (process.env.EXPLAIN && round === 2) { const e = await tx.execute(sql`explain (analyze, buffers) ${q}`); log.push(e.rows.map((r: any) => r['QUERY PLAN']).join('\n')); } const r = await tx.execute(q); const text = (bench.deps.database.db as any).dialect.sqlToQuery(q).sql as string; log.push(`${(performance.now() - t).toFixed(1)} ms  ${text.replace(/\s+/g, ' ').slice(0, 160)}`); return r; } } as unknown as Tx;
      const r = await searchMatches(traced, viewer, queryTokens(q), { limit: 10, offset: 0 }, { statsKey: key });
      log.push(`total ${r.total} estimated ${r.estimated}`);
    });
    if (round === 2) { console.log(`== ${q} ${(performance.now() - t0).toFixed(1)} ms`); for (const l of log) console.log('  ' + l); }
  }
}
await bench.stop();
