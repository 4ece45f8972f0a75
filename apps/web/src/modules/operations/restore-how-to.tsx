import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import type { Backups } from './operations-api';

const CODE = {
  background: '#f5f6f8',
  padding: '8px 12px',
  borderRadius: 6,
  margin: '6px 0',
  whiteSpace: 'pre',
  overflowX: 'auto',
  fontSize: 12,
} as const;

/** `2026-12-05 07:30:22+08:00`: a moment as `npm run restore -- --to` takes it, in Beijing time. */
function restoreMoment(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}+08:00`;
}

/**
 * 恢复: how to restore, shown, never done from here. A restore replaces the live database, so it
 * stays a console action on the server, with the server stopped (README "Backups and restore").
 */
export function RestoreHowTo({ window }: { window: Backups['restoreWindow'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const moment = window ? restoreMoment(window.to) : '2026-12-05 07:30:22+08:00';
  const commands = [
    `npm run restore -- --to "${moment}" --dry-run`,
    `npm run restore -- --to "${moment}"`,
    'npm start',
  ];
  return (
    <Card size="small" title={t('operations.restore.title')} data-testid="ops-restore">
      <Alert type="warning" showIcon title={t('operations.restore.console')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        {window
          ? t('operations.restore.window', {
              from: formatDateTime(window.from, lang),
              to: formatDateTime(window.to, lang),
            })
          : t('operations.restore.noWindow')}
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        <li>{t('operations.restore.step1')}</li>
        <li>
          {t('operations.restore.step2')}
          <pre style={CODE}>{commands.join('\n')}</pre>
        </li>
        <li>{t('operations.restore.step3')}</li>
      </ol>
    </Card>
  );
}
