import { Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemContent } from './bank-api';
import { RichText } from './rich-text';

type Leaf = Exclude<ItemContent, { type: 'composite' }>;

/** The key of one leaf item: its answer, accepted blanks, reference answer and marking scheme. */
function LeafAnswer({ content }: { content: Leaf }) {
  const { t } = useTranslation();
  const rows: { label: string; children: React.ReactNode }[] = [];
  if (content.type === 'single_choice') rows.push({ label: t('bank.answer'), children: content.correct });
  if (content.type === 'multiple_choice')
    rows.push({
      label: t('bank.answer'),
      children: `${content.correct.join('')}（${t(`bank.partial.${content.partial ?? 'half'}`)}）`,
    });
  if (content.type === 'true_false')
    rows.push({ label: t('bank.answer'), children: content.correct ? t('bank.true') : t('bank.false') });
  if (content.type === 'fill_in')
    for (const [i, b] of content.blanks.entries())
      rows.push({
        label: t('bank.blankN', { n: i + 1 }),
        children: `${b.accepted.join(' / ')}${b.unit ? `（${b.unit}）` : ''}`,
      });
  if ((content.type === 'short_answer' || content.type === 'essay') && content.reference)
    rows.push({ label: t('bank.reference'), children: <RichText value={content.reference} /> });
  return (
    <>
      {rows.length > 0 && (
        <Descriptions size="small" column={1} bordered items={rows.map((r, i) => ({ key: i, ...r }))} />
      )}
      {(content.type === 'short_answer' || content.type === 'essay') && (content.rubric ?? []).length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('bank.rubric')}</Typography.Text>}
          dataSource={content.rubric ?? []}
          renderItem={(r) => (
            <List.Item>
              {r.description}（{t('bank.points', { n: r.points })}）
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** The whole key of an item, parts of a composite in order, with the explanation (解析). */
export function ItemAnswer({ content }: { content: ItemContent }) {
  const { t } = useTranslation();
  return (
    <div data-testid="item-answer">
      {content.type === 'composite' ? (
        content.parts.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a composite's parts have no ids and never move here
          <div key={`${i}-${p.content.type}`} style={{ marginBottom: 8 }}>
            <Typography.Text strong>({i + 1})</Typography.Text>
            <LeafAnswer content={p.content as Leaf} />
          </div>
        ))
      ) : (
        <LeafAnswer content={content} />
      )}
      {content.explanation && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('bank.explanation')}</Typography.Text>
          <RichText value={content.explanation} />
        </div>
      )}
    </div>
  );
}
