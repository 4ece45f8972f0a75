import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { useSchoolTeachers } from './admin-queries';
import { FormError, serverError, submitProps } from './form-helpers';
import { TeacherPicker } from './teacher-picker';

interface Props {
  classId: string;
  className: string;
  schoolId: string | undefined;
  current?: { personId: string; name: string };
  ofClass: ReadonlySet<string>;
  onCancel: () => void;
  onDone: (text: string) => Promise<void>;
}

/** 任命班主任: appoints the head teacher of an administrative class, replacing the current one. */
export function HeadTeacherModal({
  classId,
  className,
  schoolId,
  current,
  ofClass,
  onCancel,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const [teacherId, setTeacherId] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const teachers = useSchoolTeachers(schoolId);

  const submit = async () => {
    if (!teacherId) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/classes/{id}/head-teacher', {
          params: { path: { id: classId } },
          body: { teacherId },
        }),
      );
      const name = teachers.data?.find((x) => x.personId === teacherId)?.name ?? '';
      await onDone(t('rosterAdmin.headAppointed', { name }));
    } catch (e) {
      setError(serverError(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const same = !!current && current.personId === teacherId;
  return (
    <Modal
      open
      title={t('rosterAdmin.headTitle', { name: className })}
      okText={t('rosterAdmin.headSubmit')}
      okButtonProps={submitProps('head-submit', busy, !teacherId || same)}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <FormError
        message={error ?? (teachers.error ? serverError(teachers.error, t('common.loadFailed')) : undefined)}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={current ? t('rosterAdmin.headCurrent', { name: current.name }) : t('rosterAdmin.headNone')}
      />
      <Form layout="vertical" requiredMark="optional">
        <Form.Item
          label={t('rosterAdmin.teacher')}
          required
          validateStatus={same ? 'warning' : undefined}
          help={same ? t('rosterAdmin.headSame') : undefined}
        >
          <TeacherPicker
            teachers={teachers.data}
            loading={teachers.isFetching}
            value={teacherId}
            onChange={setTeacherId}
            ofClass={ofClass}
            testId="head-teacher"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
