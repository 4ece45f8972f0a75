import { ManOutlined, TeamOutlined, WomanOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { LinkButton } from '../../app/components/link-button';
import { ClassCards } from './class-cards';
import { HomeHeader } from './home-header';
import { TodaySections } from './today-sections';
import type { HomeOf } from './types';

/**
 * 教师 home: what waits first (questions on my resources, resources returned to me, notices,
 * messages), then new resources of my subjects and grades, then the classes I teach.
 */
export function TeacherHome({ home }: { home: HomeOf<'teacher'> }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <HomeHeader title={t('portal.title.teacher')} subtitle={`${me.name} · ${home.unit.name}`} />
      <TodaySections sections={home.sections} columns={2} />
      <Typography.Title level={5}>{t('portal.myClasses')}</Typography.Title>
      <ClassCards classes={home.classes} />
    </>
  );
}

/** 班主任 home: what waits first, then the head teacher's own class, then every class taught. */
export function HeadTeacherHome({ home }: { home: HomeOf<'head_teacher'> }) {
  const { t } = useTranslation();
  const me = useMe();
  const hc = home.headClass;
  return (
    <>
      <HomeHeader title={t('portal.title.head_teacher')} subtitle={`${me.name} · ${home.unit.name}`} />
      <TodaySections sections={home.sections} columns={2} />
      {hc && (
        <Card
          title={`${t('portal.headClass')}：${hc.name}`}
          extra={
            <LinkButton to={`/classes/${hc.id}`} type="primary" size="small" data-testid="head-class-roster">
              {t('portal.openRoster')}
            </LinkButton>
          }
          style={{ marginBottom: 16 }}
        >
          <Typography.Paragraph type="secondary" className="hanlin-wrap">
            {hc.schoolName}
          </Typography.Paragraph>
          <Flex wrap gap={32}>
            <Statistic title={t('portal.students')} value={hc.students} prefix={<TeamOutlined />} />
            <Statistic title={t('portal.boys')} value={hc.boys} prefix={<ManOutlined />} />
            <Statistic title={t('portal.girls')} value={hc.girls} prefix={<WomanOutlined />} />
          </Flex>
        </Card>
      )}
      <Typography.Title level={5}>{t('portal.myClasses')}</Typography.Title>
      <ClassCards classes={home.classes} />
    </>
  );
}
