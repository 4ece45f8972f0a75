import {
  Button,
  Descriptions,
  Grid,
  List,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n/format';
import { type AuditEntry, type AuditPage, useAuditActions } from './audit-api';

const OUTCOME_COLOR: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

interface Props {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Opens the names of a bulk event's persons (a read of personal data, audited). */
  onSubjects: (entry: AuditEntry) => void;
}

/** The unit as its names; the last two on the row, the whole chain on hover. */
function Unit({ e }: { e: AuditEntry }) {
  if (!e.orgPath) return <>—</>;
  const names = e.orgNames.length > 0 ? e.orgNames : [e.orgPath];
  return (
    <Tooltip title={names.join(' / ')}>
      <span style={{ fontSize: 12 }}>{names.slice(-2).join(' / ')}</span>
    </Tooltip>
  );
}

function Details({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered style={{ maxWidth: 900 }}>
      {e.targetType && (
        <Descriptions.Item label={t('audit.target')}>
          {e.targetType}
          {e.targetId && (
            <Typography.Text copyable style={{ marginLeft: 8, fontSize: 12 }}>
              {e.targetId}
            </Typography.Text>
          )}
        </Descriptions.Item>
      )}
      {e.ip && <Descriptions.Item label={t('audit.ip')}>{e.ip}</Descriptions.Item>}
      <Descriptions.Item label={t('audit.recordId')}>
        <Typography.Text copyable style={{ fontSize: 12 }}>
          {e.id}
        </Typography.Text>
      </Descriptions.Item>
      {e.details != null && (
        <Descriptions.Item label={t('audit.details')}>
          <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(e.details, null, 2)}
          </pre>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Audit entries, newest first, paged on the server; a table on a desktop, a list on a phone. */
export function AuditTable({ data, loading, page, pageSize, onPage, onSubjects }: Props) {
  const { t } = useTranslation();
  const { label, lang } = useAuditActions();
  const phone = !Grid.useBreakpoint().md;

  // The platform itself (jobs, the seed) is one actor, 系统, with no role line of its own.
  const actorName = (e: AuditEntry) =>
    e.actorRole === 'system' ? t('audit.systemActor') : (e.actorName ?? '—');
  const actor = (e: AuditEntry) =>
    e.actorRole && e.actorRole !== 'system' ? t(`role.${e.actorRole}`, { defaultValue: e.actorRole }) : '';
  const subject = (e: AuditEntry) =>
    e.subjectCount > 0 ? (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => onSubjects(e)}
        data-testid="audit-subjects"
      >
        {t('audit.subjectCount', { count: e.subjectCount })} · {t('audit.showSubjects')}
      </Button>
    ) : (
      (e.subjectName ?? (e.subjectPersonId ? `${e.subjectPersonId.slice(0, 8)}…` : '—'))
    );
  const outcome = (o: string) => (
    <Tag color={OUTCOME_COLOR[o]}>{t(`audit.outcomeValue.${o}`, { defaultValue: o })}</Tag>
  );

  const columns: TableColumnsType<AuditEntry> = [
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
          <div>{actorName(e)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actor(e)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <>
          <div>{label(a).action}</div>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {label(a).group} · <code>{a}</code>
          </Typography.Text>
        </>
      ),
    },
    { title: t('audit.outcome'), dataIndex: 'outcome', render: outcome },
    { title: t('audit.subject'), key: 'subject', render: (_, e) => subject(e) },
    { title: t('audit.org'), key: 'org', render: (_, e) => <Unit e={e} /> },
  ];

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !phone,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total: number) =>
      data?.more ? t('audit.totalMore', { count: total }) : t('audit.total', { count: total }),
    onChange: onPage,
    size: 'small' as const,
  };

  if (phone) {
    return (
      <List<AuditEntry>
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="id"
        pagination={{ ...pagination, simple: true, align: 'center' }}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-list"
        renderItem={(e) => (
          <List.Item style={{ display: 'block', padding: '10px 0' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{label(e.action).action}</Typography.Text>
              {outcome(e.outcome)}
            </div>
            <div style={{ fontSize: 13 }}>
              {actorName(e)}
              {actor(e) && <Typography.Text type="secondary"> · {actor(e)}</Typography.Text>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at, lang)}
              {e.orgPath && <> · </>}
            </Typography.Text>
            {e.orgPath && <Unit e={e} />}
            {(e.subjectCount > 0 || e.subjectPersonId) && (
              <div style={{ fontSize: 13 }}>
                {t('audit.subject')}：{subject(e)}
              </div>
            )}
          </List.Item>
        )}
      />
    );
  }

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('audit.empty') }}
      data-testid="audit-table"
      expandable={{ expandedRowRender: (e) => <Details e={e} /> }}
      pagination={pagination}
    />
  );
}
