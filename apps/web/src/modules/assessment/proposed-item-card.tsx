import { Alert, Button, Card, Checkbox, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemContent } from './bank-api';
import { ItemAnswer } from './item-answer';
import { ItemBody } from './item-card';
import type { ImportDraft, ProposedItem } from './item-import-api';

/** What the teacher holds of one proposed item while correcting the proposal. */
export interface Choice {
  chosen: boolean;
  draft: ImportDraft;
  edited: boolean;
  answerSupplied: boolean;
}

/**
 * One proposed item as students would see it (formulas, pictures) with its key, and what to check:
 * the reader's warnings, a missing answer, near-identical items already in the bank or in the file.
 */
export function ProposedItemCard({
  item,
  choice,
  problems,
  locked,
  onChoose,
  onEdit,
}: {
  item: ProposedItem;
  choice: Choice;
  /** The server's refusals of this item at the last confirmation. */
  problems: string[];
  locked: boolean;
  onChoose: (chosen: boolean) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const content = choice.draft.content as ItemContent;
  const missing = item.missingAnswer && !choice.answerSupplied;
  const flagged = missing || problems.length > 0;
  return (
    <Card
      size="small"
      data-testid="proposed-item"
      style={
        flagged
          ? { borderColor: '#ff4d4f' }
          : item.duplicates.length > 0
            ? { borderColor: '#faad14' }
            : undefined
      }
      title={
        <Flex wrap gap={6} align="center">
          <Checkbox
            checked={choice.chosen}
            disabled={locked}
            onChange={(e) => onChoose(e.target.checked)}
            data-testid="proposed-choose"
          >
            {item.label}
          </Checkbox>
          <Tag color="blue">{t(`bank.type.${content.type}`)}</Tag>
          <Tag>{t('bank.points', { n: choice.draft.tags.score })}</Tag>
        </Flex>
      }
      extra={
        item.itemId ? (
          <Link to={`/bank/items/${item.itemId}`}>{t('itemImport.openItem')}</Link>
        ) : (
          !locked && (
            <Button size="small" onClick={onEdit} data-testid="proposed-edit">
              {t('itemImport.edit')}
            </Button>
          )
        )
      }
    >
      <Flex vertical gap={8}>
        <Flex wrap gap={4}>
          {missing && (
            <Tag color="red" data-testid="proposed-missing">
              {t('itemImport.missingAnswer')}
            </Tag>
          )}
          {item.missingAnswer && choice.answerSupplied && (
            <Tag color="green">{t('itemImport.answerSupplied')}</Tag>
          )}
          {choice.edited && <Tag color="geekblue">{t('itemImport.edited')}</Tag>}
          {item.duplicates.length > 0 && (
            <Tag color="orange" data-testid="proposed-duplicate">
              {t('itemImport.duplicate', { n: Math.round(item.duplicates[0]!.similarity * 100) })}
            </Tag>
          )}
          {item.repeats.length > 0 && (
            <Tag color="orange">
              {t('itemImport.repeat', { n: item.repeats.map((r) => r + 1).join('、') })}
            </Tag>
          )}
        </Flex>
        <div className="bank-card-body">
          <ItemBody content={content} answers={!missing} />
        </div>
        {!missing && <ItemAnswer content={content} />}
        {[...problems, ...item.warnings].length > 0 && (
          <Alert
            type={problems.length > 0 ? 'error' : 'warning'}
            showIcon
            title={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {[...problems, ...item.warnings].map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
          />
        )}
        {item.duplicates.length > 0 && (
          <List
            size="small"
            header={<Typography.Text type="secondary">{t('itemImport.similarInBank')}</Typography.Text>}
            dataSource={item.duplicates}
            renderItem={(d) => (
              <List.Item>
                <Typography.Text ellipsis={{ tooltip: d.stemText }} style={{ maxWidth: '100%' }}>
                  {Math.round(d.similarity * 100)}% · <Link to={`/bank/items/${d.id}`}>{d.stemText}</Link> ·{' '}
                  {d.authorName}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
