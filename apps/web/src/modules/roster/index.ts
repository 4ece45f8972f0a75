export { ClassRosterPage } from './class-roster-page';
export { StudentProfilePage } from './student-profile-page';
