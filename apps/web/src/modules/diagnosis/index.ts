export { PracticeChildPage } from './practice-child-page';
export { PracticeClassPage } from './practice-class-page';
export { PracticeAdviceCard } from './practice-home-card';
export { PracticeLearnPage } from './practice-learn-page';
