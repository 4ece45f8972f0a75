import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiData } from '../../app/api/types';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { actionLabelKey } from './audit-actions';

export type AuditPage = ApiData<'/api/audit'>;
type Entry = AuditPage['items'][number];

const OUTCOME_COLOR: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

interface Props {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** Audit entries, newest first, paged on the server; times in Beijing time. */
export function AuditTable({ data, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = useMemo<TableColumnsType<Entry>>(
    () => [
      {
        title: t('audit.at'),
        dataIndex: 'at',
        width: 170,
        render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at, lang)}</span>,
      },
      {
        title: t('audit.actor'),
        key: 'actor',
        render: (_, e) => (
          <>
            <div>{e.actorName ?? '—'}</div>
            {e.actorRole && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`role.${e.actorRole}`, { defaultValue: e.actorRole })}
              </Typography.Text>
            )}
          </>
        ),
      },
      {
        title: t('audit.action'),
        dataIndex: 'action',
        render: (a: string) => (
          <>
            <div>{t(actionLabelKey(a), { defaultValue: a })}</div>
            <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
              {a}
            </Typography.Text>
          </>
        ),
      },
      {
        title: t('audit.outcome'),
        dataIndex: 'outcome',
        render: (o: string) => (
          <Tag color={OUTCOME_COLOR[o]}>{t(`audit.outcomeValue.${o}`, { defaultValue: o })}</Tag>
        ),
      },
      {
        title: t('audit.target'),
        key: 'target',
        render: (_, e) =>
          e.targetType ? (
            <Typography.Text style={{ fontSize: 12 }} copyable={e.targetId ? { text: e.targetId } : false}>
              {e.targetType}
              {e.targetId ? ` ${e.targetId.slice(0, 8)}…` : ''}
            </Typography.Text>
          ) : (
            '—'
          ),
      },
      {
        title: t('audit.orgPath'),
        dataIndex: 'orgPath',
        render: (p: string | null) => <span style={{ fontSize: 12 }}>{p ?? '—'}</span>,
      },
      { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    ],
    [t, lang],
  );

  return (
    <Table<Entry>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content' }}
      data-testid="audit-table"
      expandable={{
        rowExpandable: (e) => e.details !== null && e.details !== undefined,
        expandedRowRender: (e) => (
          <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(e.details, null, 2)}
          </pre>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => t('audit.total', { count: total }),
        onChange: onPage,
        size: 'small',
      }}
    />
  );
}
