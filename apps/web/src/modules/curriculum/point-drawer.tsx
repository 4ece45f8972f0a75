import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { curriculumKeys, usePoint, usePoints } from './curriculum-api';

interface Props {
  id: string | undefined;
  subject: string;
  editable: boolean;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/** One knowledge point: what it builds on, what builds on it, where it is taught; researchers edit prerequisites. */
export function PointDrawer({ id, subject, editable, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const gradeLabel = useCodeLabel('grade');
  const point = usePoint(id);
  const points = usePoints(subject);
  const client = useQueryClient();
  const [adding, setAdding] = useState<string>();
  const [error, setError] = useState<string>();

  const change = async (path: 'add' | 'remove', prerequisiteId: string) => {
    if (!id) return;
    setError(undefined);
    try {
      if (path === 'add')
        await unwrap(
          api.POST('/api/curriculum/knowledge-points/{id}/prerequisites', {
            params: { path: { id } },
            body: { prerequisiteId },
          }),
        );
      else
        await unwrap(
          api.POST('/api/curriculum/knowledge-points/{id}/prerequisites/remove', {
            params: { path: { id } },
            body: { prerequisiteId },
          }),
        );
      setAdding(undefined);
      await client.invalidateQueries({ queryKey: curriculumKeys.all });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={480}
      title={point.data?.name ?? t('curriculum.point')}
      destroyOnHidden
    >
      {point.isPending ? (
        <PageLoading />
      ) : point.isError ? (
        <PageError error={point.error} onRetry={() => void point.refetch()} />
      ) : (
        <Flex vertical gap={16} data-testid="point-drawer">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('curriculum.code')}>{point.data.code}</Descriptions.Item>
            <Descriptions.Item label={t('curriculum.grade')}>
              {gradeLabel(point.data.gradeCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('curriculum.strand')}>{point.data.strand}</Descriptions.Item>
            {point.data.description && (
              <Descriptions.Item label={t('curriculum.description')}>
                {point.data.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Text strong>{t('curriculum.prerequisites')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 8 }} data-testid="point-prerequisites">
              {point.data.prerequisites.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
              {point.data.prerequisites.map((p) => (
                <Tag
                  key={p.id}
                  color="gold"
                  closable={editable}
                  onClose={(e) => {
                    e.preventDefault();
                    void change('remove', p.id);
                  }}
                  onClick={() => onOpen(p.id)}
                  style={{ cursor: 'pointer' }}
                >
                  {p.name}
                </Tag>
              ))}
            </Flex>
            {editable && (
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Select
                  showSearch
                  allowClear
                  style={{ flex: 1 }}
                  value={adding}
                  onChange={setAdding}
                  optionFilterProp="label"
                  placeholder={t('curriculum.addPrerequisite')}
                  options={(points.data ?? [])
                    .filter((p) => p.id !== id)
                    .map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
                  data-testid="prerequisite-select"
                />
                <Button
                  disabled={!adding}
                  onClick={() => adding && void change('add', adding)}
                  data-testid="prerequisite-add"
                >
                  {t('curriculum.add')}
                </Button>
              </Flex>
            )}
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
          </div>
          <div>
            <Typography.Text strong>{t('curriculum.dependents')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 8 }}>
              {point.data.dependents.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
              {point.data.dependents.map((p) => (
                <Tag key={p.id} color="green" onClick={() => onOpen(p.id)} style={{ cursor: 'pointer' }}>
                  {p.name}
                </Tag>
              ))}
            </Flex>
          </div>
          <List
            size="small"
            header={<Typography.Text strong>{t('curriculum.taughtIn')}</Typography.Text>}
            dataSource={point.data.lessons}
            locale={{ emptyText: '—' }}
            renderItem={(l) => (
              <List.Item>
                {/* Opens the lesson in the catalogue, with its resources. */}
                <Link
                  to={`/curriculum?${new URLSearchParams({ subject, grade: l.gradeCode, term: String(l.term), node: l.id })}`}
                  onClick={onClose}
                  data-testid="point-lesson"
                >
                  {l.edition} · {gradeLabel(l.gradeCode)}
                  {l.term === 1 ? t('curriculum.term1') : t('curriculum.term2')} · {l.unitTitle} · {l.title}
                </Link>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Drawer>
  );
}
