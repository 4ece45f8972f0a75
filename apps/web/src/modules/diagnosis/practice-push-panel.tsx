import { App, Button, Card, Checkbox, Flex, Input, List, Select, Switch, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { newKey } from '../assessment/attempt-sync';
import { useItemSearch } from '../assessment/bank-api';
import { RichText } from '../assessment/rich-text';
import { type PointPractice, percent, useMute, usePointPractice, usePush } from './practice-api';
import { LevelTag } from './practice-reason';

type ProposedItem = PointPractice['items'][number];
const OBJECTIVE = new Set(['single_choice', 'multiple_choice', 'true_false', 'fill_in']);

/** The stem of an item as a short line of text, for lists. */
const stemOf = (i: { content: { stem: string } }) => i.content.stem;

/**
 * One point of the class: its students (the weak ones preselected), the proposed items (swap,
 * remove, add from the bank the teacher sees), a note, and 推送练习. The switch turns the point
 * off (or on) for the class's automatic recommendations.
 */
export function PushPanel({ classId, kp }: { classId: string; kp: string }) {
  const q = usePointPractice(classId, kp);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} />;
  return <PushForm classId={classId} point={q.data} />;
}

function PushForm({ classId, point }: { classId: string; point: PointPractice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [students, setStudents] = useState<string[]>(() =>
    point.students.filter((s) => s.weak).map((s) => s.id),
  );
  const [items, setItems] = useState<ProposedItem[]>(point.items);
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const bank = useItemSearch({ knowledgePointId: point.knowledgePoint.id, q: search || undefined });
  const push = usePush(classId);
  const mute = useMute(classId);
  const [muted, setMuted] = useState(point.muted);
  const candidates = useMemo(
    () =>
      (bank.data?.items ?? []).filter(
        (i) => OBJECTIVE.has(i.type) && !items.some((x) => x.id === i.id),
      ) as unknown as ProposedItem[],
    [bank.data, items],
  );
  const swap = (id: string) => {
    const next = candidates[0];
    setItems((xs) => (next ? xs.map((x) => (x.id === id ? next : x)) : xs.filter((x) => x.id !== id)));
  };
  // One idempotency key per submission: a double click or a resubmission of the same form after
  // a failed answer sends the key again (the server pushes once); a pushed form starts a new one.
  const submission = useRef<{ body: string; key: string } | undefined>(undefined);
  const submit = () => {
    const body = {
      knowledgePointId: point.knowledgePoint.id,
      itemIds: items.map((i) => i.id),
      studentIds: students,
      note,
    };
    const sig = JSON.stringify(body);
    if (submission.current?.body !== sig) submission.current = { body: sig, key: newKey() };
    push.mutate(
      { key: submission.current.key, ...body },
      {
        onSuccess: () => {
          submission.current = undefined;
          void message.success(t('practice.pushedOk', { n: students.length }));
          setNote('');
        },
        onError: (e) => void message.error(errorMessage(e, t('practice.pushFailed'))),
      },
    );
  };
  return (
    <Card
      size="small"
      title={point.knowledgePoint.name}
      data-testid="practice-point"
      extra={
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{t('practice.auto')}</Typography.Text>
          <Switch
            size="small"
            checked={!muted}
            loading={mute.isPending}
            data-testid="practice-auto"
            onChange={(on) =>
              mute.mutate(
                { knowledgePointId: point.knowledgePoint.id, muted: !on },
                { onSuccess: (r) => setMuted(r.muted) },
              )
            }
          />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <div>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('practice.students', { n: students.length })}</Typography.Text>
            <Flex gap={8}>
              <Button
                size="small"
                onClick={() => setStudents(point.students.filter((s) => s.weak).map((s) => s.id))}
              >
                {t('practice.pickWeak')}
              </Button>
              <Button size="small" onClick={() => setStudents([])}>
                {t('practice.pickNone')}
              </Button>
            </Flex>
          </Flex>
          <Checkbox.Group
            value={students}
            onChange={(v) => setStudents(v as string[])}
            style={{ width: '100%' }}
          >
            <Flex wrap gap={8} style={{ marginTop: 8 }} data-testid="practice-students">
              {point.students.map((s) => (
                <Checkbox
                  key={s.id}
                  value={s.id}
                  data-testid={s.weak ? 'practice-student-weak' : 'practice-student'}
                >
                  <Flex gap={4} align="center">
                    {s.name}
                    {s.p === null ? (
                      <Tag>{t('practice.level.none')}</Tag>
                    ) : s.answers < 3 ? (
                      <Tag title={t('practice.fewTitle', { n: s.answers })}>
                        {t('practice.few', { p: percent(s.p) })}
                      </Tag>
                    ) : (
                      <LevelTag p={s.p} />
                    )}
                  </Flex>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </div>
        <div>
          <Typography.Text strong>{t('practice.itemsToPush', { n: items.length })}</Typography.Text>
          <List
            size="small"
            dataSource={items}
            data-testid="practice-items"
            locale={{ emptyText: t('practice.noProposed') }}
            renderItem={(i, n) => (
              <List.Item
                actions={[
                  <Button key="s" size="small" type="link" onClick={() => swap(i.id)}>
                    {t('practice.swap')}
                  </Button>,
                  <Button
                    key="r"
                    size="small"
                    type="link"
                    danger
                    onClick={() => setItems((xs) => xs.filter((x) => x.id !== i.id))}
                  >
                    {t('practice.remove')}
                  </Button>,
                ]}
              >
                <Flex gap={8} style={{ minWidth: 0 }}>
                  <span>{n + 1}.</span>
                  <div style={{ minWidth: 0 }} className="hanlin-wrap">
                    <RichText value={stemOf(i)} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`bank.type.${i.type}`)} · {t('practice.difficulty', { p: i.difficulty.toFixed(2) })}
                    </Typography.Text>
                  </div>
                </Flex>
              </List.Item>
            )}
          />
          <Select
            showSearch
            style={{ width: '100%', marginTop: 8 }}
            placeholder={t('practice.addItem')}
            filterOption={false}
            onSearch={setSearch}
            value={null}
            loading={bank.isFetching}
            notFoundContent={t('practice.noBankItems')}
            options={candidates.map((i) => ({
              value: i.id,
              label: stemOf(i)
                .replace(/<[^>]+>/g, '')
                .slice(0, 80),
            }))}
            onChange={(id) => {
              const found = candidates.find((c) => c.id === id);
              if (found && items.length < 20) setItems((xs) => [...xs, found]);
            }}
            data-testid="practice-add-item"
          />
        </div>
        <Input.TextArea
          rows={2}
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('practice.notePlaceholder')}
          data-testid="practice-note"
        />
        <Button
          type="primary"
          disabled={students.length === 0 || items.length === 0}
          loading={push.isPending}
          onClick={submit}
          data-testid="practice-push-button"
        >
          {t('practice.push')}
        </Button>
      </Flex>
    </Card>
  );
}
