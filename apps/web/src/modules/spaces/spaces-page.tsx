import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin, STAFF_ROLES } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { type MySpace, useMySpaces, useStudios } from './spaces-api';
import { StudioDrawer } from './studio-drawer';

const GROUPS: { key: string; test: (s: MySpace) => boolean }[] = [
  {
    key: 'own',
    test: (s) => (s.kind === 'teacher' || s.kind === 'student') && s.relation !== 'teacher',
  },
  { key: 'class', test: (s) => s.kind === 'class' },
  { key: 'school', test: (s) => s.kind === 'school' },
  { key: 'teachers', test: (s) => s.kind === 'teacher' && s.relation === 'teacher' },
  { key: 'studio', test: (s) => s.kind === 'studio' },
];

const STUDIOS_SHOWN = 9;

/** 网络学习空间: one's own space, classes, school, teachers and studios; the city's studios. */
export function SpacesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMySpaces();
  const studios = useStudios();
  const subject = useCodeLabel('subject');
  const [creating, setCreating] = useState(false);
  const [allStudios, setAllStudios] = useState(false);
  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <PageError error={mine.error} onRetry={() => void mine.refetch()} />;
  const admin = isAdmin(me.role);
  return (
    <Stack>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('spaces.title')}
        </Typography.Title>
        {admin && (
          <Flex gap={8} wrap>
            <LinkButton to="/spaces-usage" icon={<BarChartOutlined />} data-testid="usage-link">
              {t('spaces.usage.title')}
            </LinkButton>
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="studio-new">
              {t('spaces.studio.new')}
            </Button>
          </Flex>
        )}
      </Flex>
      {mine.data.items.length === 0 && <Empty description={t('spaces.none')} />}
      {GROUPS.map((g) => {
        const items = mine.data.items.filter(g.test);
        if (items.length === 0) return null;
        return (
          <Card key={g.key} size="small" title={t(`spaces.group.${g.key}`)}>
            <Row gutter={[12, 12]}>
              {items.map((s) => (
                <Col key={s.id} xs={g.key === 'teachers' ? 12 : 24} sm={12} lg={8}>
                  <Link to={`/spaces/${s.id}`} data-testid={`space-link-${s.kind}`}>
                    <Card size="small" hoverable>
                      <Flex vertical gap={4}>
                        <Typography.Text strong>{s.name}</Typography.Text>
                        <Flex gap={4} wrap>
                          <Tag color="blue">{t(`spaces.kind.${s.kind}`)}</Tag>
                          <Tag>{t(`spaces.relation.${s.relation}`)}</Tag>
                        </Flex>
                        {s.unitName && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {s.unitName}
                          </Typography.Text>
                        )}
                      </Flex>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
      {/* Studios are teachers' professional communities: staff browse them; learners and parents need not. */}
      {STAFF_ROLES.includes(me.role) && (
        <Card
          size="small"
          title={t('spaces.studio.all')}
          extra={
            (studios.data?.items.length ?? 0) > STUDIOS_SHOWN && (
              <Button type="link" size="small" onClick={() => setAllStudios((v) => !v)}>
                {allStudios
                  ? t('spaces.studio.fewer')
                  : t('spaces.studio.more', { n: studios.data?.items.length })}
              </Button>
            )
          }
        >
          {studios.isError && <PageError error={studios.error} onRetry={() => void studios.refetch()} />}
          <Row gutter={[12, 12]}>
            {(studios.data?.items ?? []).slice(0, allStudios ? undefined : STUDIOS_SHOWN).map((s) => (
              <Col key={s.id} xs={24} sm={12} lg={8}>
                <Link to={`/spaces/${s.id}`}>
                  <Card size="small" hoverable data-testid="studio-card">
                    <Typography.Text strong>{s.name}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('spaces.studio.summary', { lead: s.leadName, members: s.members, posts: s.posts })}
                      </Typography.Text>
                    </div>
                    <Flex gap={4} wrap style={{ marginTop: 4 }}>
                      <Tag>{s.unitName}</Tag>
                      {s.subjectCode && <Tag color="geekblue">{subject(s.subjectCode)}</Tag>}
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {admin && <StudioDrawer open={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
