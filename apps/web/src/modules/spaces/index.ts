export { SpacePage } from './space-page';
export { SpacesPage } from './spaces-page';
export { SpaceUsagePage } from './usage-page';
