import { chown, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where backups live, locally and (as the same keys) in the off-site bucket:
 *
 *   <backup dir>/<system id>/wal/<segment>               WAL archived by the server's archive_command
 *   <backup dir>/<system id>/base/<backup id>/…          one base backup (see base-backup.ts)
 *   <backup dir>/files/<storage key>                      the file store, mirrored (keys never change)
 *
 * WAL and base backups are kept per cluster (the system identifier from `pg_control`): a cluster
 * initialised anew (a fresh data directory) starts again at segment 000000010000000000000001, and
 * its WAL must neither overwrite nor be replayed onto another cluster's backups.
 */
export function clusterDir(backupDir: string, systemId: string): string {
  return join(backupDir, systemId);
}

export function walDir(backupDir: string, systemId: string): string {
  return join(clusterDir(backupDir, systemId), 'wal');
}

export function baseDir(backupDir: string, systemId: string): string {
  return join(clusterDir(backupDir, systemId), 'base');
}

export function mirrorDir(backupDir: string): string {
  return join(backupDir, 'files');
}

/** The cluster's system identifier: the first field of `global/pg_control` (uint64, host order). */
export async function readSystemId(pgDir: string): Promise<string> {
  const control = await readFile(join(pgDir, 'global', 'pg_control'));
  return control.readBigUInt64LE(0).toString();
}

/** A path inside a single-quoted shell word; `%` doubled because the server expands `%p`, `%f`. */
function shellPath(path: string): string {
  if (/[\0\n\r]/.test(path)) throw new Error(`unsupported character in backup path: ${JSON.stringify(path)}`);
  return `'${path.replaceAll("'", `'\\''`)}'`.replaceAll('%', '%%');
}

/**
 * The server's archive_command: copies a finished WAL segment into the archive, never overwriting.
 * A segment already there counts as archived only when it is byte-identical (the server may retry
 * a segment whose earlier copy succeeded just before a crash; a different file of the same name
 * means two clusters share the directory, and archiving must stop rather than destroy either).
 * The copy goes to a temporary name, is fsynced (`sync FILE` fsyncs that file), renamed, and the
 * directory fsynced, so a segment the server deletes after success is on disk. Only coreutils,
 * cmp (diffutils) and sh: nothing beyond what the embedded server's host has.
 */
export function archiveCommand(dir: string, platform: NodeJS.Platform = process.platform): string {
  const d = shellPath(dir);
  const tmp = `${d}/.%f.tmp`;
  // GNU `sync FILE` fsyncs that file and fails if the fsync does; BSD sync (macOS) takes no operands
  // and flushes everything.
  const sync = (path: string) => (platform === 'linux' ? `sync ${path}` : 'sync');
  return (
    `if test -f ${d}/%f; then cmp -s %p ${d}/%f; ` +
    `else cp %p ${tmp} && ${sync(tmp)} && mv ${tmp} ${d}/%f && ${sync(d)}; fi`
  );
}

/** The restore_command of a recovery: a missing file fails, which the server reads as "end of archive". */
export function restoreCommand(dir: string): string {
  return `cp ${shellPath(dir)}/%f %p`;
}

export interface ArchivingOptions {
  backupDir: string;
  /** Seconds after which a segment with any change is archived even when not full (bounds data loss). */
  archiveTimeout: number;
}

/**
 * Server settings for continuous archiving into `<backup dir>/<system id>/wal`, creating the
 * directories first. They are owned by the cluster's owner (the embedded server runs as `postgres`
 * when we are root) and private (0700): they hold every child's data.
 */
export async function archivingSettings(
  pgDir: string,
  opts: ArchivingOptions,
): Promise<Record<string, string>> {
  const systemId = await readSystemId(pgDir);
  await prepareClusterDirs(pgDir, opts.backupDir, systemId);
  return {
    wal_level: 'replica',
    archive_mode: 'on',
    archive_command: archiveCommand(walDir(opts.backupDir, systemId)),
    archive_timeout: String(opts.archiveTimeout),
  };
}

/** Creates the backup directories of one cluster, owned by the data directory's owner, mode 0700. */
export async function prepareClusterDirs(pgDir: string, backupDir: string, systemId: string): Promise<void> {
  const owner = await stat(pgDir);
  for (const dir of [
    backupDir,
    clusterDir(backupDir, systemId),
    walDir(backupDir, systemId),
    baseDir(backupDir, systemId),
  ]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) await chown(dir, owner.uid, owner.gid);
  }
}

/** WAL file names: segments `TTTTTTTTXXXXXXXXYYYYYYYY`, timeline histories, backup labels, partials. */
export const WAL_SEGMENT = /^[0-9A-F]{24}$/;
export const WAL_FILE = /^([0-9A-F]{24}(\.partial|\.[0-9A-F]{8}\.backup)?|[0-9A-F]{8}\.history)$/;

/**
 * The segment holding `lsn` on `timeline`, as the server names it (pg_walfile_name), for
 * `segmentSize`-byte segments.
 */
export function walFileName(timeline: number, lsn: string, segmentSize: number): string {
  const [hi, lo] = lsn.split('/');
  const pos = (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
  const segNo = pos / BigInt(segmentSize);
  const perId = 0x1_0000_0000n / BigInt(segmentSize);
  const hex = (n: bigint | number) => n.toString(16).toUpperCase().padStart(8, '0');
  return hex(timeline) + hex(segNo / perId) + hex(segNo % perId);
}

/**
 * Whether an archived WAL file lies wholly before `firstNeeded` (a segment name), comparing
 * positions and ignoring the timeline as pg_archivecleanup does. Timeline histories are never old.
 */
export function walBefore(name: string, firstNeeded: string): boolean {
  if (!WAL_FILE.test(name) || name.endsWith('.history')) return false;
  return name.slice(8, 24) < firstNeeded.slice(8, 24);
}
