import { areaIndex, ORIGIN_AREAS } from './geo.ts';
import type { OrgTree } from './layout.ts';
import { SURNAMES } from './names.ts';
import { type Rng, Weighted } from './prng.ts';
import { YUEXIU } from './school-plan.ts';
import {
  CARE_BOTH_AWAY,
  CARE_NORMAL,
  CARE_ONE_AWAY,
  CARE_ORPHAN,
  type FamilyTable,
  type StudentTable,
} from './types.ts';

/** Chance that a child without a family yet is paired with a sibling: about 8 % of families have two. */
const SIBLING_START = 0.115;
const YEAR = 365;

/** Minority ethnicities seen in Guangzhou schools (GB/T 3304 codes): 壮, 土家, 苗, 瑶, 回, 满, 侗 … */
export const MINORITIES = new Weighted<number>([
  [8, 40],
  [15, 15],
  [6, 12],
  [13, 8],
  [3, 8],
  [11, 6],
  [12, 5],
  [22, 2],
  [2, 2],
  [10, 2],
]);

export interface Families {
  table: FamilyTable;
  /** The demo student's sibling in another school. */
  demoSibling: number;
}

/**
 * Groups students into families: most are only children, some have a brother or sister in another
 * class of the same district (same or another school). Decides each family's surname, home area,
 * ethnicity and whether the children live with their parents.
 */
export function formFamilies(rng: Rng, tree: OrgTree, st: StudentTable, demoStudent: number): Families {
  const n = st.count;
  const t: FamilyTable = {
    count: 0,
    child1: new Int32Array(n),
    child2: new Int32Array(n),
    g1: new Int32Array(n).fill(-1),
    g2: new Int32Array(n).fill(-1),
    surname: new Uint16Array(n),
    care: new Uint8Array(n),
    migrant: new Uint8Array(n),
    origin: new Uint16Array(n),
    ethnicity: new Uint8Array(n),
  };
  const districtOf = (i: number) => tree.classes[st.cls[i]!]!.school.district;
  const open = (child: number, sibling: number): number => {
    const f = t.count++;
    t.child1[f] = child;
    t.child2[f] = sibling;
    st.family[child] = f;
    if (sibling >= 0) st.family[sibling] = f;
    const d = districtOf(child);
    const migrant = f > 0 && rng.chance(d.spec.migrantRate);
    t.migrant[f] = migrant ? 1 : 0;
    t.origin[f] = migrant ? ORIGIN_AREAS.pick(rng) : areaIndex(d.spec.code);
    t.surname[f] = SURNAMES.index(rng);
    t.ethnicity[f] = rng.chance(migrant ? 0.03 : 0.008) ? MINORITIES.pick(rng) : 1;
    const r = rng.next();
    const care =
      f === 0
        ? CARE_NORMAL
        : r < 0.0005
          ? CARE_ORPHAN
          : r < 0.0035
            ? CARE_BOTH_AWAY
            : r < 0.012
              ? CARE_ONE_AWAY
              : CARE_NORMAL;
    t.care[f] = migrant && care === CARE_NORMAL && rng.chance(0.015) ? CARE_ONE_AWAY : care;
    return f;
  };
  const fits = (i: number, j: number) => {
    if (st.family[j] !== -1 || st.cls[j] === st.cls[i]) return false;
    const gap = Math.abs(st.birth[i]! - st.birth[j]!);
    return gap >= YEAR && gap <= 10 * YEAR;
  };

  const demoSibling = pickDemoSibling(rng, tree, st, demoStudent);
  open(demoStudent, demoSibling);
  for (let i = 0; i < n; i++) {
    if (st.family[i] !== -1) continue;
    let sibling = -1;
    if (rng.chance(SIBLING_START)) {
      const d = districtOf(i);
      for (let attempt = 0; attempt < 6 && sibling < 0; attempt++) {
        const j = rng.range(d.studentStart, d.studentEnd - 1);
        if (fits(i, j)) sibling = j;
      }
    }
    open(i, sibling);
  }
  return { table: t, demoSibling };
}

/** An older brother or sister of the demo student, in another 越秀 school (a secondary one if there is). */
function pickDemoSibling(rng: Rng, tree: OrgTree, st: StudentTable, demo: number): number {
  const own = tree.classes[st.cls[demo]!]!.school;
  const others = tree.districts[YUEXIU]!.schools.filter((s) => s !== own);
  const pool = others.length > 0 ? others : tree.schools.filter((s) => s !== own);
  const ranked = [...pool].sort((a, b) => rankKind(a.kind) - rankKind(b.kind));
  for (const school of ranked) {
    const candidates: number[] = [];
    for (let j = school.studentStart; j < school.studentEnd; j++) {
      const gap = st.birth[demo]! - st.birth[j]!;
      if (gap >= 2 * YEAR && gap <= 6 * YEAR) candidates.push(j);
    }
    if (candidates.length > 0) return rng.pick(candidates);
  }
  return ranked[0]!.studentStart;
}

const rankKind = (kind: string) => ['junior', 'nine_year', 'complete', 'primary'].indexOf(kind) >>> 0;
