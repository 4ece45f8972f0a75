/**
 * 学情热力图 (issue 11 §5): a teacher's class (a school administrator picks a grade and a class of
 * their scope), students × the knowledge points they have answered on, coloured by mastery level — the weakest points first, or by strand in curriculum order. A
 * point's header opens it for the class (weak students, prerequisites, 推送练习); a cell opens the
 * student's explanation. Exports the workbook (.xlsx) and the heatmap as a picture (PNG).
 */
import { useQuery } from '@tanstack/react-query';
import { Flex, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { TEACHING_ROLES } from '../../app/auth/roles';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { heatmapOption, heatmapSize, savePng } from './chart-png';
import { type ClassHeatmap, heatmapExportUrl, useClassHeatmap } from './diagnosis-api';
import { ExportButtons } from './export-buttons';
import { HeatmapClassPicker } from './heatmap-class-picker';
import { HeatmapGrid, LevelLegend } from './heatmap-grid';
import { CellDrawer, PointDrawer } from './mastery-drawers';
import { SubjectSelect } from './subject-select';

/** The classes a teacher or head teacher teaches (from the home page's data). */
function useMyClasses(enabled: boolean) {
  const home = useQuery({
    queryKey: ['portal', 'home'],
    queryFn: () => unwrap(api.GET('/api/portal/home')),
    enabled,
  });
  const classes = (
    (home.data as { classes?: { id: string; name: string; kind: string }[] } | undefined)?.classes ?? []
  ).filter((c) => c.kind === 'class');
  return { home, classes };
}

export function HeatmapPage() {
  const { t } = useTranslation();
  const subjectLabel = useCodeLabel('subject');
  const [params, setParams] = useSearchParams();
  // Teachers choose among the classes they teach; administrators pick a grade and class of their scope.
  const teaches = TEACHING_ROLES.includes(useMe().role);
  const { home, classes } = useMyClasses(teaches);
  const classId = params.get('class') ?? (teaches ? classes[0]?.id : undefined);
  const subject = params.get('subject') ?? undefined;
  const [order, setOrder] = useState<'weakest' | 'strand'>('weakest');
  const [point, setPoint] = useState<string>();
  const [cell, setCell] = useState<{ student: string; kp: string }>();
  const q = useClassHeatmap(classId, subject);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };
  const picker = teaches ? undefined : (
    <HeatmapClassPicker classId={classId} onChange={(v) => set({ class: v, subject: undefined })} />
  );
  if (teaches && home.isPending) return <PageLoading />;
  if (!classId)
    return (
      <Stack>
        <PageTitle
          title={t('diagnosis.heatmap.title')}
          subtitle={t('diagnosis.heatmap.subtitle')}
          testId="mastery-heatmap-title"
          extra={picker}
        />
        <PageEmpty text={t(teaches ? 'diagnosis.heatmap.noClass' : 'diagnosis.heatmap.pickHint')} />
      </Stack>
    );
  const d = q.data;
  const points = d ? ordered(d, order) : [];
  const labels = {
    weak: t('diagnosis.level.weak'),
    developing: t('diagnosis.level.developing'),
    mastered: t('diagnosis.level.mastered'),
  };
  const savePicture = () => {
    if (!d) return;
    const title = `${d.class.name} · ${subjectLabel(d.subject)} · ${t('diagnosis.heatmap.title')}`;
    const values = d.students.map((_, i) => points.map((p) => p.p[i] ?? null));
    const size = heatmapSize(d.students.length, points.length);
    savePng(
      heatmapOption({
        title,
        rows: d.students.map((s) => s.name),
        columns: points.map((p) => p.name),
        values,
        labels,
      }),
      size.width,
      size.height,
      `${d.class.name}-${t('diagnosis.heatmap.title')}.png`,
    );
  };
  const studentName = cell && d?.students.find((s) => s.id === cell.student)?.name;
  return (
    <Stack>
      <PageTitle
        title={t('diagnosis.heatmap.title')}
        subtitle={
          d
            ? t('diagnosis.heatmap.summary', { students: d.students.length, points: d.points.length })
            : t('diagnosis.heatmap.subtitle')
        }
        testId="mastery-heatmap-title"
        extra={
          <Flex wrap gap={8}>
            {picker}
            {teaches && classes.length > 1 && (
              <Select
                style={{ minWidth: 140 }}
                value={classId}
                onChange={(v) => set({ class: v, subject: undefined })}
                options={classes.map((c) => ({ value: c.id, label: c.name }))}
                aria-label={t('diagnosis.class')}
                data-testid="mastery-class"
              />
            )}
            <SubjectSelect subjects={d?.subjects} value={d?.subject} onChange={(v) => set({ subject: v })} />
            <ExportButtons
              xlsxUrl={heatmapExportUrl(classId, d?.subject ?? subject)}
              ready={!!d}
              onPicture={savePicture}
              pictureReady={!!d && d.points.length > 0}
            />
          </Flex>
        }
      />
      {q.isPending && <PageLoading />}
      {q.isError && <PageError error={q.error} onRetry={() => void q.refetch()} />}
      {d && d.points.length === 0 && <PageEmpty text={t('diagnosis.heatmap.empty')} />}
      {d && d.points.length > 0 && (
        <>
          <Flex wrap gap={12} justify="space-between" align="center">
            <Segmented
              value={order}
              onChange={(v) => setOrder(v as 'weakest' | 'strand')}
              options={[
                { value: 'weakest', label: t('diagnosis.heatmap.weakestFirst') },
                { value: 'strand', label: t('diagnosis.heatmap.byStrand') },
              ]}
              data-testid="mastery-order"
            />
            <LevelLegend />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('diagnosis.heatmap.hint')}
          </Typography.Text>
          <HeatmapGrid
            data={d}
            points={points}
            byStrand={order === 'strand'}
            onPoint={setPoint}
            onCell={(student, kp) => setCell({ student, kp })}
          />
          <PointDrawer
            classId={classId}
            kpId={point}
            onPoint={setPoint}
            onStudent={(student) => point && setCell({ student, kp: point })}
            onClose={() => setPoint(undefined)}
          />
          <CellDrawer
            studentId={cell?.student}
            studentName={studentName}
            kpId={cell?.kp}
            onClose={() => setCell(undefined)}
          />
        </>
      )}
    </Stack>
  );
}

/** Weakest first as the server sends them, or by strand then curriculum code. */
function ordered(d: ClassHeatmap, order: 'weakest' | 'strand') {
  if (order === 'weakest') return d.points;
  return [...d.points].sort((a, b) => a.strand.localeCompare(b.strand, 'zh') || a.code.localeCompare(b.code));
}
