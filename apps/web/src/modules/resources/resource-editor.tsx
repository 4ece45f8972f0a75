import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { type ResourceDetail, resourceKeys } from './resources-api';

/** The author revises the texts of a draft or a returned resource. */
export function ResourceEditor({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = async (v: { title: string; description: string; analysis?: string; exercises?: string }) => {
    try {
      const lesson = res.kind === 'lesson_package';
      await unwrap(
        api.PATCH('/api/resources/{id}', {
          params: { path: { id: res.id } },
          body: {
            title: v.title,
            description: v.description,
            ...(lesson ? { analysis: v.analysis || null, exercises: v.exercises || null } : {}),
          },
        }),
      );
      message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: resourceKeys.all });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  return (
    <Card size="small" title={t('resources.edit')}>
      <Form
        layout="vertical"
        onFinish={save}
        initialValues={{
          title: res.title,
          description: res.description,
          analysis: res.analysis ?? '',
          exercises: res.exercises ?? '',
        }}
      >
        <Form.Item
          name="title"
          label={t('resources.titleLabel')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('resources.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {res.kind === 'lesson_package' && (
          <>
            <Form.Item name="analysis" label={t('resources.analysis')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="exercises" label={t('resources.exercises')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} data-testid="edit-exercises" />
            </Form.Item>
          </>
        )}
        <Button htmlType="submit" data-testid="edit-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
