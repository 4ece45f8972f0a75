import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archivingSettings } from '../platform/backup/archive.ts';
import { type BackupControl, createBackupControl } from '../platform/backup/control.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../platform/db/embedded.ts';

export interface BackupCluster {
  dataDir: string;
  backupDir: string;
  server: EmbeddedDatabase;
  /** The backups of `server`, as the running platform controls them (no schedule started). */
  control: BackupControl;
  close: () => Promise<void>;
}

/**
 * An embedded PostgreSQL of a test's own, archiving its WAL into a backup directory, with its backup
 * control (the shared test cluster archives nothing). In a fresh temporary directory, removed on close.
 */
export async function startBackupCluster(fieldKey?: Buffer): Promise<BackupCluster> {
  const root = await mkdtemp(join(tmpdir(), 'hanlin-backups-'));
  // Run as root, the embedded server is the `postgres` user and must pass through this directory.
  await chmod(root, 0o711);
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'backup');
  const server = await startEmbeddedPostgres({
    dir: dataDir,
    database: 'app',
    settings: (pgDir) => archivingSettings(pgDir, { backupDir, archiveTimeout: 300 }),
  });
  const control = createBackupControl({
    config: {
      dataDir,
      filesDir: join(dataDir, 'files'),
      s3: undefined,
      backup: {
        enabled: true,
        dir: backupDir,
        everyMs: 86_400_000,
        keepDays: 7,
        keepCount: 2,
        archiveTimeout: 300,
      },
    },
    adminUrl: server.adminUrl('postgres'),
    fieldKey,
    log: () => {},
    dataDir,
    pgDir: join(dataDir, 'pg'),
  });
  return {
    dataDir,
    backupDir,
    server,
    control,
    close: async () => {
      await control.idle();
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
