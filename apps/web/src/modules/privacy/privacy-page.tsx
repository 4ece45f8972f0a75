import { Card, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageEmpty, PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
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
  return (
    <Stack>
      <PageTitle title={t('privacy.title')} subtitle={t('privacy.subtitle')} testId="privacy-title" />
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
