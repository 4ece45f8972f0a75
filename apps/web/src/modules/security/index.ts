export { RoleGrantsPage } from './role-grants-page';
export { SecurityAttention } from './security-attention';
export { SecurityPolicyPage } from './security-policy-page';
export { SessionsPage } from './sessions-page';
export { StaffAccountsPage } from './staff-accounts-page';
