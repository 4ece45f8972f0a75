import { SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Student } from '../roster-queries';
import { useRefreshAfterChange } from './admin-queries';
import { ResetPasswordButton } from './reset-password';
import { TransferModal } from './transfer-modal';

/** School-admin actions on a student record: 转班/转学 and 重置密码 (admins only; the server checks scope). */
export function StudentAdminActions({ student }: { student: Student }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = useRefreshAfterChange();
  const [transferring, setTransferring] = useState(false);

  const transferred = async (updated: Student) => {
    queryClient.setQueryData(['roster', 'student', updated.personId], updated);
    await refresh();
    setTransferring(false);
    message.success(t('rosterAdmin.transferred', { name: updated.name, className: updated.className }));
    navigate(`/students/${updated.personId}`, { replace: true });
  };

  return (
    <Space wrap size={8}>
      <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="student-transfer">
        {t('rosterAdmin.transfer')}
      </Button>
      <ResetPasswordButton personId={student.personId} name={student.name} testId="student-reset-password" />
      {transferring && (
        <TransferModal student={student} onCancel={() => setTransferring(false)} onDone={transferred} />
      )}
    </Space>
  );
}
