import { Alert, Flex } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import type { AttentionItem } from './operations-api';

/** The tab of the 系统运行 page where each item is looked into. */
const TAB_OF: Record<AttentionItem['code'], string> = {
  job_failed: 'jobs',
  job_overdue: 'jobs',
  backup_none: 'backups',
  backup_stale: 'backups',
  archiver_failing: 'backups',
  verify_failed: 'backups',
  verify_due: 'backups',
  backups_off: 'backups',
  backups_external: 'backups',
  disk_low: 'storage',
  code_table: 'codes',
};

/** A job's name as the administrator reads it; a job this release does not know keeps its key. */
export const jobLabel = (t: TFunction, job: string) => t(`operations.job.${job}`, { defaultValue: job });

/** The item in words, its parameters labelled (job names, disk uses, table statuses). */
function itemText(t: TFunction, i: AttentionItem): string {
  const p: Record<string, string | number> = { ...i.params };
  if (typeof p.job === 'string') p.job = jobLabel(t, p.job);
  if (typeof p.use === 'string') p.use = t(`operations.storage.use.${p.use}`);
  if (typeof p.status === 'string') p.status = t(`operations.codes.statusOf.${p.status}`);
  return t(`operations.attention.${i.code}`, p);
}

/**
 * What needs the system administrator, most urgent first, each linking to where it is looked
 * into; a calm line when nothing does.
 */
export function AttentionList({ items, checkedAt }: { items: AttentionItem[]; checkedAt?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('operations.attention.none')}
        description={checkedAt && t('operations.checkedAt', { at: formatDateTime(checkedAt, lang) })}
        data-testid="ops-attention-none"
      />
    );
  }
  return (
    <Flex vertical gap={8} data-testid="ops-attention">
      {items.map((i, n) => (
        <Alert
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each check
          key={`${i.code}-${n}`}
          type={i.severity}
          showIcon
          title={<span className="hanlin-wrap">{itemText(t, i)}</span>}
          description={i.at ? t('operations.attention.since', { at: formatDateTime(i.at, lang) }) : undefined}
          action={<Link to={`/operations?tab=${TAB_OF[i.code]}`}>{t('operations.attention.open')}</Link>}
          data-testid={`ops-attention-${i.code}`}
        />
      ))}
    </Flex>
  );
}
