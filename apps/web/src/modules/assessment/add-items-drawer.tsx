import { Button, Drawer, Empty, Flex, Input, Pagination, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { ITEM_TYPES, type Item, type ItemQuery, PAGE, useItemSearch } from './bank-api';
import { ItemCard } from './item-card';

/** 从题库选题: a search of the bank beside the paper, each item one tap away from the section. */
export function AddItemsDrawer({
  open,
  onClose,
  subjectCode,
  gradeCode,
  onAdd,
  taken,
  sectionName,
}: {
  open: boolean;
  onClose: () => void;
  subjectCode: string;
  gradeCode: string;
  onAdd: (item: Item) => void;
  taken: Set<string>;
  sectionName: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState<ItemQuery>({});
  const found = useItemSearch({ ...q, subjectCode, gradeCode });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('papers.addTo', { section: sectionName })}
      size={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)}
      destroyOnHidden
    >
      <Stack gap={12}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            maxLength={100}
            placeholder={t('bank.searchPlaceholder')}
            onSearch={(v) => setQ((x) => ({ ...x, q: v.trim() || undefined, offset: 0 }))}
            style={{ flex: '1 1 220px' }}
            data-testid="add-search"
          />
          <Select
            allowClear
            placeholder={t('bank.typeLabel')}
            style={{ minWidth: 120 }}
            value={q.type}
            onChange={(type) => setQ((x) => ({ ...x, type, offset: 0 }))}
            options={ITEM_TYPES.map((ty) => ({ value: ty, label: t(`bank.type.${ty}`) }))}
          />
        </Flex>
        {found.isPending ? (
          <PageLoading />
        ) : (found.data?.items.length ?? 0) === 0 ? (
          <Empty description={t('bank.none')} />
        ) : (
          <>
            {found.data?.items.map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                link={false}
                extra={
                  <Button
                    type="primary"
                    size="small"
                    disabled={taken.has(item.id)}
                    onClick={() => onAdd(item)}
                    data-testid="add-item"
                  >
                    {taken.has(item.id) ? t('papers.added') : t('papers.add')}
                  </Button>
                }
              />
            ))}
            <Pagination
              align="center"
              size="small"
              current={Math.floor((q.offset ?? 0) / PAGE) + 1}
              pageSize={PAGE}
              total={found.data?.total ?? 0}
              showSizeChanger={false}
              onChange={(page) => setQ((x) => ({ ...x, offset: (page - 1) * PAGE }))}
            />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
