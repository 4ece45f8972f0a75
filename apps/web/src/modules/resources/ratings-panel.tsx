import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, List, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';

/** R4: stars and comments of a published resource; one's own rating can be changed. */
export function RatingsPanel({ resourceId, mine }: { resourceId: string; mine: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['resources', 'ratings', resourceId];
  const data = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/resources/{id}/ratings', { params: { path: { id: resourceId } } })),
  });
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const send = async () => {
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/resources/{id}/ratings', {
          params: { path: { id: resourceId } },
          body: { stars, comment },
        }),
      );
      setComment('');
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    }
  };
  const d = data.data;
  return (
    <Card size="small" title={t('resources.ratings')} data-testid="ratings-panel">
      {d && (
        <Flex align="center" gap={8} wrap>
          <Rate disabled allowHalf value={d.average ?? 0} />
          <Typography.Text>
            {t('resources.ratingSummary', { average: d.average ?? '—', count: d.count, views: d.views })}
          </Typography.Text>
        </Flex>
      )}
      {!mine && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text type="secondary">{t('resources.myRating')}</Typography.Text>
            <Rate value={stars || d?.mine || 0} onChange={setStars} data-testid="rate-stars" />
          </Flex>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('resources.ratingComment')}
          />
          <Button
            disabled={!stars}
            onClick={() => void send()}
            style={{ alignSelf: 'flex-start' }}
            data-testid="rate-send"
          >
            {t('resources.rate')}
          </Button>
          {error && <Alert type="error" showIcon role="alert" title={error} />}
        </Flex>
      )}
      {d && d.comments.length > 0 && (
        <List
          size="small"
          dataSource={d.comments}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text>
                <Typography.Text strong>{c.name}</Typography.Text>{' '}
                <Rate disabled size="small" value={c.stars} /> {c.comment}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
