import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { useSubmit } from '../../app/components/use-submit';
import { downloadExport, EXPORT_REQUESTS_KEY, type RosterKind } from './import-api';

interface Refusal {
  message: string;
  persons?: number;
  threshold?: number;
}

/**
 * Exports a roster at once, or, when the server answers that the export holds personal data of
 * more persons than the threshold (`approval_required`, COMPLIANCE §5.4), explains why and asks
 * for the reason a second administrator will read before approving it.
 */
export function RosterExportButton({
  kind,
  orgUnitId,
  unitName,
  children,
  ...button
}: Omit<ButtonProps, 'onClick' | 'loading'> & { kind: RosterKind; orgUnitId?: string; unitName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  const start = async () => {
    setBusy(true);
    try {
      await downloadExport(kind, orgUnitId);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'approval_required') {
        const d = (e.details ?? {}) as { persons?: number; threshold?: number };
        setRefusal({ message: e.message, persons: d.persons, threshold: d.threshold });
      } else void message.error(errorMessage(e, t('import.exportFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} {...button} loading={busy} onClick={start}>
        {children}
      </Button>
      {refusal && (
        <ApprovalRequestModal
          kind={kind}
          orgUnitId={orgUnitId}
          unitName={unitName}
          refusal={refusal}
          onClose={() => setRefusal(undefined)}
        />
      )}
    </>
  );
}

function ApprovalRequestModal({
  kind,
  orgUnitId,
  unitName,
  refusal,
  onClose,
}: {
  kind: RosterKind;
  orgUnitId?: string;
  unitName: string;
  refusal: Refusal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, run } = useSubmit(t('exportRequests.submitFailed'));

  const submit = ({ reason }: { reason: string }) =>
    run(async () => {
      await unwrap(
        api.POST('/api/roster/export-requests', { body: { kind, orgUnitId, reason: reason.trim() } }),
      );
      await client.invalidateQueries({ queryKey: EXPORT_REQUESTS_KEY });
      void message.success(t('exportRequests.submitted'));
      onClose();
    });

  return (
    <Modal
      open
      title={t('exportRequests.askTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="export-request-submit"
          >
            {t('exportRequests.ask')}
          </Button>
        </>
      }
    >
      <div data-testid="export-approval">
        <Alert type="warning" showIcon title={refusal.message} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary">
          {t('exportRequests.why', { threshold: refusal.threshold ?? 200 })}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'kind', label: t('import.kindLabel'), children: t(`import.kind.${kind}`) },
            { key: 'unit', label: t('import.exportUnit'), children: unitName },
            ...(refusal.persons !== undefined
              ? [{ key: 'persons', label: t('exportRequests.persons'), children: refusal.persons }]
              : []),
          ]}
        />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('exportRequests.reason')}
            extra={t('exportRequests.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('exportRequests.reasonRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              showCount
              data-testid="export-reason"
            />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </div>
    </Modal>
  );
}
