import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createS3Client, type S3Options } from '../storage/s3-storage.ts';
import { WAL_FILE, walDir } from './archive.ts';
import { type BaseBackup, backupPath, listBaseBackups, sha256File } from './base-backup.ts';
import { type FileEntry, listFileStore } from './file-mirror.ts';
import { planRetention, type RetentionPlan, type RetentionPolicy, readManifest } from './retention.ts';

/** Object metadata carrying the local file's modification time (ms). */
const MTIME = 'hanlin-mtime';

/**
 * The off-site copy: the backup directory's layout, key for key, in an S3-compatible bucket (WAL
 * segments gzipped: a segment switched by archive_timeout is mostly zeros). Uploads go through the
 * same S3 client as the file store. `backup.json` is uploaded after the rest of its backup, so a
 * backup whose metadata is in the bucket is whole there.
 */
export class Offsite {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: S3Options) {
    this.client = createS3Client(opts);
    this.bucket = opts.bucket;
  }

  /** Every object under `prefix`, with size and upload time. */
  async list(prefix = ''): Promise<Map<string, FileEntry>> {
    const out = new Map<string, FileEntry>();
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key) out.set(o.Key, { size: o.Size ?? 0, mtimeMs: o.LastModified?.getTime() ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  /**
   * Uploads a local file. Its modification time travels as metadata: for a mirrored file it is when
   * the file was mirrored, which a restore compares with its target (the object's own upload time
   * can be minutes later, and has only whole seconds).
   */
  async upload(key: string, file: string, gzip = false): Promise<void> {
    const { mtimeMs } = await stat(file);
    const body: Readable = gzip
      ? createReadStream(file).pipe(createGzip({ level: 6 }))
      : createReadStream(file);
    await new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: body,
        Metadata: { [MTIME]: String(Math.round(mtimeMs)) },
      },
      queueSize: 2,
      partSize: 8 * 1_048_576,
    }).done();
  }

  /** Downloads through a temporary file with fsync; gives it the time of the file that was uploaded. */
  async download(key: string, dest: string, opts: { gunzip?: boolean } = {}): Promise<void> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
    const tmp = `${dest}.download`;
    const body = res.Body as Readable;
    if (opts.gunzip) await pipeline(body, createGunzip(), createWriteStream(tmp, { mode: 0o600 }));
    else await pipeline(body, createWriteStream(tmp, { mode: 0o600 }));
    const fh = await open(tmp, 'r+');
    await fh.sync().finally(() => fh.close());
    await rename(tmp, dest);
    const at = Number(res.Metadata?.[MTIME] ?? res.LastModified?.getTime() ?? Date.now()) / 1000;
    await utimes(dest, at, at);
  }

  async text(key: string): Promise<string> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return (await res.Body?.transformToString('utf8')) ?? '';
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** The finished base backups in the bucket (those whose `backup.json` arrived). */
  async backups(listing: Map<string, FileEntry>): Promise<BaseBackup[]> {
    const keys = [...listing.keys()].filter((k) => /^[0-9]+\/base\/[0-9TZ]+\/backup\.json$/.test(k));
    const found = await Promise.all(keys.map(async (k) => JSON.parse(await this.text(k)) as BaseBackup));
    return found.sort((a, b) => a.stopTime.localeCompare(b.stopTime));
  }
}

const walKey = (systemId: string, name: string) => `${systemId}/wal/${name}.gz`;
const baseKey = (b: Pick<BaseBackup, 'systemId' | 'id'>, file: string) =>
  `${b.systemId}/base/${b.id}/${file}`;

/**
 * Uploads what the bucket lacks (WAL, finished base backups, mirrored files), then applies the
 * retention policy to the bucket's own listing (never "whatever is not local": a lost or new local
 * directory must not empty the off-site copy).
 */
export async function shipToOffsite(opts: {
  backupDir: string;
  offsite: Offsite;
  policy: RetentionPolicy;
  /** Keys the file store holds now; null when unknown (no mirrored file is then removed). */
  live: Set<string> | null;
  now?: Date;
}): Promise<{ uploaded: number; removed: number }> {
  const { backupDir, offsite } = opts;
  const remote = await offsite.list();
  let uploaded = 0;
  const put = async (key: string, file: string, gzip = false) => {
    if (remote.has(key)) return;
    await offsite.upload(key, file, gzip);
    uploaded += 1;
  };
  for (const c of await readdir(backupDir, { withFileTypes: true }).catch(() => [])) {
    if (!c.isDirectory() || !/^[0-9]+$/.test(c.name)) continue;
    for (const name of (await readdir(walDir(backupDir, c.name)).catch(() => [])).sort()) {
      if (WAL_FILE.test(name)) await put(walKey(c.name, name), join(walDir(backupDir, c.name), name), true);
    }
  }
  for (const b of await listBaseBackups(backupDir)) {
    const dir = backupPath(backupDir, b);
    for (const f of (await readdir(dir)).filter((f) => f !== 'backup.json' && !f.endsWith('.tmp'))) {
      await put(baseKey(b, f), join(dir, f));
    }
    await put(baseKey(b, 'backup.json'), join(dir, 'backup.json'));
  }
  for (const key of (await listFileStore(join(backupDir, 'files'))).keys()) {
    await put(`files/${key}`, join(backupDir, 'files', key));
  }
  const plan = await planRemoteRetention(opts, remote);
  const doomed = [
    ...plan.backups.flatMap((b) => [...remote.keys()].filter((k) => k.startsWith(baseKey(b, '')))),
    ...plan.wal.map((w) => walKey(w.systemId, w.name)),
    ...plan.files.map((k) => `files/${k}`),
  ];
  // The metadata first: a backup without it is no longer offered for a restore.
  doomed.sort((a, b) => Number(b.endsWith('backup.json')) - Number(a.endsWith('backup.json')));
  for (const key of doomed) await offsite.remove(key);
  return { uploaded, removed: doomed.length };
}

async function planRemoteRetention(
  opts: {
    backupDir: string;
    offsite: Offsite;
    policy: RetentionPolicy;
    live: Set<string> | null;
    now?: Date;
  },
  remote: Map<string, FileEntry>,
): Promise<RetentionPlan> {
  const backups = await opts.offsite.backups(remote);
  const manifests = new Map<string, string[]>();
  for (const b of backups) {
    const local = join(backupPath(opts.backupDir, b), 'files.json');
    if (!b.files) manifests.set(b.id, []);
    else if (existsSync(local)) manifests.set(b.id, await readManifest(opts.backupDir, b));
    else manifests.set(b.id, JSON.parse(await opts.offsite.text(baseKey(b, 'files.json'))) as string[]);
  }
  const wal = [...remote.keys()]
    .map((k) => /^([0-9]+)\/wal\/(.+)\.gz$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ systemId: m[1]!, name: m[2]! }));
  const mirrored = new Map(
    [...remote].filter(([k]) => k.startsWith('files/')).map(([k, f]) => [k.slice('files/'.length), f]),
  );
  return planRetention({
    backups,
    wal,
    mirrored,
    live: opts.live,
    manifests: (b) => manifests.get(b.id) ?? [],
    policy: opts.policy,
    now: opts.now ?? new Date(),
  });
}

/**
 * Brings from the bucket what a restore to `target` needs and the backup directory lacks: the
 * latest base backup finished by then (checked against its SHA-256), the WAL of its cluster from
 * its first segment on, every timeline history, and the mirrored files the backup lists or that
 * were shipped after it began. Returns the backup, or null when the bucket has none early enough.
 */
export async function fetchFromOffsite(opts: {
  backupDir: string;
  offsite: Offsite;
  target: Date | 'latest';
  log?: (line: string) => void;
}): Promise<BaseBackup | null> {
  const { backupDir, offsite } = opts;
  const log = opts.log ?? (() => {});
  const remote = await offsite.list();
  const candidates = (await offsite.backups(remote)).filter(
    (b) => opts.target === 'latest' || Date.parse(b.stopTime) <= opts.target.getTime(),
  );
  const backup = candidates.at(-1);
  if (!backup) return null;
  const dir = backupPath(backupDir, backup);
  const missing = async (path: string) => !existsSync(path) || (await stat(path)).size === 0;
  if (!existsSync(join(dir, 'backup.json'))) {
    log(`fetching base backup ${backup.id} from the off-site bucket …`);
    await rm(dir, { recursive: true, force: true });
    for (const key of [...remote.keys()].filter((k) => k.startsWith(baseKey(backup, '')))) {
      if (!key.endsWith('/backup.json')) await offsite.download(key, join(dir, key.split('/').at(-1)!));
    }
    if ((await sha256File(join(dir, backup.archive.file))) !== backup.archive.sha256) {
      throw new Error(`the off-site copy of base backup ${backup.id} is damaged (SHA-256 differs)`);
    }
    await offsite.download(baseKey(backup, 'backup.json'), join(dir, 'backup.json'));
  }
  let wal = 0;
  for (const key of remote.keys()) {
    const m = /^([0-9]+)\/wal\/(.+)\.gz$/.exec(key);
    if (!m || m[1] !== backup.systemId) continue;
    const name = m[2]!;
    if (!name.endsWith('.history') && name.slice(8, 24) < backup.startWal.slice(8, 24)) continue;
    const dest = join(walDir(backupDir, backup.systemId), name);
    if (await missing(dest)) {
      await offsite.download(key, dest, { gunzip: true });
      wal += 1;
    }
  }
  const manifest = new Set(
    backup.files ? (JSON.parse(await readFile(join(dir, 'files.json'), 'utf8')) as string[]) : [],
  );
  let files = 0;
  for (const [key, f] of remote) {
    if (!key.startsWith('files/')) continue;
    const k = key.slice('files/'.length);
    if (!manifest.has(k) && f.mtimeMs < Date.parse(backup.startTime)) continue;
    const dest = join(backupDir, 'files', k);
    if (!existsSync(dest)) {
      await offsite.download(key, dest);
      files += 1;
    }
  }
  log(`fetched ${wal} WAL files and ${files} files from the off-site bucket`);
  return backup;
}
