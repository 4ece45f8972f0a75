import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.ts';
import type { Blueprint, PoolItem } from './blueprint.ts';
import { compileBlueprint, relaxBlueprint } from './compile.ts';
import { DECIMALS, FRACTIONS, KP_NAMES, RATIOS, smallPool } from './test-pools.ts';

const labels = { knowledgePoints: KP_NAMES };

/**
 * The named set is an irreducible infeasible subset: the blueprint keeping only those requirements
 * is infeasible, and keeping all but any one of them is feasible. Checked through `assemble` on
 * relaxed blueprints, independently of how the set was found.
 */
async function expectIrreducible(pool: PoolItem[], b: Blueprint, named: string[]) {
  const all = compileBlueprint(pool, b).requirements.map((r) => r.path);
  const others = all.filter((p) => !named.includes(p));
  expect((await assemble(pool, relaxBlueprint(b, others))).status).toBe('infeasible');
  for (const p of named) {
    const r = await assemble(pool, relaxBlueprint(b, [...others, p]));
    expect(r.status, `without ${p}`).not.toBe('infeasible');
    expect(r.forms.length).toBeGreaterThan(0);
  }
}

describe('explaining a blueprint that cannot be met', () => {
  it('names a line of the table asking for more items than the bank has, in the teacher’s words', async () => {
    // Only two 分数的意义·应用 items are left in the bank.
    const pool = smallPool().filter((it) => !['i08', 'i09'].includes(it.id));
    const b: Blueprint = {
      cells: [
        { knowledgePointId: FRACTIONS, cognitiveLevel: 'apply', count: 3 },
        { knowledgePointId: DECIMALS, count: { min: 1 } },
      ],
      types: [
        { type: 'single_choice', count: { max: 6 } },
        { type: 'short_answer', count: { max: 3 } },
      ],
    };
    const r = await assemble(pool, b, { labels });
    expect(r.status).toBe('infeasible');
    expect(r.forms).toEqual([]);
    expect(r.explanation!.conflicts.map((c) => c.message)).toEqual([
      '细目表要求 3 道『分数的意义·应用』题，题库只有 2 道',
    ]);
    expect(r.explanation!.message).toBe('无法组卷：细目表要求 3 道『分数的意义·应用』题，题库只有 2 道');
    expect(r.explanation!.proved).toBe(true);
    await expectIrreducible(pool, b, ['cells[0]']);
  });

  it('names the smallest set when requirements conflict together (scores per type against the total)', async () => {
    const pool = smallPool();
    const b: Blueprint = {
      cells: [{ knowledgePointId: RATIOS, count: { min: 1 } }],
      types: [
        { type: 'single_choice', count: 6, score: 3 },
        { type: 'short_answer', count: 3, score: 8 },
      ],
      totalScore: 44,
      timeLimitMinutes: 60,
    };
    const r = await assemble(pool, b, { labels });
    expect(r.status).toBe('infeasible');
    const named = r.explanation!.conflicts.map((c) => c.requirement.path);
    expect(named).toContain('totalScore');
    expect(named.length).toBeGreaterThan(1);
    expect(r.explanation!.message).toContain('总分 44 分');
    expect(r.explanation!.message).toContain('不能同时满足');
    await expectIrreducible(pool, b, named);
  });

  it('finds a time limit too short for the number of items, and nothing else', async () => {
    const pool = smallPool();
    const b: Blueprint = {
      cells: [
        { knowledgePointId: FRACTIONS, count: { min: 1 } },
        { knowledgePointId: DECIMALS, count: { min: 1 } },
      ],
      types: [{ type: 'single_choice', count: 2 }, { type: 'short_answer' }],
      length: 8,
      timeLimitMinutes: 10,
      maxExposure: 4,
    };
    const r = await assemble(pool, b, { labels });
    expect(r.status).toBe('infeasible');
    const named = r.explanation!.conflicts.map((c) => c.requirement.path).sort();
    expect(named).toContain('timeLimitMinutes');
    expect(r.explanation!.conflicts.find((c) => c.requirement.path === 'timeLimitMinutes')!.message).toBe(
      '限时 10 分钟（各题预计作答时间之和不超过 10 分钟）',
    );
    await expectIrreducible(pool, b, named);
  });

  it('names two included items that are enemies, with the enemy pair', async () => {
    const pool = smallPool();
    const b: Blueprint = {
      types: [{ type: 'single_choice', count: 4 }],
      include: ['i00', 'i04', 'i08'],
      enemies: [
        ['i06', 'i10'],
        ['i00', 'i08'],
      ],
    };
    const r = await assemble(pool, b, { labels: { items: { i00: '1/2 的意义', i08: '1/4 的意义' } } });
    expect(r.status).toBe('infeasible');
    expect(r.explanation!.conflicts.map((c) => c.requirement.path)).toEqual([
      'include[0]',
      'include[2]',
      'enemies[1]',
    ]);
    expect(r.explanation!.message).toContain('「1/2 的意义」与「1/4 的意义」不能出现在同一份试卷中');
    await expectIrreducible(pool, b, ['include[0]', 'include[2]', 'enemies[1]']);
  });

  it('names an included item outside the table as the conflict', async () => {
    const pool = smallPool();
    const b: Blueprint = { types: [{ type: 'single_choice', count: 3 }], include: ['i02'] };
    const r = await assemble(pool, b, { labels: { items: { i02: '分数墙' } } });
    expect(r.status).toBe('infeasible');
    expect(r.explanation!.message).toBe('无法组卷：必选题「分数墙」的题型或知识点不在细目表中');
  });

  it('names the overlap limit of parallel forms when the bank cannot fill both forms apart', async () => {
    const pool = smallPool();
    const b: Blueprint = {
      forms: 2,
      maxOverlap: 1,
      cells: [{ knowledgePointId: FRACTIONS, cognitiveLevel: 'remember', count: 3 }],
      types: [{ type: 'single_choice' }, { type: 'short_answer' }],
    };
    const r = await assemble(pool, b, { labels });
    expect(r.status).toBe('infeasible');
    const named = r.explanation!.conflicts.map((c) => c.requirement.path);
    expect(named.sort()).toEqual(['cells[0]', 'maxOverlap']);
    expect(r.explanation!.message).toContain('2 份试卷两两之间最多共用 1 道题');
    await expectIrreducible(pool, b, named);
  });
});
