import type { ACTOR_ROLES } from './audit-filter.ts';

/** Roles in the audit export's Chinese (the web app has its own, in its locale files). */
export const ROLE_LABEL: Record<(typeof ACTOR_ROLES)[number], string> = {
  city_admin: '市教育局管理员',
  district_admin: '区教育局管理员',
  school_admin: '学校管理员',
  teacher: '教师',
  head_teacher: '班主任',
  student: '学生',
  parent: '家长',
  auditor: '审计员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  researcher: '教研员',
  expert: '专家',
  system: '系统',
};
