import { AuditOutlined, FileProtectOutlined, ProfileOutlined } from '@ant-design/icons';
import { Card, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { INVENTORY_ROLES, NOTICE_ADMIN_ROLES, PRIVACY_REGISTER_ROLES } from '../../app/auth/roles';
import { LinkButton } from '../../app/components/link-button';
import { PageEmpty, PageError } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { ConsentsSection } from './consents';
import { MyRequests } from './my-requests';
import { NoticeText } from './notice-text';
import { useNoticeState } from './privacy-api';

/**
 * 隐私与授权 (P5, COMPLIANCE §3): the notice in force, the optional purposes of oneself and of
 * one's children with who decided, a copy of everything held, and requests to the school.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tools = [
    PRIVACY_REGISTER_ROLES.includes(me.role) && {
      to: '/privacy/requests',
      icon: <AuditOutlined />,
      label: t('nav.privacyRequests'),
    },
    NOTICE_ADMIN_ROLES.includes(me.role) && {
      to: '/privacy/notices',
      icon: <FileProtectOutlined />,
      label: t('nav.privacyNotices'),
    },
    INVENTORY_ROLES.includes(me.role) && {
      to: '/privacy/inventory',
      icon: <ProfileOutlined />,
      label: t('nav.privacyInventory'),
    },
  ].filter((x) => x !== false);
  return (
    <Stack>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="privacy-title">
          {t('privacy.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('privacy.subtitle')}</Typography.Text>
      </div>
      {tools.length > 0 && (
        <Flex wrap gap={8}>
          {tools.map((tool) => (
            <LinkButton key={tool.to} to={tool.to} icon={tool.icon}>
              {tool.label}
            </LinkButton>
          ))}
        </Flex>
      )}
      <CurrentNotice />
      <ConsentsSection />
      <MyRequests />
    </Stack>
  );
}

/** The notice in force for the actor's audience, folded (everyone has read it at sign-in). */
function CurrentNotice() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useNoticeState();
  if (state.isError) return <PageError error={state.error} onRetry={() => void state.refetch()} />;
  const notice = state.data?.current;
  return (
    <Card size="small" title={t('privacy.notice.title')} loading={state.isPending}>
      {notice ? (
        <Collapse
          ghost
          size="small"
          data-testid="current-notice"
          items={[
            {
              key: 'notice',
              label: (
                <Flex vertical>
                  <Typography.Text strong className="hanlin-wrap">
                    {notice.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('privacy.notice.versionLine', {
                      version: notice.version,
                      date: formatDateTime(notice.publishedAt, lang),
                    })}
                  </Typography.Text>
                </Flex>
              ),
              children: <NoticeText body={notice.body} />,
            },
          ]}
        />
      ) : (
        <PageEmpty text={t('privacy.notice.none')} />
      )}
    </Card>
  );
}
