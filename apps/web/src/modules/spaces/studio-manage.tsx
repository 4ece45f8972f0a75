import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { useSchoolTeachers } from './school-teachers';
import { type Space, spaceKeys } from './spaces-api';

/** For the unit that set a studio up: add and remove members, or close the studio. */
export function StudioManage({ space }: { space: Space }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const picker = useSchoolTeachers(true);
  const [adding, setAdding] = useState<string>();
  const run = async (work: () => Promise<unknown>, done?: () => void) => {
    try {
      await work();
      done?.();
      await client.invalidateQueries({ queryKey: spaceKeys.all });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  const id = space.id;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="studio-manage">
      <Flex gap={6} wrap>
        {space.studioMembers.map((m) => (
          <Tag
            key={m.id}
            closable
            onClose={(e) => {
              e.preventDefault();
              void run(() =>
                unwrap(
                  api.POST('/api/studios/{id}/members/{personId}/delete', {
                    params: { path: { id, personId: m.id } },
                  }),
                ),
              );
            }}
          >
            {m.name}
          </Tag>
        ))}
      </Flex>
      <Flex gap={8} wrap align="center">
        {picker.schoolSelect(() => setAdding(undefined))}
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 220 }}
          placeholder={t('spaces.studio.addMember')}
          value={adding}
          onChange={setAdding}
          loading={picker.loading}
          options={picker.options}
          data-testid="studio-add-select"
        />
        <Button
          disabled={!adding}
          onClick={() =>
            void run(
              () =>
                unwrap(
                  api.POST('/api/studios/{id}/members', {
                    params: { path: { id } },
                    body: { personId: adding ?? '' },
                  }),
                ),
              () => setAdding(undefined),
            )
          }
          data-testid="studio-add"
        >
          {t('spaces.studio.add')}
        </Button>
        <Popconfirm
          title={t('spaces.studio.retireConfirm')}
          onConfirm={() =>
            void run(
              () => unwrap(api.POST('/api/studios/{id}/retire', { params: { path: { id } } })),
              () => navigate('/spaces'),
            )
          }
        >
          <Button danger>{t('spaces.studio.retire')}</Button>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
