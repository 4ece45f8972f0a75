/**
 * Journey: every page of the menu of the demo users who are not the city's, a district's or a
 * school's administrators or researchers (those are in menus-staff.e2e.ts), at desktop and phone
 * width (menus.ts says what fails a page).
 */
import { everyMenuPage } from './menus.ts';

everyMenuPage('every page of every role’s menu: teachers, learners, families, experts, 三员', [
  'teacher_demo',
  'student_demo',
  'parent_demo',
  'student_haizhu',
  'expert_school',
  'expert_city',
  'auditor',
  'sysadmin',
  'secadmin',
]);
