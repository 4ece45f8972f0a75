import { Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../../app/components/page-state';
import { formatDate } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { useLessonResources } from './curriculum-api';

/**
 * A lesson's published resources, newest first, each a link to its page. `exclude` leaves out the
 * resource being viewed (on a resource's own page).
 */
export function LessonResourceList({
  lessonId,
  exclude,
  searchFor,
}: {
  lessonId: string;
  exclude?: string;
  /** With no resources, offer a search of the resource centre for this (the lesson's title). */
  searchFor?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useLessonResources(lessonId);
  if (list.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items.filter((r) => r.id !== exclude);
  if (items.length === 0)
    return (
      <Flex vertical gap={4} data-testid="lesson-resources-empty">
        <Typography.Text type="secondary">
          {t(exclude ? 'curriculum.noOtherResources' : 'curriculum.noResources')}
        </Typography.Text>
        {searchFor && (
          <Link to={`/resources?${new URLSearchParams({ q: searchFor })}`}>
            {t('curriculum.searchResources', { title: searchFor })}
          </Link>
        )}
      </Flex>
    );
  return (
    <>
      <List
        size="small"
        split
        dataSource={items}
        data-testid="lesson-resources"
        renderItem={(r) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={`/resources/${r.id}`} data-testid="lesson-resource">
                {r.title}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Tag color="blue" style={{ marginInlineEnd: 6 }}>
                  {t(`resources.kind.${r.kind}`)}
                </Tag>
                {r.unitName} · {r.authorName} · {formatDate(r.publishedAt, lang)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {list.data.total > list.data.items.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('curriculum.resourcesShown', { shown: list.data.items.length, total: list.data.total })}
        </Typography.Text>
      )}
    </>
  );
}
