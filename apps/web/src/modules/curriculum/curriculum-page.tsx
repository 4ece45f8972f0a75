import { Card, Flex, Segmented, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { CURRICULUM_TRANSFER_ROLES } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { BackboneTransfer } from './backbone-transfer';
import { CatalogView } from './catalog-view';
import { GRADES, SUBJECTS, useEditions } from './curriculum-api';
import { GraphView } from './graph-view';
import { PointDrawer } from './point-drawer';

/**
 * 课程体系 (A1, R1): a subject's textbook volumes, units and lessons with their knowledge points,
 * and the knowledge graph. Everyone reads; city researchers edit. Subject, grade, term and tab live
 * in the URL so a link opens the same view.
 */
export function CurriculumPage() {
  const { t } = useTranslation();
  const me = useMe();
  const subjectLabel = useCodeLabel('subject');
  const gradeLabel = useCodeLabel('grade');
  const [params, setParams] = useSearchParams();
  const subject = params.get('subject') ?? '14';
  const grade = params.get('grade') ?? '14';
  const term = (params.get('term') === '2' ? 2 : 1) as 1 | 2;
  const tab = params.get('tab') === 'graph' ? 'graph' : 'catalog';
  const [pointId, setPointId] = useState<string>();
  const editions = useEditions(subject);
  const editable = me.role === 'researcher';
  const node = params.get('node') ?? undefined;
  /** Another subject, grade or term shows another volume: the selected node goes with the old one. */
  const set = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) next.delete(k);
        else next.set(k, v);
        if (k !== 'node' && k !== 'tab') next.delete('node');
      }
      return next;
    });

  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="curriculum-title">
        {t('curriculum.title')}
      </Typography.Title>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Segmented
            value={subject}
            onChange={(v) => set({ subject: String(v) })}
            options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
            data-testid="curriculum-subject"
          />
          <Select
            value={grade}
            onChange={(v) => set({ grade: v })}
            style={{ minWidth: 140 }}
            options={GRADES.map((g) => ({ value: g, label: gradeLabel(g) }))}
            aria-label={t('curriculum.grade')}
            data-testid="curriculum-grade"
          />
          {tab === 'catalog' && (
            <Segmented
              value={term}
              onChange={(v) => set({ term: String(v) })}
              options={[
                { value: 1, label: t('curriculum.term1') },
                { value: 2, label: t('curriculum.term2') },
              ]}
            />
          )}
          {editions.data?.[0] && (
            <Typography.Text type="secondary">
              {editions.data[0].name} · {editions.data[0].publisher}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {editions.isPending ? (
        <PageLoading />
      ) : editions.isError ? (
        <PageError error={editions.error} onRetry={() => void editions.refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            {
              key: 'catalog',
              label: t('curriculum.catalog'),
              children: (
                <CatalogView
                  edition={editions.data[0]}
                  subject={subject}
                  grade={grade}
                  term={term}
                  editable={editable}
                  selected={node}
                  onSelect={(id) => set({ node: id })}
                  onOpenPoint={setPointId}
                />
              ),
            },
            {
              key: 'graph',
              label: t('curriculum.graph'),
              children: <GraphView subject={subject} grade={grade} onOpenPoint={setPointId} />,
            },
          ]}
        />
      )}
      {CURRICULUM_TRANSFER_ROLES.includes(me.role) && (
        <BackboneTransfer subject={subject} editable={editable} />
      )}
      <PointDrawer
        id={pointId}
        subject={subject}
        editable={editable}
        onOpen={setPointId}
        onClose={() => setPointId(undefined)}
      />
    </Stack>
  );
}
