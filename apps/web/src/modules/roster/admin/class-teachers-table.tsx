import { DownOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Dropdown, Grid, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { useCodeLabel } from '../../../app/codes/use-codes';
import type { Roster } from '../roster-queries';
import { serverError } from './form-helpers';
import { ResetPasswordButton } from './reset-password';

interface TeacherRow {
  personId: string;
  name: string;
  isHeadTeacher: boolean;
  subjects: string[];
}

/** Groups the roster's (teacher × subject) rows by teacher, head teacher first. */
export function groupTeachers(rows: Roster['teachers']): TeacherRow[] {
  const byId = new Map<string, TeacherRow>();
  for (const r of rows) {
    const row = byId.get(r.personId) ?? {
      personId: r.personId,
      name: r.name,
      isHeadTeacher: false,
      subjects: [],
    };
    row.isHeadTeacher ||= r.isHeadTeacher;
    if (r.subjectCode) row.subjects.push(r.subjectCode);
    byId.set(r.personId, row);
  }
  return [...byId.values()].sort((a, b) => Number(b.isHeadTeacher) - Number(a.isHeadTeacher));
}

interface Props {
  classId: string;
  className: string;
  teachers: Roster['teachers'];
  onChanged: (text: string) => Promise<void>;
}

/** The class's teachers as an admin sees them: 取消任课 per subject and 重置密码. */
export function ClassTeachersTable({ classId, className, teachers, onChanged }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const subject = useCodeLabel('subject');
  const rows = useMemo(() => groupTeachers(teachers), [teachers]);
  // On a phone the action buttons shrink to icons so the table fits without sideways scrolling.
  const compact = !Grid.useBreakpoint().sm;
  const label = (text: string) => (compact ? { 'aria-label': text, title: text } : { children: text });

  const unassign = (tc: TeacherRow, subjectCode: string) =>
    modal.confirm({
      title: t('rosterAdmin.unassignTitle'),
      content: t('rosterAdmin.unassignConfirm', {
        teacher: tc.name,
        subject: subject(subjectCode),
        name: className,
      }),
      okText: t('rosterAdmin.unassign'),
      okButtonProps: { danger: true, 'data-testid': 'unassign-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await unwrap(
            api.POST('/api/classes/{id}/teachers/remove', {
              params: { path: { id: classId } },
              body: { teacherId: tc.personId, subjectCode },
            }),
          );
          await onChanged(t('rosterAdmin.unassigned'));
        } catch (e) {
          message.error(serverError(e, t('common.saveFailed')));
        }
      },
    });

  return (
    <Table<TeacherRow>
      rowKey="personId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('portal.noTeachers') }}
      data-testid="class-teachers"
      columns={[
        {
          title: t('rosterAdmin.teacher'),
          dataIndex: 'name',
          render: (name: string, tc) => (
            <Space size={4}>
              {name}
              {tc.isHeadTeacher && <Tag color="gold">{t('role.head_teacher')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('rosterAdmin.subject'),
          dataIndex: 'subjects',
          render: (codes: string[]) =>
            codes.length === 0 ? (
              '—'
            ) : (
              <Space size={[4, 4]} wrap>
                {codes.map((c) => (
                  <Tag key={c}>{subject(c)}</Tag>
                ))}
              </Space>
            ),
        },
        {
          title: t('rosterAdmin.actions'),
          key: 'actions',
          render: (_, tc) => (
            <Space size={4}>
              {tc.subjects.length === 1 && (
                <Button
                  size="small"
                  icon={<UserDeleteOutlined />}
                  onClick={() => unassign(tc, tc.subjects[0] ?? '')}
                  data-testid="teacher-unassign"
                  {...label(t('rosterAdmin.unassign'))}
                />
              )}
              {tc.subjects.length > 1 && (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: tc.subjects.map((c) => ({ key: c, label: subject(c) })),
                    onClick: ({ key }) => unassign(tc, key),
                  }}
                >
                  <Button
                    size="small"
                    icon={<UserDeleteOutlined />}
                    data-testid="teacher-unassign"
                    aria-label={compact ? t('rosterAdmin.unassign') : undefined}
                    title={compact ? t('rosterAdmin.unassign') : undefined}
                  >
                    {!compact && t('rosterAdmin.unassign')} <DownOutlined />
                  </Button>
                </Dropdown>
              )}
              <ResetPasswordButton
                personId={tc.personId}
                name={tc.name}
                size="small"
                testId="teacher-reset-password"
                iconOnly={compact}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
