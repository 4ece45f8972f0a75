import type pg from 'pg';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { deferConstraints, restoreForeignKeys, restoreIndexes } from './bulk.ts';
import { buildDemoCity } from './city.ts';
import { copyTables, type TableSource } from './copy.ts';
import { insertCalendar, orgUnitSource } from './rows-org.ts';
import { accountSource, personSource } from './rows-people.ts';
import { roleSource } from './rows-roles.ts';
import {
  assignmentSource,
  guardianSource,
  memberSource,
  sensitiveSource,
  studentSource,
  teacherSource,
} from './rows-roster.ts';

export { DEMO_ACCOUNTS, type DemoAccount } from './accounts.ts';
export { buildDemoCity, DEFAULT_SEED, type DemoCity } from './city.ts';

export interface DemoSummary {
  districts: number;
  schools: number;
  /** Administrative classes (行政班). */
  classes: number;
  /** Teaching classes (教学班). */
  teachingClasses: number;
  students: number;
  teachers: number;
  /** Guardians (家长), including the teachers who are also parents. */
  parents: number;
  /** Wall time of the whole seed, generation included. */
  ms: number;
}

export interface SeedDemoCityOptions {
  pool: pg.Pool;
  crypto: FieldCrypto;
  students: number;
  seed?: number;
  /** Hash of the demo password, shared by every demo account (no per-row argon2). */
  passwordHash: string;
  log?: (msg: string) => void;
  /** Rebuild secondary indexes after loading each table instead of maintaining them row by row (default). */
  deferIndexes?: boolean;
}

const TABLES = `org_unit person account role_assignment student student_sensitive teacher teaching_assignment
  teaching_class_member guardian academic_year term`.split(/\s+/);

/** How far row generation may run ahead of the database (bytes of COPY data held in memory). */
const AHEAD_BYTES = 512 * 1024 * 1024;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Seeds the deterministic demo city (广州市: 11 districts, schools of every stage, classes, teaching
 * classes, students, teachers, parents, the fixed demo logins) into an empty, migrated database.
 * Rows are generated in memory and streamed table by table through binary COPY, all in one
 * transaction: either the whole city is there or nothing is. Secondary indexes and foreign keys are
 * set aside during the load and rebuilt from their catalog definitions before the commit.
 */
export async function seedDemoCity(opts: SeedDemoCityOptions): Promise<DemoSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const city = buildDemoCity({ students: opts.students, seed: opts.seed });
  log(`generated the city in memory in ${seconds(performance.now() - started)}`);

  const client = await opts.pool.connect();
  try {
    await client.query('begin');
    const used = await client.query<{ used: boolean }>(
      'select exists (select 1 from org_unit) or exists (select 1 from person) as used',
    );
    if (used.rows[0]?.used) throw new Error('The demo city can only be seeded into an empty database');
    await client.query("set local maintenance_work_mem = '512MB'");
    const defer = opts.deferIndexes ?? true;
    const deferred = defer ? await deferConstraints(client, TABLES) : null;

    const { currentTermId } = await insertCalendar(client, city);
    const [org, role, person, sensitive] = [
      orgUnitSource(city),
      roleSource(city),
      personSource(city, opts.crypto),
      sensitiveSource(city, opts.crypto),
    ];
    const rest = [
      accountSource(city, opts.passwordHash),
      studentSource(city, opts.crypto),
      guardianSource(city),
      teacherSource(city),
      assignmentSource(city, Buffer.from(currentTermId.replaceAll('-', ''), 'hex')),
      memberSource(city),
    ];
    // Without foreign keys the order is free: role_assignment (quick to generate, slow to load and to
    // index) goes first, so Node encrypts the person rows while the database builds that GiST index;
    // student_sensitive (encrypted too) is generated while the other tables load. With foreign keys,
    // persons must come first.
    const sources: TableSource[] = deferred
      ? [org, role, person, ...rest, sensitive]
      : [org, person, role, ...rest, sensitive];
    await copyTables(client, sources, {
      aheadBytes: AHEAD_BYTES,
      afterTable: async (table, rows, ms) => {
        const t0 = performance.now();
        const slowest = deferred ? await restoreIndexes(client, deferred, table) : null;
        const indexes = slowest
          ? `, indexes ${seconds(performance.now() - t0)} (slowest ${slowest.name} ${seconds(slowest.ms)})`
          : '';
        log(`${table}: ${rows.toLocaleString('en-US')} rows in ${seconds(ms)}${indexes}`);
      },
    });
    const t0 = performance.now();
    if (deferred) await restoreForeignKeys(client, deferred);
    await client.query(`analyze ${TABLES.join(', ')}`);
    log(`foreign keys checked and statistics gathered in ${seconds(performance.now() - t0)}`);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return {
    districts: city.tree.districts.length,
    schools: city.tree.schools.length,
    classes: city.tree.classes.length,
    teachingClasses: city.tree.schools.reduce((n, s) => n + s.teachingClasses.length, 0),
    students: city.students.count,
    teachers: city.teachers.count,
    parents: city.parents.count,
    ms: Math.round(performance.now() - started),
  };
}
