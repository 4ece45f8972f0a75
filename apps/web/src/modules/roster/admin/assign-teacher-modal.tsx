import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { useCodeLabel, useCodeOptions } from '../../../app/codes/use-codes';
import { type SchoolTeacher, useSchoolTeachers } from './admin-queries';
import { FormError, serverError, submitProps, validated } from './form-helpers';
import { TeacherPicker } from './teacher-picker';

interface Values {
  teacherId?: string;
  subjectCode?: string;
}

interface Props {
  classId: string;
  className: string;
  schoolId: string | undefined;
  /** Teachers already teaching this class. */
  ofClass: ReadonlySet<string>;
  onCancel: () => void;
  onDone: (text: string) => Promise<void>;
}

/** 安排任课教师: one of the school's teachers teaches a subject in this class this term. */
export function AssignTeacherModal({ classId, className, schoolId, ofClass, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const teachers = useSchoolTeachers(schoolId);
  const subjects = useCodeOptions('subject');
  const subjectLabel = useCodeLabel('subject');

  // Picking a teacher suggests the first subject they teach, if none is chosen yet.
  const onTeacher = (personId: string | undefined) => {
    const tc = teachers.data?.find((x: SchoolTeacher) => x.personId === personId);
    if (tc?.subjects[0] && !form.getFieldValue('subjectCode'))
      form.setFieldValue('subjectCode', tc.subjects[0]);
  };

  const submit = async () => {
    const v = await validated(form);
    if (!v?.teacherId || !v.subjectCode) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/classes/{id}/teachers', {
          params: { path: { id: classId } },
          body: { teacherId: v.teacherId, subjectCode: v.subjectCode },
        }),
      );
      const name = teachers.data?.find((x) => x.personId === v.teacherId)?.name ?? '';
      await onDone(t('rosterAdmin.assigned', { teacher: name, subject: subjectLabel(v.subjectCode) }));
    } catch (e) {
      setError(serverError(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('rosterAdmin.assignTitle', { name: className })}
      okText={t('rosterAdmin.assignSubmit')}
      okButtonProps={submitProps('assign-submit', busy)}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <FormError
        message={error ?? (teachers.error ? serverError(teachers.error, t('common.loadFailed')) : undefined)}
      />
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item label={t('rosterAdmin.teacher')} name="teacherId" rules={[{ required: true }]}>
          <TeacherPicker
            teachers={teachers.data}
            loading={teachers.isFetching}
            ofClass={ofClass}
            onChange={onTeacher}
            testId="assign-teacher"
          />
        </Form.Item>
        <Form.Item label={t('rosterAdmin.subject')} name="subjectCode" rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={subjects}
            data-testid="assign-subject"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
