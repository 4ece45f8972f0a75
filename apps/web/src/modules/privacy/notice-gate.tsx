import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Tag, Typography, theme } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useAuth, useMe } from '../../app/auth/auth-context';
import { PageError, PageLoading } from '../../app/components/page-state';
import { useSubmit } from '../../app/components/use-submit';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { AuthCard } from '../identity/auth-card';
import { NoticeText } from './notice-text';
import { type Notice, type NoticeState, useNoticeState } from './privacy-api';

/**
 * 告知 at sign-in (P5): after the password, TOTP and forced-change steps, a person whose audience
 * has a notice version they have not acknowledged sees it full-screen, and nothing else, until
 * they acknowledge it or sign out. The app waits for the answer before it shows anything, so the
 * notice never flashes for those who read it already; once the app is shown, a background
 * refetch (a role switch) keeps it on screen until a pending notice is known.
 */
export function NoticeGate() {
  const state = useNoticeState();
  const shown = useRef(false);
  if (state.data?.pending) return <NoticeScreen notice={state.data.pending} state={state.data} />;
  if (state.data || shown.current) {
    shown.current = true;
    return <Outlet />;
  }
  if (state.isError) return <GateError error={state.error} onRetry={() => void state.refetch()} />;
  return <PageLoading fullscreen />;
}

function GateError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { logout } = useAuth();
  return (
    <AuthCard title={t('privacy.gate.title')}>
      <PageError error={error} onRetry={onRetry} />
      <Button block onClick={() => void logout()}>
        {t('shell.logout')}
      </Button>
    </AuthCard>
  );
}

function NoticeScreen({ notice, state }: { notice: Notice; state: NoticeState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { logout } = useAuth();
  const client = useQueryClient();
  const { token } = theme.useToken();
  const { busy, error, run } = useSubmit(t('privacy.gate.failed'));
  const updated = notice.version > 1;

  const acknowledge = () =>
    run(async () => {
      await unwrap(
        api.POST('/api/privacy/notices/{id}/acknowledge', { params: { path: { id: notice.id } } }),
      );
      client.setQueryData<NoticeState>(['privacy', 'notice', me.personId, me.role], {
        ...state,
        pending: null,
      });
    });

  return (
    <AuthCard
      title={t('privacy.gate.title')}
      extra={updated ? <Tag color="orange">{t('privacy.gate.updated')}</Tag> : undefined}
      maxWidth={760}
    >
      <div data-testid="privacy-notice">
        <Typography.Paragraph type="secondary">
          {updated ? t('privacy.gate.introUpdated') : t('privacy.gate.intro')}
        </Typography.Paragraph>
        <Typography.Title level={4} className="hanlin-wrap" style={{ marginTop: 0 }}>
          {notice.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('privacy.notice.versionLine', {
            version: notice.version,
            date: formatDateTime(notice.publishedAt, lang),
          })}
        </Typography.Paragraph>
        <NoticeText body={notice.body} />
        {/* The buttons stay in reach while the text scrolls past on a phone. */}
        <Flex
          vertical
          gap={8}
          style={{
            position: 'sticky',
            bottom: 0,
            margin: '0 -24px -24px',
            padding: '12px 24px 16px',
            background: token.colorBgContainer,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={acknowledge}
            data-testid="notice-ack"
          >
            {t('privacy.gate.acknowledge')}
          </Button>
          <Button type="link" block onClick={() => void logout()} data-testid="notice-logout">
            {t('privacy.gate.logout')}
          </Button>
        </Flex>
      </div>
    </AuthCard>
  );
}
