import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AnalysedItem, type ItemFlag, optionLabel, pct } from './item-analysis-api';

const SEVERITY_COLOURS = { serious: 'red', warning: 'orange', info: 'default' } as const;

/** One flag in plain words, with the shares behind a distractor flag. */
function reason(item: AnalysedItem, f: ItemFlag, t: (k: string, o?: Record<string, unknown>) => string) {
  const row = f.option === null ? undefined : item.distractors?.find((r) => r.option === f.option);
  const option = optionLabel(f.option, t);
  const base = t(`itemAnalysis.flag.${f.code}`, { option });
  if (!row) return base;
  return `${base}${t('itemAnalysis.flagShares', { upper: pct(row.upper), lower: pct(row.lower), all: pct(row.share) })}`;
}

/**
 * What a teacher looks at first: the items that misbehave, most serious first, each reason in
 * plain words. Very easy and very hard items follow as tags (often by design).
 */
export function FlaggedItems({ items, onOpen }: { items: AnalysedItem[]; onOpen: (label: string) => void }) {
  const { t } = useTranslation();
  const rank = (i: AnalysedItem) =>
    Math.min(...i.flags.map((f) => ({ serious: 0, warning: 1, info: 2 })[f.severity]));
  const flagged = items
    .filter((i) => i.flags.some((f) => f.severity !== 'info'))
    .sort((a, b) => rank(a) - rank(b));
  const extremes = items.filter((i) => i.flags.length > 0 && i.flags.every((f) => f.severity === 'info'));
  return (
    <Card
      size="small"
      title={t('itemAnalysis.flagged.title', { n: flagged.length })}
      data-testid="flagged-items"
    >
      {flagged.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('itemAnalysis.flagged.none')} />
      ) : (
        <List
          size="small"
          dataSource={flagged}
          renderItem={(i) => (
            <List.Item
              data-testid="flagged-item"
              onClick={() => onOpen(i.label)}
              style={{ cursor: 'pointer' }}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{t('itemAnalysis.itemNo', { label: i.label })}</Typography.Text>
                  <Tag>{t(`itemAnalysis.type.${i.type}`)}</Tag>
                  {i.knowledgePoints.slice(0, 2).map((k) => (
                    <Tag key={k.id} color="blue">
                      {k.name}
                    </Tag>
                  ))}
                </Flex>
                {i.flags
                  .filter((f) => f.severity !== 'info')
                  .map((f) => (
                    <Typography.Text key={`${f.code}-${f.option ?? ''}`}>
                      <Tag color={SEVERITY_COLOURS[f.severity]}>
                        {t(`itemAnalysis.severity.${f.severity}`)}
                      </Tag>
                      {reason(i, f, t)}
                    </Typography.Text>
                  ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {extremes.length > 0 && (
        <Flex wrap gap={6} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('itemAnalysis.flagged.extremes')}</Typography.Text>
          {extremes.map((i) => (
            <Tag key={i.label} data-testid="extreme-item">
              {t('itemAnalysis.itemNo', { label: i.label })} · {t(`itemAnalysis.flag.${i.flags[0]!.code}`)}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
