import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badValue, holdsUnstorable, jsonSchemaOf } from '../../testing/bad-values.ts';
import { uploadFile } from '../../testing/multipart.ts';
import { partsOf, pool, rolesFor, send, targetsOf, unboundedFields } from '../../testing/route-fuzz.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { MatrixTargets } from '../scope/matrix.ts';
import { fingerprint, loadRoleFixtures } from '../scope/scope-matrix.fixtures.ts';

let t: TestApp;
let admin: Client;
let schoolId: string;
/** Signed-in clients by role, each in that role; 'anonymous' for public routes. */
const clients = new Map<string, Client>();
let own: MatrixTargets;

beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 16_384 });
  admin = await t.login('school_admin');
  schoolId = (await admin.get('/api/auth/me')).json().orgUnitId;
  const fixtures = await loadRoleFixtures(t.db, t.app.scopes.rules);
  own = fixtures[0]!.own!;
  const people = [
    ...fixtures.map((f) => [f.username, f.role] as const),
    ['researcher_demo', 'researcher'] as const,
    ['expert_school', 'expert'] as const,
    ['city_admin', 'city_admin'] as const,
  ];
  for (const [username, role] of people) {
    const c = username === 'school_admin' ? admin : await t.login(username);
    const me = (await c.get('/api/auth/me')).json() as {
      role: string;
      roles: { id: string; role: string }[];
    };
    if (me.role !== role) {
      const target = me.roles.find((r) => r.role === role)!;
      expect((await c.post('/api/auth/switch-role', { roleAssignmentId: target.id })).statusCode).toBe(200);
    }
    clients.set(role, c);
  }
  clients.set('anonymous', t.anonymous);
});
afterAll(() => t.close());

const unitCount = async () =>
  (await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from org_unit`)).rows[0]!.n;

const expectError = (
  res: { statusCode: number; json: () => { error?: { code?: string; message?: string } } },
  status: number,
) => {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
};

const expectInvalid = (res: Parameters<typeof expectError>[0] & { body: string }) => {
  expectError(res, 400);
  expect((res.json() as { error: { code: string } }).error.code, res.body).toBe('validation_failed');
};

describe('bad input gets a 4xx with the one error shape and changes nothing', () => {
  it('malformed JSON', async () => {
    const before = await unitCount();
    const res = await admin.request('POST', '/api/org/units', '{"parentId": ', {
      'content-type': 'application/json',
    });
    expectError(res, 400);
    expect(await unitCount()).toBe(before);
  });

  it('wrong types and unknown fields', async () => {
    const before = await unitCount();
    expectError(
      await admin.post('/api/org/units', { parentId: schoolId, kind: 'grade', name: 42, gradeCode: '19' }),
      400,
    );
    const unknown = await admin.post('/api/org/units', {
      parentId: schoolId,
      kind: 'grade',
      name: 'x',
      gradeCode: '19',
      isAdmin: true,
    });
    expectError(unknown, 400);
    expect(JSON.stringify(unknown.json().error.details)).toContain('isAdmin');
    expectError(await admin.get('/api/org/units/not-a-uuid'), 400);
    expect(await unitCount()).toBe(before);
  });

  it('bodies over the limit', async () => {
    const before = await unitCount();
    const res = await admin.post('/api/org/units', {
      parentId: schoolId,
      kind: 'grade',
      name: 'x'.repeat(40_000),
      gradeCode: '19',
    });
    expectError(res, 413);
    expect(await unitCount()).toBe(before);
  });

  it('an unsupported content type', async () => {
    expectError(
      await admin.request('POST', '/api/org/units', '<a/>', { 'content-type': 'application/xml' }),
      415,
    );
  });

  it('stores SQL fragments and script literally', async () => {
    const name = "'); drop table student; -- <img src=x onerror=alert(1)>";
    const res = await admin.post('/api/org/units', {
      parentId: schoolId,
      kind: 'grade',
      name: name.slice(0, 60),
      gradeCode: '19',
    });
    expect(res.statusCode).toBe(200);
    expect((await admin.get(`/api/org/units/${res.json().id}`)).json().name).toBe(name.slice(0, 60));
    const students = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from student`);
    expect(students.rows[0]!.n).toBeGreaterThan(0);
  });

  it('refuses control characters in text', async () => {
    expectError(
      await admin.post('/api/org/units', {
        parentId: schoolId,
        kind: 'grade',
        name: 'a\u0007b',
        gradeCode: '19',
      }),
      400,
    );
  });

  it('refuses line breaks and direction overrides in names and titles, and overrides in multi-line text', async () => {
    const before = await unitCount();
    for (const name of [
      '一\n年级',
      '一\r\n年级',
      '一\t年级',
      '一\u2028年级',
      'abc\u202edcba',
      '年级\u2066',
      '年\u200f级',
    ]) {
      const res = await admin.post('/api/org/units', {
        parentId: schoolId,
        kind: 'grade',
        name,
        gradeCode: '19',
      });
      expectInvalid(res);
    }
    expect(await unitCount()).toBe(before);
    const researcher = clients.get('researcher')!;
    expectInvalid(
      await researcher.post('/api/curriculum/editions', {
        subjectCode: '14',
        name: '测试\r\n版',
        publisher: '社',
      }),
    );
    expectInvalid(await admin.post('/api/studios', { name: '工作室\u202e', leadId: own.teacher }));
    expectInvalid(await t.anonymous.post('/api/auth/login', { username: 'teacher\n_demo', password: 'x' }));
    const teacher = clients.get('teacher')!;
    expectInvalid(
      await teacher.post('/api/resources', { kind: 'courseware', title: '第一\n课', subjectCode: '14' }),
    );
    expectInvalid(
      await teacher.post('/api/resources', {
        kind: 'courseware',
        title: '第一课',
        subjectCode: '14',
        description: '说明\u202e',
      }),
    );
    // Descriptions may span lines.
    const ok = await teacher.post('/api/resources', {
      kind: 'courseware',
      title: '第一课',
      subjectCode: '14',
      description: '第一行\n第二行',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().description).toBe('第一行\n第二行');
  });

  it('refuses an upload whose file name carries a direction override or a line break', async () => {
    for (const name of ['名单\u202excod.exe', '名单\u2028.xlsx']) {
      const res = await uploadFile(admin, '/api/roster/imports?kind=students', Buffer.from('PK'), name);
      expectError(res, 400);
      expect(res.json().error.code, res.body).toBe('validation_failed');
    }
  });

  it('an unknown API path answers 404 with the error shape, and unauthenticated calls 401', async () => {
    expectError(await admin.get('/api/nothing-here'), 404);
    expectError(await t.anonymous.get('/api/portal/home'), 401);
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/classes/{id}/roster');
  });
});

describe('property-based: bad values in every field of every route (review finding 8)', () => {
  it('bounds every number, string and list a request may carry', () => {
    const unbounded = t.app.routeCatalog.flatMap((route) =>
      (['params', 'querystring', 'body'] as const).flatMap((part) => {
        const schema = partsOf(route)[part];
        return schema ? unboundedFields(jsonSchemaOf(schema), `${route.method} ${route.url} ${part}`) : [];
      }),
    );
    expect(unbounded).toEqual([]);
  });

  it('never answer 5xx, always answer the error shape, and change nothing', async () => {
    const before = await fingerprint(t.db);
    const targets = t.app.routeCatalog.flatMap(targetsOf);
    const failures: string[] = [];
    let requests = 0;
    const started = Date.now();
    await pool(targets, 4, async (target, index) => {
      const { route } = target;
      const roles = rolesFor(route, [...clients.keys()]);
      if (roles.length === 0) throw new Error(`no signed-in role may call ${route.method} ${route.url}`);
      const write = route.method !== 'GET';
      // A write gets only values its field must refuse: one it accepts would be a legitimate change.
      const values = write
        ? badValue.filter((v) => holdsUnstorable(v) || !target.schema.safeParse(v).success)
        : badValue;
      let last = '';
      const result = await fc.check(
        fc.asyncProperty(fc.constantFrom(...roles), values, async (role, value) => {
          const res = await send(clients.get(role)!, own, target, value);
          requests++;
          last = `as ${role} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (res.statusCode >= 500) return false;
          if (res.statusCode >= 400 && typeof res.json().error?.code !== 'string') return false;
          return !write || res.statusCode >= 400;
        }),
        {
          seed: 20260308 + index,
          numRuns: 8,
          endOnFailure: true,
          examples: [
            [roles[0]!, 'a\u0000b'],
            [roles[0]!, 'a\ud800b'],
          ],
        },
      );
      if (result.failed) {
        const where = `${route.method} ${route.url} ${target.part}${target.field ? `.${target.field}` : ''}`;
        const value = JSON.stringify(result.counterexample?.[1])?.slice(0, 80);
        failures.push(
          `${where} = ${value} ${last}${result.errorInstance ? ` (${String(result.errorInstance)})` : ''}`,
        );
      }
    });
    console.log(`bad-input fuzz: ${targets.length} fields, ${requests} requests, ${Date.now() - started} ms`);
    expect(failures).toEqual([]);
    expect(targets.length).toBeGreaterThan(150);
    expect(await fingerprint(t.db)).toEqual(before);
    // About 20 s alone; allow for a busy 2-core machine running another test file beside it.
  }, 150_000);
});
