import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty } from '../../app/components/page-state';

interface TeacherRow {
  personId?: string;
  name: string;
  subjectCodes: string[];
  isHeadTeacher: boolean;
}

/** The teachers of a class as a student or parent sees them: name, subjects, 班主任 mark. */
export function TeacherList({ teachers }: { teachers: TeacherRow[] }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  if (teachers.length === 0) return <PageEmpty text={t('portal.noTeachers')} />;
  const sorted = [...teachers].sort((a, b) => Number(b.isHeadTeacher) - Number(a.isHeadTeacher));
  return (
    <Flex vertical gap={10} data-testid="teacher-list">
      {sorted.map((tc, i) => (
        <Flex key={tc.personId ?? `${tc.name}-${i}`} align="center" gap={10}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Typography.Text strong>{tc.name}</Typography.Text>
          <Space size={[4, 4]} wrap>
            {tc.isHeadTeacher && <Tag color="gold">{t('role.head_teacher')}</Tag>}
            {tc.subjectCodes.map((code) => (
              <Tag key={code}>{subject(code)}</Tag>
            ))}
          </Space>
        </Flex>
      ))}
    </Flex>
  );
}
