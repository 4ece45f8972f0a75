import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { forwardRef, useEffect, useImperativeHandle } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart } from '../../app/components/use-echart';
import type { ItemAnalysis } from './item-analysis-api';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartHandle {
  /** The chart as a PNG data URL (white background, twice the screen's pixels). */
  toPng: () => string | undefined;
}

/**
 * The paper at a glance, in one picture: the distribution of total scores above, and each item's
 * difficulty P (bars, red when the item is flagged as serious) with its discrimination D and
 * item–rest r (lines) below. The same canvas is what "save as picture" downloads.
 */
export const ItemAnalysisChart = forwardRef<
  ChartHandle,
  { data: ItemAnalysis; title: string; subtitle: string }
>(function ItemAnalysisChart({ data, title, subtitle }, handle) {
  const { t } = useTranslation();
  const { ref, chart } = useEChart();

  useImperativeHandle(handle, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
  }));

  useEffect(() => {
    const bins = data.scores?.bins ?? [];
    const labels = data.items.map((i) => i.label);
    const serious = (i: ItemAnalysis['items'][number]) => i.flags.some((f) => f.severity === 'serious');
    chart.current?.setOption(
      {
        title: {
          text: title,
          subtext: subtitle,
          left: 'center',
          textStyle: { fontSize: 14 },
          subtextStyle: { fontSize: 12 },
        },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: {
          top: '47%',
          data: [t('itemAnalysis.chart.p'), t('itemAnalysis.chart.d'), t('itemAnalysis.chart.r')],
        },
        grid: [
          { left: 36, right: 12, top: 84, height: '24%' },
          { left: 36, right: 12, top: '56%', bottom: 28 },
        ],
        xAxis: [
          {
            gridIndex: 0,
            type: 'category',
            data: bins.map((b) => `${Math.round(b.from)}–${Math.round(b.to)}`),
            axisLabel: { fontSize: 10, interval: 0, rotate: 30 },
          },
          { gridIndex: 1, type: 'category', data: labels, axisLabel: { fontSize: 10 } },
        ],
        yAxis: [
          {
            gridIndex: 0,
            type: 'value',
            name: t('itemAnalysis.chart.students'),
            nameTextStyle: { fontSize: 10 },
            minInterval: 1,
          },
          { gridIndex: 1, type: 'value', min: -0.4, max: 1, interval: 0.2 },
        ],
        series: [
          {
            type: 'bar',
            name: t('itemAnalysis.chart.distribution'),
            xAxisIndex: 0,
            yAxisIndex: 0,
            data: bins.map((b) => b.count),
            itemStyle: { color: '#1e4fa3' },
            barCategoryGap: '10%',
          },
          {
            type: 'bar',
            name: t('itemAnalysis.chart.p'),
            xAxisIndex: 1,
            yAxisIndex: 1,
            data: data.items.map((i) => ({
              value: i.p === null ? null : Number(i.p.toFixed(3)),
              itemStyle: { color: serious(i) ? '#cf1322' : '#91caff' },
            })),
            barMaxWidth: 24,
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#999' },
              data: [{ yAxis: 0.2 }, { yAxis: 0 }],
              label: { show: false },
            },
          },
          {
            type: 'line',
            name: t('itemAnalysis.chart.d'),
            xAxisIndex: 1,
            yAxisIndex: 1,
            data: data.items.map((i) => (i.d === null ? null : Number(i.d.toFixed(3)))),
            itemStyle: { color: '#f0a020' },
          },
          {
            type: 'line',
            name: t('itemAnalysis.chart.r'),
            xAxisIndex: 1,
            yAxisIndex: 1,
            data: data.items.map((i) => (i.rpb === null ? null : Number(i.rpb.toFixed(3)))),
            itemStyle: { color: '#3ba272' },
            lineStyle: { type: 'dotted' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [data, title, subtitle, t, chart]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('itemAnalysis.chart.aria')}
      data-testid="item-analysis-chart"
      style={{ width: '100%', height: 460 }}
    />
  );
});
