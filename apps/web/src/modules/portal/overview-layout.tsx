import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Col, Row, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../app/components/link-button';
import { PageEmpty, PageLoading } from '../../app/components/page-state';
import { AdminTodo } from './admin-todo';
import type { BarSeries } from './bar-chart';
import { HomeHeader } from './home-header';
import { type Stat, StatCards } from './stat-cards';
import { TodaySections } from './today-sections';
import type { HomeSection } from './types';

// ECharts is heavy; only admin homes need it, so it loads in its own chunk.
const BarChart = lazy(() => import('./bar-chart'));

interface Props<Row> {
  title: string;
  unit: { id: string; name: string };
  /** What waits for the administrator (reviews at their step, messages), most urgent first. */
  sections: HomeSection[];
  stats: Stat[];
  chartTitle: string;
  categories: string[];
  series: BarSeries[];
  tableTitle: string;
  rows: Row[];
  columns: TableColumnsType<Row>;
}

/** City, district and school homes: today's work, headline numbers, a chart of the units below, and a table. */
export function OverviewLayout<Row extends { id: string }>(props: Props<Row>) {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader
        title={props.title}
        subtitle={props.unit.name}
        extra={
          <LinkButton
            to={`/org/${props.unit.id}`}
            icon={<ApartmentOutlined />}
            data-testid="open-org-browser"
          >
            {t('portal.openOrg')}
          </LinkButton>
        }
      />
      {props.sections.length > 0 && <TodaySections sections={props.sections} columns={2} />}
      <AdminTodo />
      <StatCards stats={props.stats} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={props.chartTitle} size="small">
            {props.categories.length === 0 ? (
              <PageEmpty />
            ) : (
              <Suspense fallback={<PageLoading />}>
                <BarChart
                  categories={props.categories}
                  series={props.series}
                  ariaLabel={`${props.chartTitle}：${props.categories.join('、')}`}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={props.tableTitle} size="small">
            <Table<Row>
              rowKey="id"
              size="small"
              dataSource={props.rows}
              columns={props.columns}
              pagination={
                props.rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false
              }
              scroll={{ x: 'max-content' }}
              data-testid="overview-table"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
