import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../app/components/link-button';
import { PageEmpty } from '../../app/components/page-state';
import { HomeHeader } from './home-header';
import { TeacherList } from './teacher-list';
import type { HomeOf } from './types';

/** 学生 home: my class, my school, my classes (incl. teaching classes) and my teachers. */
export function StudentHome({ home }: { home: HomeOf<'student'> }) {
  const { t } = useTranslation();
  const me = home.me;
  return (
    <>
      <HomeHeader
        title={t('portal.title.student')}
        subtitle={me ? `${me.name} · ${me.schoolName}` : undefined}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {me && (
            <Card title={t('portal.myInfo')} size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('roster.name'), children: me.name },
                  { key: 'class', label: t('roster.class'), children: me.className },
                  { key: 'school', label: t('roster.school'), children: me.schoolName },
                ]}
              />
              <LinkButton to={`/students/${me.personId}`} size="small" style={{ marginTop: 8 }}>
                {t('portal.myProfile')}
              </LinkButton>
            </Card>
          )}
          <Card title={t('portal.myClasses')} size="small" style={{ marginTop: 16 }}>
            {home.classes.length === 0 && <PageEmpty text={t('portal.noClasses')} />}
            <Flex vertical gap={8}>
              {home.classes.map((c) => (
                <Flex key={c.id} justify="space-between" align="center" gap={8}>
                  <Typography.Text className="hanlin-wrap">{c.name}</Typography.Text>
                  <Tag color={c.kind === 'teaching_class' ? 'purple' : 'blue'}>{t(`org.kind.${c.kind}`)}</Tag>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('portal.myTeachers')} size="small">
            <TeacherList teachers={home.teachers} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 家长 home: one card per child with class, school and teachers. */
export function ParentHome({ home }: { home: HomeOf<'parent'> }) {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('portal.title.parent')} />
      {home.children.length === 0 && <PageEmpty text={t('portal.noChildren')} />}
      <Row gutter={[16, 16]}>
        {home.children.map((c) => (
          <Col key={c.personId} xs={24} lg={12}>
            <Card
              title={c.name}
              size="small"
              data-testid="child-card"
              extra={
                <LinkButton to={`/students/${c.personId}`} size="small">
                  {t('portal.childProfile')}
                </LinkButton>
              }
            >
              <Typography.Paragraph type="secondary" className="hanlin-wrap">
                {c.schoolName} · {c.className}
              </Typography.Paragraph>
              <Typography.Text strong>{t('portal.childTeachers')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <TeacherList teachers={c.teachers} />
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
