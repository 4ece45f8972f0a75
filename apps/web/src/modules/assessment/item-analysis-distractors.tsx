import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AnalysedItem, type DistractorRow, fix2, optionLabel, pct } from './item-analysis-api';

/**
 * Who chose what on one choice item, by ability group (upper and lower 27 %): the key in green; an
 * option flagged as drawing the strong students, or chosen more than the key, in red.
 */
export function DistractorTable({ item }: { item: AnalysedItem }) {
  const { t } = useTranslation();
  const flagged = new Set(item.flags.map((f) => f.option).filter(Boolean));
  const colour = (r: DistractorRow) => (r.isKey ? '#237804' : flagged.has(r.option) ? '#cf1322' : undefined);
  return (
    <Table
      rowKey={(r) => r.option ?? '-'}
      size="small"
      pagination={false}
      scroll={{ x: 420 }}
      dataSource={item.distractors ?? []}
      data-testid="distractor-table"
      columns={[
        {
          title: t('itemAnalysis.option'),
          render: (_, r) => (
            <Typography.Text strong={r.isKey} style={{ color: colour(r) }}>
              {optionLabel(r.option, t)}
              {r.isKey ? ` ✓ ${t('itemAnalysis.key')}` : ''}
            </Typography.Text>
          ),
        },
        { title: t('itemAnalysis.group.all'), render: (_, r) => `${pct(r.share)}（${r.count}）` },
        { title: t('itemAnalysis.group.upper'), render: (_, r) => pct(r.upper) },
        { title: t('itemAnalysis.group.middle'), render: (_, r) => pct(r.middle) },
        { title: t('itemAnalysis.group.lower'), render: (_, r) => pct(r.lower) },
        { title: t('itemAnalysis.optionR'), render: (_, r) => fix2(r.rpb) },
      ]}
    />
  );
}
