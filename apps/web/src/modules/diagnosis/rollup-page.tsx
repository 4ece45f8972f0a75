/**
 * 学情分析 (issue 11 §5) for administrators and researchers: the units below one (a city's districts,
 * a district's schools, a school's grades, a grade's classes) × knowledge points, each cell the
 * mean mastery with the share of weak students; the score rate by cognitive level. A unit's column
 * header drills down; a cell of fewer than five students shows its count only. Exports the
 * workbook (.xlsx) and the table as a picture (PNG).
 */
import { UpOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { heatmapOption, heatmapSize, savePng } from './chart-png';
import {
  LEVEL_FILLS,
  type MasteryRollup,
  NO_DATA,
  pct,
  rollupExportUrl,
  useMasteryRollup,
} from './diagnosis-api';
import { ExportButtons } from './export-buttons';
import { LevelLegend } from './heatmap-grid';
import './diagnosis.css';
import { SubjectSelect } from './subject-select';

type Cell = MasteryRollup['points'][number]['overall'];

export function RollupPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const subjectLabel = useCodeLabel('subject');
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const subject = params.get('subject') ?? undefined;
  const q = useMasteryRollup(unit, subject);
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p);
  };
  const r = q.data;
  const labels = {
    weak: t('diagnosis.level.weak'),
    developing: t('diagnosis.level.developing'),
    mastered: t('diagnosis.level.mastered'),
  };
  const savePicture = () => {
    if (!r) return;
    const size = heatmapSize(r.units.length + 1, r.points.length);
    savePng(
      heatmapOption({
        title: `${r.unit.name} · ${subjectLabel(r.subject)} · ${t('diagnosis.rollup.title')}`,
        rows: [r.unit.name, ...r.units.map((u) => u.name)],
        columns: r.points.map((p) => p.name),
        values: [
          r.points.map((p) => p.overall.mean),
          ...r.units.map((_, i) => r.points.map((p) => p.cells[i]!.mean)),
        ],
        labels,
      }),
      size.width,
      size.height,
      `${r.unit.name}-${t('diagnosis.rollup.title')}.png`,
    );
  };
  return (
    <Stack>
      <PageTitle
        title={r ? `${t('diagnosis.rollup.title')} · ${r.unit.name}` : t('diagnosis.rollup.title')}
        subtitle={t('diagnosis.rollup.subtitle', { n: r?.minStudents ?? 5 })}
        testId="mastery-rollup-title"
        extra={
          <Flex wrap gap={8}>
            {r?.parent && (
              <Button
                icon={<UpOutlined />}
                onClick={() => set({ unit: r.parent?.id })}
                data-testid="mastery-up"
              >
                {r.parent.name}
              </Button>
            )}
            <SubjectSelect subjects={r?.subjects} value={r?.subject} onChange={(v) => set({ subject: v })} />
            <ExportButtons
              xlsxUrl={rollupExportUrl(unit, r?.subject ?? subject)}
              ready={!!r}
              onPicture={savePicture}
              pictureReady={!!r && r.points.length > 0}
            />
          </Flex>
        }
      />
      {q.isPending && <PageLoading />}
      {q.isError && <PageError error={q.error} onRetry={() => void q.refetch()} />}
      {r && r.points.length === 0 && <PageEmpty text={t('diagnosis.rollup.empty')} />}
      {r && r.points.length > 0 && (
        <>
          <LevelLegend />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('diagnosis.rollup.hint')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="mastery-rollup-as-of">
            {r.asOf
              ? t('diagnosis.rollup.asOf', { at: formatDateTime(r.asOf, lang) })
              : t('diagnosis.rollup.notYet')}
          </Typography.Text>
          <div className="mastery-grid-box" data-testid="mastery-rollup">
            <table className="mastery-grid mastery-rollup">
              <thead>
                <tr>
                  <th className="mastery-corner">{t('diagnosis.rollup.point')}</th>
                  <th>{t('diagnosis.rollup.whole')}</th>
                  {r.units.map((u) => (
                    <th key={u.id}>
                      {u.drillable && u.students > 0 ? (
                        <button
                          type="button"
                          onClick={() => set({ unit: u.id })}
                          data-testid="mastery-drill"
                          data-students={u.students}
                        >
                          {u.name}
                        </button>
                      ) : (
                        u.name
                      )}
                      <span className="mastery-unit-count">
                        {t('diagnosis.rollup.students', { n: u.students })}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.points.map((p) => (
                  <tr key={p.id}>
                    <th className="mastery-name" title={`${p.strand} · ${p.name}`}>
                      {p.name}
                    </th>
                    <RollupCell c={p.overall} />
                    {p.cells.map((c, i) => (
                      <RollupCell key={r.units[i]!.id} c={c} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.cognitive.length > 0 && (
            <Card size="small" title={t('diagnosis.rollup.cognitive')}>
              <div className="mastery-grid-box">
                <table className="mastery-grid mastery-rollup" data-testid="mastery-cognitive">
                  <thead>
                    <tr>
                      <th className="mastery-corner">{t('diagnosis.rollup.level')}</th>
                      <th>{t('diagnosis.rollup.whole')}</th>
                      {r.units.map((u) => (
                        <th key={u.id}>{u.name}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.cognitive.map((l) => (
                      <tr key={l.level}>
                        <th className="mastery-name">
                          {t(`diagnosis.cognitive.${l.level}`, { defaultValue: l.label })}
                        </th>
                        {[l.overall, ...l.cells].map((c, i) => (
                          <td
                            key={i === 0 ? 'whole' : r.units[i - 1]!.id}
                            title={t('diagnosis.rollup.students', { n: c.students })}
                          >
                            {c.withheld ? `<${r.minStudents}` : pct(c.rate)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

function RollupCell({ c }: { c: Cell }) {
  const { t } = useTranslation();
  if (c.students === 0) return <td style={{ background: NO_DATA }} />;
  if (c.withheld)
    return (
      <td
        style={{ background: NO_DATA, color: '#8c8c8c' }}
        title={t('diagnosis.rollup.withheld')}
        data-testid="mastery-withheld"
      >
        {t('diagnosis.rollup.fewStudents', { n: c.students })}
      </td>
    );
  return (
    <td
      style={{ background: c.level ? LEVEL_FILLS[c.level] : NO_DATA }}
      title={t('diagnosis.rollup.cellTitle', {
        n: c.students,
        weak: pct(c.weakShare),
        mastered: pct(c.masteredShare),
      })}
    >
      {pct(c.mean)}
      <span className="mastery-weak-share">{pct(c.weakShare)}</span>
    </td>
  );
}
