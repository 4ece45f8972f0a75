export { OperationsPage } from './operations-page';
export { OpsHomeSection } from './ops-home';
