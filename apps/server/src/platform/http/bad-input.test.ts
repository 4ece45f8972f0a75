import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject, ZodType } from 'zod';
import {
  asText,
  badValue,
  encodeRaw,
  holdsUnstorable,
  jsonSchemaOf,
  sampleOf,
} from '../../testing/bad-values.ts';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { type EntitySet, fingerprint, loadRoleFixtures } from '../scope/scope-matrix.fixtures.ts';
import type { RouteEntry } from './guard.ts';

let t: TestApp;
let admin: Client;
let schoolId: string;
/** Signed-in clients by role, each in that role; 'anonymous' for public routes. */
const clients = new Map<string, Client>();
let own: EntitySet;

beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 16_384 });
  admin = await t.login('school_admin');
  schoolId = (await admin.get('/api/auth/me')).json().orgUnitId;
  const fixtures = await loadRoleFixtures(t.db);
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

/** One field of one route's request (or, with `field` null, the whole body) to put bad values in. */
interface Target {
  route: RouteEntry;
  part: 'params' | 'querystring' | 'body';
  field: string | null;
  /** The schema of what is replaced: the field's, or the body's. */
  schema: ZodType;
}

const SOME_ID = '0193f3c0-0000-7000-8000-000000000001';
const ID_BY_NAME: Record<string, keyof EntitySet> = {
  classId: 'class',
  parentId: 'school',
  orgUnitId: 'school',
  studentId: 'student',
  teacherId: 'teacher',
  leadId: 'teacher',
  personId: 'teacher',
};
const ID_BY_KIND: Record<string, keyof EntitySet> = {
  org_unit: 'class',
  student: 'student',
  teacher: 'teacher',
  resource: 'resource',
  space: 'class',
  space_post: 'classPost',
};

const partsOf = (route: RouteEntry) =>
  (route.schema ?? {}) as Partial<Record<Target['part'], ZodType | undefined>>;

function targetsOf(route: RouteEntry): Target[] {
  const out: Target[] = [];
  for (const part of ['params', 'querystring', 'body'] as const) {
    const schema = partsOf(route)[part];
    if (!schema) continue;
    const shape = (schema as ZodObject).shape ?? {};
    for (const [field, fieldSchema] of Object.entries(shape)) {
      out.push({ route, part, field, schema: fieldSchema as ZodType });
    }
    if (part === 'body') out.push({ route, part, field: null, schema });
  }
  return out;
}

/** A well-formed request of the route, with the actor's own ids where the route names an entity. */
function baseline(route: RouteEntry) {
  const kinds = (route.policy.params ?? {}) as Record<string, string>;
  const idFor = (name: string) => {
    const key = ID_BY_KIND[kinds[name] ?? ''] ?? ID_BY_NAME[name];
    return key ? own[key] : SOME_ID;
  };
  const sample = (part: Target['part']) => {
    const schema = partsOf(route)[part];
    return schema ? (sampleOf(jsonSchemaOf(schema), '', idFor) as Record<string, unknown>) : undefined;
  };
  return {
    params: sample('params') ?? {},
    query: sample('querystring') ?? {},
    body: sample('body') as unknown,
  };
}

function send(c: Client, route: RouteEntry, target: Target, value: unknown) {
  const req = baseline(route);
  if (target.part === 'body')
    req.body = target.field === null ? value : { ...(req.body as object), [target.field]: value };
  else if (target.part === 'params') req.params[target.field!] = value;
  else req.query[target.field!] = value;
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, n: string) =>
    encodeRaw(asText(req.params[n] ?? SOME_ID)),
  );
  const query = Object.entries(req.query)
    .flatMap(([k, v]) =>
      (Array.isArray(v) && v.length > 0 ? v : [v]).map((x) => `${k}=${encodeRaw(asText(x))}`),
    )
    .join('&');
  const url = query ? `${path}?${query}` : path;
  const hasBody = route.method !== 'GET' && req.body !== undefined;
  return c.request(route.method, url, hasBody ? JSON.stringify(req.body) : undefined, {
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
  });
}

const rolesFor = (route: RouteEntry) =>
  route.policy.allow === 'public'
    ? ['anonymous']
    : route.policy.allow === 'session'
      ? [...clients.keys()].filter((k) => k !== 'anonymous')
      : route.policy.allow.filter((r) => clients.has(r));

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/**
 * Request fields whose schema lets through what a column or an index cannot take: numbers without
 * both bounds (an int4 column overflows at 2^31) and strings without a length limit.
 */
function unboundedFields(j: Record<string, unknown>, path: string): string[] {
  if ('const' in j || Array.isArray(j.enum)) return [];
  const nested = [
    ...Object.entries((j.properties ?? {}) as Record<string, Record<string, unknown>>).map(
      ([k, v]) => [v, `${path}.${k}`] as const,
    ),
    ...((j.anyOf ?? []) as Record<string, unknown>[]).map((v) => [v, path] as const),
    ...(j.items ? [[j.items as Record<string, unknown>, `${path}[]`] as const] : []),
  ].flatMap(([v, p]) => unboundedFields(v, p));
  if ((j.type === 'number' || j.type === 'integer') && (j.minimum === undefined || j.maximum === undefined))
    nested.push(path);
  const anchored = typeof j.pattern === 'string' && !/[*+]|\{\d+,\}/.test(j.pattern);
  if (j.type === 'string' && j.maxLength === undefined && !j.format && !anchored) nested.push(path);
  if (j.type === 'array' && j.maxItems === undefined) nested.push(path);
  return nested;
}

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
      const roles = rolesFor(route);
      if (roles.length === 0) throw new Error(`no signed-in role may call ${route.method} ${route.url}`);
      const write = route.method !== 'GET';
      // A write gets only values its field must refuse: one it accepts would be a legitimate change.
      const values = write
        ? badValue.filter((v) => holdsUnstorable(v) || !target.schema.safeParse(v).success)
        : badValue;
      let last = '';
      const result = await fc.check(
        fc.asyncProperty(fc.constantFrom(...roles), values, async (role, value) => {
          const res = await send(clients.get(role)!, route, target, value);
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
