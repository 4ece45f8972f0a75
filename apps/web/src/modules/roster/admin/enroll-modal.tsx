import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import type { ApiBody } from '../../../app/api/types';
import { useCodeOptions } from '../../../app/codes/use-codes';
import type { Student } from '../roster-queries';
import { FormError, serverError, submitProps, validated } from './form-helpers';
import { parseResidentId, RESIDENT_ID_TYPE } from './resident-id';

type Body = ApiBody<'/api/students', 'post'>;
type Values = Omit<Body, 'classId' | 'birthDate'> & { birthDate?: Dayjs };
const FIELDS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'idType',
  'idNumber',
  'nationalNo',
  'studentNo',
  'entryYear',
  'studyMode',
  'householdType',
  'migrant',
] as const;

interface Props {
  classId: string;
  className: string;
  entryYear?: number | null;
  onCancel: () => void;
  onDone: (student: Student) => Promise<void>;
}

/** 新生入学: records a new student in an administrative class (person, account, 学籍). */
export function EnrollModal({ classId, className, entryYear, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const genders = useCodeOptions('gender').filter((o) => o.value === '1' || o.value === '2');
  const ethnicities = useCodeOptions('ethnicity');
  const idTypes = useCodeOptions('id_type');
  const studyModes = useCodeOptions('study_mode');
  const householdTypes = useCodeOptions('household_type');

  // A valid resident ID fills in what it encodes, where the form is still empty.
  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (changed.idNumber === undefined || all.idType !== RESIDENT_ID_TYPE) return;
    const info = parseResidentId(changed.idNumber);
    if ('error' in info) return;
    const patch: Partial<Values> = {};
    if (!all.birthDate) patch.birthDate = dayjs(info.birthDate);
    if (!all.gender) patch.gender = info.gender;
    if (!all.nationalNo) patch.nationalNo = `G${changed.idNumber.trim().toUpperCase()}`;
    form.setFieldsValue(patch);
  };

  // The ID must agree with the birth date and sex in the form (GB 11643).
  const idRule: Rule = ({ getFieldValue }) => ({
    validator: async (_, raw?: string) => {
      if (!raw || getFieldValue('idType') !== RESIDENT_ID_TYPE) return;
      const info = parseResidentId(raw);
      if ('error' in info) throw new Error(t(info.error));
      const birth = (getFieldValue('birthDate') as Dayjs | undefined)?.format('YYYY-MM-DD');
      if (birth && birth !== info.birthDate)
        throw new Error(t('rosterAdmin.id.birthMismatch', { date: info.birthDate }));
      const gender = getFieldValue('gender') as string | undefined;
      if (gender && gender !== info.gender)
        throw new Error(
          t('rosterAdmin.id.sexMismatch', { sex: t(info.gender === '1' ? 'gender.male' : 'gender.female') }),
        );
    },
  });

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: Body = {
        ...v,
        classId,
        name: v.name.trim(),
        birthDate: v.birthDate?.format('YYYY-MM-DD') ?? '',
        idNumber: v.idNumber.trim().toUpperCase(),
        nationalNo: v.nationalNo.trim().toUpperCase(),
        studentNo: v.studentNo.trim(),
        migrant: v.migrant ?? false,
      };
      await onDone(await unwrap(api.POST('/api/students', { body })));
    } catch (e) {
      setError(serverError(e, t('common.saveFailed'), form, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const upper = (v?: string) => v?.toUpperCase();
  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open
      width={720}
      title={t('rosterAdmin.enrollTitle', { name: className })}
      okText={t('rosterAdmin.enrollSubmit')}
      okButtonProps={submitProps('enroll-submit', busy)}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
    >
      <FormError message={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        style={{ marginTop: 12 }}
        onValuesChange={onValuesChange}
        initialValues={{
          ethnicity: '01',
          idType: RESIDENT_ID_TYPE,
          entryYear: entryYear ?? dayjs().year(),
          migrant: false,
        }}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              label={t('roster.name')}
              name="name"
              rules={[{ required: true, whitespace: true, max: 30 }]}
            >
              <Input maxLength={30} autoComplete="off" data-testid="enroll-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('roster.gender')} name="gender" rules={[{ required: true }]}>
              <Select options={genders} data-testid="enroll-gender" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('student.idType')} name="idType" rules={[{ required: true }]}>
              <Select options={idTypes} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('student.idNumber')}
              name="idNumber"
              normalize={upper}
              dependencies={['idType', 'birthDate', 'gender']}
              rules={[{ required: true, whitespace: true, min: 6, max: 30 }, idRule]}
            >
              <Input maxLength={30} autoComplete="off" data-testid="enroll-id-number" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('roster.birthDate')} name="birthDate" rules={[{ required: true }]}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs())}
                data-testid="enroll-birth-date"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('student.ethnicity')} name="ethnicity" rules={[{ required: true }]}>
              <Select options={ethnicities} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('student.nationalNo')}
              name="nationalNo"
              normalize={upper}
              extra={t('rosterAdmin.nationalNoHint')}
              rules={[
                { required: true },
                { pattern: /^[A-Z0-9]{10,20}$/, message: t('rosterAdmin.rule.nationalNo') },
              ]}
            >
              <Input maxLength={20} autoComplete="off" data-testid="enroll-national-no" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('roster.studentNo')}
              name="studentNo"
              rules={[
                { required: true },
                { pattern: /^[A-Za-z0-9-]{1,20}$/, message: t('rosterAdmin.rule.studentNo') },
              ]}
            >
              <Input maxLength={20} autoComplete="off" data-testid="enroll-student-no" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('org.entryYear')} name="entryYear" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('student.studyMode')} name="studyMode">
              <Select allowClear options={studyModes} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('student.householdType')} name="householdType">
              <Select allowClear options={householdTypes} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('student.migrant')} name="migrant" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('rosterAdmin.enrollNote')}
      </Typography.Paragraph>
    </Modal>
  );
}
