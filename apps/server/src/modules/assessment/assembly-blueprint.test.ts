import { validateInput } from '@hanlin/analytics/assembly';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { inWorker, refuse, specPath } from './assembly.service.ts';
import { toAssemblyBlueprint } from './assembly-blueprint.ts';
import { type BlueprintSpec, blueprintSpec } from './blueprint-model.ts';

const KP = '0190aaaa-0000-7000-8000-000000000001';
const spec: BlueprintSpec = blueprintSpec.parse({
  title: '期中检测',
  cells: [
    { knowledgePointId: KP, cognitiveLevel: 'apply', count: 3 },
    { knowledgePointId: KP, cognitiveLevel: 'understand', score: 20 },
  ],
  types: [
    { type: 'single_choice', count: 8, score: 3 },
    { type: 'short_answer', count: 2, score: 13 },
  ],
  totalScore: 50,
  difficulty: { distribution: { easy: 0.7, medium: 0.2, hard: 0.1 } },
  minutes: 45,
  enemies: [{ a: KP, b: '0190aaaa-0000-7000-8000-000000000002' }],
  maxExposure: 3,
});

describe('a teacher’s blueprint as assembly input', () => {
  it('keeps the table, types, total and time, and turns shares into item counts', () => {
    const b = toAssemblyBlueprint(spec, { forms: 2, maxOverlap: 2 });
    expect(b).toMatchObject({
      forms: 2,
      maxOverlap: 2,
      length: 10,
      totalScore: 50,
      timeLimitMinutes: 45,
      maxExposure: 3,
      enemies: [[KP, '0190aaaa-0000-7000-8000-000000000002']],
    });
    expect(b.cells![0]).toEqual({ knowledgePointId: KP, cognitiveLevel: 'apply', count: 3 });
    // A cell asked by score: about that score.
    expect(b.cells![1]!.score).toEqual({ min: 18, max: 22 });
    expect(b.difficulty!.bands!.map((x) => [x.label, x.count])).toEqual([
      ['容易', { min: 7, max: 7 }],
      ['中等', { min: 2, max: 2 }],
      ['较难', { min: 1, max: 1 }],
    ]);
    expect(b.difficulty!.mean).toBeUndefined();
    expect(() => validateInput([], b)).not.toThrow();
  });

  it('points requirements back at the blueprint’s fields', () => {
    expect(specPath('cells[2]')).toBe('spec.cells[2]');
    expect(specPath('timeLimitMinutes')).toBe('spec.minutes');
    expect(specPath('difficulty.tolerance')).toBe('spec.difficulty.mean');
    expect(specPath('difficulty.bands[1]')).toBe('spec.difficulty.distribution');
    expect(specPath('length')).toBe('spec.types');
    expect(specPath('maxOverlap')).toBe('maxOverlap');
  });
});

describe('a solve that runs out of time', () => {
  it('answers 422 with a clear message, never a 5xx', async () => {
    const overran = await inWorker(() => Promise.reject(new Error('assembly worker overran 68 s'))).catch(
      (e: unknown) => e,
    );
    expect(overran).toBeInstanceOf(AppError);
    expect(overran).toMatchObject({ status: 422, details: { reason: 'timeout' } });
    expect((overran as AppError).message).toMatch(/^组卷超时/);
    const stopped = (() => {
      try {
        refuse({
          status: 'timeout',
          forms: [],
          objective: { kind: 'difficulty', value: null, bound: null },
          gap: null,
          seconds: 10,
          model: { items: 100, steps: [] },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(stopped).toMatchObject({ status: 422, code: 'unprocessable', details: { reason: 'timeout' } });
  });
});
