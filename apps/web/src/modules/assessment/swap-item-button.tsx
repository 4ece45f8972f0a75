import { SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/components/page-state';
import { swapItem } from './assembly-api';
import { bankKeys, type Paper } from './bank-api';

/**
 * 换一题 on an item of an assembled draft: the server puts the best other item that keeps every
 * requirement of the paper's 细目表 in its place. Shown only on the owner's drafts assembled from one.
 */
export function SwapItemButton({ paper, itemId }: { paper: Paper; itemId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (!(paper.status === 'draft' && paper.mine && paper.assembly?.spec)) return null;
  const swap = async () => {
    setBusy(true);
    try {
      const res = await swapItem(paper.id, itemId);
      qc.setQueryData(bankKeys.paper(paper.id), res.paper);
      message.success(t('assembly.swapped'));
    } catch (e) {
      message.warning(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('assembly.swapHelp')}>
      <Button size="small" icon={<SwapOutlined />} loading={busy} onClick={swap} data-testid="item-swap">
        {t('assembly.swap')}
      </Button>
    </Tooltip>
  );
}
