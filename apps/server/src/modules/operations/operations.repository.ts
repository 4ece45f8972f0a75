import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { jobRuns } from '../../platform/db/jobs.schema.ts';

/**
 * The system's state as PostgreSQL reports it: catalogs and statistics views, which name tables
 * and count rows and bytes, never a row's content. Readable by the application role.
 */

export interface DatabaseState {
  name: string;
  version: string;
  startedAt: Date;
  bytes: number;
  connections: number;
  activeConnections: number;
  maxConnections: number;
  /** The oldest open transaction's age, in seconds (a stuck one holds back vacuum). */
  longestTransactionSeconds: number | null;
}

export async function databaseState(tx: Tx): Promise<DatabaseState> {
  const res = await tx.execute<{
    name: string;
    version: string;
    started: Date;
    bytes: string;
    connections: number;
    active: number;
    max: number;
    longest: number | null;
  }>(sql`
    select current_database() as name, current_setting('server_version') as version,
           pg_postmaster_start_time() as started, pg_database_size(current_database())::text as bytes,
           (select count(*)::int from pg_stat_activity where datname = current_database()) as connections,
           (select count(*)::int from pg_stat_activity
             where datname = current_database() and state = 'active') as active,
           current_setting('max_connections')::int as max,
           (select extract(epoch from max(clock_timestamp() - xact_start))::float8 from pg_stat_activity
             where datname = current_database() and xact_start is not null
               and pid <> pg_backend_pid()) as longest`);
  const r = res.rows[0]!;
  return {
    name: r.name,
    version: r.version,
    startedAt: new Date(r.started),
    bytes: Number(r.bytes),
    connections: r.connections,
    activeConnections: r.active,
    maxConnections: r.max,
    longestTransactionSeconds: r.longest,
  };
}

/** One round trip, timed by the caller. */
export async function ping(tx: Tx): Promise<void> {
  await tx.execute(sql`select 1`);
}

export interface TableStats {
  name: string;
  bytes: number;
  indexBytes: number;
  /** The planner's estimate (pg_class.reltuples): exact counts of big tables cost a scan. */
  rows: number;
  seqScans: number;
  seqRowsRead: number;
  indexScans: number;
  deadRows: number;
  lastVacuum: Date | null;
}

/** Every table of the application's schema, with its size and use since statistics were reset. */
export async function tableStats(tx: Tx): Promise<TableStats[]> {
  const res = await tx.execute<{
    name: string;
    bytes: string;
    index_bytes: string;
    rows: number;
    seq_scan: string | null;
    seq_tup_read: string | null;
    idx_scan: string | null;
    dead: string | null;
    vacuum: Date | null;
  }>(sql`
    select c.relname::text as name, pg_total_relation_size(c.oid)::text as bytes,
           pg_indexes_size(c.oid)::text as index_bytes, greatest(c.reltuples, 0)::float8 as rows,
           s.seq_scan::text, s.seq_tup_read::text, s.idx_scan::text, s.n_dead_tup::text as dead,
           greatest(s.last_vacuum, s.last_autovacuum) as vacuum
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      left join pg_stat_user_tables s on s.relid = c.oid
     where n.nspname = 'public' and c.relkind in ('r', 'p')`);
  return res.rows.map((r) => ({
    name: r.name,
    bytes: Number(r.bytes),
    indexBytes: Number(r.index_bytes),
    rows: Math.round(r.rows),
    seqScans: Number(r.seq_scan ?? 0),
    seqRowsRead: Number(r.seq_tup_read ?? 0),
    indexScans: Number(r.idx_scan ?? 0),
    deadRows: Number(r.dead ?? 0),
    lastVacuum: r.vacuum ? new Date(r.vacuum) : null,
  }));
}

export interface ArchiverStats {
  archivedCount: number;
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  failedCount: number;
  lastFailedWal: string | null;
  lastFailedAt: Date | null;
}

/** The WAL archiver's counters (pg_stat_archiver): whether every change reaches the archive. */
export async function archiverStats(tx: Tx): Promise<ArchiverStats> {
  const res = await tx.execute<{
    archived_count: string;
    last_archived_wal: string | null;
    last_archived_time: Date | null;
    failed_count: string;
    last_failed_wal: string | null;
    last_failed_time: Date | null;
  }>(sql`select archived_count::text, last_archived_wal, last_archived_time,
                failed_count::text, last_failed_wal, last_failed_time from pg_stat_archiver`);
  const r = res.rows[0]!;
  const at = (d: Date | null) => (d ? new Date(d) : null);
  return {
    archivedCount: Number(r.archived_count),
    lastArchivedWal: r.last_archived_wal,
    lastArchivedAt: at(r.last_archived_time),
    failedCount: Number(r.failed_count),
    lastFailedWal: r.last_failed_wal,
    lastFailedAt: at(r.last_failed_time),
  };
}

export type JobRunRow = typeof jobRuns.$inferSelect;

/**
 * Per job: its latest run, its latest success and failure, and its runs and failures of the last 7
 * days.
 */
export async function jobSummaries(tx: Tx) {
  const res = await tx.execute<{
    job: string;
    last_id: string;
    last_success: Date | null;
    last_failure_id: string | null;
    runs: number;
    failures: number;
  }>(sql`
    select job, (array_agg(id order by started_at desc))[1]::text as last_id,
           max(finished_at) filter (where status = 'succeeded') as last_success,
           (array_agg(id order by started_at desc) filter (where status = 'failed'))[1]::text as last_failure_id,
           count(*) filter (where started_at > now() - interval '7 days')::int as runs,
           count(*) filter (where started_at > now() - interval '7 days' and status = 'failed')::int as failures
      from job_run group by job`);
  const ids = res.rows.flatMap((r) => (r.last_failure_id ? [r.last_id, r.last_failure_id] : [r.last_id]));
  const last = await tx
    .select()
    .from(jobRuns)
    .where(sql`${jobRuns.id} = any(${`{${ids.join(',')}}`}::uuid[])`);
  const byId = new Map(last.map((r) => [r.id, r]));
  return res.rows.map((r) => ({
    job: r.job,
    last: byId.get(r.last_id)!,
    lastFailure: r.last_failure_id ? byId.get(r.last_failure_id)! : null,
    lastSuccessAt: r.last_success ? new Date(r.last_success) : null,
    runs7d: r.runs,
    failures7d: r.failures,
  }));
}

/** The latest runs of every job, newest first. */
export async function recentRuns(tx: Tx, limit: number): Promise<JobRunRow[]> {
  return tx.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(limit);
}
