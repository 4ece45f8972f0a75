import { useMe } from '../../app/auth/auth-context';
import { ParentHomework } from './homework-parent';
import { StudentHomework } from './homework-student';
import { TeacherAssignments } from './homework-teacher';

/** 作业与考试: the student's own list, a parent's children's, or what a teacher set and follows. */
export function HomeworkPage() {
  const me = useMe();
  if (me.role === 'student') return <StudentHomework />;
  if (me.role === 'parent') return <ParentHomework />;
  return <TeacherAssignments />;
}
