import { MINORITIES } from './families.ts';
import { areaIndex, DISTRICTS, type DistrictSpec, ORIGIN_AREAS } from './geo.ts';
import { dayOf, type IdSequenceAllocator, yearOfDay } from './ids.ts';
import type { OrgTree } from './layout.ts';
import { drawGiven, poolFor, SURNAMES } from './names.ts';
import type { Rng } from './prng.ts';
import { SCHOOL_YEAR } from './stages.ts';
import { allocate, personColumns } from './students.ts';
import type { StaffPlan } from './teachers.ts';
import {
  CARE_BOTH_AWAY,
  CARE_ONE_AWAY,
  CARE_ORPHAN,
  type FamilyTable,
  type ParentTable,
  type PersonColumns,
  type StudentTable,
  type TeacherTable,
} from './types.ts';

const YEAR = 365;

/** A random day of the given year. */
export const dayIn = (rng: Rng, year: number): number => dayOf(year, 1, 1) + rng.int(365);

/** ID-card area of an adult: born in the district (old codes included), elsewhere in the city or beyond. */
export function adultArea(rng: Rng, d: DistrictSpec): number {
  const r = rng.next();
  if (r < 0.5) return areaIndex(rng.pick(d.adultAreas));
  if (r < 0.6) return areaIndex(rng.pick(DISTRICTS).adultAreas[0]!);
  return ORIGIN_AREAS.pick(rng);
}

/** Fills the name, ethnicity and ID-card columns of an adult. */
export function drawAdult(
  rng: Rng,
  cols: PersonColumns,
  i: number,
  ids: IdSequenceAllocator,
  surname?: number,
) {
  const g = drawGiven(rng, poolFor(cols.gender[i]!, true));
  cols.surname[i] = surname ?? SURNAMES.index(rng);
  cols.given1[i] = g.a;
  cols.given2[i] = g.b;
  cols.ethnicity[i] ||= rng.chance(0.012) ? MINORITIES.pick(rng) : 1;
  cols.seq[i] = allocate(ids, cols, i);
}

const FEMALE_SHARE: Record<string, number> = { '1': 0.97, '2': 0.8, '3': 0.65, '4': 0.55, '5': 0.5 };

/** 职称 by age: 二级 for the young, 一级 in mid-career, 高级 later, 正高级 rarely; 0 = not yet graded. */
function titleFor(rng: Rng, age: number): number {
  const r = rng.next();
  if (age < 26) return r < 0.7 ? 4 : 0;
  if (age < 33) return r < 0.55 ? 4 : r < 0.95 ? 3 : 2;
  if (age < 45) return r < 0.1 ? 4 : r < 0.65 ? 3 : 2;
  return r < 0.35 ? 3 : r < 0.96 ? 2 : 1;
}

/** Draws the teachers the staff plan calls for. */
export function createTeachers(
  rng: Rng,
  tree: OrgTree,
  plan: StaffPlan,
  ids: IdSequenceAllocator,
): TeacherTable {
  const n = plan.school.length;
  const t: TeacherTable = {
    ...personColumns(n),
    school: Int32Array.from(plan.school),
    title: new Uint8Array(n),
    staffSeq: new Uint16Array(n),
    second: new Int32Array(n).fill(-1),
    subjects: plan.subjects,
  };
  for (let i = 0; i < n; i++) {
    const school = tree.schools[plan.school[i]!]!;
    t.gender[i] = rng.chance(FEMALE_SHARE[plan.stage[i]!] ?? 0.6) ? 2 : 1;
    const age = 23 + Math.floor(((rng.next() + rng.next()) / 2) * 36);
    t.birth[i] = dayIn(rng, SCHOOL_YEAR - age);
    t.title[i] = titleFor(rng, age);
    t.area[i] = adultArea(rng, school.district.spec);
    t.staffSeq[i] = i - school.teacherStart + 1;
    drawAdult(rng, t, i, ids);
  }
  for (const [teacher, school] of plan.second) t.second[teacher] = school;
  return t;
}

/** Relations of the guardians a family registers, primary first (GB/T 4761: 51 父亲, 52 母亲, 61–64 祖辈). */
function guardianRelations(rng: Rng, care: number, f: number): number[] {
  if (care === CARE_BOTH_AWAY || care === CARE_ORPHAN) {
    const pair = rng.chance(0.75) ? [61, 62] : [63, 64];
    return rng.chance(0.7) ? (rng.chance(0.5) ? pair : [pair[1]!, pair[0]!]) : [pair[1]!];
  }
  if (care === CARE_ONE_AWAY) return [rng.chance(0.7) ? 52 : 51];
  const r = f === 0 ? 0 : rng.next();
  if (r < 0.72) return rng.chance(0.6) || f === 0 ? [52, 51] : [51, 52];
  return r < 0.92 ? [52] : [51];
}

/** Age at the birth of the oldest child, by relation. */
const AGE_AT_BIRTH: Record<number, [number, number]> = {
  51: [24, 44],
  52: [22, 40],
  61: [46, 68],
  62: [45, 66],
};

/**
 * Guardians of every family. A few parents are teachers of the city (one person, two roles); they
 * keep their teacher person and login. `personBase` is the person ordinal of the first new parent.
 */
export function createParents(
  rng: Rng,
  tree: OrgTree,
  st: StudentTable,
  fam: FamilyTable,
  teachers: TeacherTable,
  ids: IdSequenceAllocator,
  personBase: number,
  /** Teachers who must not be drawn as parents (the demo teacher keeps a predictable set of roles). */
  reserved: ReadonlySet<number>,
): ParentTable {
  const cap = fam.count * 2;
  const p: ParentTable = {
    ...personColumns(cap),
    person: new Int32Array(cap),
    relation: new Uint8Array(cap),
  };
  const teacherPool = tree.districts.map((d) => {
    const first = d.schools[0]?.teacherStart ?? 0;
    const last = d.schools.at(-1)?.teacherEnd ?? 0;
    return rng.shuffle(
      Array.from({ length: last - first }, (_, k) => first + k).filter((t) => !reserved.has(t)),
    );
  });
  let n = 0;
  let nextPerson = personBase;
  for (let f = 0; f < fam.count; f++) {
    const c1 = fam.child1[f]!;
    const c2 = fam.child2[f]!;
    const oldest = c2 >= 0 ? Math.min(st.birth[c1]!, st.birth[c2]!) : st.birth[c1]!;
    const district = tree.classes[st.cls[c1]!]!.school.district;
    const relations = guardianRelations(rng, fam.care[f]!, f);
    relations.forEach((rel, k) => {
      const i = n++;
      p.relation[i] = rel;
      p.gender[i] = rel === 51 || rel === 61 || rel === 63 ? 1 : 2;
      if (k === 0) fam.g1[f] = i;
      else fam.g2[f] = i;
      const [lo, hi] = AGE_AT_BIRTH[rel] ?? AGE_AT_BIRTH[rel - 2]!;
      const teacher =
        rel <= 52 && f > 0 && rng.chance(0.012)
          ? takeTeacher(teacherPool[district.idx]!, teachers, p.gender[i]!, yearOfDay(oldest))
          : -1;
      if (teacher >= 0) {
        p.person[i] = personBase - teachers.count + teacher;
        if (rel === 51) fam.surname[f] = teachers.surname[teacher]!;
        return;
      }
      p.birth[i] = oldest - YEAR * (lo + Math.floor(((rng.next() + rng.next()) / 2) * (hi - lo)));
      p.ethnicity[i] = fam.ethnicity[f]!;
      if (fam.migrant[f]) p.area[i] = rel === 52 && rng.chance(0.3) ? ORIGIN_AREAS.pick(rng) : fam.origin[f]!;
      else p.area[i] = adultArea(rng, district.spec);
      drawAdult(rng, p, i, ids, rel === 51 || rel === 61 ? fam.surname[f] : undefined);
      p.person[i] = nextPerson++;
    });
  }
  p.count = n;
  // Children carry the family surname, which a teacher-father may have changed.
  for (let i = 0; i < st.count; i++) st.surname[i] = fam.surname[st.family[i]!]!;
  return p;
}

/** Takes a teacher of the right sex and age to be a parent, from the end of the district's shuffled pool. */
function takeTeacher(pool: number[], teachers: TeacherTable, gender: number, childYear: number): number {
  for (let k = pool.length - 1; k >= Math.max(0, pool.length - 40); k--) {
    const t = pool[k]!;
    const age = childYear - yearOfDay(teachers.birth[t]!);
    if (teachers.gender[t] === gender && age >= 24 && age <= 42) {
      pool[k] = pool[pool.length - 1]!;
      pool.pop();
      return t;
    }
  }
  return -1;
}
