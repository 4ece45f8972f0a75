import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useSubmit } from '../../app/components/use-submit';
import { formatCount } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { EXPORT_REQUESTS_KEY, type ExportRequest } from './import-api';

/**
 * 批准 / 驳回 another administrator's pending export: the approver sees what, for whom and why
 * before deciding; a rejection says why.
 */
export function DecideButtons({ request: r, vertical }: { request: ExportRequest; vertical?: boolean }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<boolean>();
  return (
    <Flex gap={8} vertical={vertical}>
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => setDeciding(true)}
        data-testid="export-approve"
      >
        {t('exportRequests.approve')}
      </Button>
      <Button
        size="small"
        danger
        icon={<CloseOutlined />}
        onClick={() => setDeciding(false)}
        data-testid="export-reject"
      >
        {t('exportRequests.reject')}
      </Button>
      {deciding !== undefined && (
        <DecideModal request={r} approve={deciding} onClose={() => setDeciding(undefined)} />
      )}
    </Flex>
  );
}

function DecideModal({
  request: r,
  approve,
  onClose,
}: {
  request: ExportRequest;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const { busy, error, run } = useSubmit(t('common.saveFailed'));
  const submit = ({ note }: { note?: string }) =>
    run(async () => {
      await unwrap(
        api.POST('/api/roster/export-requests/{id}/decide', {
          params: { path: { id: r.id } },
          body: { approve, note: note?.trim() ?? '' },
        }),
      );
      await client.invalidateQueries({ queryKey: EXPORT_REQUESTS_KEY });
      void message.success(approve ? t('exportRequests.approved') : t('exportRequests.rejected'));
      onClose();
    });
  return (
    <Modal
      open
      title={approve ? t('exportRequests.approveTitle') : t('exportRequests.rejectTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={!approve}
            loading={busy}
            onClick={() => form.submit()}
            data-testid="export-decide-submit"
          >
            {approve ? t('exportRequests.approve') : t('exportRequests.reject')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>
        {t('exportRequests.decideSummary', {
          name: r.requesterName,
          unit: r.unitName,
          kind: t(`import.kind.${r.kind}`),
          n: formatCount(r.persons, lang),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="hanlin-wrap">
        {t('exportRequests.reason')}：{r.reason}
      </Typography.Paragraph>
      {approve && (
        <Alert type="info" showIcon title={t('exportRequests.approveHint')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="note"
          label={t('exportRequests.note')}
          rules={
            approve ? [] : [{ required: true, whitespace: true, message: t('exportRequests.noteRequired') }]
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            showCount
            data-testid="export-note"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
