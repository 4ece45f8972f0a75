import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  ok: 'green',
  succeeded: 'green',
  current: 'green',
  running: 'blue',
  never: 'default',
  failed: 'red',
  interrupted: 'red',
  overdue: 'orange',
  outdated: 'orange',
  differs: 'orange',
  missing: 'red',
  extra: 'default',
};

/** A status in colour, worded from `operations.<group>.status.<status>`. */
export function StatusTag({ group, status }: { group: 'jobs' | 'codes'; status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={`ops-status-${status}`}>
      {t(`operations.${group}.statusOf.${status}`)}
    </Tag>
  );
}
