export { ResourcePage } from './resource-page';
export { ResourcesPage } from './resources-page';
export { ReviewQueuePage } from './review-queue-page';
