/**
 * Journey: every page of the menus of the administrators and researchers, whose menus are the
 * longest (the others are in menus.e2e.ts), at desktop and phone width (menus.ts says what fails a
 * page). Together the two files cover the thirteen demo users of the README.
 */
import { everyMenuPage } from './menus.ts';

everyMenuPage('every page of every role’s menu: administrators and researchers', [
  'city_admin',
  'district_yuexiu',
  'school_admin',
  'researcher_demo',
]);
