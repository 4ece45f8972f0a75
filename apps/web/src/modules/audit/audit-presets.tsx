import { CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Flex, Form, Input, Popconfirm, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { useLang } from '../../app/i18n/use-lang';
import type { AuditFilter } from './audit-api';

/** Same conditions, whatever the order of keys and lists. */
const sameFilter = (a: AuditFilter, b: AuditFilter) => {
  const norm = (f: AuditFilter) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return norm(a) === norm(b);
};

function SaveCurrent({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const save = useMutation({
    mutationFn: (name: string) =>
      unwrap(api.POST('/api/audit/saved-searches', { body: { name, query: filter } })),
    onSuccess: () => {
      void message.success(t('audit.saved'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['audit', 'saved'] });
    },
    onError: (e) => void message.error(errorMessage(e, t('common.saveFailed'))),
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v.name.trim())}
          style={{ width: 240 }}
        >
          <Form.Item
            label={t('audit.saveSearchName')}
            name="name"
            rules={[{ required: true, whitespace: true, max: 40, message: t('audit.saveSearchNameRule') }]}
          >
            <Input placeholder={t('audit.saveSearchNameHint')} maxLength={40} data-testid="audit-save-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="audit-save-ok">
            {t('common.save')}
          </Button>
        </Form>
      }
    >
      <Button icon={<SaveOutlined />} type="dashed" data-testid="audit-save">
        {t('audit.saveSearch')}
      </Button>
    </Popover>
  );
}

/**
 * 常用查询: the built-in searches an auditor starts from, each with how many records it finds now,
 * then the auditor's own saved ones. One click applies a search.
 */
export function AuditPresets({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply: (f: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const presets = useQuery({
    queryKey: ['audit', 'presets'],
    queryFn: () => unwrap(api.GET('/api/audit/presets')),
  });
  const saved = useQuery({
    queryKey: ['audit', 'saved'],
    queryFn: () => unwrap(api.GET('/api/audit/saved-searches')),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/audit/saved-searches/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit', 'saved'] }),
    onError: (e) => void message.error(errorMessage(e, t('common.saveFailed'))),
  });

  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.presetsHint')}
      </Typography.Text>
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {(presets.data ?? []).map((p) => (
          <Button
            key={p.key}
            type={sameFilter(filter, p.filter) ? 'primary' : 'default'}
            onClick={() => onApply(p.filter)}
            data-testid={`audit-preset-${p.key}`}
          >
            {lang === 'en' ? p.en : p.zh}
            <Badge
              count={p.count}
              showZero
              overflowCount={9999}
              color={p.count > 0 ? (p.key === 'refusals' ? '#cf1322' : '#1e4fa3') : '#bfbfbf'}
            />
          </Button>
        ))}
        {(saved.data ?? []).map((s) => (
          <Space.Compact key={s.id}>
            <Button
              type={sameFilter(filter, s.query) ? 'primary' : 'default'}
              onClick={() => onApply(s.query)}
              data-testid="audit-saved"
            >
              {s.name}
            </Button>
            <Popconfirm
              title={t('audit.deleteSavedConfirm', { name: s.name })}
              onConfirm={() => remove.mutate(s.id)}
            >
              <Button icon={<CloseOutlined />} aria-label={t('audit.deleteSaved')} />
            </Popconfirm>
          </Space.Compact>
        ))}
        <SaveCurrent filter={filter} />
      </Flex>
    </div>
  );
}
