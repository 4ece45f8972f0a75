/**
 * The route × role scope matrix (P3, COMPLIANCE §5.3). The list of routes comes from the app itself,
 * so every future route is covered: for each route and each role, the test addresses data of
 * another district, school, class or student and expects a refusal (403/404) and no change.
 * A new write route fails this test until it gets a sample request below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type EntitySet, fingerprint, loadRoleFixtures, type RoleFixture } from './scope-matrix.fixtures.ts';

interface Probe {
  url: string;
  body?: unknown;
}
type Sample = (target: EntitySet, own: EntitySet | null) => Probe[];

const studentBody = (classId: string) => ({
  classId,
  name: '范测试',
  gender: '1',
  birthDate: '2015-03-02',
  idType: '1',
  idNumber: '440104201503020016',
  nationalNo: 'G440104201503020016',
  studentNo: 'X0001',
  entryYear: 2021,
});

/** Curriculum writes: only a city researcher may; every fixture role must be refused. */
const SOME_ID = '0193f3c0-0000-7000-8000-000000000001';
const curriculumWrites: Record<string, Sample> = {
  'POST /api/curriculum/editions': () => [
    { url: '/api/curriculum/editions', body: { subjectCode: '14', name: '测试版', publisher: '测试出版社' } },
  ],
  'POST /api/curriculum/nodes': () => [
    { url: '/api/curriculum/nodes', body: { editionId: SOME_ID, gradeCode: '14', term: 1 } },
  ],
  'PATCH /api/curriculum/nodes/:id': () => [
    { url: `/api/curriculum/nodes/${SOME_ID}`, body: { title: '改名' } },
  ],
  'POST /api/curriculum/nodes/:id/delete': () => [{ url: `/api/curriculum/nodes/${SOME_ID}/delete` }],
  'POST /api/curriculum/lessons/:id/knowledge-points': () => [
    { url: `/api/curriculum/lessons/${SOME_ID}/knowledge-points`, body: { knowledgePointIds: [] } },
  ],
  'POST /api/curriculum/knowledge-points': () => [
    {
      url: '/api/curriculum/knowledge-points',
      body: { subjectCode: '14', code: 'X-1', name: '测试', gradeCode: '14', strand: '数与代数' },
    },
  ],
  'PATCH /api/curriculum/knowledge-points/:id': () => [
    { url: `/api/curriculum/knowledge-points/${SOME_ID}`, body: { name: '改名' } },
  ],
  'POST /api/curriculum/knowledge-points/:id/prerequisites': () => [
    { url: `/api/curriculum/knowledge-points/${SOME_ID}/prerequisites`, body: { prerequisiteId: SOME_ID } },
  ],
  'POST /api/curriculum/knowledge-points/:id/prerequisites/remove': () => [
    {
      url: `/api/curriculum/knowledge-points/${SOME_ID}/prerequisites/remove`,
      body: { prerequisiteId: SOME_ID },
    },
  ],
  'POST /api/curriculum/import': () => [{ url: '/api/curriculum/import' }],
};

/** Sample requests aimed at `target`; `own` adds variants with the actor's own ids in the path. */
const SAMPLES: Record<string, Sample> = {
  ...curriculumWrites,
  'PATCH /api/resources/:id': (t) => [{ url: `/api/resources/${t.resource}`, body: { title: '改名' } }],
  'POST /api/resources/:id/files': (t) => [{ url: `/api/resources/${t.resource}/files?role=main` }],
  'POST /api/resources/:id/questions': (t) => [
    { url: `/api/resources/${t.resource}/questions`, body: { body: '请问老师' } },
  ],
  'POST /api/resources/:id/questions/:questionId/answers': (t) => [
    { url: `/api/resources/${t.resource}/questions/${SOME_ID}/answers`, body: { body: '答' } },
  ],
  'POST /api/notifications/:id/read': () => [{ url: `/api/notifications/${SOME_ID}/read` }],
  'POST /api/resources/:id/ratings': (t) => [
    { url: `/api/resources/${t.resource}/ratings`, body: { stars: 5 } },
  ],
  'POST /api/review-chains/:id/deactivate': () => [{ url: `/api/review-chains/${SOME_ID}/deactivate` }],
  'POST /api/resources/:id/submit': (t) => [{ url: `/api/resources/${t.resource}/submit`, body: {} }],
  'POST /api/resources/:id/review': (t) => [
    { url: `/api/resources/${t.resource}/review`, body: { action: 'approve' } },
  ],
  'POST /api/resources/:id/files/:fileId/delete': (t) => [
    { url: `/api/resources/${t.resource}/files/${SOME_ID}/delete` },
  ],
  'POST /api/auth/switch-role': (t) => [
    { url: '/api/auth/switch-role', body: { roleAssignmentId: t.roleAssignment } },
  ],
  'POST /api/accounts/:personId/totp-enrolment': (t) => [
    { url: `/api/accounts/${t.teacher}/totp-enrolment` },
    { url: `/api/accounts/${t.student}/totp-enrolment` },
  ],
  'POST /api/accounts/:personId/reset-password': (t) => [
    { url: `/api/accounts/${t.student}/reset-password` },
    { url: `/api/accounts/${t.teacher}/reset-password` },
  ],
  'POST /api/org/units': (t) => [
    { url: '/api/org/units', body: { parentId: t.school, kind: 'grade', name: '测试年级', gradeCode: '19' } },
    { url: '/api/org/units', body: { parentId: t.school, kind: 'teaching_class', name: '测试教学班' } },
  ],
  'PATCH /api/org/units/:id': (t) => [
    { url: `/api/org/units/${t.class}`, body: { name: '改名' } },
    { url: `/api/org/units/${t.school}`, body: { name: '改名' } },
  ],
  'POST /api/org/units/:id/move': (t, own) => [
    { url: `/api/org/units/${t.class}/move`, body: { parentId: t.school } },
    ...(own ? [{ url: `/api/org/units/${own.class}/move`, body: { parentId: t.school } }] : []),
  ],
  'POST /api/org/units/:id/deactivate': (t) => [
    { url: `/api/org/units/${t.class}/deactivate` },
    { url: `/api/org/units/${t.school}/deactivate` },
  ],
  'POST /api/classes/:id/teachers': (t, own) => [
    { url: `/api/classes/${t.class}/teachers`, body: { teacherId: t.teacher, subjectCode: '13' } },
    ...(own
      ? [{ url: `/api/classes/${own.class}/teachers`, body: { teacherId: t.teacher, subjectCode: '13' } }]
      : []),
  ],
  'POST /api/classes/:id/teachers/remove': (t) => [
    { url: `/api/classes/${t.class}/teachers/remove`, body: { teacherId: t.teacher, subjectCode: '13' } },
  ],
  'POST /api/classes/:id/head-teacher': (t, own) => [
    { url: `/api/classes/${t.class}/head-teacher`, body: { teacherId: t.teacher } },
    ...(own ? [{ url: `/api/classes/${own.class}/head-teacher`, body: { teacherId: t.teacher } }] : []),
  ],
  'POST /api/classes/:id/members': (t) => [
    { url: `/api/classes/${t.class}/members`, body: { studentId: t.student } },
  ],
  'POST /api/students': (t) => [{ url: '/api/students', body: studentBody(t.class) }],
  // Learning spaces: another class's space, another student's space, and posts there.
  'POST /api/spaces/:id/posts': (t) => [
    { url: `/api/spaces/${t.class}/posts`, body: { body: '越界发帖' } },
    { url: `/api/spaces/${t.class}/posts`, body: { kind: 'notice', title: '越界通知', body: '越界' } },
    { url: `/api/spaces/${t.student}/posts`, body: { body: '越界发帖' } },
  ],
  'POST /api/space-posts/:id/files': (t) => [{ url: `/api/space-posts/${t.classPost}/files` }],
  'POST /api/space-posts/:id/delete': (t) => [{ url: `/api/space-posts/${t.classPost}/delete` }],
  'POST /api/space-posts/:id/comments': (t) => [
    { url: `/api/space-posts/${t.classPost}/comments`, body: { body: '越界评论' } },
  ],
  'POST /api/space-posts/:id/comments/:commentId/delete': (t) => [
    { url: `/api/space-posts/${t.classPost}/comments/${SOME_ID}/delete` },
  ],
  'POST /api/space-posts/:id/like': (t) => [
    { url: `/api/space-posts/${t.classPost}/like`, body: { liked: true } },
  ],
  'POST /api/space-posts/:id/read': (t) => [{ url: `/api/space-posts/${t.classPost}/read` }],
  'POST /api/resources/:id/complete': (t) => [{ url: `/api/resources/${t.resource}/complete` }],
  'POST /api/resources/:id/retirement': (t) => [
    { url: `/api/resources/${t.resource}/retirement`, body: { action: 'retire' } },
  ],
  'POST /api/resources/:id/collected': (t) => [
    { url: `/api/resources/${t.resource}/collected`, body: { collected: true } },
  ],
  // Studios: only the unit that set one up manages it, and only with its own teachers.
  'POST /api/studios': (t) => [{ url: '/api/studios', body: { name: '越界工作室', leadId: t.teacher } }],
  'POST /api/studios/:id/members': (t, own) => [
    { url: `/api/studios/${t.studio}/members`, body: { personId: t.teacher } },
    ...(own ? [{ url: `/api/studios/${own.studio}/members`, body: { personId: t.teacher } }] : []),
  ],
  'POST /api/studios/:id/members/:personId/delete': (t) => [
    { url: `/api/studios/${t.studio}/members/${t.teacher}/delete` },
  ],
  'POST /api/studios/:id/retire': (t) => [{ url: `/api/studios/${t.studio}/retire` }],
  'POST /api/students/:id/reveal': (t) => [
    { url: `/api/students/${t.student}/reveal`, body: { field: 'nationalNo' } },
  ],
  'POST /api/students/:id/transfer': (t, own) => [
    { url: `/api/students/${t.student}/transfer`, body: { classId: own?.class ?? t.class } },
    ...(own ? [{ url: `/api/students/${own.student}/transfer`, body: { classId: t.class } }] : []),
  ],
};

/**
 * Routes that only ever act on the caller's own account or session, and the upload route, whose
 * scope is checked row by row inside the import job (an out-of-scope row fails the job and nothing
 * is written: roster-import.test.ts "refuses a row for a school outside the scope").
 */
const SELF_ONLY = new Set([
  'POST /api/roster/imports',
  // Creates a draft of the actor's own; names no one else's data.
  'POST /api/resources',
  // Defines a chain for the actor's own unit only.
  'POST /api/review-chains',
  // The city's daily retirement check run now; names no one's data (decisions are per resource).
  'POST /api/resources/retirements/run',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/verify',
]);

/** Query parameters that name an org unit or a person get foreign ids too. */
function queryProbes(url: string, schema: unknown, unscoped: readonly string[], t: EntitySet): Probe[] {
  const shape =
    (schema as { querystring?: { shape?: Record<string, unknown> } } | undefined)?.querystring?.shape ?? {};
  const path = url.replace(/:[A-Za-z]+/g, (m) => (m === ':kind' ? 'students' : m));
  if (path.includes(':')) return [];
  const probes: Probe[] = [];
  if ('orgUnitId' in shape && !unscoped.includes('orgUnitId')) {
    probes.push({ url: `${path}?orgUnitId=${t.school}` }, { url: `${path}?orgUnitId=${t.class}` });
  }
  if ('personId' in shape && !unscoped.includes('personId'))
    probes.push({ url: `${path}?personId=${t.student}` });
  return probes;
}

/** Reads: parameters are filled by the kind the route declares. */
function readProbes(
  url: string,
  kinds: Record<string, string>,
  unscoped: readonly string[],
  t: EntitySet,
): Probe[] {
  const names = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!).filter((n) => !unscoped.includes(n));
  if (names.length === 0) return [];
  const values = (name: string): string[] => {
    const kind = kinds[name];
    if (kind === 'org_unit') return [t.class, t.school];
    if (kind === 'student') return [t.student];
    if (kind === 'teacher') return [t.teacher];
    if (kind === 'resource') return [t.resource];
    // Teachers', schools' and studios' spaces are open to all; a class's and a child's are not.
    if (kind === 'space') return [t.class, t.student];
    if (kind === 'space_post') return [t.classPost];
    throw new Error(`GET ${url}: parameter :${name} declares no scoped entity kind in its policy`);
  };
  let urls = [url];
  for (const n of names) urls = urls.flatMap((u) => values(n).map((v) => u.replace(`:${n}`, v)));
  // Unscoped parameters beside a scoped one (a file of a resource) get a well-formed id.
  return urls.map((u) => ({ url: u.replace(/:[A-Za-z]+/g, SOME_ID) }));
}

let t: TestApp;
let fixtures: RoleFixture[];
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await createTestApp();
  fixtures = await loadRoleFixtures(t.db);
  for (const f of fixtures) {
    const c = await t.login(f.username);
    const me = (await c.get('/api/auth/me')).json() as {
      role: string;
      roles: { id: string; role: string }[];
    };
    if (me.role !== f.role) {
      const target = me.roles.find((r) => r.role === f.role);
      if (!target) throw new Error(`${f.username} has no ${f.role} role`);
      await c.post('/api/auth/switch-role', { roleAssignmentId: target.id });
    }
    clients.set(`${f.username}/${f.role}`, c);
  }
});
afterAll(() => t.close());

describe('route × role scope matrix', () => {
  it('derives the route list from the app and has a probe for every write route', () => {
    const routes = t.app.routeCatalog.filter((r) => r.policy.allow !== 'public');
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !SAMPLES[k] && !SELF_ONLY.has(k));
    expect(missing, 'write routes without a scope probe').toEqual([]);
  });

  it('refuses every role access to data outside its scope and changes nothing', async () => {
    const before = await fingerprint(t.db);
    const failures: string[] = [];
    let probes = 0;
    for (const f of fixtures) {
      const c = clients.get(`${f.username}/${f.role}`)!;
      for (const route of t.app.routeCatalog) {
        if (route.policy.allow === 'public') continue;
        const key = `${route.method} ${route.url}`;
        const list =
          route.method === 'GET'
            ? [
                ...readProbes(
                  route.url,
                  route.policy.params ?? {},
                  route.policy.unscopedParams ?? [],
                  f.foreign,
                ),
                ...queryProbes(route.url, route.schema, route.policy.unscopedParams ?? [], f.foreign),
              ]
            : (SAMPLES[key]?.(f.foreign, f.own) ?? []);
        for (const p of list) {
          probes++;
          const res = await c.request(
            route.method,
            p.url,
            route.method === 'GET' ? undefined : (p.body ?? {}),
          );
          if (res.statusCode !== 403 && res.statusCode !== 404) {
            failures.push(
              `${f.username}/${f.role} ${route.method} ${p.url} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          } else if (!res.json().error?.code) {
            failures.push(
              `${f.username}/${f.role} ${route.method} ${p.url}: refusal without the error shape`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(100);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('lists never include another scope’s units, classes or students', async () => {
    for (const f of fixtures) {
      const c = clients.get(`${f.username}/${f.role}`)!;
      const bodies = await Promise.all(
        ['/api/org/roots', '/api/portal/home', '/api/org/units?kind=class', '/api/org/units?kind=school'].map(
          async (u) => (await c.get(u)).body,
        ),
      );
      for (const id of [f.foreign.class, f.foreign.student]) {
        for (const b of bodies) expect(b.includes(id), `${f.username}/${f.role} sees ${id}`).toBe(false);
      }
    }
  });
});

describe('scope grants what each role needs', () => {
  it('lets a teacher read their class roster and a district admin a school of the district', async () => {
    const own = fixtures[0]!.own!;
    for (const who of [
      'teacher_demo/head_teacher',
      'school_admin/school_admin',
      'district_yuexiu/district_admin',
    ]) {
      const res = await clients.get(who)!.get(`/api/classes/${own.class}/roster`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().students.length).toBeGreaterThan(20);
    }
  });

  it('lets a student read only their own record and a parent only their children', async () => {
    const student = clients.get('student_demo/student')!;
    const me = (await student.get('/api/auth/me')).json();
    expect((await student.get(`/api/students/${me.personId}`)).statusCode).toBe(200);
    const parent = clients.get('parent_demo/parent')!;
    const home = (await parent.get('/api/portal/home')).json();
    expect(home.children.length).toBe(2);
    for (const child of home.children)
      expect((await parent.get(`/api/students/${child.personId}`)).statusCode).toBe(200);
  });
});
