import { describe, expect, it } from 'vitest';
import type { StepDef } from './review.schema.ts';
import { byUrgency, DEFAULT_DUE_DAYS, decides, dueDaysOf, stepUnits, waitAt } from './review-rules.ts';

const SCHOOL = 'c440100.d440104.s3440104001';
const step = (level: StepDef['level'], roles: string[], dueDays = 5): StepDef => ({
  name: 'x',
  roles,
  level,
  dueDays,
});

describe('who decides a step', () => {
  it('names the school, district or city of the resource by the step level', () => {
    expect(stepUnits(step('school', ['expert']), `${SCHOOL}.g14`)).toEqual([SCHOOL]);
    expect(stepUnits(step('district', ['researcher']), SCHOOL)).toEqual(['c440100.d440104']);
    expect(stepUnits(step('city', ['city_admin']), SCHOOL)).toEqual(['c440100']);
    expect(stepUnits(step('district_or_city', ['expert']), SCHOOL)).toEqual(['c440100.d440104', 'c440100']);
    expect(stepUnits(step('author', ['author']), SCHOOL)).toEqual([]);
  });

  it('lets a role of the step decide at one of those units only', () => {
    const experts = step('district_or_city', ['expert']);
    expect(decides({ role: 'expert', orgPath: 'c440100' }, experts, SCHOOL)).toBe(true);
    expect(decides({ role: 'expert', orgPath: 'c440100.d440104' }, experts, SCHOOL)).toBe(true);
    // Another district's experts, the school's own, and another role at the right unit do not.
    expect(decides({ role: 'expert', orgPath: 'c440100.d440105' }, experts, SCHOOL)).toBe(false);
    expect(decides({ role: 'expert', orgPath: SCHOOL }, experts, SCHOOL)).toBe(false);
    expect(decides({ role: 'researcher', orgPath: 'c440100' }, experts, SCHOOL)).toBe(false);
    // Nobody decides the author's own step as a reviewer.
    expect(decides({ role: 'author', orgPath: SCHOOL }, step('author', ['author']), SCHOOL)).toBe(false);
  });
});

describe('how long an item has waited', () => {
  const now = new Date('2026-12-05T08:00:00Z');

  it('counts from the arrival at the step and is overdue past the step limit', () => {
    const arrived = new Date(now.getTime() - (3 * 24 + 5) * 3_600_000);
    expect(waitAt(step('school', ['expert'], 3), arrived, now)).toEqual({
      waitedMs: (3 * 24 + 5) * 3_600_000,
      dueAt: new Date(arrived.getTime() + 3 * 86_400_000),
      overdue: true,
    });
    expect(waitAt(step('school', ['expert'], 4), arrived, now).overdue).toBe(false);
  });

  it('uses the default limit when the chain sets none', () => {
    expect(dueDaysOf(step('school', ['expert'], 0))).toBe(DEFAULT_DUE_DAYS);
    expect(dueDaysOf({ ...step('school', ['expert']), dueDays: undefined as unknown as number })).toBe(
      DEFAULT_DUE_DAYS,
    );
    const arrived = new Date(now.getTime() - 86_400_000);
    expect(waitAt(step('school', ['expert'], 0), arrived, now).overdue).toBe(false);
  });

  it('sorts the longest overdue first, then those closest to their limit', () => {
    const at = (iso: string) => ({ dueAt: new Date(iso) });
    const items = [at('2026-12-09T00:00:00Z'), at('2026-12-01T00:00:00Z'), at('2026-12-04T00:00:00Z')];
    expect(items.sort(byUrgency).map((i) => i.dueAt.toISOString().slice(0, 10))).toEqual([
      '2026-12-01',
      '2026-12-04',
      '2026-12-09',
    ]);
  });
});
