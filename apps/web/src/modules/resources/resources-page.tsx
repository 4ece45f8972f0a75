import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Segmented,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { isAdmin } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { GRADES, SUBJECTS } from '../curriculum/curriculum-api';
import { NewResourceDrawer } from './new-resource-drawer';
import { ResourceCard } from './resource-card';
import { KINDS, type ResourceKind, type ResourceQuery, useResources, useSearch } from './resources-api';
import { RetirementPanel } from './retirement-panel';
import { SEARCH_EXAMPLES } from './search-examples';
import { UsageStats } from './usage-stats';

const AUTHORS = new Set([
  'teacher',
  'head_teacher',
  'researcher',
  'school_admin',
  'district_admin',
  'city_admin',
]);

/** 资源中心 (R1): the city's published resources by type, subject and grade, and one's own drafts. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const q: ResourceQuery = {
    kind: (params.get('kind') as ResourceKind | null) ?? undefined,
    subjectCode: params.get('subject') ?? undefined,
    gradeCode: params.get('grade') ?? undefined,
    mine: params.get('mine') === 'true' ? 'true' : undefined,
    offset: Number(params.get('offset') ?? 0),
  };
  const text = params.get('q') ?? '';
  const searching = text.trim() !== '';
  const found = useSearch({ ...q, q: text });
  const browse = useResources(q, !searching);
  const list = searching ? found : browse;
  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('offset');
      return next;
    });

  return (
    <Stack>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="resources-title">
          {t('resources.title')}
        </Typography.Title>
        {AUTHORS.has(me.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="resource-new"
          >
            {t('resources.new')}
          </Button>
        )}
      </Flex>
      <Input.Search
        // A new search from the URL (an example below, the back button) shows in the box.
        key={text}
        allowClear
        enterButton
        size="large"
        defaultValue={text}
        maxLength={100}
        placeholder={t('resources.searchPlaceholder', {
          first: SEARCH_EXAMPLES[0],
          second: SEARCH_EXAMPLES[1],
        })}
        onSearch={(v) => set('q', v.trim() || undefined)}
        data-testid="resource-search"
      />
      {!searching && (
        <Flex wrap gap={6} align="center" data-testid="search-examples">
          <Typography.Text type="secondary">{t('resources.searchTry')}</Typography.Text>
          {SEARCH_EXAMPLES.map((example) => (
            <Button key={example} size="small" onClick={() => set('q', example)} data-testid="search-example">
              {example}
            </Button>
          ))}
        </Flex>
      )}
      {searching && found.data && (
        <Flex wrap gap={6} align="center" data-testid="search-facets">
          <Typography.Text type="secondary">
            {t('resources.found', { n: found.data.total, words: found.data.words.join(' ') })}
          </Typography.Text>
          {found.data.facets.kind.map((f) => (
            <Tag.CheckableTag
              key={`k${f.value}`}
              checked={q.kind === f.value}
              onChange={(on) => set('kind', on ? f.value : undefined)}
            >
              {t(`resources.kind.${f.value}`)} {f.count}
            </Tag.CheckableTag>
          ))}
          {found.data.facets.subject.map((f) => (
            <Tag.CheckableTag
              key={`s${f.value}`}
              checked={q.subjectCode === f.value}
              onChange={(on) => set('subject', on ? f.value : undefined)}
            >
              {subject(f.value)} {f.count}
            </Tag.CheckableTag>
          ))}
        </Flex>
      )}
      <Card size="small">
        <Flex wrap gap={12}>
          <Segmented
            value={q.mine ? 'mine' : 'all'}
            onChange={(v) => set('mine', v === 'mine' ? 'true' : undefined)}
            options={[
              { value: 'all', label: t('resources.all') },
              { value: 'mine', label: t('resources.mine') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('resources.kindLabel')}
            style={{ minWidth: 120 }}
            value={q.kind}
            onChange={(v) => set('kind', v)}
            options={KINDS.map((k) => ({ value: k, label: t(`resources.kind.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('resources.subject')}
            style={{ minWidth: 100 }}
            value={q.subjectCode}
            onChange={(v) => set('subject', v)}
            options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))}
          />
          <Select
            allowClear
            placeholder={t('resources.grade')}
            style={{ minWidth: 130 }}
            value={q.gradeCode}
            onChange={(v) => set('grade', v)}
            options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
          />
        </Flex>
      </Card>
      {searching && found.isPending ? (
        <PageLoading />
      ) : list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('resources.none')} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {list.data.items.map((item) => (
              <Col key={item.id} xs={24} sm={12} lg={8}>
                <ResourceCard item={item} />
              </Col>
            ))}
          </Row>
          <Pagination
            align="center"
            current={Math.floor((q.offset ?? 0) / 12) + 1}
            pageSize={12}
            total={list.data.total}
            showSizeChanger={false}
            onChange={(page) =>
              setParams((p) => {
                const next = new URLSearchParams(p);
                next.set('offset', String((page - 1) * 12));
                return next;
              })
            }
          />
        </>
      )}
      {isAdmin(me.role) && (
        <>
          <RetirementPanel />
          <UsageStats />
        </>
      )}
      <NewResourceDrawer open={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
