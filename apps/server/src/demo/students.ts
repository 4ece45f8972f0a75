import { AREA_CODES, areaIndex, LEGACY_AREA } from './geo.ts';
import { dayOf, type IdSequenceAllocator, yearOfDay } from './ids.ts';
import type { OrgTree } from './layout.ts';
import { drawGiven, poolFor } from './names.ts';
import { type Rng, Weighted } from './prng.ts';
import type { GradeSpec } from './stages.ts';
import {
  F_AGRICULTURAL,
  F_BOARDING,
  F_BORN_HERE,
  F_MIGRANT,
  F_TRANSFER,
  type FamilyTable,
  type PersonColumns,
  type StudentTable,
} from './types.ts';

export function personColumns(count: number): PersonColumns {
  return {
    count,
    gender: new Uint8Array(count),
    birth: new Int32Array(count),
    area: new Uint16Array(count),
    seq: new Uint16Array(count),
    surname: new Uint16Array(count),
    given1: new Uint16Array(count),
    given2: new Uint16Array(count),
    ethnicity: new Uint8Array(count),
  };
}

/** Birth dates of a cohort: school years start on 1 September, so a cohort spans September to August. */
export function birthWindow(grade: GradeSpec, entryYear: number): [number, number] {
  const y = entryYear - grade.entryAge;
  return [dayOf(y - 1, 9, 1), dayOf(y, 8, 31)];
}

// Outer districts where some junior-secondary pupils board: 白云, 花都, 南沙, 从化, 增城.
const BOARDING_DISTRICTS = new Set([4, 7, 8, 9, 10]);
const HEALTH = new Weighted<number>([
  [1, 965],
  [2, 25],
  [3, 8],
]);
const DISABILITY = new Weighted<number>([
  [4, 30],
  [5, 25],
  [2, 15],
  [1, 10],
  [3, 10],
  [6, 5],
  [7, 5],
]);

/** Students class by class: sex (52 % boys), birth date matching the grade, given name, status fields. */
export function createStudents(rng: Rng, tree: OrgTree, total: number): StudentTable {
  const t: StudentTable = {
    ...personColumns(total),
    cls: new Int32Array(total),
    seat: new Uint16Array(total),
    family: new Int32Array(total).fill(-1),
    flags: new Uint8Array(total),
    health: new Uint8Array(total),
    disability: new Uint8Array(total),
    electives: new Uint8Array(total),
  };
  for (const c of tree.classes) {
    const [from, to] = birthWindow(c.grade.spec, c.grade.entryYear);
    const stage = c.grade.spec.stage;
    const boarding =
      stage === '4'
        ? 0.55
        : stage === '5'
          ? 0.45
          : stage === '3' && BOARDING_DISTRICTS.has(c.school.district.idx)
            ? 0.12
            : 0;
    for (let k = 0; k < c.size; k++) {
      const i = c.studentStart + k;
      const male = rng.chance(0.52);
      t.cls[i] = c.idx;
      t.seat[i] = k + 1;
      t.gender[i] = male ? 1 : 2;
      // A few pupils started a year late or repeated one.
      t.birth[i] = rng.range(from, to) - (rng.chance(0.03) ? 365 : 0);
      const g = drawGiven(rng, poolFor(t.gender[i]!, false));
      t.given1[i] = g.a;
      t.given2[i] = g.b;
      let flags = 0;
      if (rng.chance(boarding)) flags |= F_BOARDING;
      if (c.grade.spec.year > 0 && rng.chance(0.03)) flags |= F_TRANSFER;
      t.flags[i] = flags;
      if (rng.chance(0.003)) {
        t.health[i] = 6;
        t.disability[i] = DISABILITY.pick(rng);
      } else {
        t.health[i] = HEALTH.pick(rng);
      }
    }
  }
  return t;
}

/** The ID-card area of a local child: the district, or its pre-2014 county-level city code. */
function localArea(districtCode: string, birth: number): number {
  const legacy = LEGACY_AREA[districtCode];
  if (legacy && yearOfDay(birth) < legacy.until) return areaIndex(legacy.code);
  return areaIndex(districtCode);
}

/** Copies family facts to the children and gives every student a unique ID-card number. */
export function settleStudents(
  rng: Rng,
  tree: OrgTree,
  t: StudentTable,
  f: FamilyTable,
  ids: IdSequenceAllocator,
) {
  for (let i = 0; i < t.count; i++) {
    const fam = t.family[i]!;
    const district = tree.classes[t.cls[i]!]!.school.district;
    t.surname[i] = f.surname[fam]!;
    t.ethnicity[i] = f.ethnicity[fam]!;
    let flags = t.flags[i]!;
    if (f.migrant[fam]) {
      flags |= F_MIGRANT;
      if (rng.chance(0.6)) flags |= F_AGRICULTURAL;
      if (rng.chance(0.55)) flags |= F_BORN_HERE;
      t.area[i] = f.origin[fam]!;
    } else {
      flags |= F_BORN_HERE;
      if (rng.chance(0.08)) flags |= F_AGRICULTURAL;
      t.area[i] = localArea(district.spec.code, t.birth[i]!);
    }
    t.flags[i] = flags;
    t.seq[i] = allocate(ids, t, i);
  }
}

/** Next free ID sequence for person i, moving the birth date a day on in the rare case a day is full. */
export function allocate(ids: IdSequenceAllocator, cols: PersonColumns, i: number): number {
  for (;;) {
    const seq = ids.next(cols.area[i]!, cols.birth[i]!, cols.gender[i] === 1);
    if (seq >= 0) return seq;
    cols.birth[i] = cols.birth[i]! + 1;
  }
}

export const areaCode = (cols: PersonColumns, i: number): string => AREA_CODES[cols.area[i]!]!;
