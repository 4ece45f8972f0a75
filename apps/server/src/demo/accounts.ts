import type { TRole } from '../modules/identity/identity.schema.ts';
import type { IdSequenceAllocator } from './ids.ts';
import { DEMO_SCHOOL_NAME, type OrgTree } from './layout.ts';
import { adultArea, dayIn, drawAdult } from './people.ts';
import type { Rng } from './prng.ts';
import { YUEXIU } from './school-plan.ts';
import { SCHOOL_YEAR } from './stages.ts';
import { personColumns } from './students.ts';
import type { OrgUnitRow, PersonColumns } from './types.ts';

export interface DemoAccount {
  username: string;
  role: TRole;
  description: string;
}

/** The fixed demo logins printed in the start banner; all share the demo password. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'city_admin', role: 'city_admin', description: '广州市教育局 市级管理员' },
  { username: 'district_yuexiu', role: 'district_admin', description: '越秀区教育局 区级管理员' },
  { username: 'school_admin', role: 'school_admin', description: `${DEMO_SCHOOL_NAME} 学校管理员` },
  {
    username: 'teacher_demo',
    role: 'teacher',
    description: `${DEMO_SCHOOL_NAME} 数学教师，任教四年级多个班，四年级(1)班班主任`,
  },
  { username: 'student_demo', role: 'student', description: `${DEMO_SCHOOL_NAME} 四年级(1)班学生` },
  {
    username: 'student_haizhu',
    role: 'student',
    description: '另一区（海珠区）小学四年级学生，跨区使用共享课堂',
  },
  {
    username: 'parent_demo',
    role: 'parent',
    description: 'student_demo 的家长，另一子女在越秀区另一所学校就读',
  },
  {
    username: 'researcher_demo',
    role: 'researcher',
    description: '广州市教育研究院 教研员（编辑课程体系与知识图谱）',
  },
  {
    username: 'expert_school',
    role: 'expert',
    description: `${DEMO_SCHOOL_NAME} 学校专家组成员（资源审核）`,
  },
  { username: 'expert_city', role: 'expert', description: '广州市 市级专家组成员（资源审核）' },
  { username: 'auditor', role: 'auditor', description: '市教育局 审计员' },
  { username: 'sysadmin', role: 'system_admin', description: '系统管理员（运维）' },
  { username: 'secadmin', role: 'security_admin', description: '安全管理员' },
];

/** Bureau and school administrators, who hold only administrative roles. */
export interface StaffTable {
  cols: PersonColumns;
  usernames: string[];
  roles: { role: TRole; unit: OrgUnitRow }[][];
}

/**
 * City roles (admin, auditor, system and security admins), one admin per district bureau
 * (`district_<pinyin>`) and one per school (`a<school code>`, `school_admin` for the demo school).
 */
export function createStaff(rng: Rng, tree: OrgTree, ids: IdSequenceAllocator): StaffTable {
  const usernames: string[] = [];
  const roles: StaffTable['roles'] = [];
  const homes: number[] = [];
  const add = (username: string, role: TRole, unit: OrgUnitRow, district: number) => {
    usernames.push(username);
    roles.push([{ role, unit }]);
    homes.push(district);
  };
  add('city_admin', 'city_admin', tree.city, YUEXIU);
  add('auditor', 'auditor', tree.city, YUEXIU);
  add('researcher_demo', 'researcher', tree.city, YUEXIU);
  add('expert_city', 'expert', tree.city, YUEXIU);
  add('sysadmin', 'system_admin', tree.city, YUEXIU);
  add('secadmin', 'security_admin', tree.city, YUEXIU);
  for (const d of tree.districts) add(`district_${d.spec.pinyin}`, 'district_admin', d.unit, d.idx);
  for (const s of tree.schools) {
    const demo = s.district.idx === YUEXIU && s === s.district.schools[0];
    add(demo ? 'school_admin' : `a${s.unit.schoolCode}`, 'school_admin', s.unit, s.district.idx);
    if (demo) add('expert_school', 'expert', s.unit, s.district.idx);
  }
  const cols = personColumns(usernames.length);
  homes.forEach((district, i) => {
    cols.gender[i] = rng.chance(0.55) ? 2 : 1;
    cols.birth[i] = dayIn(rng, SCHOOL_YEAR - rng.range(28, 56));
    cols.area[i] = adultArea(rng, tree.districts[district]!.spec);
    drawAdult(rng, cols, i, ids);
  });
  return { cols, usernames, roles };
}

/** The persons behind the fixed demo logins of teacher, student and parent. */
export interface DemoPersons {
  classIdx: number;
  teacher: number;
  student: number;
  sibling: number;
  parent: number;
}

/** The demo class: 四年级(1)班 of the demo school. */
/**
 * The demo's learner from another district: a fourth-grader in 海珠区 if the city is large enough to
 * have one, else in the next district that has a fourth grade (a tiny city may have none).
 */
export function otherDistrictStudentOf(tree: OrgTree): number | undefined {
  const others = tree.districts.filter((d) => d.idx !== YUEXIU);
  others.sort((a, b) => Number(b.spec.pinyin === 'haizhu') - Number(a.spec.pinyin === 'haizhu'));
  for (const district of others)
    for (const school of district.schools) {
      const grade = school.grades.find((g) => g.spec.code === '14');
      if (grade?.classes[0]) return grade.classes[0].studentStart;
    }
  return undefined; // a very small city (tests of scale) may have none
}

export function demoClassOf(tree: OrgTree) {
  const school = tree.districts[YUEXIU]!.schools[0]!;
  const grade = school.grades.find((g) => g.spec.code === '14')!;
  return grade.classes[0]!;
}
