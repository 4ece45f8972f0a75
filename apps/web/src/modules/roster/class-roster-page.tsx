import { App, Breadcrumb, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin } from '../../app/auth/roles';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { RosterExportButton } from '../import/export-button';
import { useClassTrail } from '../org/org-trail';
import { TeacherList } from '../portal/teacher-list';
import { useRefreshAfterChange } from './admin/admin-queries';
import { ClassAdminActions } from './admin/class-admin-actions';
import { ClassTeachersTable } from './admin/class-teachers-table';
import { useRoster } from './roster-queries';
import { RosterTable } from './roster-table';

/** 班级花名册: the class's students and teachers (staff only; scope is checked by the server). */
export function ClassRosterPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const roster = useRoster(classId);
  const refresh = useRefreshAfterChange();
  const [q, setQ] = useState('');
  // The student just enrolled here, marked in the refreshed list.
  const [enrolled, setEnrolled] = useState<string>();
  const admin = isAdmin(me.role);

  const students = useMemo(() => {
    const needle = q.trim();
    const all = roster.data?.students ?? [];
    return needle ? all.filter((s) => s.name.includes(needle) || s.studentNo.includes(needle)) : all;
  }, [roster.data, q]);

  const trail = useClassTrail(classId, roster.data?.class.name ?? '', false);

  if (roster.isPending) return <PageLoading />;
  if (roster.isError) return <PageError error={roster.error} onRetry={() => void roster.refetch()} />;
  const { class: cls, teachers } = roster.data;
  const teacherRows = teachers.map((tc) => ({
    personId: `${tc.personId}-${tc.subjectCode ?? ''}`,
    name: tc.name,
    subjectCodes: tc.subjectCode ? [tc.subjectCode] : [],
    isHeadTeacher: tc.isHeadTeacher,
  }));

  return (
    <Stack>
      <Breadcrumb items={trail} data-testid="page-breadcrumb" />
      <Flex wrap justify="space-between" align="flex-end" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Space wrap size={8}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="roster-title">
              {cls.name}
            </Typography.Title>
            <Tag color={cls.kind === 'teaching_class' ? 'purple' : 'blue'}>{t(`org.kind.${cls.kind}`)}</Tag>
          </Space>
          <div>
            <Typography.Text type="secondary" className="hanlin-wrap">
              {cls.schoolName} · {t('portal.studentCount', { count: roster.data.students.length })}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {admin && (
            <>
              <ClassAdminActions
                roster={roster.data}
                onEnrolled={(s) => {
                  setQ('');
                  setEnrolled(s.personId);
                }}
              />
              <LinkButton to={`/org/${cls.id}`}>{t('roster.orgInfo')}</LinkButton>
              <RosterExportButton kind="students" orgUnitId={cls.id} unitName={cls.name}>
                {t('roster.export')}
              </RosterExportButton>
            </>
          )}
        </Space>
      </Flex>
      <Card size="small" title={t('roster.teachers')}>
        {admin ? (
          <ClassTeachersTable
            classId={cls.id}
            className={cls.name}
            teachers={teachers}
            onChanged={async (text) => {
              await refresh();
              message.success(text);
            }}
          />
        ) : (
          <TeacherList teachers={teacherRows} />
        )}
      </Card>
      <Card
        size="small"
        title={t('roster.students')}
        extra={
          <Input.Search
            allowClear
            size="small"
            value={q}
            placeholder={t('roster.filter')}
            aria-label={t('roster.filter')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 170 }}
          />
        }
      >
        <RosterTable students={students} highlightId={enrolled} />
      </Card>
    </Stack>
  );
}
