import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage } from '../../app/components/page-state';
import { fetchSensitive, type StudentSensitive } from './roster-queries';

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'shown'; data: StudentSensitive }
  | { status: 'denied' }
  | { status: 'error'; message: string };

/**
 * Health, disability, left-behind and orphan status (敏感个人信息). Fetched only on request and
 * never cached, because each read is recorded in the audit trail (P4) and only some roles may read.
 */
export function SensitivePanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const health = useCodeLabel('health');
  const disability = useCodeLabel('disability');
  const leftBehind = useCodeLabel('left_behind');

  const load = async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'shown', data: await fetchSensitive(personId) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setState({ status: 'denied' });
      else setState({ status: 'error', message: errorMessage(e, t('common.loadFailed')) });
    }
  };

  return (
    <Card size="small" title={t('student.sensitive')} data-testid="sensitive-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        <LockOutlined /> {t('student.sensitiveNote')}
      </Typography.Paragraph>
      {state.status === 'shown' ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'health', label: t('student.health'), children: health(state.data.health) },
            {
              key: 'disability',
              label: t('student.disability'),
              children: disability(state.data.disability),
            },
            {
              key: 'leftBehind',
              label: t('student.leftBehind'),
              children: leftBehind(state.data.leftBehind),
            },
            {
              key: 'orphan',
              label: t('student.orphan'),
              children: state.data.orphan ? t('common.yes') : t('common.no'),
            },
          ]}
        />
      ) : state.status === 'denied' ? (
        <Alert type="warning" showIcon title={t('student.noPermission')} data-testid="sensitive-denied" />
      ) : (
        <>
          {state.status === 'error' && (
            <Alert type="error" showIcon title={state.message} style={{ marginBottom: 12 }} />
          )}
          <Button
            icon={<EyeOutlined />}
            loading={state.status === 'loading'}
            onClick={load}
            data-testid="sensitive-show"
          >
            {t('student.showSensitive')}
          </Button>
        </>
      )}
    </Card>
  );
}
