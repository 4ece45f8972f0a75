import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody } from '../../app/api/types';
import { useCodeOptions } from '../../app/codes/use-codes';
import { errorMessage } from '../../app/components/page-state';
import type { OrgKind, OrgUnit } from './org-queries';

type CreateBody = ApiBody<'/api/org/units', 'post'>;
type PatchBody = ApiBody<'/api/org/units/{id}', 'patch'>;
type Values = Partial<Omit<CreateBody, 'parentId'>>;

interface Props {
  mode: 'create' | 'edit';
  unit: OrgUnit;
  /** Kinds that may be created under `unit` (create mode). */
  kinds: CreateBody['kind'][];
  onCancel: () => void;
  onDone: () => Promise<void>;
}

/** Creates a child unit or edits a unit; which code fields appear depends on the unit's kind. */
export function UnitFormModal({ mode, unit, kinds, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const chosenKind = Form.useWatch('kind', form);
  const kind: OrgKind = mode === 'create' ? (chosenKind ?? kinds[0] ?? 'district') : unit.kind;
  const stages = useCodeOptions('stage');
  const schoolTypes = useCodeOptions('school_type');
  const grades = useCodeOptions('grade');
  const subjects = useCodeOptions('subject');

  const initial: Values =
    mode === 'create'
      ? { kind: kinds[0], stage: unit.stage ?? undefined }
      : {
          name: unit.name,
          address: unit.address ?? undefined,
          stage: unit.stage ?? undefined,
          schoolType: unit.schoolType ?? undefined,
          subjectCode: unit.subjectCode ?? undefined,
          entryYear: unit.entryYear ?? undefined,
        };

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'create') {
        const body = { ...values, parentId: unit.id, kind: values.kind ?? kinds[0] } as CreateBody;
        await unwrap(api.POST('/api/org/units', { body }));
      } else {
        const { name, address, stage, schoolType, subjectCode, entryYear } = values;
        const body: PatchBody = { name, address, stage, schoolType, subjectCode, entryYear };
        await unwrap(api.PATCH('/api/org/units/{id}', { params: { path: { id: unit.id } }, body }));
      }
      await onDone();
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const creating = mode === 'create';
  const digits = (n: number, msg: string) => ({ pattern: new RegExp(`^[0-9]{${n}}$`), message: msg });
  return (
    <Modal
      open
      title={creating ? t('org.createTitle', { name: unit.name }) : t('org.editTitle', { name: unit.name })}
      okText={creating ? t('org.create') : t('common.save')}
      okButtonProps={{ loading: busy }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
        {creating && (
          <Form.Item label={t('org.kindLabel')} name="kind" rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} data-testid="org-form-name" />
        </Form.Item>
        {creating && kind === 'district' && (
          <Form.Item
            label={t('org.divisionCode')}
            name="divisionCode"
            rules={[digits(6, t('org.rule.division'))]}
          >
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
        )}
        {creating && kind === 'school' && (
          <Form.Item
            label={t('org.schoolCode')}
            name="schoolCode"
            rules={[digits(10, t('org.rule.schoolCode'))]}
          >
            <Input maxLength={10} inputMode="numeric" />
          </Form.Item>
        )}
        {(kind === 'school' || kind === 'grade') && (
          <Form.Item label={t('org.stage')} name="stage">
            <Select allowClear options={stages} />
          </Form.Item>
        )}
        {kind === 'school' && (
          <Form.Item label={t('org.schoolType')} name="schoolType">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={schoolTypes} />
          </Form.Item>
        )}
        {creating && kind === 'grade' && (
          <Form.Item label={t('org.grade')} name="gradeCode" rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={grades} />
          </Form.Item>
        )}
        {kind === 'teaching_class' && (
          <Form.Item label={t('org.subject')} name="subjectCode" rules={[{ required: creating }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={subjects} />
          </Form.Item>
        )}
        {(kind === 'grade' || kind === 'class' || kind === 'teaching_class') && (
          <Form.Item label={t('org.entryYear')} name="entryYear">
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(kind === 'district' || kind === 'school') && (
          <Form.Item label={t('org.address')} name="address" rules={[{ max: 120 }]}>
            <Input maxLength={120} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
