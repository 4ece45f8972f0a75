import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { RowPolicy } from '../../platform/db/row-security.ts';
import { or, RLS, underPaths } from '../../platform/db/row-security.ts';
import { newId } from '../../platform/db/types.ts';
import { type MatrixPlaces, NO_SUCH_ID, notOwn, type ScopeMatrix } from '../../platform/scope/matrix.ts';
import type { ScopeKind } from '../../platform/scope/registry.ts';
import { inScope } from '../../platform/scope/scope.ts';
import { studentVisible } from '../roster/roster.scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A class whose practice a teacher follows and pushes (个性化练习), by the class's id. */
    practice_class: true;
    /** A teacher's practice push (推送练习), by its id. */
    practice_push: true;
    /** A student as the target of recommendations (their advice), by the person's id. */
    practice_target: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** a practice push to students of the class */
    practicePush: string;
  }
}

/**
 * Personalised practice (A8): a push belongs to the staff whose scope holds its class; its
 * students and their guardians see it through `practice_push_student`; a class's turned-off points
 * are read by its staff (learners' recommendations read them under a system scope).
 */
export const practiceRowSecurity: RowPolicy[] = [
  {
    table: 'practice_push',
    read: or(
      underPaths('path'),
      `exists (select 1 from practice_push_student ps where ps.push_id = practice_push.id
                and (ps.student_id = ${RLS.actor} or ps.student_id = any(${RLS.persons})))`,
    ),
    write: underPaths('path'),
  },
  {
    table: 'practice_push_student',
    read: or(`student_id = ${RLS.actor}`, `student_id = any(${RLS.persons})`, underPaths('path')),
    write: underPaths('path'),
  },
  { table: 'practice_mute', read: underPaths('path') },
];

export const practiceKinds: ScopeKind[] = [
  {
    kind: 'practice_class',
    visible: ({ scope }, id) =>
      sql`exists (select 1 from org_unit o where o.id = ${id} and o.kind in ('class', 'teaching_class')
                   and ${inScope(scope, sql`o.path`)})`,
    tables: ['org_unit'],
    matrix: { outOfScope: (t) => [t.class] },
  },
  {
    kind: 'practice_push',
    visible: ({ scope }, id) =>
      sql`exists (select 1 from practice_push p where p.id = ${id} and ${inScope(scope, sql`p.path`)})`,
    tables: ['practice_push'],
    matrix: { outOfScope: (t) => [t.practicePush] },
  },
  {
    kind: 'practice_target',
    visible: ({ scope, actor }, id) =>
      sql`exists (select 1 from student s where s.person_id = ${id}
                   and (s.person_id = ${actor.personId} or ${studentVisible(scope, sql`s.person_id`, sql`s.path`)}))`,
    tables: ['student', 'teaching_class_member'],
    matrix: { outOfScope: (t) => [t.student] },
  },
];

/**
 * A push of the out-of-scope class. The demo city has none until a teacher pushes, so the matrix
 * makes one there first (by a teacher of that class, to one of its students, on an item of the bank).
 */
async function pushNear(tx: Tx, places: MatrixPlaces): Promise<string | undefined> {
  const found = await tx.execute<{ id: string }>(
    sql`select id from practice_push where class_id = ${places.classId} order by id limit 1`,
  );
  if (found.rows[0]) return found.rows[0].id;
  const src = await tx.execute<{ path: string; teacher: string; student: string; kp: string; item: string }>(
    sql`select o.path::text as path, ta.teacher_id as teacher, s.person_id as student,
               k.knowledge_point_id as kp, k.item_id as item
          from org_unit o join teaching_assignment ta on ta.class_id = o.id
          join student s on s.class_id = o.id, lateral (select item_id, knowledge_point_id from item_knowledge_point
                                                     order by item_id limit 1) k
         where o.id = ${places.classId} and ${notOwn(sql`s.person_id`, places)} and ${notOwn(sql`ta.teacher_id`, places)}
         order by s.person_id limit 1`,
  );
  const s = src.rows[0];
  if (!s) return undefined;
  const id = newId();
  await tx.execute(
    sql`insert into practice_push (id, class_id, path, knowledge_point_id, item_ids, note, created_by)
        values (${id}, ${places.classId}, ${s.path}::ltree, ${s.kp}, array[${s.item}]::uuid[], '', ${s.teacher})`,
  );
  await tx.execute(
    sql`insert into practice_push_student (push_id, student_id, path) values (${id}, ${s.student}, ${s.path}::ltree)`,
  );
  return id;
}

export const practiceMatrix: ScopeMatrix = {
  targets: async (tx, places) => ({ practicePush: await pushNear(tx, places) }),
  writes: {
    'POST /api/diagnosis/practice/classes/:id/pushes': (t) => [
      {
        url: `/api/diagnosis/practice/classes/${t.class}/pushes`,
        body: {
          key: 'scope-matrix-push',
          knowledgePointId: NO_SUCH_ID,
          itemIds: [NO_SUCH_ID],
          studentIds: [t.student],
          note: '',
        },
      },
    ],
    'POST /api/diagnosis/practice/classes/:id/mutes': (t) => [
      {
        url: `/api/diagnosis/practice/classes/${t.class}/mutes`,
        body: { knowledgePointId: NO_SUCH_ID, muted: true },
      },
    ],
  },
  // A student's own answer: it names an item and their own record only (the service checks the item).
  selfOnly: ['POST /api/diagnosis/practice/answers'],
};
