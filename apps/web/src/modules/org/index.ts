export { OrgBrowserPage } from './org-browser-page';
