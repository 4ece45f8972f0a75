import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import type { Student } from '../roster-queries';
import { ClassPicker } from './class-picker';
import { FormError, serverError, submitProps } from './form-helpers';

interface Props {
  student: Student;
  onCancel: () => void;
  onDone: (updated: Student) => Promise<void>;
}

/** 转班/转学: moves a student to another administrative class in the admin's scope. */
export function TransferModal({ student, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [classId, setClassId] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!classId) return;
    setBusy(true);
    setError(undefined);
    try {
      const updated = await unwrap(
        api.POST('/api/students/{id}/transfer', {
          params: { path: { id: student.personId } },
          body: { classId },
        }),
      );
      await onDone(updated);
    } catch (e) {
      setError(serverError(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('rosterAdmin.transferTitle', { name: student.name })}
      okText={t('rosterAdmin.transferSubmit')}
      okButtonProps={submitProps('transfer-submit', busy, !classId)}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <FormError message={error} />
      <Typography.Paragraph>
        {t('rosterAdmin.transferCurrent', { school: student.schoolName, className: student.className })}
      </Typography.Paragraph>
      <Form layout="vertical" requiredMark="optional">
        <Form.Item label={t('rosterAdmin.transferTarget')} required extra={t('rosterAdmin.classSearchHint')}>
          <ClassPicker
            value={classId}
            onChange={(id) => setClassId(id)}
            exclude={student.classId}
            testId="transfer-class"
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('rosterAdmin.transferNote')} />
    </Modal>
  );
}
