import type { TRole } from '../modules/identity/identity.schema.ts';
import type { DemoCity } from './city.ts';
import type { TableSource } from './copy.ts';
import { NS } from './ids.ts';
import type { OrgUnitRow } from './types.ts';

/** Parents (person ordinals) with a child in each class, by class index. */
function parentsByClass(city: DemoCity): number[][] {
  const { tree, students, families, parents } = city;
  const out = tree.classes.map((): number[] => []);
  for (let f = 0; f < families.count; f++) {
    const classes = new Set<number>();
    for (const child of [families.child1[f]!, families.child2[f]!])
      if (child >= 0) classes.add(students.cls[child]!);
    for (const g of [families.g1[f]!, families.g2[f]!]) {
      if (g < 0) continue;
      for (const c of classes) out[c]!.push(parents.person[g]!);
    }
  }
  return out;
}

/**
 * role_assignment: staff roles, a teacher role at the employing school (and at the second school of
 * the few who teach in two), head_teacher on each class, student on the class, and parent on each
 * class where the parent has a child. Every row carries its unit's path, district and school. Rows are
 * written in path order (a walk of the org tree), which makes the GiST index on `path` cheaper to build.
 */
export const roleSource = (city: DemoCity): TableSource => ({
  table: 'role_assignment',
  columns: ['id', 'person_id', 'role', 'org_unit_id', 'path', 'district_id', 'school_id'],
  *rows(w) {
    const { tree, teachers, staff, base } = city;
    const key = Buffer.allocUnsafe(16);
    let n = 0;
    const row = (ordinal: number, role: TRole, u: OrgUnitRow) => {
      city.ids.write(NS.role, n++, key, 0);
      w.row(7);
      w.uuid(key);
      w.uuid(city.personKeys, 16 * ordinal);
      w.ascii(role);
      w.uuid(u.key);
      w.ltree(u.path);
      if (u.districtKey) w.uuid(u.districtKey);
      else w.null();
      if (u.schoolKey) w.uuid(u.schoolKey);
      else w.null();
    };
    const staffAt = new Map<OrgUnitRow, [number, TRole][]>();
    for (let s = 0; s < staff.cols.count; s++) {
      for (const r of staff.roles[s]!) {
        if (!staffAt.has(r.unit)) staffAt.set(r.unit, []);
        staffAt.get(r.unit)!.push([base.staff + s, r.role]);
      }
    }
    const visitors = tree.schools.map((): number[] => []);
    for (let t = 0; t < teachers.count; t++)
      if (teachers.second[t]! >= 0) visitors[teachers.second[t]!]!.push(t);
    const parents = parentsByClass(city);

    for (const [ordinal, role] of staffAt.get(tree.city) ?? []) yield row(ordinal, role, tree.city);
    for (const d of tree.districts) {
      for (const [ordinal, role] of staffAt.get(d.unit) ?? []) yield row(ordinal, role, d.unit);
      for (const school of d.schools) {
        for (const [ordinal, role] of staffAt.get(school.unit) ?? []) yield row(ordinal, role, school.unit);
        for (let t = school.teacherStart; t < school.teacherEnd; t++)
          yield row(base.teachers + t, 'teacher', school.unit);
        for (const t of visitors[school.idx]!) yield row(base.teachers + t, 'teacher', school.unit);
        for (const c of school.classes) {
          if (c.headTeacher >= 0) yield row(base.teachers + c.headTeacher, 'head_teacher', c.unit);
          for (let i = c.studentStart; i < c.studentStart + c.size; i++) yield row(i, 'student', c.unit);
          for (const ordinal of parents[c.idx]!) yield row(ordinal, 'parent', c.unit);
        }
      }
    }
  },
});
