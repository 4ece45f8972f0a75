import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveCommand, restoreCommand, walBefore, walFileName } from './archive.ts';
import type { BaseBackup } from './base-backup.ts';
import { planRetention } from './retention.ts';

const sh = promisify(execFile);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hanlin-archive-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What the server does with archive_command/restore_command: `%p`, `%f` and `%%` expanded, run by sh. */
async function runAsServer(command: string, cwd: string, p: string, f: string): Promise<number> {
  const expanded = command.replaceAll(/%([pf%])/g, (_m, c: string) => (c === 'p' ? p : c === 'f' ? f : '%'));
  try {
    await sh('sh', ['-c', expanded], { cwd });
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

describe('archive_command', () => {
  it('copies a segment durably, accepts an identical copy again, and never overwrites a different one', async () => {
    const data = join(root, 'data');
    const archive = join(root, "it's 100% an archive");
    await mkdir(join(data, 'pg_wal'), { recursive: true });
    await mkdir(archive);
    const seg = '000000010000000000000003';
    await writeFile(join(data, 'pg_wal', seg), 'first');
    const cmd = archiveCommand(archive);
    expect(await runAsServer(cmd, data, `pg_wal/${seg}`, seg)).toBe(0);
    expect(await readFile(join(archive, seg), 'utf8')).toBe('first');
    // The server retries a segment whose earlier copy succeeded just before a crash.
    expect(await runAsServer(cmd, data, `pg_wal/${seg}`, seg)).toBe(0);
    // Another cluster's segment of the same name: refused, the archived one untouched.
    await writeFile(join(data, 'pg_wal', seg), 'other');
    expect(await runAsServer(cmd, data, `pg_wal/${seg}`, seg)).not.toBe(0);
    expect(await readFile(join(archive, seg), 'utf8')).toBe('first');
    expect(await readdir(archive)).toEqual([seg]);

    const restored = join(root, 'restored');
    await mkdir(join(restored, 'pg_wal'), { recursive: true });
    expect(await runAsServer(restoreCommand(archive), restored, 'pg_wal/RECOVERYXLOG', seg)).toBe(0);
    expect(await readFile(join(restored, 'pg_wal', 'RECOVERYXLOG'), 'utf8')).toBe('first');
    // A segment the archive lacks fails: the server reads that as the end of the archive.
    expect(
      await runAsServer(restoreCommand(archive), restored, 'pg_wal/X', '000000010000000000000009'),
    ).not.toBe(0);
  });
});

describe('WAL names', () => {
  it('names the segment of a position as the server does, and orders them ignoring the timeline', () => {
    const mb16 = 16 * 1_048_576;
    expect(walFileName(1, '0/2000028', mb16)).toBe('000000010000000000000002');
    expect(walFileName(3, 'A/FF000000', mb16)).toBe('000000030000000A000000FF');
    expect(walFileName(2, '1/0', 64 * 1_048_576)).toBe('000000020000000100000000');
    expect(walBefore('000000010000000000000001', '000000020000000000000002')).toBe(true);
    expect(walBefore('000000020000000000000002', '000000010000000000000002')).toBe(false);
    expect(walBefore('000000010000000000000001.00000028.backup', '000000010000000000000002')).toBe(true);
    expect(walBefore('00000002.history', '000000030000000000000009')).toBe(false);
  });
});

describe('retention', () => {
  const now = new Date('2026-12-20T00:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  const backup = (id: string, age: number, startWal: string): BaseBackup => ({
    id,
    systemId: '42',
    timeline: 1,
    startLsn: '0/0',
    stopLsn: '0/0',
    startWal,
    startTime: daysAgo(age + 0.01),
    stopTime: daysAgo(age),
    serverVersion: '17',
    archive: { file: 'base.tar.gz', bytes: 1, sha256: '' },
    files: { count: 0, bytes: 0 },
    fieldKeySha256: null,
  });
  const backups = [
    backup('old', 10, '000000010000000000000010'),
    backup('mid', 5, '000000010000000000000020'),
    backup('new', 1, '000000010000000000000030'),
  ];
  const wal = [
    '000000010000000000000011',
    '000000010000000000000020',
    '000000010000000000000025',
    '00000002.history',
  ];

  it('keeps backups younger than the limit and the WAL from the oldest kept one on', () => {
    const plan = planRetention({
      backups,
      wal: wal.map((name) => ({ systemId: '42', name })),
      mirrored: new Map([
        ['resources/a', { size: 1, mtimeMs: Date.parse(daysAgo(9)) }], // deleted long ago
        ['resources/b', { size: 1, mtimeMs: Date.parse(daysAgo(9)) }], // listed by a kept backup
        ['resources/c', { size: 1, mtimeMs: Date.parse(daysAgo(3)) }], // deleted, but a restore can reach it
        ['resources/d', { size: 1, mtimeMs: Date.parse(daysAgo(9)) }], // still in the store
      ]),
      live: new Set(['resources/d']),
      manifests: (b) => (b.id === 'mid' ? ['resources/b'] : []),
      policy: { keepDays: 7, keepCount: 2 },
      now,
    });
    expect(plan.backups.map((b) => b.id)).toEqual(['old']);
    expect(plan.wal.map((w) => w.name)).toEqual(['000000010000000000000011']);
    expect(plan.files).toEqual(['resources/a']);
  });

  it('keeps the newest backups whatever their age, and every file when the store is unknown', () => {
    const plan = planRetention({
      backups,
      wal: [],
      mirrored: new Map([['resources/a', { size: 1, mtimeMs: 0 }]]),
      live: null,
      manifests: () => [],
      policy: { keepDays: 1, keepCount: 2 },
      now: new Date(now.getTime() + 30 * 86_400_000),
    });
    expect(plan.backups.map((b) => b.id)).toEqual(['old']);
    expect(plan.files).toEqual([]);
  });
});
