import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last-resort boundary: a render error or a chunk that failed to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Flex justify="center" style={{ padding: '64px 16px' }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('routeError.title')}
        description={t('routeError.text')}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </Button>
        }
        style={{ maxWidth: 520, width: '100%' }}
      />
    </Flex>
  );
}
