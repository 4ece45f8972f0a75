import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { BACKBONES } from './demo/curriculum/index.ts';
import { DEMO_ACCOUNTS, seedDemoCity } from './demo/seed.ts';
import { seedDemoHomework } from './modules/assessment/assignments.demo.ts';
import { reindexItems } from './modules/assessment/bank-search.service.ts';
import { seedDemoAssessment } from './modules/assessment/demo-assessment.ts';
import { seedDemoBank } from './modules/assessment/demo-bank.ts';
import { seedDemoAudit } from './modules/audit/demo-audit.ts';
import { applyBackbones } from './modules/curriculum/curriculum-import.service.ts';
import { refreshLevelScores } from './modules/diagnosis/rollup.service.ts';
import { seedDemoSignIns } from './modules/identity/demo-sign-ins.ts';
import { hashPassword } from './modules/identity/password.ts';
import { ENROL_CODE_HOURS, newEnrolmentCode } from './modules/identity/totp.service.ts';
import { ensureDefaultNotices } from './modules/privacy/default-notices.ts';
import { seedDemoPrivacy } from './modules/privacy/demo-privacy.ts';
import { seedDemoQuestions } from './modules/resources/demo-questions.ts';
import { seedDemoResources } from './modules/resources/demo-resources.ts';
import { flagForRetirement } from './modules/resources/retirement.service.ts';
import { reindexResources } from './modules/resources/search.service.ts';
import { seedDemoReviews } from './modules/review/demo-reviews.ts';
import { ensureDefaultChains } from './modules/review/review.service.ts';
import { seedDemoSpaces } from './modules/spaces/demo-spaces.ts';
import { writeAudit } from './platform/audit/audit.ts';
import { DEFAULT_MFA_ROLES } from './platform/auth/security-policy.ts';
import { seedCodeTables } from './platform/codes/codes.repository.ts';
import { backfillEncryptedFields } from './platform/crypto/field-backfill.ts';
import { analyzeUnanalyzed } from './platform/db/statistics.ts';
import { newId } from './platform/db/types.ts';
import type { AppDeps } from './platform/http/context.ts';

/** The password of every demo account; demo mode only (HANLIN_DEMO=true, the default). */
export const DEMO_PASSWORD = 'Hanlin@2026';
/**
 * TOTP secret of the demo administrators (city, district, audit, system, security admins), who
 * must pass a second factor. `npm run totp` prints the current code. Demo mode only.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPHANLINDEMO234567';
const DEMO_MFA_USERS = ['city_admin', 'district_yuexiu', 'auditor', 'sysadmin', 'secadmin'];

/**
 * First-start work: code tables always (idempotent); on an empty database either the demo city
 * or, outside demo mode, one city administrator with a one-time password that must be changed.
 * Returns the text to print under the URL.
 */
export async function bootstrap(
  deps: AppDeps,
  log: (m: string) => void = console.log,
  /**
   * The demo's two weeks of audit history, and its term of assessment data; off for the test
   * template, whose trail and whose notebooks and banks tests count (their own tests seed them).
   */
  opts: { demoAuditHistory?: boolean; demoAssessment?: boolean } = {},
): Promise<string> {
  const { db, pool } = deps.database;
  const moved = await backfillEncryptedFields(db, deps.crypto);
  if (moved > 0) log(`[hanlin] encrypted ${moved} personal fields left in plaintext by an earlier version`);
  await db.transaction((tx) => seedCodeTables(tx));
  await db.transaction((tx) => ensureDefaultNotices(tx));
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from org_unit`);
  const empty = (existing.rows[0]?.n ?? 0) === 0;
  if (deps.config.demo) {
    if (empty) {
      log(`[hanlin] seeding the demo city (${deps.config.demoStudents.toLocaleString()} students) …`);
      const summary = await seedDemoCity({
        pool,
        crypto: deps.crypto,
        students: deps.config.demoStudents,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        log: (m) => log(`[hanlin]   ${m}`),
      });
      // Every administrator who must use a second factor is enrolled, none left to whoever knows a password.
      await db.execute(sql`update account set totp_secret_enc = ${deps.crypto.encrypt(DEMO_TOTP_SECRET)}, totp_enabled = true
        where person_id in (select person_id from role_assignment where active
                              and role = any(string_to_array(${DEFAULT_MFA_ROLES.join(',')}, ',')))`);
      await seedDemoSignIns(db);
      // The seed writes under the owner's explicit system scope; the trail says so.
      await writeAudit(
        db,
        { actorName: 'system', actorRole: 'system' },
        {
          action: 'system.seed',
          details: { demo: true, scope: 'owner', ...summary },
        },
      );
      log(
        `[hanlin] demo city ready in ${(summary.ms / 1000).toFixed(1)} s: ${summary.schools} schools, ${summary.students} students, ${summary.teachers} teachers, ${summary.parents} parents`,
      );
    }
    // Also for demo databases created before the curriculum module existed.
    const backbone = await db.execute(sql`select 1 from textbook_edition limit 1`);
    if (backbone.rows.length === 0) {
      const t0 = Date.now();
      const s = await db.transaction((tx) => applyBackbones(tx, BACKBONES));
      log(
        `[hanlin] curriculum backbone (语文, 数学, 英语; grades 1–9): ${s.lessons} lessons, ${s.knowledgePoints} knowledge points, ${s.prerequisites} prerequisites in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    await db.transaction((tx) => ensureDefaultChains(tx));
    const anyResource = await db.execute(sql`select 1 from resource limit 1`);
    if (anyResource.rows.length === 0) {
      await seedDemoResources(deps.database, deps.storage, log);
      await db.transaction((tx) => seedDemoReviews(tx));
      // The daily retirement check, once now, so the demo's administrators find its flags.
      await db.transaction((tx) => flagForRetirement(tx));
    }
    await db.transaction((tx) => reindexResources(tx, 'missing'));
    const anyPost = await db.execute(sql`select 1 from space_post limit 1`);
    if (anyPost.rows.length === 0) await seedDemoSpaces(deps.database, log);
    const anyQuestion = await db.execute(sql`select 1 from resource_question limit 1`);
    if (anyQuestion.rows.length === 0) await db.transaction((tx) => seedDemoQuestions(tx));
    const anyItem = await db.execute(sql`select 1 from item limit 1`);
    if (anyItem.rows.length === 0) await db.transaction((tx) => seedDemoBank(tx));
    await seedDemoHomework(deps.database, log);
    await db.transaction((tx) => reindexItems(tx, 'missing'));
    // The large bank over the backbone, a term of homework in the demo logins' classes and the
    // district 统考, answered, marked and released (after the bank's and the homework's own demo data).
    const anyExam = await db.execute(sql`select 1 from assignment where kind = 'unified_exam' limit 1`);
    if (anyExam.rows.length === 0 && opts.demoAssessment !== false)
      await seedDemoAssessment(deps.database, log);
    // The classes' sums behind 学情分析 (the hourly job's work), once the answers are in, and for a
    // demo city seeded before them (or before its knowledge-point sums).
    const unsummed = await db.execute(sql`select 1 where not exists (select 1 from level_score_rollup_build)
       or (not exists (select 1 from point_mastery_rollup) and exists (select 1 from knowledge_mastery))`);
    if (unsummed.rows.length > 0) {
      const t0 = Date.now();
      const built = await db.transaction((tx) => refreshLevelScores(tx, { force: true }));
      log(
        `[hanlin] 学情分析 sums: ${built?.rows ?? 0} class × subject × level rows from ${built?.attempts ?? 0} graded attempts, ${built?.points ?? 0} class × point rows, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const anyConsent = await db.execute(sql`select 1 from consent_record limit 1`);
    if (anyConsent.rows.length === 0) await seedDemoPrivacy(deps.database, log);
    const anyHistory = await db.execute(sql`select 1 from audit_log where action = 'roster.read' limit 1`);
    if (anyHistory.rows.length === 0 && opts.demoAuditHistory !== false)
      await seedDemoAudit(deps.database, log);
    // The planner's statistics of what was just seeded, before anyone signs in.
    const t0 = Date.now();
    const analyzed = await analyzeUnanalyzed(db);
    if (analyzed.length > 0)
      log(
        `[hanlin] statistics gathered for ${analyzed.length} tables in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    const lines = DEMO_ACCOUNTS.map(
      (a) =>
        `    ${a.username.padEnd(18)} ${a.description}${DEMO_MFA_USERS.includes(a.username) ? '  (TOTP)' : ''}`,
    );
    return [
      '',
      `[hanlin] Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...lines,
      `[hanlin] Accounts marked TOTP need a one-time code: add secret ${DEMO_TOTP_SECRET} to an authenticator app, or run \`npm run totp\`.`,
      '[hanlin] Demo mode: never use these accounts with real data (set HANLIN_DEMO=false for a real deployment).',
    ].join('\n');
  }
  if (!empty) {
    await db.transaction((tx) => ensureDefaultChains(tx));
    return '';
  }
  const banner = await createFirstAdmin(deps);
  await db.transaction((tx) => ensureDefaultChains(tx));
  return banner;
}

/** A real deployment starts with the city unit and one city administrator, password shown once. */
async function createFirstAdmin(deps: AppDeps): Promise<string> {
  const name = process.env.HANLIN_CITY_NAME ?? '广州市';
  const code = process.env.HANLIN_CITY_DIVISION ?? '440100';
  if (!/^[0-9]{6}$/.test(code)) throw new Error('HANLIN_CITY_DIVISION must be a 6-digit GB/T 2260 code');
  const password = `${randomBytes(12).toString('base64url')}#A1`;
  const enrolment = newEnrolmentCode();
  const enrolHash = deps.crypto.lookupHash(`enrol:${enrolment.replaceAll('-', '')}`);
  const cityId = newId();
  const personId = newId();
  await deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into org_unit (id, kind, code, name, path, division_code)
      values (${cityId}, 'city', ${`c${code}`}, ${name}, ${`c${code}`}::ltree, ${code})`);
    await tx.execute(sql`insert into person (id, name) values (${personId}, '系统初始管理员')`);
    await tx.execute(sql`insert into account (id, person_id, username, password_hash, must_change_password,
        totp_enrol_hash, totp_enrol_expires_at)
      values (${newId()}, ${personId}, 'admin', ${await hashPassword(password)}, true, ${enrolHash},
        now() + make_interval(hours => ${ENROL_CODE_HOURS}))`);
    await tx.execute(sql`insert into role_assignment (id, person_id, role, org_unit_id, path)
      values (${newId()}, ${personId}, 'city_admin', ${cityId}, ${`c${code}`}::ltree)`);
    await writeAudit(
      tx,
      { actorName: 'system', actorRole: 'system' },
      { action: 'system.bootstrap', targetType: 'org_unit', targetId: cityId, details: { city: name } },
    );
  });
  return [
    '',
    '[hanlin] First start: created the city administrator.',
    `    username: admin    one-time password: ${password}    TOTP enrolment code: ${enrolment}`,
    `[hanlin] Both are shown once. Sign in, enrol an authenticator app with the enrolment code (valid ${ENROL_CODE_HOURS} h), then change the password.`,
  ].join('\n');
}
