import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotebookEntry } from './notebook-api';
import { RichText } from './notebook-rich-text';

type Leaf = NonNullable<NotebookEntry['item']>;
type Answer = NotebookEntry['answer'];

/** What the student answered, in words (their letters, 对/错, the blanks, their text). */
export function GivenAnswer({ item, answer }: { item: Leaf; answer: Answer }) {
  const { t } = useTranslation();
  if (!answer) return <Typography.Text type="secondary">{t('notebook.unanswered')}</Typography.Text>;
  if ('choice' in answer) return <span>{answer.choice}</span>;
  if ('choices' in answer) return <span>{answer.choices.join('、') || t('notebook.unanswered')}</span>;
  if ('judgement' in answer)
    return <span>{answer.judgement ? t('notebook.true') : t('notebook.false')}</span>;
  if ('blanks' in answer && item.type === 'fill_in')
    return <span>{item.blanks.map((b, i) => `（${i + 1}）${answer.blanks[b.id] || '—'}`).join('  ')}</span>;
  if ('text' in answer) return <span style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</span>;
  return null;
}

/** The key of a leaf, in words; a subjective item shows its reference answer. */
export function CorrectAnswer({ item }: { item: Leaf }) {
  const { t } = useTranslation();
  switch (item.type) {
    case 'single_choice':
      return <span>{item.correct}</span>;
    case 'multiple_choice':
      return <span>{item.correct.join('、')}</span>;
    case 'true_false':
      return <span>{item.correct ? t('notebook.true') : t('notebook.false')}</span>;
    case 'fill_in':
      return <span>{item.blanks.map((b, i) => `（${i + 1}）${b.accepted[0]}`).join('  ')}</span>;
    default:
      return item.reference ? (
        <RichText html={item.reference} />
      ) : (
        <Typography.Text type="secondary">{t('notebook.noReference')}</Typography.Text>
      );
  }
}

/** The stem with its options, as the student saw it. */
export function ItemBody({ item, stimulus }: { item: Leaf; stimulus?: string | null }) {
  return (
    <Flex vertical gap={4}>
      {stimulus && (
        <div style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
          <RichText html={stimulus} />
        </div>
      )}
      <RichText html={item.stem} />
      {'options' in item &&
        item.options.map((o) => (
          <Flex key={o.id} gap={6} align="baseline">
            <Typography.Text strong>{o.id}.</Typography.Text>
            <RichText html={o.body} inline />
          </Flex>
        ))}
    </Flex>
  );
}
