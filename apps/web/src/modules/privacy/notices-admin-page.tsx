import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatCount, formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { NoticeText } from './notice-text';
import { AUDIENCES, type Audience, NOTICES_KEY, type NoticeVersion } from './privacy-api';
import { PublishNoticeModal } from './publish-notice-modal';

/** 告知书管理: each audience's notice versions with how many people acknowledged them, and publishing. */
export function NoticesAdminPage() {
  const { t } = useTranslation();
  const [audience, setAudience] = useState<Audience>('guardian');
  const [publishing, setPublishing] = useState(false);
  const notices = useQuery({
    queryKey: NOTICES_KEY,
    queryFn: () => unwrap(api.GET('/api/privacy/notices')),
  });
  const versions = (notices.data ?? []).filter((n) => n.audience === audience);

  return (
    <Stack>
      <PageTitle
        title={t('privacy.notices.title')}
        subtitle={t('privacy.notices.subtitle')}
        testId="notices-title"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setPublishing(true)}
            disabled={!notices.data}
            data-testid="notice-publish-open"
          >
            {t('privacy.notices.publish')}
          </Button>
        }
      />
      {notices.isError && <PageError error={notices.error} onRetry={() => void notices.refetch()} />}
      <Card size="small">
        <Tabs
          activeKey={audience}
          onChange={(k) => setAudience(k as Audience)}
          items={AUDIENCES.map((a) => ({ key: a, label: t(`privacy.audience.${a}`) }))}
        />
        <VersionsTable versions={versions} loading={notices.isPending} />
      </Card>
      {publishing && notices.data && (
        <PublishNoticeModal
          audience={audience}
          versions={notices.data}
          onClose={(published) => {
            if (published) setAudience(published);
            setPublishing(false);
          }}
        />
      )}
    </Stack>
  );
}

function VersionsTable({ versions, loading }: { versions: NoticeVersion[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const newest = versions[0]?.version;
  return (
    <Table<NoticeVersion>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={versions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="notice-versions"
      expandable={{
        expandedRowRender: (n) => (
          <div style={{ maxWidth: 760 }}>
            <NoticeText body={n.body} />
          </div>
        ),
      }}
      columns={[
        {
          title: t('privacy.notices.version'),
          dataIndex: 'version',
          render: (v: number) => (
            <Flex gap={4} align="center">
              <span>v{v}</span>
              {v === newest && <Tag color="green">{t('privacy.notices.current')}</Tag>}
            </Flex>
          ),
        },
        {
          title: t('privacy.notices.noticeTitle'),
          dataIndex: 'title',
          render: (x: string) => (
            <div className="hanlin-wrap" style={{ maxWidth: 360 }}>
              {x}
            </div>
          ),
        },
        {
          title: t('privacy.notices.publishedAt'),
          dataIndex: 'publishedAt',
          render: (at: string) => formatDateTime(at, lang),
        },
        {
          title: t('privacy.notices.acks'),
          dataIndex: 'acks',
          align: 'right',
          render: (n: number) => formatCount(n, lang),
        },
      ]}
    />
  );
}
