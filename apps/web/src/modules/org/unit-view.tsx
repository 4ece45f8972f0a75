import { TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin, ROSTER_ROLES } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatCount } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { ChildrenTable } from './children-table';
import { isClassKind, type OrgUnit, useOrgAncestors, useOrgUnit } from './org-queries';
import { UnitActions } from './unit-actions';

export function UnitView({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const unit = useOrgUnit(id);
  const ancestors = useOrgAncestors(id);

  if (unit.isPending) return <PageLoading />;
  if (unit.isError) return <PageError error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;

  const crumbs = [
    { key: 'root', title: <Link to="/org">{t('org.title')}</Link> },
    ...(ancestors.data ?? []).map((a) => ({ key: a.id, title: <Link to={`/org/${a.id}`}>{a.name}</Link> })),
    { key: u.id, title: u.name },
  ];

  return (
    <Stack>
      <Breadcrumb items={crumbs} data-testid="org-breadcrumb" />
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Space wrap size={8}>
          <Typography.Title
            level={3}
            style={{ margin: 0 }}
            className="hanlin-wrap"
            data-testid="org-unit-name"
          >
            {u.name}
          </Typography.Title>
          <Tag color="blue">{t(`org.kind.${u.kind}`)}</Tag>
          {!u.active && <Tag color="red">{t('org.inactive')}</Tag>}
        </Space>
        <Space wrap>
          {isClassKind(u.kind) && ROSTER_ROLES.includes(me.role) && (
            <LinkButton to={`/classes/${u.id}`} type="primary" icon={<TeamOutlined />}>
              {t('org.openRoster')}
            </LinkButton>
          )}
          {isAdmin(me.role) && u.active && <UnitActions unit={u} />}
        </Space>
      </Flex>
      <UnitDetails unit={u} />
      {!isClassKind(u.kind) && <ChildrenTable unit={u} />}
    </Stack>
  );
}

function UnitDetails({ unit: u }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stage = useCodeLabel('stage');
  const schoolType = useCodeLabel('school_type');
  const grade = useCodeLabel('grade');
  const subject = useCodeLabel('subject');
  const items = [
    { key: 'code', label: t('org.code'), children: u.code },
    u.divisionCode && { key: 'division', label: t('org.divisionCode'), children: u.divisionCode },
    u.schoolCode && { key: 'schoolCode', label: t('org.schoolCode'), children: u.schoolCode },
    u.stage && { key: 'stage', label: t('org.stage'), children: stage(u.stage) },
    u.schoolType && { key: 'schoolType', label: t('org.schoolType'), children: schoolType(u.schoolType) },
    u.gradeCode && { key: 'grade', label: t('org.grade'), children: grade(u.gradeCode) },
    u.subjectCode && { key: 'subject', label: t('org.subject'), children: subject(u.subjectCode) },
    u.entryYear && { key: 'entryYear', label: t('org.entryYear'), children: u.entryYear },
    u.address && { key: 'address', label: t('org.address'), children: u.address },
    { key: 'students', label: t('portal.students'), children: formatCount(u.counts.students, lang) },
    { key: 'teachers', label: t('portal.teachers'), children: formatCount(u.counts.teachers, lang) },
    !isClassKind(u.kind) && {
      key: 'children',
      label: t('org.childCount'),
      children: formatCount(u.counts.children, lang),
    },
  ].filter((x) => !!x);
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}
