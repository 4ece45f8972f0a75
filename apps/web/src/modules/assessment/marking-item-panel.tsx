import { Card, Collapse, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScriptList } from './marking-api';
import { RichText } from './notebook-rich-text';

/**
 * The item beside the answers: its passage (for a part of a composite), stem, reference answer and
 * marking scheme (评分细则). Open beside the answer on a wide screen; folded under it on a narrow one,
 * where the answer comes first.
 */
export function MarkingItemPanel({ item }: { item: ScriptList['item'] }) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().lg;
  const body = (
    <div data-testid="marking-rubric">
      {item.stimulus && <RichText html={item.stimulus} />}
      <RichText html={item.stem} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('marking.reference')}
      </Typography.Title>
      {item.reference ? (
        <RichText html={item.reference} />
      ) : (
        <Typography.Text type="secondary">{t('marking.noReference')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('marking.rubric', { max: item.maxScore })}
      </Typography.Title>
      {item.rubric.length === 0 ? (
        <Typography.Text type="secondary">{t('marking.noRubric')}</Typography.Text>
      ) : (
        <ol style={{ paddingInlineStart: 20, margin: 0 }}>
          {item.rubric.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the scheme's lines have no ids and never move
            <li key={i}>
              <Typography.Text strong>{t('marking.points', { n: r.points })}</Typography.Text> {r.description}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
  if (narrow)
    return (
      <Collapse
        size="small"
        items={[{ key: 'item', label: t('marking.itemAndRubric'), children: body }]}
        defaultActiveKey={[]}
      />
    );
  return (
    <Card size="small" title={t('marking.itemAndRubric')} style={{ position: 'sticky', top: 16 }}>
      {body}
    </Card>
  );
}
