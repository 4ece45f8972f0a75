/**
 * 试题分析: the item analysis of one assignment's paper, for the teacher planning tomorrow's lesson
 * and the researcher reviewing a 统考 — flagged items first with the reason in plain words, the
 * paper's reliability with a one-line reading, a chart of the score distribution and of each
 * item's difficulty and discrimination, then the table with each choice item's options by group.
 * Exports the workbook (.xlsx) and the chart as a picture (PNG).
 */
import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DownloadButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { fix2, itemAnalysisExportUrl, reliabilityReading, useItemAnalysis } from './item-analysis-api';
import { type ChartHandle, ItemAnalysisChart } from './item-analysis-chart';
import { FlaggedItems } from './item-analysis-flags';
import { ItemTable } from './item-analysis-table';

export function ItemAnalysisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [classId, setClassId] = useState<string>();
  const [open, setOpen] = useState<string[]>([]);
  const chart = useRef<ChartHandle>(null);
  const q = useItemAnalysis(id, classId);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const scope = classId
    ? (a.classes.find((c) => c.id === classId)?.name ?? '')
    : t('itemAnalysis.allClasses');
  const summary = t('itemAnalysis.summary', {
    n: a.persons,
    mean: a.scores?.mean === null || !a.scores ? '—' : a.scores.mean.toFixed(1),
    total: a.scores?.maxTotal ?? a.assignment.totalScore,
  });
  const alpha = a.reliability?.alpha ?? null;
  const stat = { fontSize: 20 };
  const savePicture = () => {
    const url = chart.current?.toPng();
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${a.assignment.title}-${t('itemAnalysis.title')}.png`;
    link.click();
  };
  const openItem = (label: string) => {
    setOpen((o) => (o.includes(label) ? o : [...o, label]));
    document.getElementById(`item-${label}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  return (
    <Stack>
      <PageTitle
        title={`${t('itemAnalysis.title')} · ${a.assignment.title}`}
        subtitle={`${scope} · ${summary}`}
        testId="item-analysis-title"
        extra={
          <Flex wrap gap={8}>
            {a.classes.length > 1 && (
              <Select
                allowClear
                style={{ minWidth: 160 }}
                placeholder={t('itemAnalysis.allClasses')}
                value={classId}
                onChange={setClassId}
                options={a.classes.map((c) => ({ value: c.id, label: `${c.name}（${c.graded}）` }))}
                data-testid="analysis-class"
              />
            )}
            <DownloadButton
              icon={<DownloadOutlined />}
              url={itemAnalysisExportUrl(id, classId)}
              data-testid="analysis-export"
            >
              {t('itemAnalysis.export')}
            </DownloadButton>
            <Button
              icon={<PictureOutlined />}
              onClick={savePicture}
              disabled={!a.scores}
              data-testid="analysis-picture"
            >
              {t('itemAnalysis.picture')}
            </Button>
          </Flex>
        }
      />
      {a.pending > 0 && <Alert type="info" showIcon title={t('itemAnalysis.pending', { n: a.pending })} />}
      {a.withheld && <Alert type="warning" showIcon title={t('itemAnalysis.withheld')} />}
      {a.persons > 0 && a.persons < 30 && !a.withheld && (
        <Alert type="info" showIcon title={t('itemAnalysis.fewStudents', { n: a.persons })} />
      )}
      {a.persons === 0 || !a.scores ? (
        <Card>
          <Empty description={t('itemAnalysis.empty')} />
        </Card>
      ) : (
        <>
          <FlaggedItems items={a.items} onOpen={openItem} />
          <Card size="small" title={t('itemAnalysis.reliability.title')} data-testid="analysis-reliability">
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('itemAnalysis.reliability.alpha')}
                  value={fix2(alpha)}
                  styles={{ content: stat }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('itemAnalysis.reliability.splitHalf')}
                  value={fix2(a.reliability?.splitHalf ?? null)}
                  styles={{ content: stat }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('itemAnalysis.reliability.sem')}
                  value={fix2(a.reliability?.sem ?? null)}
                  styles={{ content: stat }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('itemAnalysis.scores')}
                  value={`${a.scores.min ?? '—'} / ${a.scores.median ?? '—'} / ${a.scores.max ?? '—'}`}
                  styles={{ content: stat }}
                />
              </Col>
            </Row>
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="reliability-reading">
              {t(`itemAnalysis.reliability.reading.${reliabilityReading(alpha)}`, { alpha: fix2(alpha) })}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t('itemAnalysis.chart.title')}>
            <ItemAnalysisChart
              ref={chart}
              data={a}
              title={`${a.assignment.title} · ${t('itemAnalysis.title')}`}
              subtitle={`${scope} · ${summary} · α = ${fix2(alpha)}`}
            />
          </Card>
          <ItemTable items={a.items} groupSize={a.groupSize} open={open} onOpenChange={setOpen} />
        </>
      )}
    </Stack>
  );
}
