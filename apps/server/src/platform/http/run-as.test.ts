import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../testing/actors.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { runAs } from './context.ts';

/** A use case that says it reads cannot write: its audit rows would not commit with the write. */
let t: TestApp;
let req: FastifyRequest;
beforeAll(async () => {
  t = await createTestApp();
  const { actor, scope } = await actorOf(t, 'teacher_demo', 'head_teacher');
  // What runAs reads of a request, as the guard leaves it.
  req = {
    actor,
    scope,
    server: t.app,
    ip: '127.0.0.1',
    headers: {},
    id: 'run-as-test',
  } as unknown as FastifyRequest;
});
afterAll(() => t.close());

const touch = sql`update org_unit set name = name where kind = 'city'`;

describe('runAs', () => {
  it('refuses a write in a use case that says it reads, and changes nothing', async () => {
    const failure = await runAs(req, async (ctx) => {
      await ctx.db.execute(sql`select 1`);
      await ctx.db.execute(touch);
    }).then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? (e as { code?: string }).code,
    );
    expect(failure).toBe('25006');
  });

  it('lets a use case that says it writes write', async () => {
    const out = await runAs(req, async (ctx) => (await ctx.db.execute(touch)).rowCount, { write: true });
    expect(out).toBe(1);
  });
});
