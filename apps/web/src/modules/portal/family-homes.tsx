import { Card, Col, Descriptions, Divider, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../app/components/link-button';
import { PageEmpty } from '../../app/components/page-state';
import { ChildHomeworkSummary, StudentHomeworkCard } from '../assessment/homework-home-card';
import { NotebookSummaryCard } from '../assessment/notebook-summary-card';
import { PracticeAdviceCard } from '../diagnosis/practice-home-card';
import { HomeHeader } from './home-header';
import { TeacherList } from './teacher-list';
import { ItemRow, TodaySections } from './today-sections';
import type { HomeOf } from './types';

/**
 * 学生 home: today's homework and exams first, then what is new for me today (unread notices,
 * answers to my questions, class news, new lessons of my grade and subjects), then my class,
 * school and teachers.
 */
export function StudentHome({ home }: { home: HomeOf<'student'> }) {
  const { t } = useTranslation();
  const me = home.me;
  return (
    <>
      <HomeHeader
        title={t('portal.title.student')}
        subtitle={me ? `${me.name} · ${me.schoolName}` : undefined}
      />
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={15}>
          <StudentHomeworkCard />
          {me && (
            <div style={{ marginBottom: 16 }}>
              <PracticeAdviceCard studentId={me.personId} />
            </div>
          )}
          <TodaySections sections={home.sections} />
        </Col>
        <Col xs={24} lg={9}>
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
          {me && (
            <div style={{ marginTop: 16 }}>
              <NotebookSummaryCard studentId={me.personId} own />
            </div>
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
          <Card title={t('portal.myTeachers')} size="small" style={{ marginTop: 16 }}>
            <TeacherList teachers={home.teachers} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/**
 * 家长 home: unread notices of the children's classes and the parent's messages first, then one
 * card per child with what is new in their class, and their teachers.
 */
export function ParentHome({ home }: { home: HomeOf<'parent'> }) {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('portal.title.parent')} />
      <TodaySections sections={home.sections} columns={2} />
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
              <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary" className="hanlin-wrap">
                  {c.schoolName} · {c.className}
                </Typography.Text>
                {c.unreadNotices > 0 && (
                  <Link to={`/spaces/${c.classId}?tab=notice`} data-testid="child-unread">
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {t('portal.childUnread', { n: c.unreadNotices })}
                    </Tag>
                  </Link>
                )}
              </Flex>
              <Typography.Text strong>{t('portal.childNews')}</Typography.Text>
              <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="child-news">
                {c.news.length === 0 && (
                  <Typography.Text type="secondary">{t('portal.noChildNews')}</Typography.Text>
                )}
                {c.news.map((n) => (
                  <ItemRow key={n.id} sectionKey="news" item={n} />
                ))}
              </Flex>
              <Divider style={{ margin: '12px 0' }} />
              <ChildHomeworkSummary studentId={c.personId} />
              <Divider style={{ margin: '12px 0' }} />
              <PracticeAdviceCard studentId={c.personId} child />
              <Divider style={{ margin: '12px 0' }} />
              <NotebookSummaryCard studentId={c.personId} bordered={false} />
              <Divider style={{ margin: '12px 0' }} />
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
