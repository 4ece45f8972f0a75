import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/components/page-state';
import { revealNumber } from './roster-queries';

/**
 * A masked identifier (全国学籍号, ID number) with a button that shows it in full, for those who may.
 * The full value is fetched on each click and never cached: every reveal is audited on the server.
 */
export function RevealNumber(props: {
  personId: string;
  field: 'nationalNo' | 'idNumber';
  masked: string | null;
  canReveal: boolean;
}) {
  const { t } = useTranslation();
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!props.masked) return <>—</>;
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setFull((await revealNumber(props.personId, props.field)).value);
    } catch (e) {
      setError(errorMessage(e, t('common.loadFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} wrap>
      <Typography.Text copyable={full ? { text: full } : false} data-testid={`reveal-${props.field}`}>
        {full ?? props.masked}
      </Typography.Text>
      {props.canReveal && !full && (
        <Tooltip title={t('student.revealNote')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={busy}
            onClick={() => void reveal()}
          >
            {t('student.reveal')}
          </Button>
        </Tooltip>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
