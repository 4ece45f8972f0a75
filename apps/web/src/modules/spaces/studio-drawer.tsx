import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage } from '../../app/components/page-state';
import { SUBJECTS } from '../curriculum/curriculum-api';
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
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const subject = useCodeLabel('subject');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const atSchool = me.role === 'school_admin';
  const [schoolId, setSchoolId] = useState<string | undefined>(atSchool ? me.orgUnitId : undefined);
  const schools = useQuery({
    queryKey: ['org', 'schools'],
    enabled: open && !atSchool,
    queryFn: () => unwrap(api.GET('/api/org/units', { params: { query: { kind: 'school', limit: 200 } } })),
  });
  const teachers = useQuery({
    queryKey: ['spaces', 'teachers', schoolId],
    enabled: open && !!schoolId,
    queryFn: () =>
      unwrap(api.GET('/api/schools/{id}/teachers', { params: { path: { id: schoolId ?? '' } } })),
  });
  const teacherOptions = (teachers.data ?? []).map((x) => ({
    value: x.personId,
    label: `${x.name}（${x.subjects.map((s) => subject(s)).join('、') || x.staffNo}）`,
  }));

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
        {!atSchool && (
          <Form.Item label={t('spaces.studio.school')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={schoolId}
              onChange={(v) => {
                setSchoolId(v);
                form.setFieldsValue({ leadId: undefined, memberIds: [] });
              }}
              loading={schools.isPending}
              options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="leadId" label={t('spaces.studio.lead')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={teacherOptions}
            loading={teachers.isFetching}
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('spaces.studio.members')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={teacherOptions} />
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
