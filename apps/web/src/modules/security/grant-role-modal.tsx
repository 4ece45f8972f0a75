import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage } from '../../app/components/page-state';

type Grantable = ApiData<'/api/security/staff'>['grantable'][number];
type Person = ApiData<'/api/security/staff'>['staff'][number];

/** Chooses a role and the unit it is held in, and grants it. */
export function GrantRoleModal({
  person,
  roles,
  onClose,
}: {
  person: Person;
  roles: readonly Grantable[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ role: Grantable; orgUnitId: string }>();
  const role = Form.useWatch('role', form);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [needsFactor, setNeedsFactor] = useState(false);
  const units = useQuery({
    queryKey: ['security', 'grant-units', role, q],
    queryFn: () =>
      unwrap(api.GET('/api/security/grant-units', { params: { query: { role: role!, q: q || undefined } } })),
    enabled: !!role,
    placeholderData: keepPreviousData,
  });

  const grant = async (values: { role: Grantable; orgUnitId: string }) => {
    setBusy(true);
    try {
      const out = await unwrap(
        api.POST('/api/accounts/{personId}/roles', {
          params: { path: { personId: person.personId } },
          body: values,
        }),
      );
      void message.success(t('security.roles.granted'));
      await client.invalidateQueries({ queryKey: ['security', 'staff'] });
      if (out.needsSecondFactor) setNeedsFactor(true);
      else onClose();
    } catch (e) {
      void message.error(errorMessage(e, t('security.roles.grantFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('security.roles.grantTitle', { name: person.name })}
      okText={needsFactor ? t('common.close') : t('security.roles.grant')}
      cancelButtonProps={{ style: needsFactor ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onOk={() => (needsFactor ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      {needsFactor ? (
        <Alert
          type="warning"
          showIcon
          data-testid="grant-needs-factor"
          title={t('security.roles.needsSecondFactor')}
          action={<Link to="/security/second-factors">{t('nav.secondFactors')}</Link>}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={grant} requiredMark={false}>
          <Form.Item
            name="role"
            label={t('security.roles.role')}
            rules={[{ required: true, message: t('security.roles.roleRequired') }]}
          >
            <Select
              data-testid="grant-role"
              options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              onChange={() => {
                form.setFieldValue('orgUnitId', undefined);
                setQ('');
              }}
            />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('security.roles.unit')}
            rules={[{ required: true, message: t('security.roles.unitRequired') }]}
          >
            <Select
              data-testid="grant-unit"
              disabled={!role}
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('security.roles.unitHint')}
              loading={units.isFetching}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
