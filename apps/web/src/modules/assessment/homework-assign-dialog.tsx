/**
 * 布置作业/考试: a finalised paper, the classes (one's own; a school's or a district's for its
 * administrators, grouped by school), the window, an optional time limit, homework or exam, the
 * paper-free mode and, for a 统考, double marking with the gap that calls for arbitration.
 */
import {
  Alert,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { useSubmit } from '../../app/components/use-submit';
import {
  createAssignment,
  type NewAssignment,
  useAssignableClasses,
  useAssignablePapers,
} from './homework-api';

interface Values {
  paperId: string;
  title?: string;
  kind: NewAssignment['kind'];
  classIds: string[];
  window: [Dayjs, Dayjs];
  lateUntil?: Dayjs;
  minutes?: number;
  paperFree: boolean;
  doubleMarking: boolean;
  markGap?: number;
}

const BUREAU_ROLES = ['school_admin', 'district_admin', 'city_admin'];

export function AssignDialog(props: {
  open: boolean;
  paperId?: string;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const papers = useAssignablePapers(props.open);
  const classes = useAssignableClasses(props.open);
  const submit = useSubmit(t('homework.assign.failed'));
  const [kind, setKind] = useState<Values['kind']>('homework');
  const [double, setDouble] = useState(false);
  const bySchool = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const c of classes.data?.items ?? []) {
      const g = groups.get(c.schoolName) ?? { label: c.schoolName, options: [] };
      g.options.push({
        value: c.id,
        label: `${c.name}（${t('homework.assign.students', { n: c.students })}）`,
      });
      groups.set(c.schoolName, g);
    }
    return [...groups.values()];
  }, [classes.data, t]);
  const single = bySchool.length <= 1;

  const finish = (v: Values) =>
    submit.run(async () => {
      const { id } = await createAssignment({
        paperId: v.paperId,
        title: v.title || undefined,
        kind: v.kind,
        classIds: v.classIds,
        opensAt: v.window[0].toISOString(),
        closesAt: v.window[1].toISOString(),
        lateUntil: v.lateUntil ? v.lateUntil.toISOString() : null,
        minutes: v.minutes ?? null,
        paperFree: v.paperFree,
        doubleMarking: v.doubleMarking,
        markGap: v.doubleMarking ? (v.markGap ?? null) : null,
      });
      form.resetFields();
      props.onDone(id);
    });

  return (
    <Modal
      open={props.open}
      title={t('homework.assign.title')}
      okText={t('homework.assign.submit')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.busy}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'assign-submit' } as never}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{
          paperId: props.paperId,
          kind: 'homework',
          window: [dayjs(), dayjs().add(2, 'day').hour(21).minute(0).second(0)],
          paperFree: false,
          doubleMarking: false,
          classIds: [],
        }}
        onValuesChange={(_, all) => {
          setKind(all.kind);
          setDouble(all.doubleMarking);
        }}
      >
        <Form.Item
          name="paperId"
          label={t('homework.assign.paper')}
          rules={[{ required: true, message: t('homework.assign.paperRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={papers.isPending}
            data-testid="assign-paper"
            options={(papers.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}（${t('homework.points', { n: p.totalScore })}，${t('homework.minutes', { n: p.minutes })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('homework.assign.name')}>
          <Input maxLength={100} placeholder={t('homework.assign.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('homework.kindLabel')}>
          <Radio.Group
            optionType="button"
            options={(
              ['homework', 'exam', ...(BUREAU_ROLES.includes(me.role) ? ['unified_exam'] : [])] as const
            ).map((k) => ({
              value: k,
              label: t(`homework.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="classIds"
          label={t('homework.classes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('homework.assign.classRequired') }]}
        >
          {single ? (
            <Checkbox.Group
              data-testid="assign-classes"
              options={bySchool[0]?.options ?? []}
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
                gap: 8,
              }}
            />
          ) : (
            <Select
              mode="multiple"
              options={bySchool}
              optionFilterProp="label"
              maxTagCount="responsive"
              data-testid="assign-classes"
            />
          )}
        </Form.Item>
        <Form.Item name="window" label={t('homework.assign.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        {kind === 'homework' && (
          <Form.Item
            name="lateUntil"
            label={t('homework.assign.lateUntil')}
            extra={t('homework.assign.lateHint')}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="minutes" label={t('homework.assign.limit')} extra={t('homework.assign.limitHint')}>
          <InputNumber
            min={1}
            max={600}
            addonAfter={t('homework.assign.minutesUnit')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item
            name="paperFree"
            label={t('homework.assign.paperFree')}
            valuePropName="checked"
            extra={t('homework.assign.paperFreeHint')}
          >
            <Switch />
          </Form.Item>
          {kind === 'unified_exam' && (
            <Form.Item name="doubleMarking" label={t('homework.assign.double')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {kind === 'unified_exam' && double && (
            <Form.Item name="markGap" label={t('homework.assign.gap')} rules={[{ required: true }]}>
              <InputNumber min={0} max={200} addonAfter={t('homework.assign.pointsUnit')} />
            </Form.Item>
          )}
        </Flex>
        {papers.data?.items.length === 0 && (
          <Typography.Text type="secondary">{t('homework.assign.noPapers')}</Typography.Text>
        )}
        {submit.error && <Alert type="error" showIcon title={submit.error} />}
      </Form>
    </Modal>
  );
}
