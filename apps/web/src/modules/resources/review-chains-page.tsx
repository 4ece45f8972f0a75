import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { KINDS } from './resources-api';

type Chain = ApiData<'/api/review-chains'>[number];
type NewChain = {
  name: string;
  kind: string | null;
  steps: { name: string; roles: string[]; level: string; dueDays: number }[];
};

const ROLES = ['author', 'expert', 'school_admin', 'researcher', 'district_admin', 'city_admin'];
const LEVELS = ['author', 'school', 'district', 'city', 'district_or_city'];

/** 审核流程配置 (R3): the chains that apply here, and a new one for this bureau's own unit. */
export function ReviewChainsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const chains = useQuery({
    queryKey: ['review-chains'],
    queryFn: () => unwrap(api.GET('/api/review-chains')),
  });
  const [form] = Form.useForm<NewChain>();
  const roleLabel = (r: string) => (r === 'author' ? t('chains.author') : t(`role.${r}`));

  const save = async (v: NewChain) => {
    try {
      await unwrap(
        api.POST('/api/review-chains', {
          body: { ...v, kind: (v.kind || null) as never, steps: v.steps as never },
        }),
      );
      message.success(t('common.saved'));
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['review-chains'] });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };
  const retire = async (id: string) => {
    try {
      await unwrap(api.POST('/api/review-chains/{id}/deactivate', { params: { path: { id } } }));
      await client.invalidateQueries({ queryKey: ['review-chains'] });
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    }
  };

  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="chains-title">
        {t('chains.title')}
      </Typography.Title>
      {chains.isPending ? (
        <PageLoading />
      ) : chains.isError ? (
        <PageError error={chains.error} onRetry={() => void chains.refetch()} />
      ) : (
        <Card size="small">
          <Table<Chain>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={chains.data}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('chains.name'), dataIndex: 'name' },
              { title: t('chains.unit'), dataIndex: 'unitName' },
              {
                title: t('chains.kind'),
                dataIndex: 'kind',
                render: (k: string | null) => (k ? t(`resources.kind.${k}`) : t('chains.allKinds')),
              },
              {
                title: t('chains.steps'),
                key: 'steps',
                render: (_: unknown, c) => (
                  <Flex wrap gap={4}>
                    {c.steps.map((s, i) => (
                      <Tag key={s.name}>
                        {i + 1}. {s.name}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                title: '',
                key: 'x',
                render: (_: unknown, c) =>
                  c.mine && (
                    <Popconfirm title={t('chains.confirmRetire')} onConfirm={() => void retire(c.id)}>
                      <Button size="small" danger>
                        {t('chains.retire')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('chains.new')}>
        <Typography.Paragraph type="secondary">{t('chains.hint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{
            kind: null,
            steps: [{ name: '作者自审', roles: ['author'], level: 'author', dueDays: 0 }],
          }}
        >
          <Flex wrap gap={12}>
            <Form.Item
              name="name"
              label={t('chains.name')}
              rules={[{ required: true, max: 40 }]}
              style={{ minWidth: 240 }}
            >
              <Input />
            </Form.Item>
            <Form.Item name="kind" label={t('chains.kind')} style={{ minWidth: 200 }}>
              <Select
                options={[
                  { value: null, label: t('chains.allKinds') },
                  ...KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) })),
                ]}
              />
            </Form.Item>
          </Flex>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f, i) => (
                  <Flex key={f.key} wrap gap={8} align="flex-start">
                    <Typography.Text style={{ width: 24, paddingTop: 6 }}>{i + 1}.</Typography.Text>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, max: 30 }]}
                      style={{ marginBottom: 0, width: 180 }}
                    >
                      <Input placeholder={t('chains.stepName')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'roles']}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0, minWidth: 220 }}
                    >
                      <Select
                        mode="multiple"
                        placeholder={t('chains.roles')}
                        options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'level']}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0, width: 150 }}
                    >
                      <Select
                        placeholder={t('chains.level')}
                        options={LEVELS.map((l) => ({ value: l, label: t(`chains.levels.${l}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDays']} initialValue={3} style={{ marginBottom: 0 }}>
                      <InputNumber min={0} max={60} addonAfter={t('chains.days')} style={{ width: 120 }} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('curriculum.delete')}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  style={{ alignSelf: 'flex-start' }}
                  disabled={fields.length >= 8}
                >
                  {t('chains.addStep')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
            {t('chains.create')}
          </Button>
        </Form>
      </Card>
    </Stack>
  );
}
