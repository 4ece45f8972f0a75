import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recommendation, StudentPush } from './practice-api';

const pct = (p: number) => Math.round(p * 100);

/** "因为『分数加减』掌握度 38%（最近 3 次答错 2 次）", in the reader's language. */
export function useReasons() {
  const { t } = useTranslation();
  return {
    weak: (r: { knowledgePoint: { name: string }; p: number; recent: Recommendation['recent'] }) =>
      r.recent
        ? t('practice.reason', {
            name: r.knowledgePoint.name,
            pct: pct(r.p),
            n: r.recent.n,
            wrong: r.recent.wrong,
          })
        : t('practice.reasonShort', { name: r.knowledgePoint.name, pct: pct(r.p) }),
    cause: (c: NonNullable<Recommendation['cause']>) => t('practice.cause', { name: c.name }),
    push: (p: Pick<StudentPush, 'byName' | 'note' | 'knowledgePoint'>) =>
      t('practice.pushReason', {
        surname: [...p.byName][0] ?? '',
        name: p.byName,
        note: p.note.trim() || t('practice.pushDefault', { name: p.knowledgePoint.name }),
      }),
  };
}

/** The mastery level as a coloured tag (薄弱 red, 待巩固 orange, 掌握 green). */
export function LevelTag({ p }: { p: number | null | undefined }) {
  const { t } = useTranslation();
  if (p === null || p === undefined) return <Tag>{t('practice.level.none')}</Tag>;
  const level = p < 0.5 ? 'weak' : p >= 0.7 ? 'mastered' : 'developing';
  const color = { weak: 'red', developing: 'orange', mastered: 'green' }[level];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`practice.level.${level}`)} {pct(p)}%
    </Tag>
  );
}

/** "38% → 52%": how a point's mastery moved (green up, red down). */
export function MasteryChange({ before, now }: { before: number | null; now: number | null }) {
  if (before === null || now === null) return now === null ? null : <span>{pct(now)}%</span>;
  const d = pct(now) - pct(before);
  const color = d > 0 ? '#389e0d' : d < 0 ? '#cf1322' : undefined;
  return (
    <span data-testid="mastery-change">
      {pct(before)}% → <b style={{ color }}>{pct(now)}%</b>
      {d !== 0 && (
        <span style={{ color }}>
          {' '}
          ({d > 0 ? '+' : ''}
          {d})
        </span>
      )}
    </span>
  );
}
