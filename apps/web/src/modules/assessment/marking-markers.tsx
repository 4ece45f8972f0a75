import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/components/page-state';
import {
  addMarker,
  findMarkerCandidates,
  type MarkingItem,
  markingKeys,
  removeMarker,
  useMarkers,
} from './marking-api';

/**
 * 阅卷分工 (the exam leader's): who marks and who arbitrates each subjective item. In a 统考 only
 * those assigned here mark, on every script of the exam, without names.
 */
export function MarkersPanel({ assignmentId, items }: { assignmentId: string; items: MarkingItem[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const markers = useMarkers(assignmentId, true);
  const [leaf, setLeaf] = useState(`${items[0]!.number}.${items[0]!.part}`);
  const [role, setRole] = useState<'marker' | 'arbiter'>('marker');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [person, setPerson] = useState<string>();
  const [error, setError] = useState<string>();
  const [n, p] = leaf.split('.').map(Number) as [number, number];
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: markingKeys.markers(assignmentId) });
    void qc.invalidateQueries({ queryKey: markingKeys.overview(assignmentId) });
  };
  const search = async (q: string) => {
    const found = await findMarkerCandidates(assignmentId, q).catch(() => ({ items: [] }));
    setOptions(found.items.map((c) => ({ value: c.personId, label: `${c.name} · ${c.unitName}` })));
  };
  const add = async () => {
    if (!person) return;
    setError(undefined);
    try {
      await addMarker(assignmentId, { number: n, part: p, personId: person, role });
      setPerson(undefined);
      refresh();
    } catch (e) {
      setError(errorMessage(e, t('marking.saveFailed')));
    }
  };
  return (
    <Card size="small" title={t('marking.markers')} data-testid="markers-panel">
      <Typography.Paragraph type="secondary">{t('marking.markersNote')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          value={leaf}
          onChange={setLeaf}
          style={{ width: 140 }}
          options={items.map((i) => ({
            value: `${i.number}.${i.part}`,
            label: t('marking.itemTitle', {
              number: i.number,
              part: i.part,
              context: i.part > 0 ? 'part' : undefined,
            }),
          }))}
        />
        <Select
          value={role}
          onChange={setRole}
          style={{ width: 120 }}
          options={[
            { value: 'marker', label: t('marking.role.marker') },
            { value: 'arbiter', label: t('marking.role.arbiter') },
          ]}
        />
        <Select
          showSearch
          value={person}
          placeholder={t('marking.findTeacher')}
          filterOption={false}
          onSearch={(q) => void search(q)}
          onFocus={() => void search('')}
          onChange={setPerson}
          options={options}
          style={{ minWidth: 220 }}
        />
        <Button type="primary" onClick={() => void add()} disabled={!person}>
          {t('marking.addMarker')}
        </Button>
      </Flex>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table
        size="small"
        rowKey={(m) => `${m.number}.${m.part}.${m.personId}`}
        dataSource={markers.data?.items ?? []}
        loading={markers.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('marking.item'),
            key: 'i',
            render: (_: unknown, m) =>
              t('marking.itemTitle', {
                number: m.number,
                part: m.part,
                context: m.part > 0 ? 'part' : undefined,
              }),
          },
          { title: t('marking.teacher'), dataIndex: 'name' },
          { title: t('marking.school'), dataIndex: 'unitName' },
          {
            title: t('marking.roleLabel'),
            dataIndex: 'role',
            render: (r: 'marker' | 'arbiter') => (
              <Tag color={r === 'arbiter' ? 'orange' : 'blue'}>{t(`marking.role.${r}`)}</Tag>
            ),
          },
          {
            key: 'x',
            render: (_: unknown, m) => (
              <Button
                size="small"
                type="link"
                onClick={() =>
                  void removeMarker(assignmentId, {
                    number: m.number,
                    part: m.part,
                    personId: m.personId,
                  }).then(refresh)
                }
              >
                {t('marking.removeMarker')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
