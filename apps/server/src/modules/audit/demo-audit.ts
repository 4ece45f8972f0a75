import { sql } from 'drizzle-orm';
import { hashMany } from '../../demo/prng.ts';
import type { TAuditAction } from '../../platform/audit/actions.ts';
import { type AuditEntry, type AuditOrigin, writeAuditHistory } from '../../platform/audit/audit.ts';
import type { Database, Tx } from '../../platform/db/client.ts';

type Who = {
  id: string;
  name: string;
  role: string;
  path: string;
};

const DAY = 86_400_000;
const UA_PC = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
const UA_PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

async function people(tx: Tx, usernames: string[]): Promise<Map<string, Who>> {
  const res = await tx.execute<Who & { username: string }>(sql`
    select a.username, p.id, p.name, ra.role, ra.path::text as path
      from account a join person p on p.id = a.person_id
      cross join lateral (select role, path from role_assignment where person_id = p.id and active
                           order by role = 'head_teacher' desc, role limit 1) ra
     where a.username = any(string_to_array(${usernames.join(',')}, ','))`);
  return new Map(res.rows.map((r) => [r.username, r]));
}

/**
 * Two weeks of the demo city's audit trail, so the auditor's page shows a working bureau: the demo
 * school's teachers signing in and opening their rosters, head teachers and the school
 * administrator reading records (a few sensitive ones), one class exported, refusals and mistyped
 * passwords, the system and security administrators at work, the nightly jobs. Deterministic (hashes
 * of day and person, not random); every row says `demo: true` in its details.
 */
export async function seedDemoAudit(database: Database, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  await database.db.transaction(async (tx) => {
    const who = await people(tx, [
      'teacher_demo',
      'school_admin',
      'district_yuexiu',
      'student_demo',
      'parent_demo',
      'sysadmin',
      'secadmin',
    ]);
    const get = (u: string) => who.get(u)!;
    const school = get('school_admin');
    const teachers = (
      await tx.execute<Who>(sql`
        select p.id, p.name, 'teacher' as role, t.path::text as path
          from teacher t join person p on p.id = t.person_id
         where t.path <@ ${school.path}::ltree and t.status = 'active' and p.id <> ${get('teacher_demo').id}
         order by t.staff_no limit 12`)
    ).rows;
    const head = get('teacher_demo');
    const pupils = (
      await tx.execute<{ id: string; path: string }>(sql`
        select s.person_id as id, s.path::text as path from student s
         where s.path = ${head.path}::ltree and s.status = 'enrolled' order by s.student_no`)
    ).rows;

    const events: { at: Date; origin: AuditOrigin; entry: AuditEntry }[] = [];
    const now = Date.now();
    // Midnight in Beijing, `d` days ago, as a UTC instant.
    const midnight = (d: number) => Math.floor((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000 - d * DAY;
    const add = (
      d: number,
      minutes: number,
      actor: Who | null,
      action: TAuditAction,
      entry: Omit<AuditEntry, 'action'> = {},
      phone = false,
    ) => {
      const at = midnight(d) + minutes * 60_000;
      if (at > now) return;
      const ipTail = actor ? hashMany(actor.id.charCodeAt(2), actor.id.charCodeAt(30), d) % 200 : 0;
      events.push({
        at: new Date(at),
        origin: actor
          ? {
              actorPersonId: actor.id,
              actorName: actor.name,
              actorRole: actor.role,
              ip: phone ? `113.108.${ipTail % 50}.${20 + (ipTail % 180)}` : `10.44.12.${20 + ipTail}`,
              userAgent: phone ? UA_PHONE : UA_PC,
            }
          : { actorName: 'system', actorRole: 'system' },
        entry: { action, ...entry, details: { ...entry.details, demo: true } },
      });
    };
    const signIn = (d: number, m: number, p: Who, phone = false, mfa = false) => {
      add(d, m, p, 'auth.login', { targetType: 'session', orgPath: p.path }, phone);
      if (mfa) add(d, m + 1, p, 'auth.totp', { targetType: 'account' }, phone);
    };
    const pupil = (i: number) => pupils[i % pupils.length]!;
    const record = (i: number) => ({
      targetType: 'student',
      targetId: pupil(i).id,
      subjectPersonId: pupil(i).id,
      orgPath: pupil(i).path,
    });

    for (let d = 13; d >= 0; d--) {
      const weekday = new Date(midnight(d) + 8 * 3_600_000).getUTCDay() % 6 !== 0;
      add(d, 120, null, 'system.job', { details: { job: 'retention' } });
      add(d, 125, null, 'system.job', { details: { job: 'resource-retirement' } });
      if (!weekday) continue;
      for (const [i, teacher] of teachers.entries()) {
        if (hashMany(i, d, 7) % 10 < 2) continue;
        const m = 450 + (hashMany(i, d) % 60);
        signIn(d, m, teacher);
        add(d, m + 3, teacher, 'resource.complete', { targetType: 'resource' });
      }
      signIn(d, 440, head);
      add(d, 442, head, 'roster.read', {
        targetType: 'org_unit',
        orgPath: head.path,
        details: { students: pupils.length },
      });
      for (let k = 0; k < 1 + (d % 3); k++) add(d, 600 + 37 * k, head, 'student.read', record(d * 3 + k));
      signIn(d, 480, school, false);
      signIn(d, 1230, get('parent_demo'), true);
      signIn(d, 1110, get('student_demo'), true);
    }
    // Reads of sensitive fields: the head teacher of the class and the school's administrator.
    for (const d of [1, 3, 4, 6, 9, 12]) add(d, 650, head, 'student.sensitive.read', record(d));
    for (const d of [2, 8]) add(d, 700, school, 'student.sensitive.read', record(d + 20));
    add(5, 710, school, 'student.reveal', { ...record(7), details: { field: 'idNumber' } });
    // A class exported for the new term's records: one event naming every pupil.
    add(5, 720, school, 'roster.export', {
      targetType: 'org_unit',
      orgPath: head.path,
      subjectIds: pupils.map((p) => p.id),
      details: { kind: 'students', rows: pupils.length, persons: pupils.length },
    });
    add(11, 560, school, 'import.upload', {
      targetType: 'import_job',
      orgPath: school.path,
      details: { kind: 'teachers', rows: 3 },
    });
    add(11, 561, school, 'import.teachers', {
      targetType: 'import_job',
      orgPath: school.path,
      details: { rows: 3 },
    });
    // Refusals: a subject teacher trying a record of a class they do not teach, and mistyped passwords.
    const other = teachers[0]!;
    for (const d of [2, 6, 10]) {
      add(d, 830, other, 'access.denied', {
        outcome: 'denied',
        targetType: 'student',
        targetId: pupil(d + 3).id,
        details: { route: '/api/students/:id', method: 'GET', code: 'not_found' },
      });
    }
    add(4, 835, other, 'student.sensitive.read', { ...record(4), outcome: 'denied' });
    for (const [d, p] of [
      [3, get('parent_demo')],
      [5, other],
      [5, other],
    ] as const)
      add(
        d,
        1225,
        p,
        'auth.login',
        { outcome: 'failure', targetType: 'account', details: { reason: 'bad_password' } },
        true,
      );
    // The district bureau, the system and the security administrators.
    for (const d of [1, 4, 8]) signIn(d, 540, get('district_yuexiu'), false, true);
    for (const d of [0, 3, 6, 9, 12]) signIn(d, 500, get('sysadmin'), false, true);
    for (const d of [2, 9]) {
      signIn(d, 530, get('secadmin'), false, true);
      add(d, 535, get('secadmin'), 'account.second_factors.read', { details: { accounts: 17 } });
    }
    add(2, 540, get('secadmin'), 'account.totp_enrolment_code', {
      targetType: 'account',
      subjectPersonId: get('district_yuexiu').id,
      orgPath: get('district_yuexiu').path,
    });
    add(9, 545, get('secadmin'), 'privacy.inventory.read');
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await writeAuditHistory(tx, events);
    log(
      `[hanlin] demo audit trail (${events.length} events over two weeks) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });
}
