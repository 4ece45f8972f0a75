import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { PageError } from '../../app/components/page-state';

interface Item {
  key: string;
  text: string;
  to: string;
  detail?: ReactNode;
}

/**
 * The security administrator's home, first: what needs attention now (people who must use a second
 * factor and have not enrolled, unusual lockouts, dormant accounts, a policy below the floor).
 */
export function SecurityAttention() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: ['security', 'overview'],
    queryFn: () => unwrap(api.GET('/api/security/overview')),
  });
  if (overview.isError) return <PageError error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const items: Item[] = [];
  if (o) {
    if (o.policyProblems.length > 0)
      items.push({ key: 'policy', text: t('security.home.policyBelow'), to: '/security/policy' });
    if (o.secondFactorsMissing > 0) {
      const rest = o.secondFactorsMissing - o.secondFactorsMissingFirst.length;
      items.push({
        key: 'mfa',
        text: t('security.home.mfaMissing', { n: o.secondFactorsMissing }),
        to: '/security/second-factors',
        detail: (
          <Flex gap={4} wrap>
            {o.secondFactorsMissingFirst.map((p) => (
              <Tag key={p.personId} color={p.enrolmentPending ? 'blue' : undefined} className="hanlin-wrap">
                {p.name} · {p.orgName}
                {p.enrolmentPending ? `（${t('security.home.mfaPending')}）` : ''}
              </Tag>
            ))}
            {rest > 0 && (
              <Typography.Text type="secondary">{t('security.home.more', { n: rest })}</Typography.Text>
            )}
          </Flex>
        ),
      });
    }
    // Lockouts, the most telling first: an attack spread over addresses, repeats, plain locks.
    const locked = '/staff-accounts?filter=locked';
    const lockItems: [key: string, n: number, text: string, to: string][] = [
      ['sources', o.locks.manySources, 'security.home.manySources', locked],
      ['repeated', o.locks.repeated, 'security.home.repeated', locked],
      ['locked', o.locks.lockedAccounts, 'security.home.locked', locked],
      ['unknown', o.locks.unknownNames, 'security.home.unknownNames', '/security/policy'],
    ];
    for (const [key, n, text, to] of lockItems) if (n > 0) items.push({ key, text: t(text, { n }), to });
    if (o.dormantAccounts > 0)
      items.push({
        key: 'dormant',
        text: t('security.home.dormant', { n: o.dormantAccounts, days: o.dormantDays }),
        to: '/staff-accounts?filter=dormant',
      });
  }
  return (
    <Card
      size="small"
      loading={overview.isPending}
      title={t('security.home.attention')}
      data-testid="security-attention"
      style={{ marginBottom: 16 }}
    >
      {items.length === 0 ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('security.home.allClear')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              key={item.key}
              data-testid={`attention-${item.key}`}
              actions={[
                <Link key="open" to={item.to}>
                  {t('security.home.open')}
                </Link>,
              ]}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Typography.Text>
                  <WarningOutlined style={{ color: '#d46b08' }} /> {item.text}
                </Typography.Text>
                {item.detail}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
