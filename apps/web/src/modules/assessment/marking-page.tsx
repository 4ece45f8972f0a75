import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  type GetRef,
  Input,
  type InputRef,
  Progress,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { type Script, type ScriptList, saveMark, useScripts } from './marking-api';
import { MarkingItemPanel } from './marking-item-panel';

/** A score a marker typed: a number from 0 to the item's maximum in steps of 0.5, or why not. */
export function parseScore(text: string, max: number): { score: number } | { error: 'empty' | 'range' } {
  const t = text.trim().replace('。', '.');
  if (t === '') return { error: 'empty' };
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0 || n > max || Math.abs(n * 2 - Math.round(n * 2)) > 1e-9)
    return { error: 'range' };
  return { score: n };
}

/** Whether a key press comes from a field where typed letters are text (the comment, the reason). */
const inTextField = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.dataset.freeText === 'true');
};

/**
 * 流水批阅: one subjective item across every script the teacher marks, one script at a time, keyboard
 * first. Type a score and Enter to save and go on to the next unmarked script; ← → (or ↑ ↓) move;
 * F gives full marks and Z zero; C opens the comment. The item, its reference answer and rubric stay
 * beside the answer (below it on a narrow screen).
 */
export function MarkingPage() {
  const { assignmentId = '', number = '0', part = '0' } = useParams();
  const { t } = useTranslation();
  const query = useScripts(assignmentId, Number(number), Number(part));
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  return <MarkingFlow assignmentId={assignmentId} data={query.data} key={`${number}.${part}`} t={t} />;
}

function MarkingFlow({
  assignmentId,
  data,
  t,
}: {
  assignmentId: string;
  data: ScriptList;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const [scripts, setScripts] = useState<Script[]>(data.scripts);
  const firstTodo = Math.max(
    0,
    scripts.findIndex((s) => s.state === 'todo'),
  );
  const [index, setIndex] = useState(firstTodo);
  const current = scripts[index];
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [showComment, setShowComment] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const scoreRef = useRef<InputRef>(null);
  const commentRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const max = data.item.maxScore;
  const released = data.releasedAt !== null;
  const blind = data.doubleMarking && !data.lead;

  // Each script opens with its own mark (if any) in the field, ready to type over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the script changes, not its fields
  useEffect(() => {
    setScore(current?.myScore === null || current?.myScore === undefined ? '' : String(current.myScore));
    setComment(current?.myComment ?? '');
    setShowComment(!!current?.myComment);
    setError(undefined);
    scoreRef.current?.focus({ cursor: 'all' });
  }, [current?.id]);

  const done = scripts.filter((s) => (blind ? s.myScore !== null : s.state === 'done')).length;
  // A script awaiting arbitration is not done yet (a leader may arbitrate it here).
  const allDone =
    scripts.length > 0 && scripts.every((s) => (blind ? s.myScore !== null : s.state === 'done'));

  const move = useCallback(
    (step: number) => setIndex((i) => Math.min(scripts.length - 1, Math.max(0, i + step))),
    [scripts.length],
  );

  /** The next script still to mark after the current one (round the list), or the current one. */
  const nextTodo = (list: Script[], from: number) => {
    for (let k = 1; k <= list.length; k++) {
      const j = (from + k) % list.length;
      if (list[j]!.state === 'todo') return j;
    }
    return Math.min(list.length - 1, from + 1);
  };

  const save = async (text: string) => {
    if (!current || busy) return;
    const parsed = parseScore(text, max);
    if ('error' in parsed) {
      setError(parsed.error === 'empty' ? t('marking.enterScore') : t('marking.outOfRange', { max }));
      return;
    }
    if (released && reason.trim() === '') {
      setError(t('marking.reasonNeeded'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const res = await saveMark(assignmentId, {
        scriptId: current.id,
        score: parsed.score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(released ? { reason: reason.trim() } : {}),
      });
      const list = scripts.map((s) =>
        s.id === current.id
          ? {
              ...s,
              myScore: res.myScore,
              myComment: comment.trim() || null,
              state: res.state,
              counted: res.counted,
            }
          : s,
      );
      setScripts(list);
      setIndex(nextTodo(list, index));
    } catch (e) {
      setError(errorMessage(e, t('marking.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  // Keys that work wherever the focus is, except letters typed into the comment or the reason.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const text = inTextField(e);
      if (text && e.key === 'Escape') {
        scoreRef.current?.focus({ cursor: 'all' });
        return;
      }
      if (text) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') {
        e.preventDefault();
        move(-1);
      } else if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        setScore(String(max));
        void save(String(max));
      } else if (e.key === 'z' || e.key === 'Z') {
        e.preventDefault();
        setScore('0');
        void save('0');
      } else if (e.key === 'c' || e.key === 'C') {
        e.preventDefault();
        setShowComment(true);
        setTimeout(() => commentRef.current?.focus(), 0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const itemTitle = t('marking.itemTitle', {
    number: data.item.number,
    part: data.item.part,
    context: data.item.part > 0 ? 'part' : undefined,
  });
  const stateTag = (s: Script) =>
    s.state === 'todo' ? null : (
      <Tag color={s.state === 'done' ? 'green' : s.state === 'arbitration' ? 'orange' : 'blue'}>
        {t(`marking.state.${s.state}`)}
      </Tag>
    );
  const dots = useMemo(
    () =>
      scripts.map((s, i) => (
        <button
          type="button"
          key={s.id}
          aria-label={`${i + 1} ${s.label}`}
          aria-current={i === index}
          onClick={() => setIndex(i)}
          data-testid="script-dot"
          style={{
            width: 22,
            height: 22,
            borderRadius: 4,
            border: i === index ? '2px solid #1677ff' : '1px solid #d9d9d9',
            background: s.state === 'todo' ? '#fff' : s.state === 'arbitration' ? '#fff7e6' : '#f6ffed',
            fontSize: 11,
            cursor: 'pointer',
            padding: 0,
          }}
        >
          {i + 1}
        </button>
      )),
    [scripts, index],
  );

  return (
    <Stack>
      <Breadcrumb
        items={[
          { key: 'm', title: <Link to="/marking">{t('marking.title')}</Link> },
          { key: 'a', title: <Link to={`/marking/${assignmentId}`}>{t('marking.overview')}</Link> },
          { key: 'i', title: itemTitle },
        ]}
      />
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Flex gap={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="marking-title">
            {itemTitle}
          </Typography.Title>
          <Tag>{t(`marking.type.${data.item.type}`)}</Tag>
          <Typography.Text type="secondary">{t('marking.points', { n: max })}</Typography.Text>
        </Flex>
        <Flex align="center" gap={8} style={{ minWidth: 200 }}>
          <Typography.Text data-testid="marking-progress">
            {t('marking.progress', { done, total: scripts.length })}
          </Typography.Text>
          <Progress
            percent={scripts.length ? Math.round((done / scripts.length) * 100) : 0}
            size="small"
            showInfo={false}
            style={{ width: 120, margin: 0 }}
          />
        </Flex>
      </Flex>
      {blind && <Alert type="info" showIcon title={t('marking.blindNote')} />}
      {released && <Alert type="warning" showIcon title={t('marking.releasedNote')} />}
      {allDone && (
        <Alert
          type="success"
          showIcon
          title={t('marking.allDone')}
          data-testid="marking-all-done"
          action={<Link to={`/marking/${assignmentId}`}>{t('marking.backToOverview')}</Link>}
        />
      )}
      {scripts.length === 0 ? (
        <Alert type="info" showIcon title={t('marking.noScripts')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={
                <Flex gap={8} align="center" wrap>
                  <span data-testid="script-label">{current?.label}</span>
                  <Typography.Text type="secondary">
                    {t('marking.position', { n: index + 1, total: scripts.length })}
                  </Typography.Text>
                  {current && stateTag(current)}
                </Flex>
              }
            >
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', minHeight: 120, fontSize: 16 }}
                data-testid="script-answer"
              >
                {current?.answer || (
                  <Typography.Text type="secondary">{t('marking.blankAnswer')}</Typography.Text>
                )}
              </Typography.Paragraph>
              {!blind && current && current.marks.length > 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                  {current.marks.map((m) => `${t(`marking.round.${m.round}`)} ${m.score}`).join(' · ')}
                </Typography.Text>
              )}
              <Flex wrap gap={8} align="center">
                <Input
                  ref={scoreRef}
                  value={score}
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={t('marking.scoreLabel', { max })}
                  placeholder={t('marking.scorePlaceholder', { max })}
                  onChange={(e) => setScore(e.target.value.replace(/[^\d.。]/g, ''))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void save(score);
                    }
                  }}
                  suffix={`/ ${max}`}
                  style={{ width: 150, fontSize: 18 }}
                  data-testid="score-input"
                />
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void save(score)}
                  data-testid="score-save"
                >
                  {t('marking.saveNext')}
                </Button>
                <Button onClick={() => void save(String(max))}>{t('marking.full')}</Button>
                <Button onClick={() => void save('0')}>{t('marking.zero')}</Button>
                <Button onClick={() => move(-1)} disabled={index === 0} aria-label={t('marking.previous')}>
                  ←
                </Button>
                <Button
                  onClick={() => move(1)}
                  disabled={index >= scripts.length - 1}
                  aria-label={t('marking.next')}
                >
                  →
                </Button>
              </Flex>
              {showComment ? (
                <Input.TextArea
                  ref={commentRef}
                  value={comment}
                  maxLength={500}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={t('marking.commentPlaceholder')}
                  onChange={(e) => setComment(e.target.value)}
                  style={{ marginTop: 8 }}
                  data-testid="comment-input"
                />
              ) : null}
              {released && (
                <Input
                  value={reason}
                  maxLength={500}
                  data-free-text="true"
                  placeholder={t('marking.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void save(score);
                    }
                  }}
                  style={{ marginTop: 8 }}
                  data-testid="reason-input"
                />
              )}
              {error && (
                <Alert
                  type="error"
                  showIcon
                  title={error}
                  style={{ marginTop: 8 }}
                  data-testid="marking-error"
                />
              )}
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('marking.keys')}
              </Typography.Text>
            </Card>
            <Flex wrap gap={4} style={{ marginTop: 12 }} aria-label={t('marking.scriptList')}>
              {dots}
            </Flex>
          </Col>
          <Col xs={24} lg={10}>
            <MarkingItemPanel item={data.item} />
          </Col>
        </Row>
      )}
    </Stack>
  );
}
