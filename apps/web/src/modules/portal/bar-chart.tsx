import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from '../../app/components/use-echart';

// Tree-shaken ECharts: only the bar chart and the components it needs.
echarts.use([EBarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
}

interface Props {
  categories: string[];
  series: BarSeries[];
  /** Accessible summary read by screen readers in place of the canvas. */
  ariaLabel: string;
  height?: number;
}

const COLORS = ['#1e4fa3', '#f0a020', '#3ba272', '#9a60b4'];

/** Grouped bar chart (e.g. students and teachers per district); resizes with its container. */
export default function BarChart({ categories, series, ariaLabel, height = 320 }: Props) {
  const { ref, chart } = useEChart();

  useEffect(() => {
    const many = categories.length > 6;
    chart.current?.setOption(
      {
        color: COLORS,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8 },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { interval: 0, rotate: many ? 40 : 0, width: 72, overflow: 'truncate' },
        },
        yAxis: { type: 'value' },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 28 })),
      },
      { notMerge: true },
    );
  }, [categories, series, chart]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
