import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage, PageError } from '../../app/components/page-state';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type ConsentPurpose, type ConsentSubject, downloadCopy, useConsents } from './privacy-api';

/** One card per data subject: oneself, then each child of a guardian. */
export function ConsentsSection() {
  const consents = useConsents();
  if (consents.isError) return <PageError error={consents.error} onRetry={() => void consents.refetch()} />;
  if (consents.isPending) return <Card size="small" loading />;
  return (
    <>
      {consents.data.map((s) => (
        <SubjectCard key={s.personId} subject={s} />
      ))}
    </>
  );
}

function SubjectCard({ subject: s }: { subject: ConsentSubject }) {
  const { t } = useTranslation();
  const self = s.relation === 'self';
  // The optional purposes are about learners; an adult's own card keeps a purpose only to withdraw it.
  const purposes = s.isStudent ? s.purposes : s.purposes.filter((p) => p.granted);
  return (
    <Card
      size="small"
      data-testid="consent-subject"
      title={
        <Flex wrap gap={8} align="center">
          <span className="hanlin-wrap">{self ? t('privacy.consent.mine') : s.name}</span>
          <Tag color={self ? 'blue' : 'purple'}>
            {self ? t('privacy.relation.self') : t('privacy.relation.guardian')}
          </Tag>
          {s.under14 && <Tag color="orange">{t('privacy.consent.under14')}</Tag>}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {s.under14 && (
          <Alert
            type="info"
            showIcon
            title={self ? t('privacy.consent.under14Self') : t('privacy.consent.under14Guardian')}
          />
        )}
        {purposes.map((p) => (
          <PurposeRow key={p.purpose} subject={s} purpose={p} />
        ))}
        {purposes.length === 0 && (
          <Typography.Text type="secondary">{t('privacy.consent.noneForAdults')}</Typography.Text>
        )}
        <CopyDownloads subject={s} />
      </Flex>
    </Card>
  );
}

function PurposeRow({ subject, purpose: p }: { subject: ConsentSubject; purpose: ConsentPurpose }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const blocked = p.granted ? !p.mayWithdraw : !p.mayGrant;

  const toggle = async (granted: boolean) => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/privacy/consents', {
          body: { subjectId: subject.personId, purpose: p.purpose, granted },
        }),
      );
      await client.invalidateQueries({ queryKey: ['privacy', 'consents'] });
      void message.success(granted ? t('privacy.consent.turnedOn') : t('privacy.consent.turnedOff'));
    } catch (e) {
      void message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const decided = p.decidedAt
    ? t(p.granted ? 'privacy.consent.grantedBy' : 'privacy.consent.withdrawnBy', {
        name: p.decidedByName ?? '—',
        as: t(`privacy.decidedAs.${p.decidedAs === 'guardian' ? 'guardian' : 'self'}`),
        time: formatDateTime(p.decidedAt, lang),
      })
    : t('privacy.consent.neverDecided');

  return (
    <Flex
      justify="space-between"
      align="flex-start"
      gap={12}
      data-testid="consent-purpose"
      data-purpose={p.purpose}
      style={{ paddingBottom: 12, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{p.title}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0' }} className="hanlin-wrap">
          {p.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="consent-decision">
          {decided}
        </Typography.Text>
      </div>
      <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
        <Switch
          checked={p.granted}
          disabled={blocked}
          loading={busy}
          onChange={(on) => void toggle(on)}
          aria-label={p.title}
          checkedChildren={t('privacy.consent.on')}
          unCheckedChildren={t('privacy.consent.off')}
        />
        {blocked && !p.granted && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="consent-blocked">
            {t('privacy.consent.needsGuardian')}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

/** 下载个人信息副本: everything held about the person, as JSON or as a workbook. */
function CopyDownloads({ subject: s }: { subject: ConsentSubject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<'json' | 'xlsx'>();
  const get = async (format: 'json' | 'xlsx') => {
    setBusy(format);
    try {
      await downloadCopy(s.personId, format);
      // Each copy is recorded as an answered access request.
      await client.invalidateQueries({ queryKey: ['privacy', 'requests'] });
    } catch (e) {
      void message.error(errorMessage(e, t('privacy.copy.failed')));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Flex wrap align="center" gap={8}>
      <Typography.Text strong style={{ marginRight: 'auto' }}>
        {s.relation === 'self' ? t('privacy.copy.mine') : t('privacy.copy.child', { name: s.name })}
      </Typography.Text>
      {(['json', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === format}
          onClick={() => void get(format)}
          data-testid={`copy-${format}`}
        >
          {format === 'json' ? 'JSON' : 'Excel'}
        </Button>
      ))}
    </Flex>
  );
}
