import type { ApiData } from '../api/types';

export type Me = ApiData<'/api/auth/me'>;
export type Role = Me['role'];

export const ADMIN_ROLES: readonly Role[] = ['city_admin', 'district_admin', 'school_admin'];
/** Roles that may bulk-import and export rosters (P8). */
export const IMPORT_ROLES: readonly Role[] = ['city_admin', 'district_admin', 'school_admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor'];
/** 系统运行: the system administrator runs the system (等保 2.0 三员分立; the server's OPERATORS). */
export const OPERATIONS_ROLES: readonly Role[] = ['system_admin'];
/** Roles that look after administrators' second factors (issue enrolment codes). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['security_admin', 'city_admin', 'district_admin'];
/** The security administrator's own pages: policy, role grants, sessions in force (三员分立). */
export const SECURITY_ADMIN_ROLES: readonly Role[] = ['security_admin'];
/** Staff account lifecycle (disable, unlock, dormant accounts): the system administrator's work,
 * and the security administrator's when answering an incident (the server's LIFECYCLE). */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin'];
/** Enabling a disabled account again is the system administrator's alone. */
export const ACCOUNT_ENABLE_ROLES: readonly Role[] = ['system_admin'];

/**
 * Roles that browse the org tree from their starting units. The 三员 and the reviewers see units and
 * head counts only (the server's structure scope); a class opens its roster for ROSTER_ROLES.
 */
export const ORG_BROWSER_ROLES: readonly Role[] = [
  ...ADMIN_ROLES,
  'auditor',
  'system_admin',
  'security_admin',
  'researcher',
  'expert',
];

/** Roles that decide steps of the 六审 review (R3). */
export const REVIEW_ROLES: readonly Role[] = [
  'expert',
  'school_admin',
  'researcher',
  'district_admin',
  'city_admin',
];

/** 个人信息权利申请登记簿: the units that answer data-subject requests (the server's ADMINS). */
export const PRIVACY_REGISTER_ROLES: readonly Role[] = ADMIN_ROLES;
/** The bureau publishes the privacy notices (告知书). */
export const NOTICE_ADMIN_ROLES: readonly Role[] = ['city_admin'];
/** Who reads the personal-data inventory (the server's INVENTORY_ROLES). */
export const INVENTORY_ROLES: readonly Role[] = ['security_admin', 'auditor', ...ADMIN_ROLES];

export const isAdmin = (role: Role | undefined) => !!role && ADMIN_ROLES.includes(role);

/** Where the login flow sends a signed-in user whose session still needs a step. */
export function pathForNext(next: Me['next']): string | undefined {
  switch (next) {
    case 'totp':
      return '/login/totp';
    case 'totp_setup':
      return '/login/totp-setup';
    case 'change_password':
      return '/login/password';
    default:
      return undefined;
  }
}

/** Roles that may open a class roster (the server's STAFF policy). */
export const ROSTER_ROLES: readonly Role[] = [...ADMIN_ROLES, 'teacher', 'head_teacher'];

/** Staff: those who teach, review or administer (the server's STAFF_ROLES in resources/learner-names). */
export const STAFF_ROLES: readonly Role[] = [
  ...ADMIN_ROLES,
  'teacher',
  'head_teacher',
  'researcher',
  'expert',
];

/** Who exports the curriculum backbone workbook (the server's export policy); researchers import it. */
export const CURRICULUM_TRANSFER_ROLES: readonly Role[] = STAFF_ROLES;

/** Roles that take part in learning spaces (auditors and operators hold no part in them). */
export const SPACE_ROLES: readonly Role[] = [...STAFF_ROLES, 'student', 'parent'];

/**
 * Roles that use the shared lessons and the curriculum: everyone but the 三员, whose work is the
 * system, its security and its audit trail, not teaching.
 */
export const CONTENT_ROLES: readonly Role[] = SPACE_ROLES;

/**
 * 题库与组卷: those who write items and set papers (the server's BANK_ROLES); never learners, whom
 * the answer key must not reach, nor the 三员.
 */
export const BANK_ROLES: readonly Role[] = [...ADMIN_ROLES, 'teacher', 'head_teacher', 'researcher'];
/** Who decides requests to share items (the server's SHARE_REVIEWER_ROLES). */
export const SHARE_REVIEW_ROLES: readonly Role[] = [...ADMIN_ROLES, 'researcher'];
/** 作业与考试: students answer, parents follow their children, teachers and administrators set work. */
export const HOMEWORK_ROLES: readonly Role[] = [
  'student',
  'parent',
  'teacher',
  'head_teacher',
  'school_admin',
  'district_admin',
  'city_admin',
];
/** Who marks (流水批阅): teachers, 统考 markers (teachers) and administrators leading an exam (the server's MARKING_ROLES). */
export const MARKING_ROLES: readonly Role[] = ['teacher', 'head_teacher', ...ADMIN_ROLES];
/** The mistake notebook (错题本) is the student's own. */
export const NOTEBOOK_ROLES: readonly Role[] = ['student'];

/** 试题分析: teachers (their classes), administrators (their unit) and researchers (a 统考 of their area). */
export const ITEM_ANALYSIS_ROLES: readonly Role[] = [
  'teacher',
  'head_teacher',
  'school_admin',
  'district_admin',
  'city_admin',
  'researcher',
];

/** 学情热力图: the teachers of a class and its school's administrators (the server's HEATMAP_READERS). */
export const MASTERY_HEATMAP_ROLES: readonly Role[] = ['teacher', 'head_teacher', 'school_admin'];
/** Those who teach classes: their pages offer the classes they teach (others pick one of their scope). */
export const TEACHING_ROLES: readonly Role[] = ['teacher', 'head_teacher'];
/** 个性化练习 for a class: its teachers choose a weak point and push practice (the server's practice TEACHERS). */
export const PRACTICE_PUSH_ROLES: readonly Role[] = TEACHING_ROLES;
/** 学情报告 in the menu: the student and their guardians (staff open a student's from the heatmap). */
export const MASTERY_REPORT_ROLES: readonly Role[] = ['student', 'parent'];
/** 学情分析: administrators and researchers, aggregates only (the server's ROLLUP_READERS). */
export const MASTERY_ROLLUP_ROLES: readonly Role[] = [
  'school_admin',
  'district_admin',
  'city_admin',
  'researcher',
];
