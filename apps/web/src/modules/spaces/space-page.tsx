import { Card, Descriptions, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { Composer } from './composer';
import { PostCard } from './post-card';
import { type PostKind, type Space, useCollections, usePosts, useSpace } from './spaces-api';
import { StudioManage } from './studio-manage';

type Tab = 'all' | PostKind | 'collections';

/** One learning space: who it belongs to, its feed, notices, portfolio and collected resources. */
export function SpacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const space = useSpace(id);
  if (space.isPending) return <PageLoading />;
  if (space.isError) return <PageError error={space.error} onRetry={() => void space.refetch()} />;
  const s = space.data;
  const personal = s.kind === 'teacher' || s.kind === 'student';
  const tabs: Tab[] = ['all', ...(personal ? (['work', 'collections'] as const) : (['notice'] as const))];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'all';
  return (
    <Stack>
      <Header space={s} />
      <Composer
        key={`${s.id}-${tab}`}
        space={s}
        initialKind={tab === 'notice' || tab === 'work' ? tab : undefined}
      />
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(k) => setParams(k === 'all' ? {} : { tab: k }, { replace: true })}
        items={tabs.map((k) => ({
          key: k,
          label: t(`spaces.tab.${k}`, {
            n:
              k === 'notice'
                ? s.notices
                : k === 'work'
                  ? s.works
                  : k === 'collections'
                    ? s.collections
                    : s.posts + s.notices + s.works,
          }),
          children:
            k === 'collections' ? (
              <Collections space={s} />
            ) : (
              <Feed space={s} kind={k === 'all' ? undefined : k} />
            ),
        }))}
      />
    </Stack>
  );
}

function Header({ space: s }: { space: Space }) {
  const { t } = useTranslation();
  const me = useMe();
  // The unit that set the studio up manages its members (the API allows administrators only).
  const manage = s.kind === 'studio' && isAdmin(me.role) && s.canModerate;
  return (
    <Card size="small">
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="space-name">
          {s.name}
        </Typography.Title>
        <Tag color="blue">{t(`spaces.kind.${s.kind}`)}</Tag>
        {s.mine && <Tag color="green">{t('spaces.mine')}</Tag>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginTop: 8 }}>
        {s.unitName && <Descriptions.Item label={t('spaces.unit')}>{s.unitName}</Descriptions.Item>}
        {s.headTeachers.length > 0 && (
          <Descriptions.Item label={t('spaces.headTeacher')}>{s.headTeachers.join('、')}</Descriptions.Item>
        )}
        {s.lead && <Descriptions.Item label={t('spaces.lead')}>{s.lead}</Descriptions.Item>}
        {s.kind !== 'teacher' && s.kind !== 'student' && (
          <Descriptions.Item label={t(`spaces.members.${s.kind}`)}>{s.members}</Descriptions.Item>
        )}
        {s.studioMembers.length > 0 && !manage && (
          <Descriptions.Item label={t('spaces.memberNames')}>
            {s.studioMembers.map((m) => m.name).join('、')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {manage && <StudioManage space={s} />}
    </Card>
  );
}

function Feed({ space, kind }: { space: Space; kind?: PostKind }) {
  const { t } = useTranslation();
  const posts = usePosts(space.id, kind);
  if (posts.isPending) return <PageLoading />;
  if (posts.isError) return <PageError error={posts.error} onRetry={() => void posts.refetch()} />;
  if (posts.data.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`spaces.empty.${kind ?? 'all'}`)} />;
  return (
    <Stack gap={12} testId="space-feed">
      {posts.data.items.map((p) => (
        <PostCard key={p.id} post={p} space={space} />
      ))}
    </Stack>
  );
}

function Collections({ space }: { space: Space }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const list = useCollections(space.id, true);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      locale={{ emptyText: t('spaces.empty.collections') }}
      dataSource={list.data.items}
      renderItem={(r) => (
        <List.Item data-testid="space-collection">
          <Flex gap={8} wrap align="center">
            <Link to={`/resources/${r.id}`}>{r.title}</Link>
            <Tag>{t(`resources.kind.${r.kind}`)}</Tag>
            {r.subjectCode && <Tag>{subject(r.subjectCode)}</Tag>}
            {r.gradeCode && <Tag>{grade(r.gradeCode)}</Tag>}
          </Flex>
        </List.Item>
      )}
    />
  );
}
