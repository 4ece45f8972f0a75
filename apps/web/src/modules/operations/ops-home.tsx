import { DashboardOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../app/components/link-button';
import { PageError } from '../../app/components/page-state';
import { AttentionList } from './attention-list';
import { useAttention } from './operations-api';

/**
 * The system administrator's home, first thing: what needs attention (a failed job, a backup older
 * than a day, a failing archive, a full disk …), most urgent first, and the way to 系统运行.
 */
export function OpsHomeSection() {
  const { t } = useTranslation();
  const attention = useAttention();
  return (
    <Card
      size="small"
      title={t('operations.home.title')}
      loading={attention.isPending}
      extra={
        <LinkButton to="/operations" size="small" icon={<DashboardOutlined />} data-testid="ops-home-open">
          {t('operations.home.open')}
        </LinkButton>
      }
      style={{ marginBottom: 16 }}
      data-testid="ops-home"
    >
      {attention.isError ? (
        <PageError error={attention.error} onRetry={() => void attention.refetch()} />
      ) : (
        attention.data && <AttentionList items={attention.data.items} checkedAt={attention.data.checkedAt} />
      )}
    </Card>
  );
}
