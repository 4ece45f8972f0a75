import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { childKinds, type OrgUnit, orgKeys, parentKindOf } from './org-queries';
import { UnitFormModal } from './unit-form-modal';
import { UnitMoveModal } from './unit-move-modal';

type Dialog = 'create' | 'edit' | 'move' | undefined;

/** Admin actions on one unit; the server checks scope again, this only hides what makes no sense. */
export function UnitActions({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>();
  const kinds = childKinds(unit.kind);

  const done = async (text: string) => {
    setDialog(undefined);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: orgKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['portal'] });
  };

  const deactivate = async () => {
    try {
      await unwrap(api.POST('/api/org/units/{id}/deactivate', { params: { path: { id: unit.id } } }));
      await done(t('org.deactivated'));
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };

  return (
    <>
      <Space wrap size={8}>
        {kinds.length > 0 && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="org-create">
            {t('org.createChild')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="org-edit">
          {t('org.edit')}
        </Button>
        {parentKindOf(unit.kind) && (
          <Button icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="org-move">
            {t('org.move')}
          </Button>
        )}
        {unit.kind !== 'city' && (
          <Popconfirm
            title={t('org.deactivateConfirm', { name: unit.name })}
            description={t('org.deactivateHint')}
            okButtonProps={{ danger: true }}
            onConfirm={deactivate}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="org-deactivate">
              {t('org.deactivate')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {dialog === 'create' && (
        <UnitFormModal
          mode="create"
          unit={unit}
          kinds={kinds}
          onCancel={() => setDialog(undefined)}
          onDone={() => done(t('org.created'))}
        />
      )}
      {dialog === 'edit' && (
        <UnitFormModal
          mode="edit"
          unit={unit}
          kinds={[]}
          onCancel={() => setDialog(undefined)}
          onDone={() => done(t('common.saved'))}
        />
      )}
      {dialog === 'move' && (
        <UnitMoveModal
          unit={unit}
          onCancel={() => setDialog(undefined)}
          onDone={() => done(t('org.moved'))}
        />
      )}
    </>
  );
}
