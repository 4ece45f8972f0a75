import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { formatDate, formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';

/**
 * 待下架确认 (R4): what the daily check flagged in the administrator's scope (low ratings, no use);
 * the administrator retires the resource or keeps it, with a note for the author.
 */
export function RetirementPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const list = useQuery({
    queryKey: ['resources', 'retirements'],
    queryFn: () => unwrap(api.GET('/api/resources/retirements')),
  });
  if (!list.data || list.data.items.length === 0) return null;
  const decide = async (id: string, action: 'retire' | 'keep') => {
    try {
      await unwrap(
        api.POST('/api/resources/{id}/retirement', {
          params: { path: { id } },
          body: { action, note: notes[id] ?? '' },
        }),
      );
      message.success(t(`resources.retirement.done.${action}`));
      await client.invalidateQueries({ queryKey: ['resources'] });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  return (
    <Card size="small" title={t('resources.retirement.title')} data-testid="retirement-panel">
      <List
        dataSource={list.data.items}
        renderItem={(x) => (
          <List.Item data-testid="retirement-item">
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Link to={`/resources/${x.resourceId}`}>{x.title}</Link>
                <Tag color={x.reason === 'low_rating' ? 'red' : 'orange'}>
                  {t(`resources.retirement.reason.${x.reason}`)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.authorName} · {x.unitName} ·{' '}
                  {x.reason === 'low_rating'
                    ? t('resources.retirement.lowDetail', {
                        average: String(x.details.average ?? ''),
                        ratings: String(x.details.ratings ?? ''),
                      })
                    : t('resources.retirement.unusedDetail', {
                        since: formatDate(String(x.details.lastUsed ?? x.details.publishedAt ?? ''), lang),
                      })}{' '}
                  · {t('resources.retirement.flagged', { at: formatDateTime(x.flaggedAt, lang) })}
                </Typography.Text>
              </Flex>
              <Flex gap={8} wrap>
                <Input
                  size="small"
                  style={{ maxWidth: 320 }}
                  maxLength={200}
                  placeholder={t('resources.retirement.note')}
                  value={notes[x.resourceId] ?? ''}
                  onChange={(e) => setNotes((n) => ({ ...n, [x.resourceId]: e.target.value }))}
                />
                <Button
                  size="small"
                  danger
                  onClick={() => void decide(x.resourceId, 'retire')}
                  data-testid="retire"
                >
                  {t('resources.retirement.retire')}
                </Button>
                <Button size="small" onClick={() => void decide(x.resourceId, 'keep')} data-testid="keep">
                  {t('resources.retirement.keep')}
                </Button>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
