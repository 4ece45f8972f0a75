import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useAuth, useMe } from '../auth/auth-context';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/use-lang';
import { actingAs } from './notification-link';

/**
 * The bell: answers to one's questions, items awaiting one's review …; a click opens the thing and
 * marks it read, first switching to the role the message names if it is not the active one.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const { switchRole } = useAuth();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const inbox = useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap(api.GET('/api/notifications')),
    refetchInterval: 60_000,
  });
  const items = inbox.data?.items ?? [];
  const go = async (item: (typeof items)[number]) => {
    setOpen(false);
    if (!item.readAt)
      await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } })).catch(
        () => undefined,
      );
    await client.invalidateQueries({ queryKey: ['notifications'] });
    if (!item.link) return;
    const { to, as } = actingAs(item.link);
    if (as && as !== me.roleAssignmentId && me.roles.some((r) => r.id === as))
      await switchRole(as).catch(() => undefined);
    navigate(to);
  };
  const content =
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shell.noNotifications')} />
    ) : (
      <List
        size="small"
        style={{ width: 320, maxHeight: 420, overflow: 'auto' }}
        dataSource={items}
        renderItem={(item) => (
          <List.Item
            onClick={() => void go(item)}
            style={{ cursor: 'pointer' }}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!item.readAt} style={{ fontSize: 13 }}>
                  {item.title}
                </Typography.Text>
              }
              description={
                <>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {item.body}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {formatDateTime(item.createdAt, lang)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}>
      <Badge count={inbox.data?.unread ?? 0} size="small">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('shell.notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
