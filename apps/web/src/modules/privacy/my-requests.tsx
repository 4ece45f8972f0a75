import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, List, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { PageEmpty, PageError } from '../../app/components/page-state';
import { useSubmit } from '../../app/components/use-submit';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type DataRequest, FILED_KINDS, useConsents, useMyRequests } from './privacy-api';
import { KindTag, OverdueTag, StatusTag } from './request-tags';

type FiledKind = (typeof FILED_KINDS)[number];
interface RequestForm {
  subjectId: string;
  kind: FiledKind;
  details: string;
}

/** 更正、删除、解释说明: filing a request for oneself or a child, and the answers so far. */
export function MyRequests() {
  const { t } = useTranslation();
  const mine = useMyRequests();
  return (
    <Card size="small" title={t('privacy.requests.title')}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('privacy.requests.intro')}</Typography.Text>
        <FileRequestForm />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('privacy.requests.mine')}
        </Typography.Title>
        {mine.isError ? (
          <PageError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <List<DataRequest>
            loading={mine.isPending}
            dataSource={mine.data}
            locale={{ emptyText: <PageEmpty text={t('privacy.requests.none')} /> }}
            pagination={mine.data && mine.data.length > 10 ? { pageSize: 10, size: 'small' } : false}
            data-testid="my-requests"
            renderItem={(r) => <RequestItem request={r} />}
          />
        )}
      </Flex>
    </Card>
  );
}

function FileRequestForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const subjects = useConsents();
  const [form] = Form.useForm<RequestForm>();
  const kind = Form.useWatch('kind', form);
  const { busy, error, run } = useSubmit(t('privacy.requests.fileFailed'));
  const options = (subjects.data ?? []).map((s) => ({
    value: s.personId,
    label: s.relation === 'self' ? t('privacy.requests.self', { name: s.name }) : s.name,
  }));

  const submit = (v: RequestForm) =>
    run(async () => {
      await unwrap(api.POST('/api/privacy/requests', { body: { ...v, details: v.details.trim() } }));
      form.resetFields(['details']);
      await client.invalidateQueries({ queryKey: ['privacy', 'requests'] });
      void message.success(t('privacy.requests.filed'));
    });

  return (
    <Form<RequestForm>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ subjectId: me.personId, kind: 'correction' }}
      data-testid="request-form"
    >
      <Form.Item name="subjectId" label={t('privacy.requests.subject')} rules={[{ required: true }]}>
        <Radio.Group options={options} disabled={subjects.isPending} data-testid="request-subject" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('privacy.requests.kind')}
        extra={kind ? t(`privacy.kindHint.${kind}`) : undefined}
      >
        <Radio.Group
          optionType="button"
          options={FILED_KINDS.map((k) => ({ value: k, label: t(`privacy.kind.${k}`) }))}
          data-testid="request-kind"
        />
      </Form.Item>
      <Form.Item
        name="details"
        label={t('privacy.requests.details')}
        rules={[{ required: true, whitespace: true, message: t('privacy.requests.detailsRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          placeholder={t('privacy.requests.detailsPlaceholder')}
          data-testid="request-details"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={busy}
        data-testid="request-submit"
      >
        {t('privacy.requests.submit')}
      </Button>
    </Form>
  );
}

function RequestItem({ request: r }: { request: DataRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <List.Item data-testid="my-request" data-request-id={r.id} style={{ display: 'block' }}>
      <Flex wrap gap={4} align="center" style={{ marginBottom: 6 }}>
        <KindTag kind={r.kind} />
        <StatusTag status={r.status} />
        <OverdueTag request={r} />
        <Typography.Text type="secondary" className="hanlin-wrap">
          {r.requestedAs === 'guardian'
            ? t('privacy.requests.forChild', { name: r.subjectName, by: r.requesterName })
            : r.subjectName}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '0 0 6px' }} className="hanlin-wrap">
        {r.details}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'at', label: t('privacy.requests.filedAt'), children: formatDateTime(r.createdAt, lang) },
          ...(r.status === 'open'
            ? [{ key: 'due', label: t('privacy.requests.due'), children: formatDateTime(r.dueAt, lang) }]
            : []),
          { key: 'unit', label: t('privacy.requests.unit'), children: r.unitName ?? '—' },
        ]}
      />
      {r.response && (
        <Alert
          type={r.status === 'refused' ? 'warning' : 'success'}
          data-testid="request-response"
          title={t('privacy.requests.answer', {
            by: r.handledByName ?? '—',
            time: formatDateTime(r.handledAt, lang),
          })}
          description={
            <span style={{ whiteSpace: 'pre-wrap' }} className="hanlin-wrap">
              {r.response}
            </span>
          }
          style={{ marginTop: 6 }}
        />
      )}
    </List.Item>
  );
}
