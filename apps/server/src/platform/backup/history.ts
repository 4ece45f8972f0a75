import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What happened to the backups: base backups taken (or failed), verifications by a trial restore,
 * and restores. Kept as lines of JSON in the backup directory, not in the database, because a
 * restore rewinds the database to a moment before it, while this record must survive it.
 */
export interface BackupEvent {
  kind: 'backup' | 'verify' | 'restore';
  ok: boolean;
  /** What started it: the schedule, the system administrator's page, or a console command. */
  trigger: 'schedule' | 'operator' | 'console';
  startedAt: string;
  finishedAt: string;
  /** The base backup taken, verified or restored from. */
  backupId?: string;
  bytes?: number;
  /** A restore's target (`latest` or a moment); the last transaction a restore or trial replayed. */
  target?: string;
  replayedUntil?: string | null;
  /** A verification's checks, each with what it found. */
  checks?: { name: string; ok: boolean; detail: string }[];
  error?: string;
}

const FILE = 'history.jsonl';

/** Appends one event (the directory is the backup directory: private to the server's account). */
export async function recordBackupEvent(backupDir: string, event: BackupEvent): Promise<void> {
  await mkdir(backupDir, { recursive: true, mode: 0o700 });
  await appendFile(join(backupDir, FILE), `${JSON.stringify(event)}\n`, { mode: 0o600 });
}

/** The latest events, newest first; a line cut short by a crash is skipped. */
export async function readBackupEvents(backupDir: string, limit = 100): Promise<BackupEvent[]> {
  const text = await readFile(join(backupDir, FILE), 'utf8').catch(() => '');
  const out: BackupEvent[] = [];
  for (const line of text.split('\n').reverse()) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as BackupEvent);
    } catch {
      // an unfinished last line
    }
  }
  return out;
}

/** An error's message for the record: one line, shortened. */
export const errorLine = (err: unknown): string =>
  String((err as Error)?.message ?? err)
    .split('\n')[0]!
    .slice(0, 300);
