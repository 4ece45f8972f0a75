import { StarFilled, StarOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { errorMessage } from '../../app/components/page-state';

const COLLECTORS = new Set(['teacher', 'head_teacher', 'student']);

/** 收藏: keeps a published resource in the teacher's or student's own space. */
export function CollectButton({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const key = ['spaces', 'collected', resourceId];
  const state = useQuery({
    queryKey: key,
    enabled: COLLECTORS.has(me.role),
    queryFn: () => unwrap(api.GET('/api/resources/{id}/collected', { params: { path: { id: resourceId } } })),
  });
  if (!COLLECTORS.has(me.role) || !state.data) return null;
  const on = state.data.collected;
  const toggle = async () => {
    try {
      await unwrap(
        api.POST('/api/resources/{id}/collected', {
          params: { path: { id: resourceId } },
          body: { collected: !on },
        }),
      );
      await client.invalidateQueries({ queryKey: ['spaces'] });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  return (
    <Button
      icon={on ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
      onClick={() => void toggle()}
      data-testid="collect"
    >
      {on ? t('spaces.collected') : t('spaces.collect')}
    </Button>
  );
}
