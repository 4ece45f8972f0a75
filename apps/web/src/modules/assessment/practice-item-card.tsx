import { Alert, Button, Card, Checkbox, Flex, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/components/page-state';
import { CorrectAnswer } from './notebook-answer';
import type { PracticeAnswer, PracticeItem, PracticeResult } from './notebook-api';
import { RichText } from './rich-text';

/**
 * One practice item (phone first): the student answers, it is graded at once, the key and
 * explanation follow. Serves the notebook's 练一练 and the recommended practice of diagnosis (A8),
 * whose items and answers have the same shape; `onAnswer` sends the answer and shows the result
 * (a failure is shown on the card).
 */
export function PracticeItemCard({
  item,
  result,
  onAnswer,
}: {
  item: PracticeItem;
  result: Pick<PracticeResult, 'correct' | 'solution'> | undefined;
  onAnswer: (value: PracticeAnswer) => Promise<void>;
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
      await onAnswer(v);
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
        <RichText value={item.stem} />
        {item.type === 'single_choice' && (
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} disabled={locked}>
            <Flex vertical gap={8}>
              {item.options.map((o) => (
                <Radio key={o.id} value={o.id} data-testid="practice-option">
                  <Flex gap={6} align="baseline">
                    <b>{o.id}.</b>
                    <RichText value={o.body} inline />
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
                    <RichText value={o.body} inline />
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
                {solution.explanation && <RichText value={solution.explanation} />}
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
