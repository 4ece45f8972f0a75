export { CurriculumPage } from './curriculum-page';
