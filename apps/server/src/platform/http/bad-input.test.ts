import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let admin: Client;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 16_384 });
  admin = await t.login('school_admin');
  schoolId = (await admin.get('/api/auth/me')).json().orgUnitId;
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
