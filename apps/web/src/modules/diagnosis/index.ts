export { HeatmapPage } from './heatmap-page';
export { PracticeChildPage } from './practice-child-page';
export { PracticeClassPage } from './practice-class-page';
export { PracticeAdviceCard } from './practice-home-card';
export { PracticeLearnPage } from './practice-learn-page';
export { ReportPage } from './report-page';
export { RollupPage } from './rollup-page';
