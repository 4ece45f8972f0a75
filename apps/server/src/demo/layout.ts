import { CITY, DISTRICTS } from './geo.ts';
import { type IdFactory, NS, uuidText } from './ids.ts';
import { apportion, type Rng } from './prng.ts';
import { SchoolNamer } from './school-names.ts';
import { planKinds, schoolCount, YUEXIU } from './school-plan.ts';
import { KG_SIZE, kindSpec, MAJORS, SCHOOL_YEAR } from './stages.ts';
import type { ClassNode, DistrictNode, GradeNode, OrgUnitRow, SchoolNode } from './types.ts';

/** The demo school of the fixed demo accounts: the first primary school of 越秀区. */
export const DEMO_SCHOOL_NAME = '越秀区东风西路小学';

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
