import { Alert, Breadcrumb, Card, Descriptions, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin, ROSTER_ROLES } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { NotebookSummaryCard } from '../assessment/notebook-summary-card';
import { useClassTrail } from '../org/org-trail';
import { ResetPasswordButton } from './admin/reset-password';
import { StudentAdminActions } from './admin/student-admin-actions';
import { RevealNumber } from './reveal-number';
import { GENDER_SHORT, type Student, useStudent } from './roster-queries';
import { SensitivePanel } from './sensitive-panel';

/** 学籍信息: one student's registration record; sensitive fields sit behind their own button. */
export function StudentProfilePage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const student = useStudent(personId);
  const me = useMe();
  const admin = isAdmin(me.role);
  const staff = me.role !== 'student' && me.role !== 'parent';
  const compact = !Grid.useBreakpoint().sm;
  const trail = useClassTrail(
    student.data?.classId ?? '',
    student.data?.className ?? '',
    ROSTER_ROLES.includes(me.role),
  );
  if (student.isPending) return <PageLoading />;
  if (student.isError) return <PageError error={student.error} onRetry={() => void student.refetch()} />;
  const s = student.data;

  return (
    <Stack>
      <Breadcrumb items={[...trail, { key: s.personId, title: s.name }]} data-testid="page-breadcrumb" />
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Flex wrap gap={8} align="center" style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="student-name">
            {s.name}
          </Typography.Title>
          <Tag color={s.status === 'enrolled' ? 'green' : undefined}>
            {t(`roster.statusValue.${s.status}`, { defaultValue: s.status })}
          </Tag>
          <Typography.Text type="secondary" className="hanlin-wrap" data-testid="student-class">
            {s.schoolName} · {s.className}
          </Typography.Text>
        </Flex>
        {admin && <StudentAdminActions student={s} />}
      </Flex>
      {/* A reminder for staff handling the record; the child and their guardians are not staff. */}
      {s.under14 && staff && <Alert type="info" role="note" showIcon title={t('student.under14')} />}
      <Card size="small" title={t('student.record')}>
        <StudentFields student={s} canReveal={admin || me.role === 'parent' || me.personId === s.personId} />
      </Card>
      {['student', 'parent', 'teacher', 'head_teacher'].includes(me.role) && (
        <NotebookSummaryCard studentId={s.personId} own={me.personId === s.personId} />
      )}
      <Card size="small" title={t('student.guardians')}>
        <Table
          rowKey="personId"
          size="small"
          dataSource={s.guardians}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('student.noGuardians') }}
          columns={[
            {
              title: t('roster.name'),
              dataIndex: 'name',
              render: (name: string, g) => (
                <Space size={4}>
                  {name}
                  {g.primary && <Tag color="gold">{t('student.primaryGuardian')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('student.relation'),
              dataIndex: 'relation',
              render: (code: string) => <RelationLabel code={code} />,
            },
            { title: t('student.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
            ...(admin
              ? [
                  {
                    title: t('rosterAdmin.actions'),
                    key: 'actions',
                    render: (_: unknown, g: Student['guardians'][number]) => (
                      <ResetPasswordButton
                        personId={g.personId}
                        name={g.name}
                        size="small"
                        testId="guardian-reset-password"
                        iconOnly={compact}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <SensitivePanel personId={s.personId} />
    </Stack>
  );
}

function RelationLabel({ code }: { code: string }) {
  const relation = useCodeLabel('guardian_relation');
  return <>{relation(code)}</>;
}

function StudentFields({ student: s, canReveal }: { student: Student; canReveal: boolean }) {
  const { t } = useTranslation();
  const gender = useCodeLabel('gender');
  const ethnicity = useCodeLabel('ethnicity');
  const nationality = useCodeLabel('nationality');
  const idType = useCodeLabel('id_type');
  const entryMode = useCodeLabel('entry_mode');
  const studyMode = useCodeLabel('study_mode');
  const householdType = useCodeLabel('household_type');
  const division = useCodeLabel('division');
  const short = GENDER_SHORT[s.gender];
  const items = [
    { key: 'name', label: t('roster.name'), children: s.name },
    { key: 'gender', label: t('roster.gender'), children: short ? t(short) : gender(s.gender) },
    { key: 'birthDate', label: t('roster.birthDate'), children: s.birthDate ?? '—' },
    { key: 'ethnicity', label: t('student.ethnicity'), children: ethnicity(s.ethnicity) },
    { key: 'nationality', label: t('student.nationality'), children: nationality(s.nationality) },
    { key: 'idType', label: t('student.idType'), children: idType(s.idType) },
    {
      key: 'idNumber',
      label: t('student.idNumber'),
      children: (
        <RevealNumber
          personId={s.personId}
          field="idNumber"
          masked={s.idNumberMasked}
          canReveal={canReveal}
        />
      ),
    },
    {
      key: 'nationalNo',
      label: t('student.nationalNo'),
      children: (
        <RevealNumber
          personId={s.personId}
          field="nationalNo"
          masked={s.nationalNoMasked}
          canReveal={canReveal}
        />
      ),
    },
    { key: 'studentNo', label: t('roster.studentNo'), children: s.studentNo },
    { key: 'school', label: t('roster.school'), children: s.schoolName },
    { key: 'class', label: t('roster.class'), children: s.className },
    { key: 'entryYear', label: t('org.entryYear'), children: s.entryYear },
    { key: 'entryMode', label: t('student.entryMode'), children: entryMode(s.entryMode) },
    { key: 'studyMode', label: t('student.studyMode'), children: studyMode(s.studyMode) },
    { key: 'householdType', label: t('student.householdType'), children: householdType(s.householdType) },
    { key: 'householdPlace', label: t('student.householdPlace'), children: division(s.householdPlace) },
    { key: 'birthplace', label: t('student.birthplace'), children: division(s.birthplace) },
    { key: 'migrant', label: t('student.migrant'), children: s.migrant ? t('common.yes') : t('common.no') },
  ];
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} data-testid="student-fields" />
  );
}
