/**
 * Blueprint requirements in the teacher's words (Simplified Chinese, with the numbers), for the
 * explanation of a blueprint that cannot be met.
 */
import { type AssemblyLabels, LEVEL_LABEL, TYPE_LABEL } from './blueprint.ts';
import type { Requirement } from './compile.ts';

type MinMax = { min: number; max: number };

const fmt = (v: number) => String(Number(v.toFixed(2)));

/** "3 道", "3–5 道", "至少 3 道", "至多 5 道" (unit 道 or 分). */
export function rangeText(r: MinMax, unit: string): string {
  if (r.min === r.max) return `${fmt(r.min)} ${unit}`;
  if (r.max === Number.POSITIVE_INFINITY) return `至少 ${fmt(r.min)} ${unit}`;
  if (r.min <= 0) return `至多 ${fmt(r.max)} ${unit}`;
  return `${fmt(r.min)}–${fmt(r.max)} ${unit}`;
}

export interface Conflict {
  /** The requirement's kind and data, for a UI that links back to the blueprint. */
  requirement: Requirement;
  message: string;
}

export function describe(r: Requirement, labels: AssemblyLabels = {}): string {
  const kp = (id?: string) => (id === undefined ? '' : (labels.knowledgePoints?.[id] ?? id));
  const item = (id: string) => `「${labels.items?.[id] ?? id}」`;
  switch (r.kind) {
    case 'cell': {
      const name = [kp(r.knowledgePointId), r.cognitiveLevel ? LEVEL_LABEL[r.cognitiveLevel] : '']
        .filter(Boolean)
        .join('·');
      const parts: string[] = [];
      if (r.count) {
        const short = r.available < r.count.min;
        parts.push(
          `细目表要求 ${rangeText(r.count, '道')}『${name}』题，${short ? '题库只有' : '题库有'} ${r.available} 道`,
        );
      }
      if (r.score)
        parts.push(`细目表要求『${name}』共 ${rangeText(r.score, '分')}（题库有 ${r.available} 道这类题）`);
      return parts.join('；');
    }
    case 'type': {
      const short = r.available < r.count.min;
      return `题型要求 ${rangeText(r.count, '道')}${TYPE_LABEL[r.type]}，${short ? '题库只有' : '题库有'} ${r.available} 道`;
    }
    case 'length':
      return `每份试卷 ${rangeText(r.count, '道')}题（细目表范围内题库有 ${r.available} 道）`;
    case 'totalScore':
      return `总分 ${fmt(r.score)} 分（按各题型每题分值计算）`;
    case 'difficultyMean':
      return `试卷难度（预计得分率）在 ${fmt(r.min)}–${fmt(r.max)} 之间`;
    case 'difficultyBand': {
      const name = r.band.label
        ? `${r.band.label}题`
        : `难度在 ${fmt(r.band.min)}–${fmt(r.band.max)} 之间的题`;
      const parts: string[] = [];
      if (r.count) parts.push(`${name} ${rangeText(r.count, '道')}`);
      if (r.score) parts.push(`${name}共 ${rangeText(r.score, '分')}`);
      return `${parts.join('，')}（题库有 ${r.available} 道）`;
    }
    case 'time':
      return `限时 ${fmt(r.minutes)} 分钟（各题预计作答时间之和不超过 ${fmt(r.minutes)} 分钟）`;
    case 'include':
      return r.notInTable
        ? `必选题${item(r.itemId)}的题型或知识点不在细目表中`
        : `必选题${item(r.itemId)}须出现在每份试卷中`;
    case 'exclude':
      return `排除指定的 ${r.itemIds.length} 道题`;
    case 'enemy':
      return `${item(r.itemIds[0])}与${item(r.itemIds[1])}不能出现在同一份试卷中`;
    case 'exposure':
      return `近期使用超过 ${fmt(r.max)} 次的题不再选用（涉及 ${r.items} 道题）`;
    case 'overlap':
      return `${r.forms} 份试卷两两之间最多共用 ${r.max} 道题`;
  }
}

/** The whole explanation: one requirement alone, or a set that cannot hold together. */
export function explainConflicts(conflicts: Conflict[], proved = true): string {
  if (conflicts.length === 0) return '在时限内未能确定哪些要求相互冲突，请放宽部分要求后重试';
  if (conflicts.length === 1) return `无法组卷：${conflicts[0]!.message}`;
  const hint = proved ? '（最小冲突组合：去掉其中任意一项，剩下的几项就能同时满足）' : '';
  return `无法组卷，以下 ${conflicts.length} 项要求不能同时满足${hint}：${conflicts
    .map((c, k) => `（${k + 1}）${c.message}`)
    .join('；')}`;
}
