import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage } from '../../app/components/page-state';
import { GRADES, SUBJECTS, useEditions, useTree } from '../curriculum/curriculum-api';
import { KINDS, type ResourceKind, resourceKeys, THEMES } from './resources-api';

interface Values {
  kind: ResourceKind;
  title: string;
  description?: string;
  subjectCode?: string;
  gradeCode?: string;
  lessonId?: string;
  themeCode?: (typeof THEMES)[number];
  provider?: string;
  analysis?: string;
  exercises?: string;
}

/** A new draft: what it is, where it sits in the curriculum; files are added on its page. */
export function NewResourceDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const subjectCode = Form.useWatch('subjectCode', form);
  const gradeCode = Form.useWatch('gradeCode', form);
  const [busy, setBusy] = useState(false);
  const editions = useEditions(subjectCode ?? '14');
  const term1 = useTree(subjectCode && gradeCode ? editions.data?.[0]?.id : undefined, gradeCode ?? '14', 1);
  const term2 = useTree(subjectCode && gradeCode ? editions.data?.[0]?.id : undefined, gradeCode ?? '14', 2);
  const lessons = [...(term1.data?.volumes ?? []), ...(term2.data?.volumes ?? [])].flatMap((v) =>
    v.children.map((u) => ({
      label: `${v.title} · ${u.title}`,
      options: u.children.map((l) => ({ value: l.id, label: l.title })),
    })),
  );
  const curricular = kind !== 'theme' && kind !== 'third_party';

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/resources', { body: v }));
      await client.invalidateQueries({ queryKey: resourceKeys.all });
      form.resetFields();
      onClose();
      navigate(`/resources/${created.id}`);
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('resources.new')} width={520} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'micro_lesson' }}>
        <Form.Item name="kind" label={t('resources.kindLabel')} rules={[{ required: true }]}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))}
            data-testid="resource-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('resources.titleLabel')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="resource-title-input" />
        </Form.Item>
        <Form.Item name="description" label={t('resources.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {curricular && (
          <>
            <Form.Item name="subjectCode" label={t('resources.subject')} rules={[{ required: true }]}>
              <Select
                options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))}
                data-testid="resource-subject"
              />
            </Form.Item>
            <Form.Item name="gradeCode" label={t('resources.grade')} rules={[{ required: true }]}>
              <Select
                options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
                data-testid="resource-grade"
              />
            </Form.Item>
            <Form.Item name="lessonId" label={t('resources.lesson')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={lessons}
                allowClear
                data-testid="resource-lesson"
              />
            </Form.Item>
          </>
        )}
        {kind === 'lesson_package' && (
          <>
            <Form.Item name="analysis" label={t('resources.analysis')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} data-testid="resource-analysis" />
            </Form.Item>
            <Form.Item name="exercises" label={t('resources.exercises')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} data-testid="resource-exercises-input" />
            </Form.Item>
          </>
        )}
        {kind === 'theme' && (
          <Form.Item name="themeCode" label={t('resources.themeLabel')} rules={[{ required: true }]}>
            <Select options={THEMES.map((x) => ({ value: x, label: t(`resources.theme.${x}`) }))} />
          </Form.Item>
        )}
        {kind === 'third_party' && (
          <Form.Item name="provider" label={t('resources.provider')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="resource-create">
          {t('resources.create')}
        </Button>
      </Form>
    </Drawer>
  );
}
