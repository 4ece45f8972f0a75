import { describe, expect, it } from 'vitest';
import { parseResidentId } from '../modules/roster/id-number.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { buildDemoCity, idNumberOf, personId, staffNo, studentNo } from './city.ts';
import { isoDay } from './ids.ts';
import { schoolCount } from './school-plan.ts';
import { birthWindow } from './students.ts';

const small = buildDemoCity({ students: 25_000 });

describe('demo city', () => {
  it('is deterministic for a seed, ids included', () => {
    const again = buildDemoCity({ students: 25_000 });
    expect(again.tree.orgs.map((o) => `${o.id} ${o.path} ${o.name}`)).toEqual(
      small.tree.orgs.map((o) => `${o.id} ${o.path} ${o.name}`),
    );
    expect(again.personKeys.equals(small.personKeys)).toBe(true);
    expect(Buffer.from(again.students.birth.buffer).equals(Buffer.from(small.students.birth.buffer))).toBe(
      true,
    );
    expect(Buffer.from(again.parents.given1.buffer).equals(Buffer.from(small.parents.given1.buffer))).toBe(
      true,
    );
    const other = buildDemoCity({ students: 25_000, seed: 7 });
    expect(other.tree.orgs[5]!.name === small.tree.orgs[5]!.name && other.tree.orgs[5]!.id).not.toBe(
      small.tree.orgs[5]!.id,
    );
  });

  it('has the 11 districts of 广州市 and at least 60 schools of every stage', () => {
    expect(small.tree.districts.map((d) => d.unit.divisionCode)).toEqual([
      '440103',
      '440104',
      '440105',
      '440106',
      '440111',
      '440112',
      '440113',
      '440114',
      '440115',
      '440117',
      '440118',
    ]);
    expect(small.tree.schools.length).toBe(60);
    expect(new Set(small.tree.schools.map((s) => s.kind)).size).toBe(7);
    const codes = small.tree.schools.map((s) => s.unit.schoolCode!);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[0-9]{10}$/.test(c))).toBe(true);
    expect(new Set(small.tree.schools.map((s) => s.unit.name)).size).toBe(60);
  });

  it('scales schools, classes and people with the number of students', () => {
    const big = buildDemoCity({ students: 100_000 });
    expect(schoolCount(1_000_000)).toBeGreaterThan(1700);
    expect(schoolCount(1_000_000)).toBeLessThan(1800);
    expect(big.tree.schools.length).toBe(schoolCount(100_000));
    expect(big.students.count).toBe(100_000);
    expect(big.tree.classes.length / small.tree.classes.length).toBeGreaterThan(3);
    for (const city of [small, big]) {
      const ratio = city.students.count / city.teachers.count;
      expect(ratio).toBeGreaterThan(11);
      expect(ratio).toBeLessThan(14);
      expect(city.parents.count / city.students.count).toBeGreaterThan(1.3);
      expect(city.parents.count / city.students.count).toBeLessThan(1.9);
    }
    const tiny = buildDemoCity({ students: 500 });
    expect(tiny.tree.classes.reduce((n, c) => n + c.size, 0)).toBe(500);
    expect(tiny.tree.classes.every((c) => c.size > 0)).toBe(true);
  });

  it('has believable classes: sizes, sexes and ages by grade', () => {
    const st = small.students;
    for (const c of small.tree.classes) {
      const kg = c.grade.spec.stage === '1';
      expect(c.size).toBeGreaterThanOrEqual(kg ? 20 : 35);
      expect(c.size).toBeLessThanOrEqual(kg ? 40 : 56);
      const [from, to] = birthWindow(c.grade.spec, c.grade.entryYear);
      for (let i = c.studentStart; i < c.studentStart + c.size; i++) {
        expect(st.birth[i]).toBeGreaterThanOrEqual(from - 366);
        expect(st.birth[i]).toBeLessThanOrEqual(to + 1);
      }
    }
    let boys = 0;
    for (let i = 0; i < st.count; i++) if (st.gender[i] === 1) boys++;
    expect(boys / st.count).toBeGreaterThan(0.5);
    expect(boys / st.count).toBeLessThan(0.54);
    const twoChildren = Array.from(small.families.child2.subarray(0, small.families.count)).filter(
      (c) => c >= 0,
    );
    expect(twoChildren.length / small.families.count).toBeGreaterThan(0.06);
    expect(twoChildren.length / small.families.count).toBeLessThan(0.1);
  });

  it('gives everyone a valid, unique ID number consistent with birth date and sex', () => {
    const seen = new Set<string>();
    for (const cols of [small.students, small.teachers, small.parents, small.staff.cols]) {
      for (let i = 0; i < cols.count; i++) {
        if (cols === small.parents && small.parents.person[i]! < small.base.parents) continue;
        const id = idNumberOf(cols, i);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        expect(parseResidentId(id)).toEqual({
          birthDate: isoDay(cols.birth[i]!),
          gender: String(cols.gender[i]),
        });
      }
    }
  });

  it('keeps student and staff numbers unique', () => {
    const studentLogins = new Set<string>();
    for (let i = 0; i < small.students.count; i++) {
      const c = small.tree.classes[small.students.cls[i]!]!;
      studentLogins.add(`${c.school.serial}${studentNo(small, i)}`);
    }
    expect(studentLogins.size).toBe(small.students.count);
    const staff = new Set(Array.from({ length: small.teachers.count }, (_, t) => staffNo(small, t)));
    expect(staff.size).toBe(small.teachers.count);
  });

  it('links the demo persons: the demo teacher teaches and heads the demo student’s class', () => {
    const { demo, tree, students } = small;
    const cls = tree.classes[demo.classIdx]!;
    expect(cls.unit.name).toBe('四年级(1)班');
    expect(cls.school.unit.name).toBe('越秀区东风西路小学');
    expect(students.cls[demo.student]).toBe(cls.idx);
    expect(cls.headTeacher).toBe(demo.teacher);
    const taught = small.assignments.filter((a) => a.teacher === demo.teacher);
    expect(taught.map((a) => a.unit)).toContain(cls.unit);
    expect(taught.length).toBeGreaterThan(1);
    const sibling = tree.classes[students.cls[demo.sibling]!]!;
    expect(sibling.school).not.toBe(cls.school);
    const fam = students.family[demo.student]!;
    expect(students.family[demo.sibling]).toBe(fam);
    expect(small.families.g1[fam]).toBe(demo.parent);
    expect(small.usernames.get(small.parents.person[demo.parent]!)).toBe('parent_demo');
    expect(personId(small, demo.student)).toMatch(/^[0-9a-f-]{36}$/);
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual([
      'city_admin',
      'district_yuexiu',
      'school_admin',
      'teacher_demo',
      'student_demo',
      'student_haizhu',
      'parent_demo',
      'researcher_demo',
      'expert_school',
      'expert_city',
      'auditor',
      'sysadmin',
      'secadmin',
    ]);
  });

  it('places 高二/高三 students of senior schools in three elective teaching classes', () => {
    const senior = small.tree.schools.filter((s) => s.teachingClasses.length > 0);
    expect(senior.length).toBeGreaterThan(0);
    for (const school of senior) {
      const memberships = new Map<number, number>();
      for (const tc of school.teachingClasses) {
        expect(tc.unit.path).toMatch(/\.t[0-9]{2,}$/);
        expect(tc.members.length).toBeLessThanOrEqual(45);
        for (const i of tc.members) memberships.set(i, (memberships.get(i) ?? 0) + 1);
      }
      expect([...memberships.values()].every((n) => n === 3)).toBe(true);
    }
  });
});
