import { Card, Collapse, Empty, Flex, Progress, Segmented, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import { LinkButton } from '../../app/components/link-button';
import { CorrectAnswer, GivenAnswer, ItemBody } from './notebook-answer';
import type { NotebookEntry } from './notebook-api';
import { RichText } from './notebook-rich-text';

/**
 * Notebook entries by subject (tabs) and knowledge point (folded groups), open ones or mastered
 * ones: each with the wrong answer, the correct answer and the explanation; `practise` adds 练一练.
 */
export function NotebookEntries({ items, practise }: { items: NotebookEntry[]; practise: boolean }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const subjects = useMemo(() => [...new Set(items.map((e) => e.subjectCode))].sort(), [items]);
  const shown = items.filter((e) => (status === 'open' ? e.closedAt === null : e.closedAt !== null));
  const closedCount = items.filter((e) => e.closedAt !== null).length;
  const bySubject = (code: string) => shown.filter((e) => e.subjectCode === code);
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'closed')}
        options={[
          { value: 'open', label: t('notebook.open', { n: items.length - closedCount }) },
          { value: 'closed', label: t('notebook.closed', { n: closedCount }) },
        ]}
        data-testid="notebook-status"
      />
      {subjects.length === 0 ? (
        <Empty description={t('notebook.empty')} />
      ) : (
        <Tabs
          items={subjects.map((code) => ({
            key: code,
            label: `${subject(code)} ${bySubject(code).length}`,
            children: <ByPoint entries={bySubject(code)} practise={practise && status === 'open'} />,
          }))}
        />
      )}
    </Flex>
  );
}

function ByPoint({ entries, practise }: { entries: NotebookEntry[]; practise: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t('notebook.noneHere')} />;
  const groups = new Map<string, { name: string; entries: NotebookEntry[] }>();
  for (const e of entries) {
    const kp = e.knowledgePoints[0];
    const key = kp?.id ?? '-';
    const g = groups.get(key) ?? { name: kp?.name || t('notebook.noPoint'), entries: [] };
    g.entries.push(e);
    groups.set(key, g);
  }
  return (
    <Collapse
      defaultActiveKey={[...groups.keys()]}
      items={[...groups.entries()].map(([key, g]) => ({
        key,
        label: (
          <Flex justify="space-between" gap={8}>
            <span className="hanlin-wrap">{g.name}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{g.entries.length}</Tag>
          </Flex>
        ),
        children: (
          <Flex vertical gap={12}>
            {g.entries.map((e) => (
              <EntryCard key={e.id} entry={e} practise={practise} />
            ))}
          </Flex>
        ),
      }))}
    />
  );
}

function EntryCard({ entry, practise }: { entry: NotebookEntry; practise: boolean }) {
  const { t } = useTranslation();
  const item = entry.item;
  return (
    <Card size="small" data-testid="notebook-entry">
      <Flex vertical gap={8}>
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary" className="hanlin-wrap" style={{ fontSize: 12 }}>
            {entry.source}
            {entry.number !== null &&
              ` · ${t('notebook.itemNo', { number: entry.number, part: entry.part, context: entry.part > 0 ? 'part' : undefined })}`}
          </Typography.Text>
          {entry.score !== null && entry.maxScore !== null && (
            <Tag color="red">{t('notebook.scored', { score: entry.score, max: entry.maxScore })}</Tag>
          )}
          {entry.knowledgePoints.slice(1).map((k) => (
            <Tag key={k.id}>{k.name}</Tag>
          ))}
        </Flex>
        {item ? (
          <>
            <ItemBody item={item} stimulus={entry.stimulus} />
            <div>
              <Typography.Text type="danger" strong>
                {t('notebook.yourAnswer')}
              </Typography.Text>{' '}
              <Typography.Text type="danger" data-testid="entry-given">
                <GivenAnswer item={item} answer={entry.answer} />
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="success" strong>
                {item.type === 'short_answer' || item.type === 'essay'
                  ? t('notebook.referenceAnswer')
                  : t('notebook.correctAnswer')}
              </Typography.Text>{' '}
              <Typography.Text type="success" data-testid="entry-correct">
                <CorrectAnswer item={item} />
              </Typography.Text>
            </div>
            {item.explanation && (
              <div
                style={{ background: '#f6ffed', padding: 8, borderRadius: 6 }}
                data-testid="entry-explanation"
              >
                <Typography.Text strong>{t('notebook.explanation')}</Typography.Text>
                <RichText html={item.explanation} />
              </div>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('notebook.itemGone')}</Typography.Text>
        )}
        <Flex wrap gap={8} align="center" justify="space-between">
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('notebook.similarProgress', { n: entry.correctSimilar, needed: entry.needed })}
            </Typography.Text>
            <Progress
              percent={Math.round((entry.correctSimilar / entry.needed) * 100)}
              steps={entry.needed}
              size="small"
              showInfo={false}
            />
          </Flex>
          {practise && (
            <LinkButton type="primary" to={`/notebook/${entry.id}/practice`} data-testid="practise">
              {t('notebook.practise')}
            </LinkButton>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
