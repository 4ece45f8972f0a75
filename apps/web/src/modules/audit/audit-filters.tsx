import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Grid, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgUnitPicker } from '../org/org-unit-picker';
import { actionLabelKey, KNOWN_ACTIONS } from './audit-actions';

export interface AuditFilterValues {
  personId?: string;
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
  orgUnitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditFilters({ onSearch }: { onSearch: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  // On a desktop the buttons line up with the inputs of the row, below their labels.
  const wide = Grid.useBreakpoint().lg === true;
  const actionOptions = KNOWN_ACTIONS.map((a) => ({ value: a, label: `${t(actionLabelKey(a))}（${a}）` }));

  return (
    <Form form={form} layout="vertical" onFinish={onSearch} data-testid="audit-form">
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            label={t('audit.personId')}
            name="personId"
            rules={[{ pattern: UUID, message: t('audit.personIdRule') }]}
          >
            <Input allowClear placeholder={t('audit.personIdHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            label={t('audit.action')}
            name="action"
            rules={[{ pattern: /^[a-z_.]{1,60}$/, message: t('audit.actionRule') }]}
          >
            <AutoComplete
              allowClear
              options={actionOptions}
              placeholder={t('audit.actionHint')}
              showSearch={{
                filterOption: (input, option) =>
                  !!option && `${option.value} ${option.label}`.toLowerCase().includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item label={t('audit.outcome')} name="outcome">
            <Select
              allowClear
              options={(['success', 'failure', 'denied'] as const).map((o) => ({
                value: o,
                label: t(`audit.outcomeValue.${o}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item label={t('audit.orgUnit')} name="orgUnitId">
            <OrgUnitPicker />
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          <Form.Item label={t('audit.range')} name="range" extra={t('audit.rangeHint')}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col
          xs={24}
          lg={6}
          style={{ display: 'flex', alignItems: 'flex-start', gap: 8, paddingTop: wide ? 30 : 0 }}
        >
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
