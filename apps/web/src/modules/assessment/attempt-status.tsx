import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DisconnectOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncState } from './attempt-sync';

/** 已保存 / 保存中 / 离线（答案暂存本机） / 未能保存: where the answers given so far are. */
export function SaveStatus({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const look = {
    saved: { color: 'success', icon: <CheckCircleOutlined />, text: t('homework.saved') },
    saving: {
      color: 'processing',
      icon: <CloudUploadOutlined />,
      text: t('homework.saving', { n: state.pending }),
    },
    offline: {
      color: 'warning',
      icon: <DisconnectOutlined />,
      text: t('homework.offline', { n: state.pending }),
    },
    refused: { color: 'error', icon: <WarningOutlined />, text: state.refusal ?? t('homework.refused') },
  }[state.status];
  return (
    <Tag
      color={look.color}
      icon={look.icon}
      data-testid="save-status"
      data-status={state.status}
      role="status"
    >
      {look.text}
    </Tag>
  );
}
