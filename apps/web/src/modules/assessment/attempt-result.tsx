/**
 * An attempt after it closed: 已交卷 (or closed by the server at the deadline), and once the teacher
 * releases the scores, the student's score and, item by item, the question, their answer, its score,
 * the correct answer and the explanation. The student's own work only, never a ranking or another
 * student's answer (COMPLIANCE §3).
 */
import { Card, Flex, Result, Segmented, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../app/components/link-button';
import type { Attempt } from './homework-api';
import { CorrectAnswer, GivenAnswer, ItemBody } from './notebook-answer';
import type { NotebookEntry } from './notebook-api';
import { RichText } from './rich-text';

type Leaf = NonNullable<NotebookEntry['item']>;
type KeyContent = Leaf | { type: 'composite'; stem: string; parts: { content: Leaf; score: number }[] };
type KeyItem = { number: number; score: number; content: KeyContent };
type Given = NotebookEntry['answer'];

const SUBJECTIVE = new Set(['short_answer', 'essay']);

export function AttemptResult({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const [onlyWrong, setOnlyWrong] = useState(false);
  const expired = attempt.status === 'expired';
  if (!attempt.released) {
    return (
      <Result
        status="success"
        title={expired ? t('homework.expired') : t('homework.submitted')}
        subTitle={t('homework.waitRelease')}
        data-testid="attempt-closed"
        extra={<LinkButton to="/homework">{t('homework.mine')}</LinkButton>}
      />
    );
  }
  const key = attempt.key as { sections?: { title: string; items: KeyItem[] }[] } | undefined;
  const results = new Map((attempt.results ?? []).map((r) => [`${r.number}.${r.part}`, r]));
  const answers = new Map(attempt.answers.map((a) => [`${a.number}.${a.part}`, a.value as Given]));
  const leaves = (i: KeyItem) =>
    i.content.type === 'composite'
      ? i.content.parts.map((p, k) => ({ part: k + 1, leaf: p.content, max: p.score }))
      : [{ part: 0, leaf: i.content, max: i.score }];
  // Below full marks (an unanswered leaf has no result: it scored nothing).
  const lost = (i: KeyItem) =>
    leaves(i).some(({ part, max }) => {
      const r = results.get(`${i.number}.${part}`);
      return !r || (r.score !== null && r.score < max);
    });
  const sections = (key?.sections ?? [])
    .map((s) => ({ ...s, items: onlyWrong ? s.items.filter(lost) : s.items }))
    .filter((s) => s.items.length > 0);
  const wrong = (key?.sections ?? []).flatMap((s) => s.items).filter(lost).length;
  return (
    <Flex vertical gap={16} data-testid="attempt-result">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }} className="hanlin-wrap">
            {attempt.title}
          </Typography.Title>
          <Statistic
            title={t('homework.score')}
            value={attempt.score ?? '—'}
            suffix={`/ ${attempt.totalScore}`}
            valueRender={(v) => <span data-testid="result-score">{v}</span>}
          />
        </Flex>
        {wrong > 0 && (
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
            <Segmented
              value={onlyWrong ? 'wrong' : 'all'}
              onChange={(v) => setOnlyWrong(v === 'wrong')}
              options={[
                { value: 'all', label: t('homework.allItems') },
                { value: 'wrong', label: t('homework.lostItems', { n: wrong }) },
              ]}
              data-testid="result-filter"
            />
            <LinkButton to="/notebook" data-testid="result-notebook">
              {t('homework.toNotebook')}
            </LinkButton>
          </Flex>
        )}
      </Card>
      {sections.map((s) => (
        <Flex vertical gap={12} key={s.title}>
          <Typography.Text strong className="hanlin-wrap">
            {s.title}
          </Typography.Text>
          {s.items.map((i) => (
            <Card
              key={i.number}
              size="small"
              data-testid="result-item"
              data-number={i.number}
              title={t('homework.itemNo', { n: i.number })}
            >
              <Flex vertical gap={12}>
                {i.content.type === 'composite' && <RichText value={i.content.stem} />}
                {leaves(i).map(({ part, leaf, max }) => (
                  <ResultLeaf
                    key={part}
                    part={part}
                    leaf={leaf}
                    max={max}
                    given={answers.get(`${i.number}.${part}`) ?? null}
                    score={results.get(`${i.number}.${part}`)?.score}
                  />
                ))}
              </Flex>
            </Card>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}

/** One answerable leaf: the question, the student's answer with its score, the key, the explanation. */
function ResultLeaf(props: { part: number; leaf: Leaf; max: number; given: Given; score?: number | null }) {
  const { t } = useTranslation();
  const { leaf, max, given } = props;
  // An item not answered has no saved response: it scored nothing.
  const score = given ? (props.score ?? null) : 0;
  const color = score === null ? 'processing' : score >= max ? 'success' : score > 0 ? 'warning' : 'error';
  return (
    <Flex vertical gap={6} data-testid="result-leaf">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0, flex: 1 }}>
          {props.part > 0 && <Typography.Text strong>（{props.part}）</Typography.Text>}
          <ItemBody item={leaf} />
        </div>
        <Tag color={color} data-testid="result-leaf-score" style={{ marginInlineEnd: 0, flexShrink: 0 }}>
          {score === null ? t('homework.pendingScore') : `${score} / ${max}`}
        </Tag>
      </Flex>
      <Flex gap={4} align="baseline" wrap>
        <Typography.Text type="secondary">{t('homework.yourAnswer')}：</Typography.Text>
        <div data-testid="result-given" style={{ minWidth: 0 }}>
          <GivenAnswer item={leaf} answer={given} />
        </div>
      </Flex>
      <Flex gap={4} align="baseline" wrap>
        <Typography.Text type="secondary">
          {SUBJECTIVE.has(leaf.type) ? t('homework.referenceAnswer') : t('homework.correctAnswer')}：
        </Typography.Text>
        <div data-testid="result-correct" style={{ minWidth: 0 }}>
          <CorrectAnswer item={leaf} />
        </div>
      </Flex>
      {leaf.explanation && (
        <div style={{ background: '#f6ffed', padding: 8, borderRadius: 6 }}>
          <Typography.Text strong>{t('homework.explanations')}</Typography.Text>
          <RichText value={leaf.explanation} />
        </div>
      )}
    </Flex>
  );
}
