import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataRequest, RequestKind, RequestStatus } from './privacy-api';

const STATUS_COLOR: Record<RequestStatus, string> = { open: 'processing', done: 'success', refused: 'error' };
const KIND_COLOR: Record<RequestKind, string> = {
  access: 'default',
  correction: 'blue',
  deletion: 'volcano',
  explanation: 'cyan',
};

export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="request-status">
      {t(`privacy.status.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: RequestKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`privacy.kind.${kind}`)}</Tag>;
}

/** Red when an open request is past its deadline (the server decides `overdue`). */
export function OverdueTag({ request }: { request: Pick<DataRequest, 'overdue'> }) {
  const { t } = useTranslation();
  return request.overdue ? (
    <Tag color="red" data-testid="request-overdue">
      {t('privacy.overdue')}
    </Tag>
  ) : null;
}
