export { InventoryPage } from './inventory-page';
export { NoticeGate } from './notice-gate';
export { NoticesAdminPage } from './notices-admin-page';
export { PrivacyPage } from './privacy-page';
export { RequestRegisterPage } from './request-register-page';
