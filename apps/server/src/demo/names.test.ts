import { describe, expect, it } from 'vitest';
import { drawGiven, fullName, NONE, poolFor, SURNAMES } from './names.ts';
import { Rng } from './prng.ts';

const CJK = /^[\u4e00-\u9fff]+$/;

describe('names', () => {
  const rng = new Rng(42);
  const draw = (gender: number, adult: boolean) => {
    const pool = poolFor(gender, adult);
    return fullName(SURNAMES.index(rng), pool, drawGiven(rng, pool));
  };

  it('are two to four Chinese characters with a known surname', () => {
    for (const [gender, adult] of [
      [1, false],
      [2, false],
      [1, true],
      [2, true],
    ] as const) {
      for (let k = 0; k < 2000; k++) {
        const name = draw(gender, adult);
        expect(name).toMatch(CJK);
        expect(name.length).toBeGreaterThanOrEqual(2);
        expect(name.length).toBeLessThanOrEqual(4);
        expect(SURNAMES.items.some((s) => name.startsWith(s))).toBe(true);
      }
    }
  });

  it('follow Guangdong surname frequencies: 陈 first, then 李/黄', () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 20_000; k++) {
      const s = SURNAMES.pick(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    expect(ranked[0]).toBe('陈');
    expect(ranked.slice(1, 3).sort()).toEqual(['李', '黄'].sort());
  });

  it('differ between boys and girls', () => {
    const given = (gender: number) => {
      const pool = poolFor(gender, false);
      return new Set(Array.from({ length: 3000 }, () => fullName(0, pool, drawGiven(rng, pool)).slice(1)));
    };
    const boys = given(1);
    const girls = given(2);
    const shared = [...boys].filter((n) => girls.has(n)).length;
    expect(shared / boys.size).toBeLessThan(0.1);
  });

  it('are mostly two-character given names, some single', () => {
    const pool = poolFor(2, false);
    const singles = Array.from({ length: 5000 }, () => drawGiven(rng, pool)).filter(
      (g) => g.b === NONE,
    ).length;
    expect(singles / 5000).toBeGreaterThan(0.05);
    expect(singles / 5000).toBeLessThan(0.15);
  });
});
