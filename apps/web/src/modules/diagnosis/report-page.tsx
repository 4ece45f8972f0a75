/**
 * 学情报告 (issue 11 §5) for a student and their guardians: the knowledge points of a subject by
 * strand, each with its level and what it rests on, the strongest and weakest, the likely causes
 * of each weakness, and the change over the last 30 days. Never a rank nor a classmate. Readable on
 * a phone; exports the workbook (.xlsx) and a picture (PNG).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Progress, Select, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { levelVisualMap, savePng } from './chart-png';
import { LEVEL_COLOURS, type MasteryReport, pct, reportExportUrl, useMasteryReport } from './diagnosis-api';
import { ExportButtons } from './export-buttons';
import { LevelLegend } from './heatmap-grid';
import { LevelTag } from './mastery-drawers';
import { SubjectSelect } from './subject-select';

function useChildren(enabled: boolean) {
  const home = useQuery({
    queryKey: ['portal', 'home'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/portal/home')),
  });
  const children =
    (home.data as { children?: { personId: string; name: string }[] } | undefined)?.children ?? [];
  return { home, children };
}

export function ReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const subjectLabel = useCodeLabel('subject');
  const [params, setParams] = useSearchParams();
  const parent = me.role === 'parent';
  const { home, children } = useChildren(parent);
  const asked = params.get('student') ?? undefined;
  const studentId = parent
    ? (children.find((c) => c.personId === asked)?.personId ?? children[0]?.personId)
    : (asked ?? me.personId);
  const subject = params.get('subject') ?? undefined;
  const q = useMasteryReport(studentId, subject);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };
  if (parent && home.isPending) return <PageLoading />;
  if (parent && children.length === 0) return <PageEmpty />;
  const r = q.data;
  const savePicture = () => r && savePng(...reportPicture(r, subjectLabel(r.subject), t));
  return (
    <Stack>
      <PageTitle
        title={t('diagnosis.report.title')}
        subtitle={r ? `${r.student.name} · ${r.student.className}` : t('diagnosis.report.subtitle')}
        testId="mastery-report-title"
        extra={
          <Flex wrap gap={8}>
            {parent && children.length > 1 && (
              <Select
                style={{ minWidth: 110 }}
                value={studentId}
                onChange={(v) => set({ student: v, subject: undefined })}
                options={children.map((c) => ({ value: c.personId, label: c.name }))}
                aria-label={t('diagnosis.report.child')}
                data-testid="mastery-child"
              />
            )}
            <SubjectSelect subjects={r?.subjects} value={r?.subject} onChange={(v) => set({ subject: v })} />
            <ExportButtons
              xlsxUrl={studentId ? reportExportUrl(studentId, r?.subject ?? subject) : undefined}
              ready={!!r}
              onPicture={savePicture}
              pictureReady={!!r && r.summary.points > 0}
            />
          </Flex>
        }
      />
      {q.isPending && <PageLoading />}
      {q.isError && <PageError error={q.error} onRetry={() => void q.refetch()} />}
      {r && r.summary.points === 0 && <PageEmpty text={t('diagnosis.report.empty')} />}
      {r && r.summary.points > 0 && <ReportBody r={r} />}
    </Stack>
  );
}

function ReportBody({ r }: { r: MasteryReport }) {
  const { t } = useTranslation();
  const weakCauses = r.strands.flatMap((s) => s.points).filter((p) => p.causes.length > 0);
  return (
    <>
      <Flex wrap gap={12} data-testid="mastery-report-summary">
        {(['mastered', 'developing', 'weak'] as const).map((l) => (
          <Card key={l} size="small" style={{ flex: '1 1 96px' }}>
            <Statistic
              title={t('diagnosis.report.pointsOf', { level: t(`diagnosis.level.${l}`) })}
              value={r.summary[l]}
              styles={{ content: { color: LEVEL_COLOURS[l], fontSize: 22 } }}
            />
          </Card>
        ))}
      </Flex>
      <Card size="small" title={t('diagnosis.report.progress', { days: r.progress.days })}>
        <Typography.Text data-testid="mastery-progress">
          {t('diagnosis.report.progressText', {
            practised: r.progress.practised,
            improved: r.progress.improved,
            declined: r.progress.declined,
            fresh: r.progress.newPoints,
          })}
        </Typography.Text>
      </Card>
      <Flex wrap gap={12}>
        <Card size="small" title={t('diagnosis.report.strongest')} style={{ flex: '1 1 260px' }}>
          <Flex wrap gap={6}>
            {r.strongest.length === 0
              ? '—'
              : r.strongest.map((p) => (
                  <Tag key={p.id} color="green">
                    {p.name} {pct(p.p)}
                  </Tag>
                ))}
          </Flex>
        </Card>
        <Card size="small" title={t('diagnosis.report.weakest')} style={{ flex: '1 1 260px' }}>
          <Flex wrap gap={6}>
            {r.weakest.length === 0
              ? '—'
              : r.weakest.map((p) => (
                  <Tag key={p.id} color={p.level === 'weak' ? 'red' : 'gold'}>
                    {p.name} {pct(p.p)}
                  </Tag>
                ))}
          </Flex>
        </Card>
      </Flex>
      {weakCauses.length > 0 && (
        // Advice for the learner and their family, not a fault of the page: an information box.
        <Alert
          type="info"
          showIcon
          title={t('diagnosis.report.causes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="mastery-report-causes">
              {weakCauses.map((p) => (
                <li key={p.id}>{p.causes[0]}</li>
              ))}
            </ul>
          }
        />
      )}
      <LevelLegend />
      {r.strands.map((s) => (
        <Card
          key={s.strand}
          size="small"
          title={s.strand}
          extra={<LevelTag level={s.level} p={s.mean} />}
          data-testid="mastery-strand"
        >
          <Flex vertical gap={10}>
            {s.points.map((p) => (
              <div key={p.id}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text>{p.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('diagnosis.counts', { correct: p.correct, wrong: p.wrong })}
                    {p.before !== null &&
                      ` · ${t('diagnosis.report.before', { days: r.progress.days, p: pct(p.before) })}`}
                  </Typography.Text>
                </Flex>
                <Progress
                  percent={Math.round(p.p * 100)}
                  strokeColor={LEVEL_COLOURS[p.level]}
                  format={() => pct(p.p)}
                  aria-label={`${p.name} ${t(`diagnosis.level.${p.level}`)} ${pct(p.p)}`}
                  size="small"
                />
              </div>
            ))}
          </Flex>
        </Card>
      ))}
    </>
  );
}

/** The report as a bar chart picture: every point's mastery, coloured by level. */
function reportPicture(r: MasteryReport, subject: string, t: (k: string) => string) {
  const points = r.strands.flatMap((s) => s.points);
  const height = Math.max(300, 90 + points.length * 24);
  return [
    {
      title: {
        text: `${r.student.name} · ${subject} · ${t('diagnosis.report.title')}`,
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      grid: { left: 150, right: 40, top: 40, bottom: 50 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: points.map((p) => p.name),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      visualMap: {
        ...levelVisualMap({
          weak: t('diagnosis.level.weak'),
          developing: t('diagnosis.level.developing'),
          mastered: t('diagnosis.level.mastered'),
        }),
        dimension: 0,
      },
      series: [
        {
          type: 'bar',
          data: points.map((p) => p.p),
          label: {
            show: true,
            position: 'right',
            formatter: (x: { value: number }) => `${Math.round(x.value * 100)}%`,
          },
        },
      ],
    },
    640,
    height,
    `${r.student.name}-${t('diagnosis.report.title')}.png`,
  ] as const;
}
