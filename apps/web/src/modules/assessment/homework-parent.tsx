/**
 * 孩子的作业 (a parent): for each child, what is missing or late and what is still to do, and the
 * scores the teachers released. Never a rank, never another child's (COMPLIANCE §3).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Segmented, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { type ChildHomework, useChildHomework } from './homework-api';
import { doneOrder, isMissed, toDoOrder } from './homework-groups';
import { HomeworkCard } from './homework-student';

export function ParentHomework() {
  const { t } = useTranslation();
  const home = useQuery({ queryKey: ['portal', 'home'], queryFn: () => unwrap(api.GET('/api/portal/home')) });
  const children =
    (home.data as { children?: { personId: string; name: string }[] } | undefined)?.children ?? [];
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | undefined>(params.get('child') ?? undefined);
  const childId = children.some((c) => c.personId === chosen) ? chosen : children[0]?.personId;
  const list = useChildHomework(childId);
  if (home.isPending) return <PageLoading />;
  if (home.isError) return <PageError error={home.error} />;
  return (
    <Stack gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('homework.children')}
      </Typography.Title>
      {children.length > 1 && (
        <Segmented
          block
          value={childId}
          onChange={(v) => setChosen(String(v))}
          options={children.map((c) => ({ value: c.personId, label: c.name }))}
        />
      )}
      {children.length === 0 && <PageEmpty />}
      {list.isPending && childId && <PageLoading />}
      {list.isError && <PageError error={list.error} />}
      {list.data && (
        <>
          <Flex gap={24} wrap data-testid="child-summary">
            <Statistic title={t('homework.standing.missing')} value={list.data.summary.missing} />
            <Statistic title={t('homework.standing.late')} value={list.data.summary.late} />
            <Statistic title={t('homework.todo')} value={list.data.summary.toDo} />
          </Flex>
          {list.data.summary.missing > 0 && (
            <Alert type="warning" showIcon title={t('homework.missingNotice')} />
          )}
          {groups(list.data.items).map(
            (g) =>
              g.items.length > 0 && (
                <Stack key={g.key} gap={8} testId={`child-group-${g.key}`}>
                  <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
                    {t(`homework.group.${g.key}`)}
                  </Typography.Title>
                  {g.items.map((h) => (
                    <HomeworkCard key={h.id} h={h} />
                  ))}
                </Stack>
              ),
          )}
        </>
      )}
    </Stack>
  );
}

type ChildItem = ChildHomework['items'][number];

/** Missed first (what a parent must act on), then what is still to do, then what is done. */
function groups(items: ChildItem[]): { key: 'missed' | 'todo' | 'done'; items: ChildItem[] }[] {
  const missed = items.filter((h) => isMissed(h));
  return [
    { key: 'missed', items: missed },
    { key: 'todo', items: toDoOrder(items) },
    { key: 'done', items: doneOrder(items).filter((h) => !missed.includes(h)) },
  ];
}
