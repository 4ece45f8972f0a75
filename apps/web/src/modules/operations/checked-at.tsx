import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';

/** When the server measured what a section shows. */
export function CheckedAt({ at }: { at: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Typography.Text type="secondary" data-testid="ops-checked-at">
      {t('operations.checkedAt', { at: formatDateTime(at, lang) })}
    </Typography.Text>
  );
}
