import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TRole } from '../../platform/auth/roles.ts';
import { bytea, createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';
import { STAFF_ROLES } from './staff-roles.ts';

/** A natural person: one per human, whatever roles they hold (一号登录). */
export const persons = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    /** GB/T 2261.1 sex code. */
    gender: text('gender').notNull().default('0'),
    /** Birth date (YYYY-MM-DD), AES-256-GCM encrypted: sensitive for minors (COMPLIANCE §3). */
    birthDateEnc: bytea('birth_date_enc'),
    ethnicity: text('ethnicity'),
    nationality: text('nationality').default('CHN'),
    idType: text('id_type'),
    /** ID number, AES-256-GCM encrypted. */
    idNumberEnc: bytea('id_number_enc'),
    /** HMAC-SHA256 of the normalised ID number: lookup and upsert without decrypting. */
    idNumberHash: text('id_number_hash'),
    /** Mobile number, AES-256-GCM encrypted. */
    phoneEnc: bytea('phone_enc'),
    /** HMAC-SHA256 of the mobile number: sign-in by phone and import matching without decrypting. */
    phoneHash: text('phone_hash'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('person_id_number_uq').on(t.idNumberHash),
    index('person_phone_hash_idx').on(t.phoneHash),
    // A name or its beginning (the auditor's search by person, through person_directory).
    index('person_name_idx').using('btree', t.name.op('text_pattern_ops')),
  ],
);

// Roles are a platform concept (sessions, policies); re-exported for the module's own readers.
export { ROLES, type TRole } from '../../platform/auth/roles.ts';

export const accounts = pgTable(
  'account',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    username: text('username').notNull(),
    /**
     * The username in lower case, for sign-in and lookups that ignore case. A column rather than an
     * index on lower(username): under row-level security a condition calling a function that is not
     * leakproof (lower) waits for each row's policy, so such a lookup read every account.
     */
    usernameKey: text('username_key').notNull().generatedAlwaysAs(sql`lower(username)`),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecretEnc: bytea('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** Time step of the last accepted TOTP code: a code is never accepted twice (ASVS 2.8.4). */
    totpLastStep: integer('totp_last_step'),
    /**
     * One-time code that binds second-factor enrolment to something the password alone does not
     * give: issued by another administrator or the server console, stored as a keyed hash, expiring.
     */
    totpEnrolHash: text('totp_enrol_hash'),
    totpEnrolExpiresAt: timestamp('totp_enrol_expires_at', { withTimezone: true }),
    status: text('status').notNull().default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('account_username_uq').on(t.usernameKey),
    uniqueIndex('account_person_uq').on(t.personId),
    check('account_status_ck', sql`${t.status} in ('active','disabled')`),
  ],
);

/** A role a person holds in an org unit; scope is computed from the active one. */
export const roleAssignments = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').$type<TRole>().notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    path: ltree('path').notNull(),
    districtId: uuid('district_id'),
    schoolId: uuid('school_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('role_assignment_uq').on(t.personId, t.role, t.orgUnitId),
    /** 三员分立: one person never holds two of the system, security and audit administrator roles. */
    uniqueIndex('role_assignment_three_admins_uq')
      .on(t.personId)
      .where(sql`${t.role} in ('system_admin','security_admin','auditor') and ${t.active}`),
    // The staff's role rows (the 三员's account lists start from them), without the city's millions
    // of learners' and guardians': on 1,000,000 students, 88,000 rows against 2.8 million.
    index('role_assignment_staff_idx')
      .on(t.personId)
      .where(sql`${t.active} and ${t.role} in (${sql.raw(STAFF_ROLES.map((r) => `'${r}'`).join(', '))})`),
    // No GiST index on path: subtree lookups go through org_unit_id (org.repository rewritePaths);
    // at a million students that index alone took a fifth of the seeding time.
    index('role_assignment_unit_idx').on(t.orgUnitId, t.role),
    check(
      'role_assignment_role_ck',
      sql`${t.role} in ('city_admin','district_admin','school_admin','teacher','head_teacher','student','parent','auditor','system_admin','security_admin','researcher','expert')`,
    ),
  ],
);

export const sessions = pgTable(
  'session',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id').notNull(),
    roleAssignmentId: uuid('role_assignment_id'),
    csrfToken: text('csrf_token').notNull(),
    /** false until the second factor was given, for accounts that need one. */
    mfaPassed: boolean('mfa_passed').notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('session_token_uq').on(t.tokenHash),
    index('session_account_idx').on(t.accountId),
    // Sessions in force began within the absolute lifetime: the security administrator's lists
    // read those, not the month of ended sessions kept (a column never updated, so touching a
    // session stays a heap-only update).
    index('session_created_idx').on(t.createdAt),
  ],
);

/**
 * Failed sign-in attempts per subject (the account, or the name typed when no account has it) and
 * source address (等保 lockout per account and source, with rising delays), and per account and
 * source for second-factor codes. Keys are keyed hashes: no usernames or addresses at rest here.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    source: text('source').notNull(),
    /** Failures since the last lock or success. */
    failures: integer('failures').notNull().default(0),
    /** Locks so far: each lasts twice as long as the one before. */
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subject, t.source] }),
    index('login_throttle_subject_idx').on(t.subject),
    check('login_throttle_kind_ck', sql`${t.kind} in ('password','totp')`),
  ],
);

/** Earlier password hashes of an account: the 等保 profile refuses the last five (COMPLIANCE §4). */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_account_idx').on(t.accountId, t.createdAt)],
);

const ROSTER_DUTY = '学籍与教职工管理、身份识别（教育主管部门法定职责）';
const SIGN_IN = '一号登录、身份鉴别与账号安全（网络安全法、等保 2.0）';

/** 数据分级分类 of the identity tables (platform/privacy). */
export const identityInventory = [
  inventory(persons, {
    description: '自然人（学生、家长、教职工）的基本身份信息，一人一条',
    retention: '学生：学籍档案保存期内保留；教职工、家长：不再担任任何角色 3 年后匿名化',
    subjects: ['id'],
    erasure: 'retain',
    columns: {
      id: personal('general', 'statutory_duty', '人员标识，关联学籍、任职与监护记录'),
      name: personal('sensitive', 'statutory_duty', ROSTER_DUTY, {
        plaintextBecause: '用于检索、排序和花名册；以行级安全与访问审计保护',
      }),
      gender: personal('sensitive', 'statutory_duty', '学籍统计与编班', {
        plaintextBecause: '国家代码值，用于统计上报',
      }),
      birthDateEnc: personal('sensitive', 'statutory_duty', '年龄计算（是否不满 14 周岁）、学籍'),
      ethnicity: personal('sensitive', 'statutory_duty', '学籍统计上报（GB/T 3304）', {
        plaintextBecause: '国家代码值，用于统计上报',
      }),
      nationality: personal('important', 'statutory_duty', '学籍统计上报'),
      idType: personal('important', 'statutory_duty', ROSTER_DUTY),
      idNumberEnc: personal('sensitive', 'statutory_duty', '身份识别、学籍唯一性校验'),
      idNumberHash: personal('sensitive', 'statutory_duty', '按证件号查重与导入匹配（带密钥散列，不可逆）'),
      phoneEnc: personal('sensitive', 'statutory_duty', '家校联系、手机号登录'),
      phoneHash: personal('sensitive', 'statutory_duty', '按手机号登录与导入匹配（带密钥散列，不可逆）'),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(accounts, {
    description: '登录账号，一人一个',
    retention: '随人员记录保留；停用账号 3 年后删除口令与二次验证数据',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      id: personal('general', 'statutory_duty', SIGN_IN),
      personId: personal('general', 'statutory_duty', SIGN_IN),
      username: personal('important', 'statutory_duty', SIGN_IN),
      usernameKey: personal('important', 'statutory_duty', SIGN_IN),
      passwordHash: personal('sensitive', 'statutory_duty', '口令鉴别（argon2id 散列，不可逆）'),
      passwordChangedAt: personal('general', 'statutory_duty', '口令定期更换（等保）'),
      mustChangePassword: NONE,
      totpSecretEnc: personal('sensitive', 'statutory_duty', '管理员二次验证（加密存储）'),
      totpEnabled: NONE,
      totpLastStep: NONE,
      totpEnrolHash: personal('sensitive', 'statutory_duty', '二次验证绑定码（带密钥散列）'),
      totpEnrolExpiresAt: NONE,
      status: NONE,
      lastLoginAt: personal('general', 'statutory_duty', SIGN_IN),
      createdAt: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(roleAssignments, {
    description: '人员在组织机构中担任的角色（教师、班主任、家长、管理员等）',
    retention: '角色撤销后保留 3 年，供审计追溯',
    subjects: ['personId'],
    erasure: 'retain',
    columns: {
      id: NONE,
      personId: personal('general', 'statutory_duty', '数据范围与权限控制'),
      role: personal('important', 'statutory_duty', '数据范围与权限控制'),
      orgUnitId: personal('important', 'statutory_duty', '数据范围与权限控制'),
      path: personal('important', 'statutory_duty', '数据范围与权限控制'),
      districtId: NONE,
      schoolId: NONE,
      active: NONE,
      createdAt: NONE,
    },
  }),
  inventory(sessions, {
    description: '登录会话',
    retention: '过期或注销 30 日后删除（安全日志，删除申请不提前删除）',
    subjects: ['personId'],
    erasure: 'retain',
    purge: { column: 'expiresAt', days: 30 },
    columns: {
      id: NONE,
      tokenHash: personal('sensitive', 'statutory_duty', '会话鉴别（散列，不可逆）'),
      accountId: personal('general', 'statutory_duty', SIGN_IN),
      personId: personal('general', 'statutory_duty', SIGN_IN),
      roleAssignmentId: personal('general', 'statutory_duty', SIGN_IN),
      csrfToken: NONE,
      mfaPassed: NONE,
      createdAt: personal('general', 'statutory_duty', SIGN_IN),
      lastSeenAt: personal('general', 'statutory_duty', '空闲超时'),
      expiresAt: NONE,
      revokedAt: NONE,
      ip: personal('important', 'statutory_duty', '安全事件追溯（网络安全法日志留存）'),
      userAgent: personal('important', 'statutory_duty', '安全事件追溯'),
    },
  }),
  inventory(loginThrottle, {
    description: '登录失败计数与锁定（按账号与来源地址，带密钥散列）',
    retention: '最后一次失败 1 日后删除',
    erasure: 'delete',
    purge: { column: 'updatedAt', days: 1 },
    columns: {
      kind: NONE,
      subject: personal('general', 'statutory_duty', '防暴力破解（等保登录失败处理）'),
      source: personal('general', 'statutory_duty', '防暴力破解（等保登录失败处理）'),
      failures: NONE,
      locks: NONE,
      lockedUntil: NONE,
      updatedAt: NONE,
    },
  }),
  inventory(passwordHistory, {
    description: '历史口令散列（等保：不得重复使用最近 5 次口令）',
    retention: '每个账号只保留最近 5 条',
    erasure: 'retain',
    columns: {
      id: NONE,
      accountId: personal('general', 'statutory_duty', '口令复用检查'),
      passwordHash: personal('sensitive', 'statutory_duty', '口令复用检查（argon2id 散列，不可逆）'),
      createdAt: NONE,
    },
  }),
];
