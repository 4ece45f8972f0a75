/**
 * 作业与考试 on the home pages. The student's: what to do today first (补交 while allowed, then by
 * the nearest deadline), what was missed, then the latest released results (never a rank). The
 * parent's child card: how many are missing, late and still to do, and the latest results.
 */
import { Badge, Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { LinkButton } from '../../app/components/link-button';
import { PageError } from '../../app/components/page-state';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type Homework, useChildHomework, useMyHomework } from './homework-api';
import { deadlineOf, isDueSoon, isLateWindow, isMissed, resultsOrder, toDoOrder } from './homework-groups';
import { HomeworkAction, useOpenHomework } from './homework-student';

const SHOWN_TO_DO = 4;
const SHOWN_RESULTS = 3;

type Row = Omit<Homework, 'open' | 'attemptId'> & { open?: boolean; attemptId?: string | null };

function HomeworkLine({ h, action }: { h: Row; action?: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const subject = useCodeLabel('subject');
  const late = isLateWindow(h);
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid="home-homework" data-title={h.title}>
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text strong className="hanlin-wrap">
          {h.title}
        </Typography.Text>
        <Typography.Text type={late ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
          {subject(h.subjectCode)} · {t(`homework.kind.${h.kind}`)} ·{' '}
          {h.standing === 'in_progress' && h.deadlineAt
            ? t('homework.submitBy', { at: formatDateTime(h.deadlineAt, lang) })
            : late
              ? t('homework.lateDue', { at: formatDateTime(deadlineOf(h), lang) })
              : t('homework.due', { at: formatDateTime(h.closesAt, lang) })}
        </Typography.Text>
        <Flex gap={4} wrap style={{ marginTop: 2 }}>
          {late && <Tag color="orange">{t('homework.lateWindow')}</Tag>}
          {!late && isDueSoon(h) && <Tag color="red">{t('homework.dueSoon')}</Tag>}
          {h.standing === 'in_progress' && <Tag color="processing">{t('homework.standing.in_progress')}</Tag>}
        </Flex>
      </Flex>
      {action}
    </Flex>
  );
}

function ResultLine({ h, to }: { h: Row; to?: string }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const title = to ? (
    <Link to={to} className="hanlin-wrap">
      {h.title}
    </Link>
  ) : (
    <Typography.Text className="hanlin-wrap">{h.title}</Typography.Text>
  );
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid="home-result" data-title={h.title}>
      <Flex vertical style={{ minWidth: 0 }}>
        {title}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {subject(h.subjectCode)} · {t(`homework.kind.${h.kind}`)}
        </Typography.Text>
      </Flex>
      <Typography.Text strong style={{ flexShrink: 0 }}>
        {t('homework.scoreOf', { score: h.score, total: h.totalScore })}
      </Typography.Text>
    </Flex>
  );
}

/** The student's home: today's homework and exams first, then results. */
export function StudentHomeworkCard() {
  const { t } = useTranslation();
  const list = useMyHomework();
  const { open, starting, error } = useOpenHomework();
  if (list.isPending) return null;
  const items = list.data?.items ?? [];
  const todo = toDoOrder(items);
  const missed = items.filter((h) => isMissed(h));
  const results = resultsOrder(items).slice(0, SHOWN_RESULTS);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="home-homework-card"
      title={
        <Flex align="center" gap={8}>
          <span>{t('homework.homeTitle')}</span>
          <Badge count={todo.length} color="#cf1322" data-testid="home-homework-count" />
        </Flex>
      }
      extra={<Link to="/homework">{t('portal.sectionMore')}</Link>}
    >
      {list.isError && <PageError error={list.error} />}
      <Flex vertical gap={12}>
        {todo.length === 0 && <Typography.Text type="secondary">{t('homework.nothingToDo')}</Typography.Text>}
        {todo.slice(0, SHOWN_TO_DO).map((h) => (
          <HomeworkLine
            key={h.id}
            h={h}
            action={<HomeworkAction h={h} starting={starting} onOpen={(x) => void open(x)} />}
          />
        ))}
        {todo.length > SHOWN_TO_DO && (
          <Link to="/homework">{t('homework.moreToDo', { n: todo.length - SHOWN_TO_DO })}</Link>
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {missed.length > 0 && (
          <Typography.Text type="danger" data-testid="home-missed">
            {t('homework.missedCount', { n: missed.length })}
          </Typography.Text>
        )}
        {results.length > 0 && (
          <>
            <Typography.Text type="secondary" strong style={{ marginTop: 4 }}>
              {t('homework.latestResults')}
            </Typography.Text>
            {results.map((h) => (
              <ResultLine key={h.id} h={h} to={h.attemptId ? `/attempts/${h.attemptId}` : undefined} />
            ))}
          </>
        )}
      </Flex>
    </Card>
  );
}

/** On a parent's child card: missing, late and to-do counts, and the latest released results. */
export function ChildHomeworkSummary({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const list = useChildHomework(studentId);
  if (list.isPending) return null;
  if (list.isError) return <PageError error={list.error} />;
  const { summary, items } = list.data;
  const results = resultsOrder(items).slice(0, SHOWN_RESULTS);
  return (
    <Flex vertical gap={8} data-testid="child-homework">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('homework.homeTitle')}</Typography.Text>
        <LinkButton to={`/homework?child=${studentId}`} size="small">
          {t('homework.viewAll')}
        </LinkButton>
      </Flex>
      <Flex gap={24} wrap>
        <Statistic
          title={t('homework.standing.missing')}
          value={summary.missing}
          valueStyle={summary.missing > 0 ? { color: '#cf1322' } : undefined}
          valueRender={(v) => <span data-testid="child-missing">{v}</span>}
        />
        <Statistic
          title={t('homework.standing.late')}
          value={summary.late}
          valueRender={(v) => <span data-testid="child-late">{v}</span>}
        />
        <Statistic
          title={t('homework.todo')}
          value={summary.toDo}
          valueRender={(v) => <span data-testid="child-todo">{v}</span>}
        />
      </Flex>
      {results.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('homework.latestResults')}</Typography.Text>
          {results.map((h) => (
            <ResultLine key={h.id} h={h} />
          ))}
        </>
      )}
    </Flex>
  );
}
