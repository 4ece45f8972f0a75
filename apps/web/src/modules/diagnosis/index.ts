export { HeatmapPage } from './heatmap-page';
export { ReportPage } from './report-page';
export { RollupPage } from './rollup-page';
