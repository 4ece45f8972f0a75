import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { JOBS, ROW_POLICIES } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../platform/db/embedded.ts';
import { prepareDatabase } from '../platform/db/setup.ts';
import { createStorage } from '../platform/storage/index.ts';
import { TEMPLATE_DB, TEST_FIELD_KEY, TEST_STUDENTS } from './constants.ts';

let pg: EmbeddedDatabase | undefined;
const dir = join(process.cwd(), '.tmp', `test-pg-${process.pid}`);

/**
 * One embedded PostgreSQL per test run. The template database is migrated and seeded with a small
 * demo city once; every test file then clones it (`create database … template …`), so files are
 * isolated and start in milliseconds.
 */
export async function setup(project: TestProject) {
  pg = await startEmbeddedPostgres({ dir, database: TEMPLATE_DB });
  // As in production: the owner migrates and seeds; the application's role gets its grants, which
  // every clone of the template keeps.
  const { owner: database, app } = await prepareDatabase({
    ownerUrl: pg.url,
    appUrl: pg.appUrl(TEMPLATE_DB),
    appPassword: pg.appPassword,
    policies: ROW_POLICIES,
    jobs: JOBS,
  });
  await app.close();
  const config = loadConfig({
    ...process.env,
    HANLIN_DATA_DIR: dir,
    HANLIN_DEMO_STUDENTS: String(TEST_STUDENTS),
    LOG_LEVEL: 'silent',
  });
  await bootstrap(
    {
      config,
      database,
      crypto: createFieldCrypto(Buffer.from(TEST_FIELD_KEY, 'hex')),
      storage: createStorage(config),
    },
    () => {},
    { demoAuditHistory: false, demoAssessment: false },
  );
  await database.close();
  project.provide('pgAdminUrl', pg.adminUrl('postgres'));
  project.provide('pgAppUrl', pg.appUrl('postgres'));
  // The template's demo media live here; every test app reads (and writes new keys) in the same dir.
  project.provide('filesDir', config.filesDir);
}

export async function teardown() {
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    /** The application role's connection string (database `postgres`; tests swap in their own). */
    pgAppUrl: string;
    filesDir: string;
  }
}
