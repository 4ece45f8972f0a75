export { ResourcePage } from './resource-page';
export { ResourcesPage } from './resources-page';
