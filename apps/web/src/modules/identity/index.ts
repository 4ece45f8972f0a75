export { AccountPage } from './account-page';
export { ForcedPasswordPage } from './forced-password-page';
export { LoginPage } from './login-page';
export { SecondFactorsPage } from './second-factors-page';
export { TotpSetupPage } from './totp-setup-page';
export { TotpVerifyPage } from './totp-verify-page';
