import { CheckCircleTwoTone, LockOutlined } from '@ant-design/icons';
import { App, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth/auth-context';
import { LinkButton } from '../../app/components/link-button';
import { Stack } from '../../app/components/stack';
import { ChangePasswordForm } from './change-password-form';
import { TotpSetup } from './totp-setup';

/** 账户安全: change password and enrol a second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();

  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="account-title">
        {t('account.title')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {me.name}（{me.username}）
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.password')}>
            <ChangePasswordForm
              rules={me.passwordRules}
              onDone={() => {
                message.success(t('password.changed'));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.totp')}>
            {me.mfaEnabled ? (
              <Space>
                <CheckCircleTwoTone twoToneColor="#52c41a" />
                <Typography.Text>{t('account.totpEnabled')}</Typography.Text>
              </Space>
            ) : (
              <TotpSetup
                required={false}
                onDone={async () => {
                  message.success(t('account.totpDone'));
                  await refresh();
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('nav.privacy')}>
            <Typography.Paragraph type="secondary">{t('account.privacyHint')}</Typography.Paragraph>
            <LinkButton to="/privacy" icon={<LockOutlined />} data-testid="account-privacy">
              {t('account.privacyOpen')}
            </LinkButton>
          </Card>
        </Col>
      </Row>
    </Stack>
  );
}
