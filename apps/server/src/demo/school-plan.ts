import { DISTRICTS } from './geo.ts';
import { apportion, type Rng } from './prng.ts';
import { SCHOOL_KINDS, type SchoolKind } from './stages.ts';

/** 越秀区, home of the demo school; index into DISTRICTS. */
export const YUEXIU = 1;

/** At least 60 schools at the default 25,000 students, then about 570 students per school. */
export function schoolCount(students: number): number {
  return Math.max(Math.round(students / 570), Math.min(60, Math.max(4, Math.ceil(students / 400))));
}

const KIND_ORDER: SchoolKind[] = [
  'primary',
  'nine_year',
  'junior',
  'complete',
  'senior',
  'vocational',
  'kindergarten',
];

/** How many schools of each kind, and in which district: a list of kinds per district. */
export function planKinds(rng: Rng, total: number): SchoolKind[][] {
  let kinds: SchoolKind[];
  if (total >= SCHOOL_KINDS.length) {
    const extra = apportion(
      total - SCHOOL_KINDS.length,
      SCHOOL_KINDS.map((k) => k.share),
    );
    kinds = SCHOOL_KINDS.flatMap((k, i) => Array<SchoolKind>(extra[i]! + 1).fill(k.kind));
  } else {
    kinds = (['primary', 'kindergarten', 'junior', 'senior', 'nine_year', 'vocational'] as const).slice(
      0,
      total,
    );
  }
  kinds.sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  const quota = apportion(
    total,
    DISTRICTS.map((d) => d.weight),
  );
  // 越秀区 holds the demo school and the demo sibling's school.
  while (quota[YUEXIU]! < 2) {
    let donor = -1;
    for (let d = 0; d < quota.length; d++) {
      if (d !== YUEXIU && (donor < 0 || quota[d]! > quota[donor]!)) donor = d;
    }
    quota[donor] = quota[donor]! - 1;
    quota[YUEXIU] = quota[YUEXIU]! + 1;
  }
  // Deal the kinds over the districts in smooth weighted round-robin order, so every kind is spread
  // over the districts in proportion to their size; a random start varies the deal between seeds.
  const perDistrict: SchoolKind[][] = quota.map(() => []);
  const current = quota.map(() => rng.next() * total);
  for (const kind of kinds) {
    let best = -1;
    for (let d = 0; d < quota.length; d++) {
      if (perDistrict[d]!.length >= quota[d]!) continue;
      current[d] = current[d]! + quota[d]!;
      if (best < 0 || current[d]! > current[best]!) best = d;
    }
    current[best] = current[best]! - total;
    perDistrict[best]!.push(kind);
  }
  const yuexiu = perDistrict[YUEXIU]!;
  if (!yuexiu.includes('primary')) {
    const donor = perDistrict.find((list) => list.includes('primary'))!;
    donor[donor.indexOf('primary')] = yuexiu[0]!;
    yuexiu[0] = 'primary';
  }
  for (const list of perDistrict) list.sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  return perDistrict;
}
