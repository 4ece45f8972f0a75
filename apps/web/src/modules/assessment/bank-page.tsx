import { DownloadOutlined, FilterOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  Drawer,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Row,
  Segmented,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { type ItemQuery, PAGE, useItemSearch } from './bank-api';
import { BankFacets, FACET_PARAMS } from './bank-facets';
import { ItemCard } from './item-card';
import { exportUrl, TEMPLATE_URL } from './item-import-api';

/** The query of the bank's URL (so a search can be shared, and the back button returns to it). */
export function queryOf(params: URLSearchParams): ItemQuery {
  const q: Record<string, unknown> = {};
  for (const p of [...Object.values(FACET_PARAMS), 'q', 'mine', 'retired'] as const) {
    const v = params.get(p);
    if (v) q[p] = p === 'year' ? Number(v) : v;
  }
  q.offset = Number(params.get('offset') ?? 0);
  return q as ItemQuery;
}

/** 题库 (A2): the items a teacher sees, searched by words and narrowed by facets, on a desk or a phone. */
export function BankPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Chosen for export, kept across pages and searches until cleared.
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  const query = queryOf(params);
  const found = useItemSearch(query);
  const set = (key: keyof ItemQuery, value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('offset');
      return next;
    });
  const narrowed = Object.values(FACET_PARAMS).filter((p) => params.get(p)).length;
  const facets = found.data && <BankFacets facets={found.data.facets} query={query} onChange={set} />;
  const wide = screens.lg ?? false;

  return (
    <Stack>
      <PageTitle
        title={t('bank.title')}
        subtitle={t('bank.subtitle')}
        testId="bank-title"
        extra={
          <Flex gap={8} wrap>
            <Button
              icon={<ImportOutlined />}
              onClick={() => navigate('/bank/import')}
              data-testid="item-import"
            >
              {t('itemImport.title')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/bank/new')}
              data-testid="item-new"
            >
              {t('bank.new')}
            </Button>
          </Flex>
        }
      />
      <Input.Search
        key={query.q ?? ''}
        allowClear
        enterButton
        size="large"
        maxLength={100}
        defaultValue={query.q}
        placeholder={t('bank.searchPlaceholder')}
        onSearch={(v) => set('q', v.trim() || undefined)}
        data-testid="bank-search"
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Segmented
          value={query.retired ? 'retired' : query.mine ? 'mine' : 'all'}
          onChange={(v) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.delete('offset');
              next.delete('mine');
              next.delete('retired');
              if (v !== 'all') next.set('mine', 'true');
              if (v === 'retired') next.set('retired', 'true');
              return next;
            })
          }
          options={[
            { value: 'all', label: t('bank.scopeAll') },
            { value: 'mine', label: t('bank.scopeMine') },
            { value: 'retired', label: t('bank.scopeRetired') },
          ]}
        />
        {!wide && (
          <Badge count={narrowed} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="bank-filters">
              {t('bank.filters')}
            </Button>
          </Badge>
        )}
      </Flex>
      <Flex wrap gap={8} align="center" data-testid="bank-export">
        {selected.length > 0 ? (
          <>
            <Typography.Text>{t('itemImport.selected', { n: selected.length })}</Typography.Text>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={exportUrl(selected, 'qti')}
              data-testid="export-qti"
            >
              {t('itemImport.exportQti')}
            </Button>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={exportUrl(selected, 'xlsx')}
              data-testid="export-xlsx"
            >
              {t('itemImport.exportXlsx')}
            </Button>
            <Button size="small" type="link" onClick={() => setSelected([])}>
              {t('itemImport.clearSelection')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('itemImport.selectHint')}</Typography.Text>
        )}
        <Button size="small" type="link" icon={<DownloadOutlined />} href={TEMPLATE_URL}>
          {t('itemImport.template')}
        </Button>
      </Flex>
      {found.data && (
        <Typography.Text type="secondary" data-testid="bank-total">
          {found.data.words.length > 0
            ? t('bank.foundWords', { n: found.data.total, words: found.data.words.join(' ') })
            : t('bank.found', { n: found.data.total })}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        {wide && (
          <Col lg={6}>
            <Card size="small">{facets}</Card>
          </Col>
        )}
        <Col xs={24} lg={wide ? 18 : 24}>
          {found.isPending ? (
            <PageLoading />
          ) : found.isError ? (
            <PageError error={found.error} onRetry={() => void found.refetch()} />
          ) : found.data.items.length === 0 ? (
            <Empty description={t('bank.none')} />
          ) : (
            <Stack>
              <Row gutter={[12, 12]}>
                {found.data.items.map((item) => (
                  <Col key={item.id} xs={24} xl={12}>
                    <ItemCard
                      item={item}
                      extra={
                        <Checkbox
                          checked={selected.includes(item.id)}
                          disabled={!selected.includes(item.id) && selected.length >= 500}
                          onChange={(e) => toggle(item.id, e.target.checked)}
                          data-testid="item-select"
                        >
                          {t('itemImport.select')}
                        </Checkbox>
                      }
                    />
                  </Col>
                ))}
              </Row>
              <Pagination
                align="center"
                current={Math.floor((query.offset ?? 0) / PAGE) + 1}
                pageSize={PAGE}
                total={found.data.total}
                showSizeChanger={false}
                onChange={(page) =>
                  setParams((p) => {
                    const next = new URLSearchParams(p);
                    next.set('offset', String((page - 1) * PAGE));
                    return next;
                  })
                }
              />
            </Stack>
          )}
        </Col>
      </Row>
      <Drawer
        open={filtersOpen && !wide}
        onClose={() => setFiltersOpen(false)}
        placement="bottom"
        size="80%"
        title={t('bank.filters')}
        extra={
          <Button onClick={() => setFiltersOpen(false)}>
            {t('bank.showResults', { n: found.data?.total ?? 0 })}
          </Button>
        }
      >
        {facets}
      </Drawer>
    </Stack>
  );
}
