import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { PageError } from '../../app/components/page-state';
import { useSubmit } from '../../app/components/use-submit';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type DataRequest, type ErasureRow, PRIVACY_KEY } from './privacy-api';
import { KindTag, OverdueTag, StatusTag } from './request-tags';

interface AnswerForm {
  outcome: 'done' | 'refused';
  response: string;
}

/** What changes comes first: deleted, then anonymised, then what the law keeps. */
const ACTION_ORDER: ErasureRow['action'][] = ['delete', 'anonymise', 'retain'];
const ACTION_COLOR: Record<ErasureRow['action'], string> = {
  delete: 'red',
  anonymise: 'orange',
  retain: 'green',
};

/**
 * Handles one request: its details, for a deletion what granting it would delete, anonymise and
 * keep (and why), then done or refused with the reason the person is told.
 */
export function AnswerRequestModal({ request: r, onClose }: { request: DataRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const fullWidth = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<AnswerForm>();
  const outcome = Form.useWatch('outcome', form);
  const { busy, error, run } = useSubmit(t('privacy.register.answerFailed'));
  const open = r.status === 'open';
  const erasing = r.kind === 'deletion' && outcome === 'done';

  const submit = (v: AnswerForm) =>
    run(async () => {
      await unwrap(
        api.POST('/api/privacy/requests/{id}/answer', {
          params: { path: { id: r.id } },
          body: { outcome: v.outcome, response: v.response.trim() },
        }),
      );
      await client.invalidateQueries({ queryKey: PRIVACY_KEY });
      void message.success(t('privacy.register.answered'));
      onClose();
    });

  return (
    <Modal
      open
      width={fullWidth ? '100%' : 760}
      style={fullWidth ? { top: 0, maxWidth: '100%', margin: 0, paddingBottom: 0 } : undefined}
      title={t('privacy.register.handleTitle', { name: r.subjectName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex wrap justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {open && (
            <Button
              type="primary"
              danger={erasing}
              loading={busy}
              onClick={() => form.submit()}
              data-testid="answer-submit"
            >
              {erasing ? t('privacy.register.eraseAndClose') : t('privacy.register.submit')}
            </Button>
          )}
        </Flex>
      }
    >
      <div data-testid="answer-modal">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'kind',
              label: t('privacy.requests.kind'),
              children: (
                <>
                  <KindTag kind={r.kind} />
                  <StatusTag status={r.status} />
                  <OverdueTag request={r} />
                </>
              ),
            },
            {
              key: 'who',
              label: t('privacy.register.subject'),
              children:
                r.requestedAs === 'guardian'
                  ? `${r.subjectName}（${t('privacy.register.byGuardian', { name: r.requesterName })}）`
                  : r.subjectName,
            },
            {
              key: 'details',
              label: t('privacy.requests.details'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.details}</span>,
            },
            { key: 'at', label: t('privacy.requests.filedAt'), children: formatDateTime(r.createdAt, lang) },
            { key: 'due', label: t('privacy.requests.due'), children: formatDateTime(r.dueAt, lang) },
          ]}
        />
        {r.kind === 'deletion' && open && <ErasurePreview id={r.id} />}
        {open ? (
          <Form<AnswerForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ outcome: 'done' }}
            style={{ marginTop: 16 }}
          >
            <Form.Item name="outcome" label={t('privacy.register.outcome')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'done', label: t('privacy.register.done') },
                  { value: 'refused', label: t('privacy.register.refuse') },
                ]}
                data-testid="answer-outcome"
              />
            </Form.Item>
            {erasing && (
              <Alert
                type="warning"
                showIcon
                title={t('privacy.register.eraseWarning')}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form.Item
              name="response"
              label={outcome === 'refused' ? t('privacy.register.reason') : t('privacy.register.response')}
              extra={t('privacy.register.responseHint')}
              rules={[{ required: true, whitespace: true, message: t('privacy.register.responseRequired') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
                showCount
                data-testid="answer-response"
              />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} role="alert" />}
          </Form>
        ) : (
          r.response && (
            <Alert
              type={r.status === 'refused' ? 'warning' : 'success'}
              showIcon
              style={{ marginTop: 16 }}
              title={t('privacy.requests.answer', {
                by: r.handledByName ?? '—',
                time: formatDateTime(r.handledAt, lang),
              })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.response}</span>}
            />
          )
        )}
      </div>
    </Modal>
  );
}

/** 删除预览: table by table, what the erasure would do to the person's records. */
function ErasurePreview({ id }: { id: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['privacy', 'erasure-preview', id],
    queryFn: () =>
      unwrap(api.GET('/api/privacy/requests/{id}/erasure-preview', { params: { path: { id } } })),
    staleTime: 0,
  });
  if (preview.isError) return <PageError error={preview.error} onRetry={() => void preview.refetch()} />;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('privacy.erasure.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('privacy.erasure.intro')}</Typography.Paragraph>
      <Table<ErasureRow>
        rowKey="table"
        size="small"
        loading={preview.isPending}
        dataSource={preview.data?.toSorted(
          (a, b) => ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action),
        )}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="erasure-preview"
        locale={{ emptyText: t('privacy.erasure.nothing') }}
        columns={[
          {
            title: t('privacy.erasure.records'),
            dataIndex: 'description',
            render: (d: string, row) => (
              <>
                <div className="hanlin-wrap" style={{ maxWidth: 260 }}>
                  {d}
                </div>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {row.table}
                </Typography.Text>
              </>
            ),
          },
          { title: t('privacy.erasure.rows'), dataIndex: 'rows', align: 'right' },
          {
            title: t('privacy.erasure.action'),
            dataIndex: 'action',
            render: (a: ErasureRow['action']) => (
              <Tag color={ACTION_COLOR[a]} data-testid={`erasure-${a}`}>
                {t(`privacy.erasure.${a}`)}
              </Tag>
            ),
          },
          {
            title: t('privacy.erasure.retention'),
            dataIndex: 'retention',
            render: (x: string) => (
              <div className="hanlin-wrap" style={{ maxWidth: 280 }}>
                {x}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
