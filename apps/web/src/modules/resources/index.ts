export { ResourcePage } from './resource-page';
export { ResourcesPage } from './resources-page';
export { ReviewChainsPage } from './review-chains-page';
export { ReviewQueuePage } from './review-queue-page';
