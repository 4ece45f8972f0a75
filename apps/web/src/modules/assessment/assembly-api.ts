import { ApiError, api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import type { BlueprintSpec } from './bank-api';

export type Assembled = ApiData<'/api/assessment/assembly', 'post'>;

/** One requirement of an infeasible blueprint, in the teacher's words, with where it sits. */
export interface AssemblyConflict {
  path: string;
  kind: string;
  message: string;
}

/** What a refused assembly says: the explanation, and the requirements it names (when infeasible). */
export interface AssemblyRefusal {
  message: string;
  reason: 'infeasible' | 'timeout' | 'no_replacement' | 'invalid';
  conflicts: AssemblyConflict[];
  /** Field paths of a blueprint the server found invalid. */
  fields: { path: string; message: string }[];
}

/** A refusal the form shows inline, or undefined for errors that are not about the blueprint. */
export function refusalOf(e: unknown): AssemblyRefusal | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const d = (e.details ?? {}) as { reason?: AssemblyRefusal['reason']; conflicts?: AssemblyConflict[] };
  if (e.status === 422)
    return { message: e.message, reason: d.reason ?? 'infeasible', conflicts: d.conflicts ?? [], fields: [] };
  if (e.status === 400)
    return {
      message: e.message,
      reason: 'invalid',
      conflicts: [],
      fields: Array.isArray(e.details) ? (e.details as AssemblyRefusal['fields']) : [],
    };
  return undefined;
}

/**
 * Assembles a blueprint into drafts: through the saved template when the spec is the template's
 * unchanged (the drafts then link to it), else as sent.
 */
export function assemble(o: {
  subjectCode: string;
  gradeCode: string;
  spec: BlueprintSpec;
  forms: 1 | 2;
  template?: { id: string; spec: BlueprintSpec };
}): Promise<Assembled> {
  if (o.template && JSON.stringify(o.template.spec) === JSON.stringify(o.spec))
    return unwrap(
      api.POST('/api/assessment/blueprints/{id}/assemble', {
        params: { path: { id: o.template.id } },
        body: { forms: o.forms },
      }),
    );
  return unwrap(
    api.POST('/api/assessment/assembly', {
      body: { subjectCode: o.subjectCode, gradeCode: o.gradeCode, spec: o.spec, forms: o.forms },
    }),
  );
}

/** Replacements the teacher turned down, per paper, so 换一题 twice does not bring the first back. */
const turnedDown = new Map<string, Set<string>>();

export async function swapItem(paperId: string, itemId: string) {
  const avoid = turnedDown.get(paperId) ?? new Set<string>();
  const res = await unwrap(
    api.POST('/api/assessment/papers/{id}/swap', {
      params: { path: { id: paperId } },
      body: { itemId, avoid: [...avoid].slice(-200) },
    }),
  );
  avoid.add(itemId);
  turnedDown.set(paperId, avoid);
  return res;
}
