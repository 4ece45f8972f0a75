import { Alert, Button, Empty, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The message to show for any thrown error; API messages are already Chinese. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  return fallback;
}

export function PageLoading({ fullscreen = false }: { fullscreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullscreen ? '100vh' : 240 }}>
      <Spin description={t('common.loading')} />
    </Flex>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <Alert
      type={forbidden ? 'warning' : 'error'}
      showIcon
      role="alert"
      title={errorMessage(error, t('common.loadFailed'))}
      action={
        onRetry && !forbidden ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ margin: '16px 0' }}
    />
  );
}

export function PageEmpty({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Empty description={text ?? t('common.empty')} style={{ padding: '32px 0' }} />;
}
