import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { LEVEL_COLOURS, NO_DATA } from './diagnosis-api';

echarts.use([
  HeatmapChart,
  BarChart,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/**
 * Draws an ECharts option on a canvas of its own (not on the page) and saves it as a PNG: the
 * pictures of the heatmap, report and roll-up, at a size that fits every row and column whatever
 * the screen's width.
 */
export function savePng(option: EChartsCoreOption, width: number, height: number, fileName: string) {
  const el = document.createElement('div');
  const chart = echarts.init(el, undefined, { renderer: 'canvas', width, height });
  chart.setOption({ animation: false, ...option });
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  // After the frame zrender has already asked for: disposing now would leave it a painter of null.
  requestAnimationFrame(() => chart.dispose());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

/** The level bands as a piecewise visual map (p in 0–1). */
export const levelVisualMap = (labels: { weak: string; developing: string; mastered: string }) => ({
  type: 'piecewise',
  dimension: 2,
  orient: 'horizontal',
  left: 'center',
  bottom: 4,
  pieces: [
    { lt: 0.5, color: LEVEL_COLOURS.weak, label: labels.weak },
    { gte: 0.5, lt: 0.7, color: LEVEL_COLOURS.developing, label: labels.developing },
    { gte: 0.7, color: LEVEL_COLOURS.mastered, label: labels.mastered },
  ],
  outOfRange: { color: NO_DATA },
});

/** A heatmap of rows × columns of probabilities (null: no data), labelled in each cell. */
export function heatmapOption(o: {
  title: string;
  rows: string[];
  columns: string[];
  values: (number | null)[][];
  labels: { weak: string; developing: string; mastered: string };
}): EChartsCoreOption {
  const data: [number, number, number][] = [];
  o.values.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== null) data.push([j, i, Math.round(v * 100) / 100]);
    });
  });
  return {
    title: { text: o.title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 90, right: 16, top: 150, bottom: 44 },
    xAxis: {
      type: 'category',
      data: o.columns,
      position: 'top',
      axisLabel: { interval: 0, rotate: 60, fontSize: 10, width: 120, overflow: 'truncate' },
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: o.rows, inverse: true, axisLabel: { fontSize: 11 } },
    visualMap: levelVisualMap(o.labels),
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 9,
          formatter: (x: { value: number[] }) => `${Math.round(x.value[2]! * 100)}`,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

/** The picture's size for a heatmap of so many rows and columns. */
export const heatmapSize = (rows: number, columns: number) => ({
  width: Math.max(640, 110 + columns * 30),
  height: Math.max(360, 200 + rows * 22),
});
