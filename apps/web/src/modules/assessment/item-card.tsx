import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import type { Item, ItemContent } from './bank-api';
import { RichText } from './rich-text';

/** 难度: the expected proportion correct as 易 / 中 / 难 (P ≥ 0.7, 0.4–0.7, below 0.4). */
export const bandOf = (p: number) => (p >= 0.7 ? 'easy' : p >= 0.4 ? 'medium' : 'hard');
const BAND_COLOR = { easy: 'green', medium: 'gold', hard: 'red' } as const;

/** The stem and, for choices, the options of an item (parts of a composite under its material). */
export function ItemBody({ content, answers = false }: { content: ItemContent; answers?: boolean }) {
  const { t } = useTranslation();
  const correct = (id: string) =>
    answers &&
    ((content.type === 'single_choice' && content.correct === id) ||
      (content.type === 'multiple_choice' && content.correct.includes(id)));
  return (
    <div>
      <RichText value={content.stem} />
      {'options' in content && (
        <ol className="bank-options" data-testid="item-options">
          {content.options.map((o) => (
            <li key={o.id} className={correct(o.id) ? 'bank-correct' : undefined}>
              <span className="bank-option-id">{o.id}.</span>
              <RichText value={o.body} inline />
            </li>
          ))}
        </ol>
      )}
      {content.type === 'composite' &&
        content.parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a composite's parts have no ids and never move here
          <div key={`${i}-${part.content.type}`} className="bank-part">
            <Typography.Text type="secondary">
              ({i + 1}) {t(`bank.type.${part.content.type}`)} · {t('bank.points', { n: part.score })}
            </Typography.Text>
            <ItemBody content={part.content as ItemContent} answers={answers} />
          </div>
        ))}
    </div>
  );
}

/** One item in a list: its stem with formulas and pictures, and its tags; `extra` holds the list's action. */
export function ItemCard({ item, extra, link = true }: { item: Item; extra?: ReactNode; link?: boolean }) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const band = bandOf(item.difficulty);
  return (
    <Card size="small" data-testid="item-card" style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <Flex wrap gap={4}>
          <Tag color="blue">{t(`bank.type.${item.type}`)}</Tag>
          <Tag>{t(`bank.level.${item.cognitiveLevel}`)}</Tag>
          <Tag color={BAND_COLOR[band]}>
            {t(`bank.band.${band}`)} {item.difficulty.toFixed(2)}
          </Tag>
          <Tag>{t('bank.points', { n: item.score })}</Tag>
          {item.share !== 'private' && <Tag color="cyan">{t(`bank.share.${item.share}`)}</Tag>}
          {item.shareStatus === 'pending' && <Tag color="orange">{t('bank.sharePending')}</Tag>}
          {item.retired && <Tag color="default">{t('bank.retired')}</Tag>}
        </Flex>
        <div className="bank-card-body">
          <ItemBody content={item.content} />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {subject(item.subjectCode)} · {grade(item.gradeCode)}
          {item.knowledgePoints.length > 0 && ` · ${item.knowledgePoints.map((k) => k.name).join('、')}`}
          {item.source && ` · ${item.source}`}
          {' · '}
          {item.mine ? t('bank.mineShort') : `${item.authorName}（${item.unitName}）`}
        </Typography.Text>
        <Flex wrap gap={8} justify="flex-end">
          {link && (
            <Link to={`/bank/items/${item.id}`} data-testid="item-open">
              {t('bank.open')}
            </Link>
          )}
          {extra}
        </Flex>
      </Flex>
    </Card>
  );
}
