import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { type OrgUnit, parentKindOf } from './org-queries';

/** Moves a unit under another parent of the right kind, found by name within the actor's scope. */
export function UnitMoveModal(props: { unit: OrgUnit; onCancel: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const kind = parentKindOf(props.unit.kind) ?? 'city';
  const [q, setQ] = useState('');
  const [parentId, setParentId] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const candidates = useQuery({
    queryKey: ['org', 'search', kind, q],
    queryFn: () =>
      unwrap(api.GET('/api/org/units', { params: { query: { kind, q: q || undefined, limit: 50 } } })),
  });

  const submit = async () => {
    if (!parentId) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/org/units/{id}/move', { params: { path: { id: props.unit.id } }, body: { parentId } }),
      );
      await props.onDone();
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const options = (candidates.data ?? [])
    .filter((u) => u.id !== props.unit.parentId && u.active)
    .map((u) => ({ value: u.id, label: u.name }));

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: props.unit.name })}
      okText={t('org.move')}
      okButtonProps={{ disabled: !parentId, loading: busy }}
      onOk={submit}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('org.newParent', { kind: t(`org.kind.${kind}`) })} required>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={parentId}
            onChange={setParentId}
            loading={candidates.isFetching}
            options={options}
            placeholder={t('org.searchByName')}
            notFoundContent={null}
            data-testid="org-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
