import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';

/** Password policy profiles (COMPLIANCE §4): 等保 2.0 is the China default, ASVS the alternative. */
export const ZPasswordProfile = z.enum(['djbh', 'asvs']);
export type TPasswordProfile = z.infer<typeof ZPasswordProfile>;

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  /** With DATABASE_URL: the application role's connection (not owner, not superuser, no BYPASSRLS). */
  HANLIN_APP_DATABASE_URL: z.string().optional(),
  HANLIN_DATA_DIR: z.string().default('.hanlin'),
  HANLIN_DEMO: z.enum(['true', 'false']).default('true'),
  HANLIN_DEMO_STUDENTS: z.coerce.number().int().min(100).default(25_000),
  HANLIN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  HANLIN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  HANLIN_PASSWORD_PROFILE: ZPasswordProfile.default('djbh'),
  HANLIN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  HANLIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  HANLIN_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  HANLIN_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  HANLIN_UPLOAD_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1_048_576),
  /** Uploaded and generated files; `<data dir>/files` when unset. */
  HANLIN_FILES_DIR: z.string().optional(),
  /** S3-compatible object store (MinIO, OSS, COS …); used instead of the files dir when a bucket is set. */
  HANLIN_S3_BUCKET: z.string().optional(),
  HANLIN_S3_ENDPOINT: z.string().url().optional(),
  HANLIN_S3_REGION: z.string().default('us-east-1'),
  HANLIN_S3_ACCESS_KEY: z.string().optional(),
  HANLIN_S3_SECRET_KEY: z.string().optional(),
  /** Largest video or other media file a resource may carry, in MiB. */
  HANLIN_MEDIA_LIMIT_MB: z.coerce.number().int().min(1).default(2048),
  /** Largest document (courseware, exercise set, cover), in MiB. */
  HANLIN_DOCUMENT_LIMIT_MB: z.coerce.number().int().min(1).default(200),
  /** 32-byte key (hex or base64) that encrypts sensitive personal fields; generated into the data dir when unset. */
  HANLIN_FIELD_KEY: z.string().optional(),
  /** A file holding the field key (e.g. a mounted secret), instead of HANLIN_FIELD_KEY. */
  HANLIN_FIELD_KEY_FILE: z.string().optional(),
  /** Point-in-time backups of the embedded PostgreSQL and the file store (N4); see README "Backups and restore". */
  HANLIN_BACKUP: z.enum(['on', 'off']).default('on'),
  HANLIN_BACKUP_DIR: z.string().optional(),
  HANLIN_BACKUP_EVERY_HOURS: z.coerce.number().min(1).default(24),
  HANLIN_BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).default(7),
  HANLIN_BACKUP_KEEP_COUNT: z.coerce.number().int().min(1).default(2),
  HANLIN_BACKUP_ARCHIVE_TIMEOUT: z.coerce.number().int().min(30).default(300),
  HANLIN_BACKUP_S3_BUCKET: z.string().optional(),
  HANLIN_BACKUP_S3_ENDPOINT: z.string().url().optional(),
  HANLIN_BACKUP_S3_REGION: z.string().optional(),
  HANLIN_BACKUP_S3_ACCESS_KEY: z.string().optional(),
  HANLIN_BACKUP_S3_SECRET_KEY: z.string().optional(),
  /** Persons above which a bulk export of personal data waits for a second administrator. */
  HANLIN_EXPORT_APPROVAL_THRESHOLD: z.coerce.number().int().min(0).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** The owner's connection (migrations, seed); the embedded cluster when unset. */
  databaseUrl?: string;
  /** The application role's connection; required with `databaseUrl`. */
  appDatabaseUrl?: string;
  dataDir: string;
  demo: boolean;
  demoStudents: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  passwordProfile: TPasswordProfile;
  lockoutAttempts: number;
  lockoutMs: number;
  secureCookies: boolean;
  bodyLimit: number;
  uploadLimit: number;
  fieldKey?: string;
  /**
   * Where the field key comes from: the environment, a file (its path), or the data directory
   * (`<data dir>/field.key`, generated on first start: beside the database, fine for a demo only).
   */
  fieldKeySource: { kind: 'env' } | { kind: 'file'; path: string } | { kind: 'data-dir' };
  logLevel: string;
  exportApprovalThreshold: number;
  filesDir: string;
  s3?: { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string };
  /** Upload limits in bytes. */
  mediaLimit: number;
  documentLimit: number;
  backup: {
    enabled: boolean;
    dir: string;
    everyMs: number;
    keepDays: number;
    keepCount: number;
    /** Seconds after which a changed WAL segment is archived even if not full. */
    archiveTimeout: number;
    /** The off-site copy; endpoint and keys default to the file store's. */
    s3?: {
      bucket: string;
      endpoint?: string;
      region: string;
      accessKeyId?: string;
      secretAccessKey?: string;
    };
  };
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new Error(
      `Invalid configuration: HANLIN_FIELD_KEY_FILE cannot be read (${(err as Error).message})`,
    );
  }
}

/**
 * True when the field key lies in the data directory, beside the database it protects: whoever
 * copies that directory (a backup, a stolen disk) holds both.
 */
export function keyBesideDatabase(config: Config): boolean {
  const src = config.fieldKeySource;
  if (src.kind === 'env') return false;
  if (src.kind === 'data-dir') return true;
  const rel = relative(config.dataDir, src.path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** Reads configuration from the environment; fails fast with the names of bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${names}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.HANLIN_APP_DATABASE_URL,
    dataDir: resolve(e.HANLIN_DATA_DIR),
    demo: e.HANLIN_DEMO === 'true',
    demoStudents: e.HANLIN_DEMO_STUDENTS,
    sessionIdleMs: e.HANLIN_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.HANLIN_SESSION_ABSOLUTE_HOURS * 3_600_000,
    passwordProfile: e.HANLIN_PASSWORD_PROFILE,
    lockoutAttempts: e.HANLIN_LOCKOUT_ATTEMPTS,
    lockoutMs: e.HANLIN_LOCKOUT_MINUTES * 60_000,
    secureCookies: e.HANLIN_SECURE_COOKIES === 'true',
    bodyLimit: e.HANLIN_BODY_LIMIT,
    uploadLimit: e.HANLIN_UPLOAD_LIMIT,
    fieldKey:
      e.HANLIN_FIELD_KEY ?? (e.HANLIN_FIELD_KEY_FILE ? readKeyFile(e.HANLIN_FIELD_KEY_FILE) : undefined),
    fieldKeySource: e.HANLIN_FIELD_KEY
      ? { kind: 'env' }
      : e.HANLIN_FIELD_KEY_FILE
        ? { kind: 'file', path: resolve(e.HANLIN_FIELD_KEY_FILE) }
        : { kind: 'data-dir' },
    logLevel: e.LOG_LEVEL,
    exportApprovalThreshold: e.HANLIN_EXPORT_APPROVAL_THRESHOLD,
    filesDir: resolve(e.HANLIN_FILES_DIR ?? resolve(e.HANLIN_DATA_DIR, 'files')),
    s3: e.HANLIN_S3_BUCKET
      ? {
          bucket: e.HANLIN_S3_BUCKET,
          endpoint: e.HANLIN_S3_ENDPOINT,
          region: e.HANLIN_S3_REGION,
          accessKeyId: e.HANLIN_S3_ACCESS_KEY,
          secretAccessKey: e.HANLIN_S3_SECRET_KEY,
        }
      : undefined,
    mediaLimit: e.HANLIN_MEDIA_LIMIT_MB * 1_048_576,
    documentLimit: e.HANLIN_DOCUMENT_LIMIT_MB * 1_048_576,
    backup: {
      enabled: e.HANLIN_BACKUP === 'on',
      dir: resolve(e.HANLIN_BACKUP_DIR ?? resolve(e.HANLIN_DATA_DIR, 'backup')),
      everyMs: e.HANLIN_BACKUP_EVERY_HOURS * 3_600_000,
      keepDays: e.HANLIN_BACKUP_KEEP_DAYS,
      keepCount: e.HANLIN_BACKUP_KEEP_COUNT,
      archiveTimeout: e.HANLIN_BACKUP_ARCHIVE_TIMEOUT,
      s3: e.HANLIN_BACKUP_S3_BUCKET
        ? {
            bucket: e.HANLIN_BACKUP_S3_BUCKET,
            endpoint: e.HANLIN_BACKUP_S3_ENDPOINT ?? e.HANLIN_S3_ENDPOINT,
            region: e.HANLIN_BACKUP_S3_REGION ?? e.HANLIN_S3_REGION,
            accessKeyId: e.HANLIN_BACKUP_S3_ACCESS_KEY ?? e.HANLIN_S3_ACCESS_KEY,
            secretAccessKey: e.HANLIN_BACKUP_S3_SECRET_KEY ?? e.HANLIN_S3_SECRET_KEY,
          }
        : undefined,
    },
    ...overrides,
  };
}
