import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../bootstrap.ts';
import { type Config, loadConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { connectDatabase, type Database } from '../platform/db/client.ts';
import { startJobQueue } from '../platform/db/job-queue.ts';
import type { JobDefinition } from '../platform/db/jobs.ts';
import { connectOwner } from '../platform/db/setup.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { createStorage } from '../platform/storage/index.ts';
import { TEMPLATE_DB, TEST_FIELD_KEY } from './constants.ts';

export interface TestApp {
  app: FastifyInstance;
  /** The app's dependencies; `deps.database` connects as the application role, as in production. */
  deps: AppDeps;
  /**
   * The owner's connection to this file's database, for fixtures and checks: it sees every row (the
   * test cluster's owner is its superuser); the app itself never uses it.
   */
  db: Database;
  /** The connection string of this file's database (for child processes such as console commands). */
  url: string;
  /** Signs in through the real login route (and TOTP when needed); returns a client with cookie + CSRF. */
  login: (username: string, password?: string) => Promise<Client>;
  anonymous: Client;
  close: () => Promise<void>;
}

export interface Client {
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
}

const withDb = (adminUrl: string, db: string) => adminUrl.replace(/\/postgres$/, `/${db}`);

/** A fresh database cloned from the seeded template, and the real app on it. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  extraDeps: Pick<AppDeps, 'backups'> & {
    /** Jobs to work from the queue, as main.ts does (no cron: tests enqueue what they run). */
    queue?: readonly JobDefinition[];
  } = {},
): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDb(adminUrl, name);
  const db = connectOwner(url, 3);
  const appDb = connectDatabase(withDb(inject('pgAppUrl'), name), 5, undefined, true);
  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }),
    filesDir: inject('filesDir'),
    ...overrides,
  };
  const { queue, ...more } = extraDeps;
  const deps: AppDeps = {
    config,
    database: appDb,
    crypto: createFieldCrypto(Buffer.from(TEST_FIELD_KEY, 'hex')),
    storage: createStorage(config),
    ...more,
    ...(queue && {
      jobs: await startJobQueue(appDb, queue, { log: () => undefined, schedule: false, pollingSeconds: 2 }),
    }),
  };
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();

  const client = (cookie?: string, csrf?: string): Client => {
    // Read audits are batched; tests see them as soon as the response is there. Tests also change
    // rows with plain SQL between requests; the sync makes the authz cache see those changes as
    // the app's own writes are seen (through the database's notifications, not a cache reset).
    const request = async (
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      await app.changes.sync();
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      });
      await app.auditBuffer.flush();
      return res;
    };
    return {
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
    };
  };

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const sid = res.cookies.find((c) => c.name === 'hanlin_sid')?.value;
    const { next, csrfToken } = res.json() as { next: string; csrfToken: string };
    const c = client(`hanlin_sid=${sid}`, csrfToken);
    if (next === 'totp') {
      // Each code is accepted once per account; tests sign the same admin in several times a minute.
      await db.pool.query('update account set totp_last_step = null where lower(username) = lower($1)', [
        username,
      ]);
      const code = await generate({ secret: DEMO_TOTP_SECRET });
      const v = await c.post('/api/auth/totp/verify', { code });
      if (v.statusCode !== 200) throw new Error(`totp for ${username} failed: ${v.body}`);
    }
    return c;
  };

  return {
    app,
    deps,
    db,
    url,
    login,
    anonymous: client(),
    close: async () => {
      await app.close();
      await appDb.close();
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
