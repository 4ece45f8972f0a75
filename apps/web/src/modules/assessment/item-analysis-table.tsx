import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type AnalysedItem,
  BAND_COLOURS,
  DIFFICULTY_COLOURS,
  difficultyBand,
  discriminationBand,
  fix2,
  optionLabel,
} from './item-analysis-api';
import { DistractorTable } from './item-analysis-distractors';

function Coloured({ value, colour }: { value: number | null; colour: string | undefined }) {
  return <Typography.Text style={{ color: colour, fontWeight: 600 }}>{fix2(value)}</Typography.Text>;
}

/**
 * Every item of the paper with P, D and r in colour bands; a choice item opens onto its options by
 * ability group. Scrolls sideways inside its card on a phone.
 */
export function ItemTable({
  items,
  groupSize,
  open,
  onOpenChange,
}: {
  items: AnalysedItem[];
  groupSize: number;
  open: string[];
  onOpenChange: (keys: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('itemAnalysis.table.title')}
      extra={t('itemAnalysis.table.groups', { n: groupSize })}
    >
      <Table
        rowKey="label"
        size="small"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={items}
        data-testid="item-table"
        onRow={(i) => ({ id: `item-${i.label}` })}
        expandable={{
          rowExpandable: (i) => !!i.distractors,
          expandedRowKeys: open,
          onExpandedRowsChange: (keys) => onOpenChange(keys as string[]),
          expandedRowRender: (i) => <DistractorTable item={i} />,
        }}
        columns={[
          { title: t('itemAnalysis.table.item'), dataIndex: 'label', fixed: 'left', width: 64 },
          { title: t('itemAnalysis.table.type'), render: (_, i) => t(`itemAnalysis.type.${i.type}`) },
          {
            title: t('itemAnalysis.table.knowledge'),
            render: (_, i) => i.knowledgePoints.map((k) => k.name).join('、') || '—',
            ellipsis: true,
            width: 160,
          },
          { title: t('itemAnalysis.table.max'), dataIndex: 'maxScore' },
          {
            title: t('itemAnalysis.table.p'),
            render: (_, i) => {
              const band = difficultyBand(i.p);
              return <Coloured value={i.p} colour={band ? DIFFICULTY_COLOURS[band] : undefined} />;
            },
          },
          {
            title: t('itemAnalysis.table.d'),
            render: (_, i) => {
              const band = discriminationBand(i.d);
              return <Coloured value={i.d} colour={band ? BAND_COLOURS[band] : undefined} />;
            },
          },
          {
            title: t('itemAnalysis.table.r'),
            render: (_, i) => {
              const band = discriminationBand(i.rpb);
              return <Coloured value={i.rpb} colour={band ? BAND_COLOURS[band] : undefined} />;
            },
          },
          {
            // Three decimals: α without one item differs from α in the second or third.
            title: t('itemAnalysis.table.alphaIfDeleted'),
            render: (_, i) => (i.alphaIfDeleted === null ? '—' : i.alphaIfDeleted.toFixed(3)),
          },
          {
            title: t('itemAnalysis.table.flags'),
            render: (_, i) =>
              i.flags.length === 0
                ? '—'
                : i.flags.map((f) => (
                    <Tag
                      key={`${f.code}-${f.option ?? ''}`}
                      color={
                        f.severity === 'serious' ? 'red' : f.severity === 'warning' ? 'orange' : 'default'
                      }
                    >
                      {t(`itemAnalysis.flagShort.${f.code}`)}
                      {f.option ? ` ${optionLabel(f.option, t)}` : ''}
                    </Tag>
                  )),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('itemAnalysis.table.legend')}
      </Typography.Paragraph>
    </Card>
  );
}
