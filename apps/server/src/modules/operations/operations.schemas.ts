import { z } from 'zod';

/** Response shapes of the 系统运行 routes: system state, counts and names of tables, no personal data. */

const ZTime = z.string();
const ZCounts = z.record(z.string(), z.number());

const ZTable = z.object({
  name: z.string(),
  bytes: z.number(),
  indexBytes: z.number(),
  rows: z.number(),
  seqScans: z.number(),
  seqRowsRead: z.number(),
  indexScans: z.number(),
  deadRows: z.number(),
  lastVacuum: ZTime.nullable(),
});

export const ZHealth = z.object({
  checkedAt: ZTime,
  database: z.object({
    reachable: z.boolean(),
    name: z.string(),
    version: z.string(),
    startedAt: ZTime,
    bytes: z.number(),
    connections: z.number(),
    activeConnections: z.number(),
    maxConnections: z.number(),
    longestTransactionSeconds: z.number().nullable(),
    pingMs: z.number(),
    firstQueryMs: z.number(),
    embedded: z.boolean(),
  }),
  pool: z.object({ max: z.number(), open: z.number(), idle: z.number(), waiting: z.number() }),
  process: z.object({
    version: z.string(),
    nodeVersion: z.string(),
    pid: z.number(),
    startedAt: ZTime,
    rssBytes: z.number(),
    heapUsedBytes: z.number(),
  }),
  largestTables: z.array(ZTable),
  mostScannedTables: z.array(ZTable),
});

const ZJobStatus = z.enum(['ok', 'running', 'failed', 'overdue', 'never']);
const ZRunStatus = z.enum(['running', 'succeeded', 'failed', 'interrupted']);

export const ZJobs = z.object({
  checkedAt: ZTime,
  jobs: z.array(
    z.object({
      job: z.string(),
      everyHours: z.number().nullable(),
      status: ZJobStatus,
      last: z
        .object({
          startedAt: ZTime,
          finishedAt: ZTime.nullable(),
          status: ZRunStatus,
          error: z.string().nullable(),
          summary: ZCounts.nullable(),
          durationMs: z.number().nullable(),
          progress: z.object({ done: z.number(), total: z.number() }).nullable(),
          attempt: z.number(),
        })
        .nullable(),
      lastSuccessAt: ZTime.nullable(),
      lastFailure: z.object({ at: ZTime, error: z.string().nullable(), attempt: z.number() }).nullable(),
      runs7d: z.number(),
      failures7d: z.number(),
      nextRunAt: ZTime.nullable(),
      queue: z.object({ waiting: z.number(), retrying: z.number(), active: z.number() }).nullable(),
      runnable: z.boolean(),
    }),
  ),
  recent: z.array(
    z.object({
      id: z.string(),
      job: z.string(),
      startedAt: ZTime,
      finishedAt: ZTime.nullable(),
      status: z.string(),
      error: z.string().nullable(),
      summary: ZCounts.nullable(),
      attempt: z.number(),
    }),
  ),
});

const ZBackupEvent = z.object({
  kind: z.enum(['backup', 'verify', 'restore']),
  ok: z.boolean(),
  trigger: z.enum(['schedule', 'operator', 'console']),
  startedAt: ZTime,
  finishedAt: ZTime,
  backupId: z.string().optional(),
  bytes: z.number().optional(),
  target: z.string().optional(),
  replayedUntil: ZTime.nullable().optional(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })).optional(),
  error: z.string().optional(),
});

export const ZBackups = z.object({
  mode: z.enum(['embedded', 'external', 'off']),
  checkedAt: ZTime,
  settings: z
    .object({
      dir: z.string(),
      everyHours: z.number(),
      keepDays: z.number(),
      keepCount: z.number(),
      archiveTimeoutSeconds: z.number(),
      offsiteBucket: z.string().nullable(),
      filesMirrored: z.boolean(),
    })
    .nullable(),
  activity: z
    .object({ kind: z.enum(['backup', 'verify']), startedAt: ZTime, backupId: z.string().optional() })
    .nullable(),
  backups: z.array(
    z.object({
      id: z.string(),
      startedAt: ZTime,
      finishedAt: ZTime,
      bytes: z.number(),
      files: z.object({ count: z.number(), bytes: z.number() }).nullable(),
      timeline: z.number(),
      serverVersion: z.string(),
      current: z.boolean(),
      lastVerify: z.object({ at: ZTime, ok: z.boolean() }).nullable(),
    }),
  ),
  wal: z
    .object({
      segments: z.number(),
      bytes: z.number(),
      newest: z.object({ name: z.string(), at: ZTime }).nullable(),
    })
    .nullable(),
  archiver: z
    .object({
      archivedCount: z.number(),
      lastArchivedWal: z.string().nullable(),
      lastArchivedAt: ZTime.nullable(),
      failedCount: z.number(),
      lastFailedWal: z.string().nullable(),
      lastFailedAt: ZTime.nullable(),
      failing: z.boolean(),
    })
    .nullable(),
  restoreWindow: z.object({ from: ZTime, to: ZTime }).nullable(),
  history: z.array(ZBackupEvent),
});

export const ZStarted = z.object({ started: z.literal(true) });

export const ZStorage = z.object({
  checkedAt: ZTime,
  database: z.object({
    bytes: z.number(),
    byOwner: z.array(
      z.object({ owner: z.string(), tables: z.number(), bytes: z.number(), rows: z.number() }),
    ),
  }),
  files: z.object({
    location: z.string(),
    kind: z.enum(['local', 's3']),
    files: z.number(),
    bytes: z.number(),
    byPrefix: z.array(z.object({ prefix: z.string(), files: z.number(), bytes: z.number() })),
  }),
  backup: z
    .object({ baseBackups: z.number(), baseBytes: z.number(), walSegments: z.number(), walBytes: z.number() })
    .nullable(),
  disks: z.array(
    z.object({
      use: z.enum(['data', 'files', 'backup']),
      path: z.string(),
      totalBytes: z.number(),
      freeBytes: z.number(),
    }),
  ),
});

export const ZCodeTables = z.object({
  checkedAt: ZTime,
  tables: z.array(
    z.object({
      category: z.string(),
      title: z.string(),
      standard: z.string(),
      shippedVersion: z.string().nullable(),
      installedVersion: z.string().nullable(),
      shippedEntries: z.number(),
      installedEntries: z.number(),
      olderVersions: z.number(),
      status: z.enum(['current', 'outdated', 'differs', 'missing', 'extra']),
    }),
  ),
});

export const ZAttention = z.object({
  checkedAt: ZTime,
  items: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      code: z.enum([
        'job_failed',
        'job_overdue',
        'backup_none',
        'backup_stale',
        'archiver_failing',
        'verify_failed',
        'verify_due',
        'backups_off',
        'backups_external',
        'disk_low',
        'code_table',
      ]),
      at: ZTime.nullable(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
