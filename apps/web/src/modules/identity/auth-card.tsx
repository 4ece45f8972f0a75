import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../app/layout/lang-switch';

/** The centred card every sign-in step uses; works from 320 px up. */
export function AuthCard({
  title,
  extra,
  maxWidth = 420,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  /** Wider for reading (the privacy notice), narrow for forms. */
  maxWidth?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '24px 12px',
        background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 55%, #ffffff 100%)',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth }}>
        <LangSwitch type="default" />
      </Flex>
      <Flex vertical align="center" gap={4} style={{ margin: '24px 0 20px', textAlign: 'center' }}>
        <span
          aria-hidden
          style={{
            width: 48,
            height: 48,
            borderRadius: 10,
            background: '#1e4fa3',
            color: '#fff',
            fontSize: 28,
            fontFamily: 'serif',
            display: 'inline-flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          翰
        </span>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('brand.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('brand.slogan')}</Typography.Text>
      </Flex>
      <Card title={title} extra={extra} style={{ width: '100%', maxWidth }}>
        {children}
      </Card>
    </Flex>
  );
}
