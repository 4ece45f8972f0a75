import { CITY, DISTRICTS } from './geo.ts';
import { type IdFactory, NS, uuidText } from './ids.ts';
import { apportion, type Rng } from './prng.ts';
import { SchoolNamer } from './school-names.ts';
import { KG_SIZE, kindSpec, MAJORS, SCHOOL_KINDS, SCHOOL_YEAR, type SchoolKind } from './stages.ts';
import type { ClassNode, DistrictNode, GradeNode, OrgUnitRow, SchoolNode } from './types.ts';

/** The demo school of the fixed demo accounts: the first primary school of 越秀区. */
export const DEMO_SCHOOL_NAME = '越秀区东风西路小学';
export const YUEXIU = 1;

export interface OrgTree {
  orgs: OrgUnitRow[];
  city: OrgUnitRow;
  districts: DistrictNode[];
  schools: SchoolNode[];
  classes: ClassNode[];
  /** Adds an org unit under `parent` (ids are numbered in creation order). */
  addUnit: (
    parent: OrgUnitRow,
    fields: Partial<OrgUnitRow> & Pick<OrgUnitRow, 'kind' | 'code' | 'name'>,
  ) => OrgUnitRow;
}

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
function planKinds(rng: Rng, total: number): SchoolKind[][] {
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
    const donor = quota.indexOf(Math.max(...quota));
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

/** Builds the city → district → school → grade → class tree with class sizes summing to `students`. */
export function buildOrgTree(rng: Rng, ids: IdFactory, students: number): OrgTree {
  const orgs: OrgUnitRow[] = [];
  const blank = {
    ...{ stage: null, schoolType: null, schoolCode: null, divisionCode: null, gradeCode: null },
    ...{ entryYear: null, subjectCode: null, address: null },
  };
  const newKey = () => {
    const key = Buffer.allocUnsafe(16);
    ids.write(NS.org, orgs.length, key, 0);
    return key;
  };
  const addUnit: OrgTree['addUnit'] = (parent, fields) => {
    const key = newKey();
    const unit: OrgUnitRow = {
      ...blank,
      ...{
        id: uuidText(key),
        key,
        parentId: parent.id,
        parentKey: parent.key,
        path: `${parent.path}.${fields.code}`,
      },
      ...{ districtId: parent.districtId, districtKey: parent.districtKey },
      ...{ schoolId: parent.schoolId, schoolKey: parent.schoolKey },
      ...fields,
    };
    orgs.push(unit);
    return unit;
  };
  const code = `c${CITY.code}`;
  const cityKey = newKey();
  const city: OrgUnitRow = {
    ...blank,
    ...{ id: uuidText(cityKey), key: cityKey, kind: 'city', code, name: CITY.name, path: code },
    ...{
      parentId: null,
      parentKey: null,
      districtId: null,
      districtKey: null,
      schoolId: null,
      schoolKey: null,
    },
    divisionCode: CITY.code,
  };
  orgs.push(city);

  const namer = new SchoolNamer(rng.fork(1));
  namer.reserve(DEMO_SCHOOL_NAME);
  const plan = planKinds(rng, schoolCount(students));
  const districts: DistrictNode[] = [];
  const schools: SchoolNode[] = [];
  const classCounts: number[][] = [];
  DISTRICTS.forEach((spec, idx) => {
    const unit = addUnit(city, {
      kind: 'district',
      code: `d${spec.code}`,
      name: spec.name,
      divisionCode: spec.code,
    });
    unit.districtId = unit.id;
    unit.districtKey = unit.key;
    const district: DistrictNode = { idx, spec, unit, schools: [], studentStart: 0, studentEnd: 0 };
    districts.push(district);
    plan[idx]!.forEach((kind, i) => {
      const seq = i + 1;
      if (seq > 999) throw new Error('Too many schools in one district for 10-digit demo school codes');
      const schoolCode = `3${spec.code}${String(seq).padStart(3, '0')}`;
      const demo = idx === YUEXIU && i === 0;
      const named = demo ? { name: DEMO_SCHOOL_NAME, type: '211' } : namer.name(kind, spec);
      const address = demo ? '广州市越秀区东风西路140号' : namer.address(spec);
      const ks = kindSpec(kind);
      const school = addUnit(unit, {
        kind: 'school',
        code: `s${schoolCode}`,
        name: named.name,
        stage: ks.stage,
        schoolType: named.type,
        schoolCode,
        address,
      });
      school.schoolId = school.id;
      school.schoolKey = school.key;
      const majors = kind === 'vocational' ? rng.shuffle([...MAJORS]).slice(0, rng.range(3, 5)) : [];
      const node: SchoolNode = {
        ...{ idx: schools.length, kind, district, unit: school, serial: schoolCode.slice(5), majors },
        ...{
          grades: [],
          classes: [],
          teachingClasses: [],
          studentStart: 0,
          studentEnd: 0,
          teacherStart: 0,
          teacherEnd: 0,
        },
      };
      schools.push(node);
      district.schools.push(node);
      classCounts.push(ks.grades.map(() => rng.range(ks.classes[0], ks.classes[1])));
    });
  });

  // Scale the number of classes to the requested students, then split the students exactly.
  const nominal = (s: SchoolNode, g: number) => {
    const spec = kindSpec(s.kind);
    return spec.kind === 'kindergarten' ? KG_SIZE[spec.grades[g]!.code]! : spec.size;
  };
  let capacity = 0;
  for (const s of schools) {
    for (const [g, c] of classCounts[s.idx]!.entries()) capacity += c * nominal(s, g);
  }
  const factor = students / capacity;
  schools.forEach((s, i) => {
    const counts = classCounts[i]!;
    counts.forEach((c, g) => {
      counts[g] = Math.max(1, Math.round(c * factor));
    });
    // The demo teacher teaches several classes of one grade.
    if (s.idx === districts[YUEXIU]!.schools[0]!.idx)
      counts[3] = Math.max(counts[3]!, students >= 5000 ? 3 : 2);
  });
  const weights: number[] = [];
  for (const s of schools) {
    for (const [g, c] of classCounts[s.idx]!.entries()) {
      for (let k = 0; k < c; k++) weights.push(nominal(s, g) * (0.9 + 0.2 * rng.next()));
    }
  }
  if (weights.length > students)
    throw new Error(`At least ${weights.length} students are needed for this city`);
  const sizes = apportion(students, weights);

  const classes: ClassNode[] = [];
  let student = 0;
  for (const district of districts) {
    district.studentStart = student;
    for (const school of district.schools) {
      school.studentStart = student;
      const spec = kindSpec(school.kind);
      spec.grades.forEach((gs, g) => {
        const entryYear = SCHOOL_YEAR - gs.year;
        const gradeUnit = addUnit(school.unit, {
          kind: 'grade',
          code: `g${gs.code}`,
          name: gs.name,
          stage: gs.stage,
          gradeCode: gs.code,
          entryYear,
        });
        const grade: GradeNode = { spec: gs, unit: gradeUnit, entryYear, classes: [] };
        school.grades.push(grade);
        for (let no = 1; no <= classCounts[school.idx]![g]!; no++) {
          const m = school.majors.length;
          const name = m
            ? gs.className(Math.floor((no - 1) / m) + 1, entryYear, school.majors[(no - 1) % m]!)
            : gs.className(no, entryYear, '');
          const unit = addUnit(gradeUnit, {
            kind: 'class',
            code: `k${String(no).padStart(2, '0')}`,
            name,
            stage: gs.stage,
            gradeCode: gs.code,
            entryYear,
          });
          const size = sizes[classes.length]!;
          const node: ClassNode = {
            idx: classes.length,
            unit,
            school,
            grade,
            no,
            size,
            studentStart: student,
            headTeacher: -1,
          };
          student += size;
          classes.push(node);
          grade.classes.push(node);
          school.classes.push(node);
        }
      });
      school.studentEnd = student;
    }
    district.studentEnd = student;
  }
  return { orgs, city, districts, schools, classes, addUnit };
}
