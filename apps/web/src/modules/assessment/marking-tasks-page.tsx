import { Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDate } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { useMarkingTasks } from './marking-api';

/** 阅卷: the homework and exams with subjective answers this teacher (or 统考 marker) marks. */
export function MarkingTasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const tasks = useMarkingTasks();
  return (
    <Stack>
      <PageTitle title={t('marking.title')} subtitle={t('marking.subtitle')} testId="marking-tasks-title" />
      {tasks.isPending ? (
        <PageLoading />
      ) : tasks.isError ? (
        <PageError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <Empty description={t('marking.noTasks')} />
      ) : (
        <Card size="small">
          <List
            dataSource={tasks.data.items}
            data-testid="marking-tasks"
            renderItem={(task) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex wrap gap={8} align="center">
                    <Link to={`/marking/${task.id}`} data-testid="marking-task">
                      {task.title}
                    </Link>
                    <Tag>{t(`marking.kind.${task.kind}`)}</Tag>
                    {task.doubleMarking && <Tag color="purple">{t('marking.double')}</Tag>}
                    {task.releasedAt && <Tag color="green">{t('marking.released')}</Tag>}
                  </Flex>
                  <Flex wrap gap={12} align="center">
                    <Typography.Text type="secondary">
                      {t('marking.closes', { date: formatDate(task.closesAt, lang) })}
                    </Typography.Text>
                    <Typography.Text>
                      {t('marking.progress', { done: task.counted, total: task.total })}
                    </Typography.Text>
                    <Progress
                      percent={task.total ? Math.round((task.counted / task.total) * 100) : 0}
                      size="small"
                      style={{ width: 160, margin: 0 }}
                    />
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Stack>
  );
}
