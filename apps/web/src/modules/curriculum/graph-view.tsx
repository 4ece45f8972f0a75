import { Card, Empty, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { useGraph } from './curriculum-api';
import { GraphChartView } from './graph-chart';

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
