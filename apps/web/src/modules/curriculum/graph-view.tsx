import { Card, Empty, Input, Table, Tag } from 'antd';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { type Graph, useGraph } from './curriculum-api';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

const PALETTE = ['#1e4fa3', '#d4380d', '#389e0d', '#722ed1', '#d48806', '#08979c', '#c41d7f', '#595959'];

/**
 * 知识图谱 of one grade: its knowledge points coloured by curriculum strand, arrows from each
 * prerequisite, and (faded) the earlier-grade points they build on. A searchable table below
 * lists the same points for keyboard and screen-reader users.
 */
export function GraphView({
  subject,
  grade,
  onOpenPoint,
}: {
  subject: string;
  grade: string;
  onOpenPoint: (id: string) => void;
}) {
  const { t } = useTranslation();
  const gradeLabel = useCodeLabel('grade');
  const graph = useGraph(subject, grade);
  const [q, setQ] = useState('');
  if (graph.isPending) return <PageLoading />;
  if (graph.isError) return <PageError error={graph.error} onRetry={() => void graph.refetch()} />;
  if (graph.data.nodes.length === 0) return <Empty description={t('curriculum.noPoints')} />;
  const focus = graph.data.nodes.filter((n) => n.focus && (!q || n.name.includes(q) || n.code.includes(q)));
  const prereqOf = (id: string) => graph.data.edges.filter((e) => e.target === id).length;
  return (
    <>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <GraphChartView data={graph.data} onOpenPoint={onOpenPoint} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={t('curriculum.pointList')}>
        <Input.Search
          allowClear
          placeholder={t('curriculum.searchPoints')}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ maxWidth: 320, marginBottom: 12 }}
        />
        <Table
          rowKey="id"
          size="small"
          dataSource={focus}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="graph-points"
          onRow={(r) => ({ onClick: () => onOpenPoint(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('curriculum.code'), dataIndex: 'code' },
            { title: t('curriculum.pointName'), dataIndex: 'name' },
            { title: t('curriculum.strand'), dataIndex: 'strand', render: (s: string) => <Tag>{s}</Tag> },
            { title: t('curriculum.grade'), dataIndex: 'gradeCode', render: gradeLabel },
            { title: t('curriculum.prerequisites'), key: 'p', render: (_: unknown, r) => prereqOf(r.id) },
          ]}
        />
      </Card>
    </>
  );
}

function GraphChartView({ data, onOpenPoint }: { data: Graph; onOpenPoint: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const open = useRef(onOpenPoint);
  open.current = onOpenPoint;
  const strands = useMemo(() => [...new Set(data.nodes.map((n) => n.strand))], [data]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      color: PALETTE,
      tooltip: {
        formatter: (p: { data?: { name?: string; code?: string } }) =>
          p.data?.code ? `${p.data.name}（${p.data.code}）` : '',
      },
      legend: { data: strands, top: 8 },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 120, edgeLength: 60, gravity: 0.08 },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 6,
          label: { show: data.nodes.length <= 60, position: 'right', fontSize: 11 },
          categories: strands.map((name) => ({ name })),
          data: data.nodes.map((n) => ({
            id: n.id,
            name: n.name,
            code: n.code,
            category: strands.indexOf(n.strand),
            symbolSize: n.focus ? 14 : 8,
            itemStyle: { opacity: n.focus ? 1 : 0.35 },
          })),
          links: data.edges.map((e) => ({ source: e.source, target: e.target })),
          lineStyle: { color: '#999', opacity: 0.6, curveness: 0.1 },
          emphasis: { focus: 'adjacency', label: { show: true } },
        },
      ],
    });
    chart.on('click', (p) => {
      const id = (p.data as { id?: string } | undefined)?.id;
      if (p.dataType === 'node' && id) open.current(id);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, strands]);
  return <div ref={ref} style={{ height: 480, width: '100%' }} data-testid="knowledge-graph" />;
}
