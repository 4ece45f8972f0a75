import type { Ctx } from '../../platform/http/context.ts';
import { type AttentionItem, attentionItems } from './attention.ts';
import { getBackups } from './backups.service.ts';
import { getCodeTables } from './code-tables.service.ts';
import { listJobViews } from './jobs.service.ts';
import { disks } from './storage.service.ts';

/** What needs the system administrator now, most urgent first: the home page's and the page's top. */
export async function getAttention(ctx: Ctx): Promise<{ checkedAt: string; items: AttentionItem[] }> {
  const now = new Date();
  const jobs = await listJobViews(ctx, now);
  const backups = await getBackups(ctx);
  const codeTables = await getCodeTables(ctx);
  const newest = backups.backups.find((b) => b.current);
  const items = attentionItems({
    now,
    jobs,
    backup: {
      mode: backups.mode,
      everyHours: backups.settings?.everyHours ?? 24,
      newestAt: newest?.finishedAt ?? null,
      archiverFailingSince: backups.archiver?.failing ? backups.archiver.lastFailedAt : null,
      failingWal: backups.archiver?.lastFailedWal ?? null,
      history: backups.history,
    },
    disks: await disks(ctx),
    codeTables: codeTables.tables,
  });
  return { checkedAt: now.toISOString(), items };
}
