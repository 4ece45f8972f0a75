import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage, PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { downloadInventory, type InventoryTable } from './privacy-api';

type Column = InventoryTable['columns'][number];

/** The server labels classes in Chinese (数据分级): colour by the label's level. */
const classColor = (label: string) =>
  label.startsWith('敏感') ? 'red' : label.startsWith('重要') ? 'orange' : 'blue';
const CLASSES = ['敏感个人信息', '重要个人信息', '一般个人信息'];

const matches = (q: string, ...texts: string[]) => texts.some((x) => x.toLowerCase().includes(q));

/**
 * 个人信息清单 (ASVS V8, COMPLIANCE §3): every table holding personal data, each personal column's
 * class, legal basis, purpose and protection, and whether row-level security guards the table.
 * The search narrows to the tables, and inside them the columns, that mention the words.
 */
export function InventoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [cls, setCls] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);
  const inventory = useQuery({
    queryKey: ['privacy', 'inventory'],
    queryFn: () => unwrap(api.GET('/api/privacy/inventory')),
    staleTime: 5 * 60_000,
  });

  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (inventory.data ?? []).flatMap((tbl) => {
      const tableHit = !needle || matches(needle, tbl.table, tbl.description, tbl.retention);
      const columns = tbl.columns.filter(
        (c) =>
          (!cls || c.class === cls) &&
          (tableHit || matches(needle, c.column, c.class, c.basis, c.purpose, c.protection)),
      );
      return columns.length > 0 ? [{ ...tbl, columns }] : [];
    });
  }, [inventory.data, q, cls]);
  const searching = q.trim() !== '' || !!cls;

  const exportXlsx = async () => {
    setBusy(true);
    try {
      await downloadInventory();
    } catch (e) {
      void message.error(errorMessage(e, t('privacy.inventory.exportFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle
        title={t('privacy.inventory.title')}
        subtitle={t('privacy.inventory.subtitle')}
        testId="inventory-title"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={busy}
            onClick={exportXlsx}
            data-testid="inventory-export"
          >
            {t('privacy.inventory.export')}
          </Button>
        }
      />
      <Flex wrap gap={8}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('privacy.inventory.search')}
          onChange={(e) => setQ(e.target.value)}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
          data-testid="inventory-search"
        />
        <Select
          allowClear
          value={cls}
          onChange={setCls}
          placeholder={t('privacy.inventory.allClasses')}
          options={CLASSES.map((c) => ({ value: c, label: c }))}
          style={{ flex: '0 1 180px' }}
        />
      </Flex>
      {inventory.isError && <PageError error={inventory.error} onRetry={() => void inventory.refetch()} />}
      <Card size="small">
        <Typography.Text type="secondary">
          {t('privacy.inventory.count', {
            tables: filtered.length,
            columns: filtered.reduce((n, x) => n + x.columns.length, 0),
          })}
        </Typography.Text>
        <Table<InventoryTable>
          rowKey="table"
          size="small"
          loading={inventory.isPending}
          dataSource={filtered}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="inventory-table"
          expandable={{
            expandedRowRender: (tbl) => <ColumnsTable columns={tbl.columns} />,
            // While searching, the columns that matched show without a click.
            expandedRowKeys: searching ? filtered.map((x) => x.table) : expanded,
            onExpandedRowsChange: (keys) => {
              if (!searching) setExpanded(keys as string[]);
            },
          }}
          columns={[
            {
              title: t('privacy.inventory.table'),
              dataIndex: 'table',
              render: (name: string, tbl) => (
                <div style={{ maxWidth: 320 }}>
                  <Typography.Text code>{name}</Typography.Text>
                  <div className="hanlin-wrap">{tbl.description}</div>
                </div>
              ),
            },
            {
              title: t('privacy.inventory.columns'),
              key: 'columns',
              align: 'right',
              render: (_, tbl) => tbl.columns.length,
            },
            {
              title: t('privacy.inventory.highest'),
              key: 'highest',
              render: (_, tbl) => {
                const top = CLASSES.find((c) => tbl.columns.some((x) => x.class === c));
                return top ? <Tag color={classColor(top)}>{top}</Tag> : null;
              },
            },
            {
              title: t('privacy.inventory.rls'),
              dataIndex: 'rowLevelSecurity',
              render: (on: boolean) =>
                on ? <Tag color="green">{t('common.yes')}</Tag> : <Tag color="red">{t('common.no')}</Tag>,
            },
            {
              title: t('privacy.inventory.retention'),
              dataIndex: 'retention',
              render: (x: string) => (
                <div className="hanlin-wrap" style={{ maxWidth: 260 }}>
                  {x}
                </div>
              ),
            },
          ]}
        />
      </Card>
    </Stack>
  );
}

function ColumnsTable({ columns }: { columns: Column[] }) {
  const { t } = useTranslation();
  return (
    <Table<Column>
      rowKey="column"
      size="small"
      dataSource={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('privacy.inventory.column'),
          dataIndex: 'column',
          render: (c: string) => <code>{c}</code>,
        },
        {
          title: t('privacy.inventory.class'),
          dataIndex: 'class',
          render: (c: string) => <Tag color={classColor(c)}>{c}</Tag>,
        },
        {
          title: t('privacy.inventory.basis'),
          dataIndex: 'basis',
          render: (x: string) => (
            <div style={{ maxWidth: 260 }} className="hanlin-wrap">
              {x}
            </div>
          ),
        },
        {
          title: t('privacy.inventory.purpose'),
          dataIndex: 'purpose',
          render: (x: string) => (
            <div style={{ maxWidth: 300 }} className="hanlin-wrap">
              {x}
            </div>
          ),
        },
        { title: t('privacy.inventory.protection'), dataIndex: 'protection' },
      ]}
    />
  );
}
