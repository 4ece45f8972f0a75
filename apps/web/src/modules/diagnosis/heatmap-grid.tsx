/**
 * The heatmap itself: students down (names stuck to the left edge), knowledge points across (names
 * written top to bottom, stuck to the top), each cell coloured by level with the percentage in it.
 * A point's header opens the point for the class; a cell opens the student's explanation. Scrolls
 * inside its own box, so a phone's page never overflows.
 */
import { useTranslation } from 'react-i18next';
import { type ClassHeatmap, type HeatmapPoint, LEVEL_FILLS, levelOf, NO_DATA, pct } from './diagnosis-api';
import './diagnosis.css';

export function HeatmapGrid({
  data,
  points,
  byStrand,
  onPoint,
  onCell,
}: {
  data: ClassHeatmap;
  points: HeatmapPoint[];
  byStrand: boolean;
  onPoint: (kpId: string) => void;
  onCell: (studentId: string, kpId: string) => void;
}) {
  const { t } = useTranslation();
  const strands: { strand: string; first: string; span: number }[] = [];
  if (byStrand)
    for (const p of points) {
      const last = strands[strands.length - 1];
      if (last?.strand === p.strand) last.span++;
      else strands.push({ strand: p.strand, first: p.id, span: 1 });
    }
  return (
    <div className="mastery-grid-box" data-testid="mastery-heatmap">
      <table className="mastery-grid">
        <thead>
          {byStrand && (
            <tr>
              <th className="mastery-corner" />
              {strands.map((s) => (
                <th key={s.first} colSpan={s.span} className="mastery-strand" title={s.strand}>
                  {s.strand}
                </th>
              ))}
            </tr>
          )}
          <tr>
            <th className="mastery-corner">{t('diagnosis.heatmap.student')}</th>
            {points.map((p) => (
              <th key={p.id} className="mastery-point" title={`${p.code} ${p.name}`}>
                <button type="button" onClick={() => onPoint(p.id)} data-testid="mastery-point">
                  {p.name}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.students.map((s, i) => (
            <tr key={s.id}>
              <th className="mastery-name" title={s.studentNo}>
                {s.name}
              </th>
              {points.map((p) => {
                const x = p.p[i] ?? null;
                return (
                  <td key={p.id} style={{ background: x === null ? NO_DATA : LEVEL_FILLS[levelOf(x)] }}>
                    {x !== null && (
                      <button
                        type="button"
                        onClick={() => onCell(s.id, p.id)}
                        title={`${s.name} · ${p.name} · ${pct(x)}（${t('diagnosis.counts', { correct: p.correct[i] ?? 0, wrong: p.wrong[i] ?? 0 })}）`}
                        data-testid="mastery-cell"
                      >
                        {Math.round(x * 100)}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th className="mastery-name">{t('diagnosis.heatmap.mean')}</th>
            {points.map((p) => (
              <td key={p.id} style={{ background: p.level ? LEVEL_FILLS[p.level] : NO_DATA }}>
                {p.mean === null ? '' : Math.round(p.mean * 100)}
              </td>
            ))}
          </tr>
          <tr>
            <th className="mastery-name">{t('diagnosis.heatmap.weakCount')}</th>
            {points.map((p) => (
              <td key={p.id} className={p.weak > 0 ? 'mastery-weak-count' : undefined}>
                {p.weak}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The legend of the levels. */
export function LevelLegend() {
  const { t } = useTranslation();
  return (
    <div className="mastery-legend" data-testid="mastery-legend">
      {(['weak', 'developing', 'mastered'] as const).map((l) => (
        <span key={l}>
          <i style={{ background: LEVEL_FILLS[l] }} />
          {t(`diagnosis.level.${l}`)} {t(`diagnosis.range.${l}`)}
        </span>
      ))}
      <span>
        <i style={{ background: NO_DATA }} />
        {t('diagnosis.noAnswers')}
      </span>
    </div>
  );
}
