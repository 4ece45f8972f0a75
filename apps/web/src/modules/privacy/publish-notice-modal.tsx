import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Grid, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useSubmit } from '../../app/components/use-submit';
import { AUDIENCES, type Audience, NOTICES_KEY, type NoticeVersion } from './privacy-api';

interface PublishForm {
  audience: Audience;
  title: string;
  body: string;
}

/**
 * 发布新版本: starts from the audience's current text. Publishing asks everyone of that audience to
 * read and acknowledge it again at their next sign-in, so it is confirmed first.
 */
export function PublishNoticeModal({
  audience,
  versions,
  onClose,
}: {
  audience: Audience;
  versions: NoticeVersion[];
  onClose: (published?: Audience) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const fullWidth = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<PublishForm>();
  const { busy, error, run } = useSubmit(t('privacy.notices.publishFailed'));
  // The list is newest first within an audience.
  const current = (a: Audience) => versions.find((v) => v.audience === a);
  const textOf = (a: Audience) => ({ title: current(a)?.title ?? '', body: current(a)?.body ?? '' });

  const publish = (v: PublishForm) =>
    run(async () => {
      const notice = await unwrap(
        api.POST('/api/privacy/notices', {
          body: { audience: v.audience, title: v.title.trim(), body: v.body.trim() },
        }),
      );
      await client.invalidateQueries({ queryKey: NOTICES_KEY });
      void message.success(t('privacy.notices.published', { version: notice.version }));
      onClose(v.audience);
    });

  const confirm = (v: PublishForm) => {
    modal.confirm({
      title: t('privacy.notices.confirmTitle'),
      content: t('privacy.notices.confirmText', { audience: t(`privacy.audience.${v.audience}`) }),
      okText: t('privacy.notices.confirmOk'),
      okButtonProps: { 'data-testid': 'notice-publish-confirm' },
      onOk: () => publish(v),
    });
  };

  return (
    <Modal
      open
      width={fullWidth ? '100%' : 800}
      style={fullWidth ? { top: 0, maxWidth: '100%', margin: 0, paddingBottom: 0 } : undefined}
      title={t('privacy.notices.publish')}
      okText={t('privacy.notices.publishOk')}
      okButtonProps={{ loading: busy, 'data-testid': 'notice-publish-submit' }}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<PublishForm>
        form={form}
        layout="vertical"
        onFinish={confirm}
        initialValues={{ audience, ...textOf(audience) }}
        onValuesChange={(changed: Partial<PublishForm>) => {
          if (changed.audience) form.setFieldsValue(textOf(changed.audience));
        }}
        data-testid="notice-publish-form"
      >
        <Form.Item
          name="audience"
          label={t('privacy.notices.audience')}
          extra={t('privacy.notices.audienceHint')}
        >
          <Select
            options={AUDIENCES.map((a) => ({ value: a, label: t(`privacy.audience.${a}`) }))}
            data-testid="notice-audience"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('privacy.notices.noticeTitle')}
          rules={[{ required: true, whitespace: true, message: t('privacy.notices.titleRequired') }]}
        >
          <Input maxLength={100} showCount data-testid="notice-title-input" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('privacy.notices.body')}
          extra={t('privacy.notices.bodyHint')}
          rules={[{ required: true, whitespace: true, message: t('privacy.notices.bodyRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 10, maxRows: 22 }}
            maxLength={20000}
            showCount
            data-testid="notice-body-input"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}
