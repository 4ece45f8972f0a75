import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Checkbox, Flex, Input, Radio, Result, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { CorrectAnswer } from './notebook-answer';
import {
  answerPractice,
  drawPractice,
  notebookKeys,
  type PracticeAnswer,
  type PracticeDraw,
  type PracticeItem,
  type PracticeResult,
} from './notebook-api';
import { RichText } from './notebook-rich-text';

/**
 * 练一练 (phone first): a similar item of the same knowledge point, answered and graded at once,
 * with the answer and explanation after; two right answers and the entry is mastered.
 */
export function NotebookPracticePage() {
  const { mistakeId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [draw, setDraw] = useState<PracticeDraw>();
  const [loadError, setLoadError] = useState<unknown>();
  const [result, setResult] = useState<PracticeResult>();
  const load = useCallback(() => {
    setResult(undefined);
    setDraw(undefined);
    setLoadError(undefined);
    drawPractice(mistakeId).then(setDraw, setLoadError);
  }, [mistakeId]);
  useEffect(load, [load]);
  const done = (r: PracticeResult) => {
    setResult(r);
    void qc.invalidateQueries({ queryKey: notebookKeys.mine });
  };
  return (
    <Stack>
      <Breadcrumb
        items={[
          { key: 'n', title: <Link to="/notebook">{t('notebook.title')}</Link> },
          { key: 'p', title: t('notebook.practise') },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="practice-title">
        {t('notebook.practiceTitle')}
      </Typography.Title>
      {loadError ? (
        <PageError error={loadError} />
      ) : !draw ? (
        <PageLoading />
      ) : !draw.item ? (
        <Result
          status="info"
          title={t('notebook.noSimilar')}
          extra={<Link to="/notebook">{t('notebook.back')}</Link>}
        />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="practice-progress">
            {t('notebook.similarProgress', {
              n: result?.correctSimilar ?? draw.correctSimilar,
              needed: draw.needed,
            })}
          </Typography.Text>
          <PracticeCard
            key={draw.item.id}
            mistakeId={mistakeId}
            item={draw.item}
            onDone={done}
            result={result}
          />
          {result && (
            <Flex gap={8} wrap>
              {result.closed ? (
                <Alert
                  type="success"
                  showIcon
                  title={t('notebook.mastered')}
                  data-testid="practice-mastered"
                />
              ) : (
                <Button type="primary" onClick={load} data-testid="practice-next">
                  {t('notebook.another')}
                </Button>
              )}
              <Link to="/notebook">{t('notebook.back')}</Link>
            </Flex>
          )}
        </>
      )}
    </Stack>
  );
}

function PracticeCard({
  mistakeId,
  item,
  result,
  onDone,
}: {
  mistakeId: string;
  item: PracticeItem;
  result: PracticeResult | undefined;
  onDone: (r: PracticeResult) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string>();
  const [choices, setChoices] = useState<string[]>([]);
  const [judgement, setJudgement] = useState<boolean>();
  const [blanks, setBlanks] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const value = (): PracticeAnswer | undefined => {
    switch (item.type) {
      case 'single_choice':
        return choice ? { choice } : undefined;
      case 'multiple_choice':
        return choices.length ? { choices: [...choices].sort() } : undefined;
      case 'true_false':
        return judgement === undefined ? undefined : { judgement };
      case 'fill_in':
        return item.blanks.some((b) => blanks[b.id]?.trim()) ? { blanks } : undefined;
      default:
        return undefined;
    }
  };
  const submit = async () => {
    const v = value();
    if (!v) {
      setError(t('notebook.answerFirst'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await answerPractice(mistakeId, item.id, v));
    } catch (e) {
      setError(errorMessage(e, t('notebook.submitFailed')));
    } finally {
      setBusy(false);
    }
  };
  const locked = !!result;
  const solution = result?.solution;
  return (
    <Card size="small" data-testid="practice-item">
      <Flex vertical gap={12}>
        <RichText html={item.stem} />
        {item.type === 'single_choice' && (
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} disabled={locked}>
            <Flex vertical gap={8}>
              {item.options.map((o) => (
                <Radio key={o.id} value={o.id} data-testid="practice-option">
                  <Flex gap={6} align="baseline">
                    <b>{o.id}.</b>
                    <RichText html={o.body} inline />
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        )}
        {item.type === 'multiple_choice' && (
          <Checkbox.Group value={choices} onChange={(v) => setChoices(v as string[])} disabled={locked}>
            <Flex vertical gap={8}>
              {item.options.map((o) => (
                <Checkbox key={o.id} value={o.id} data-testid="practice-option">
                  <Flex gap={6} align="baseline">
                    <b>{o.id}.</b>
                    <RichText html={o.body} inline />
                  </Flex>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        )}
        {item.type === 'true_false' && (
          <Radio.Group
            value={judgement}
            onChange={(e) => setJudgement(e.target.value)}
            disabled={locked}
            optionType="button"
            options={[
              { value: true, label: t('notebook.true') },
              { value: false, label: t('notebook.false') },
            ]}
          />
        )}
        {item.type === 'fill_in' &&
          item.blanks.map((b, i) => (
            <Input
              key={b.id}
              addonBefore={`（${i + 1}）`}
              inputMode={b.kind === 'number' ? 'decimal' : 'text'}
              value={blanks[b.id] ?? ''}
              disabled={locked}
              onChange={(e) => setBlanks({ ...blanks, [b.id]: e.target.value })}
              data-testid="practice-blank"
            />
          ))}
        {!locked && (
          <Button
            type="primary"
            block
            loading={busy}
            onClick={() => void submit()}
            data-testid="practice-submit"
          >
            {t('notebook.submit')}
          </Button>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {result && solution && solution.type !== 'composite' && (
          <Alert
            type={result.correct ? 'success' : 'error'}
            showIcon
            data-testid="practice-result"
            title={result.correct ? t('notebook.right') : t('notebook.wrong')}
            description={
              <Flex vertical gap={4}>
                <span>
                  {t('notebook.correctAnswer')} <CorrectAnswer item={solution} />
                </span>
                {solution.explanation && <RichText html={solution.explanation} />}
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
