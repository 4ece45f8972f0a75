import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage } from '../../app/components/page-state';
import { SUBJECTS } from '../curriculum/curriculum-api';
import { useSchoolTeachers } from './school-teachers';
import { spaceKeys } from './spaces-api';

interface Values {
  name: string;
  description?: string;
  subjectCode?: string;
  leadId: string;
  memberIds?: string[];
}

/**
 * A bureau or school sets up a 名师工作室 under its own unit: a school administrator picks teachers
 * of the school; a bureau picks a school first, then its teachers.
 */
export function StudioDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const subject = useCodeLabel('subject');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const picker = useSchoolTeachers(open);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await unwrap(api.POST('/api/studios', { body: v }));
      await client.invalidateQueries({ queryKey: spaceKeys.all });
      form.resetFields();
      onClose();
      navigate(`/spaces/${id}`);
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('spaces.studio.new')} width={480} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="studio-form">
        <Form.Item name="name" label={t('spaces.studio.name')} rules={[{ required: true, max: 40 }]}>
          <Input placeholder={t('spaces.studio.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="subjectCode" label={t('spaces.studio.subject')}>
          <Select allowClear options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))} />
        </Form.Item>
        {!picker.atSchool && (
          <Form.Item label={t('spaces.studio.school')} required>
            {picker.schoolSelect(() => form.setFieldsValue({ leadId: undefined, memberIds: [] }))}
          </Form.Item>
        )}
        <Form.Item name="leadId" label={t('spaces.studio.lead')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={picker.options}
            loading={picker.loading}
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('spaces.studio.members')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={picker.options} />
        </Form.Item>
        <Form.Item name="description" label={t('spaces.studio.description')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('spaces.studio.create')}
        </Button>
      </Form>
    </Drawer>
  );
}
