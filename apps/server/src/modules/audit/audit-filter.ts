import { z } from 'zod';
import {
  AUDIT_ACTION_CODES,
  AUDIT_GROUPS,
  actionsOfGroup,
  SENSITIVE_ACTIONS,
  type TAuditAction,
  type TAuditGroup,
} from '../../platform/audit/actions.ts';
import { ROLES } from '../../platform/auth/roles.ts';
import { ZId } from '../../platform/http/schemas.ts';

/** Who an audit row says acted: a role, or the platform itself (jobs, the seed). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export const OUTCOMES = ['success', 'failure', 'denied'] as const;

const GROUP_KEYS = Object.keys(AUDIT_GROUPS) as [TAuditGroup, ...TAuditGroup[]];
const CODES = AUDIT_ACTION_CODES as [TAuditAction, ...TAuditAction[]];

/**
 * The audit trail's filter in its JSON form (saved searches, presets). `days` is a window ending
 * now, for searches that must stay current ("the last 7 days"); `from`/`to` are fixed moments.
 */
export const ZAuditFilter = z.strictObject({
  /** Rows where the person acted, was the subject, or was among the persons of a bulk action. */
  personId: ZId.optional(),
  actions: z.array(z.enum(CODES)).max(CODES.length).optional(),
  groups: z.array(z.enum(GROUP_KEYS)).max(GROUP_KEYS.length).optional(),
  actorRoles: z.array(z.enum(ACTOR_ROLES)).max(ACTOR_ROLES.length).optional(),
  outcomes: z.array(z.enum(OUTCOMES)).max(OUTCOMES.length).optional(),
  /** Rows about data inside this unit's subtree. */
  orgUnitId: ZId.optional(),
  days: z.number().int().min(1).max(366).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Leaves out the viewer's own audit work (their searches and exports), which every search adds. */
  hideOwnAudit: z.boolean().optional(),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** A comma-separated list in a query string, each item one of `values`. */
const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .trim()
    .max(4000)
    .transform((s) => (s === '' ? [] : [...new Set(s.split(','))]))
    .pipe(z.array(z.enum(values)));

/** The same filter in a query string: lists comma-separated, `days` a number, booleans as text. */
export const ZAuditQuery = z.strictObject({
  personId: ZId.optional(),
  actions: csv(CODES).optional(),
  groups: csv(GROUP_KEYS).optional(),
  /** An action name prefix ('student.' finds every student action). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/, '操作名称格式不正确')
    .optional(),
  actorRoles: csv(ACTOR_ROLES).optional(),
  outcome: csv(OUTCOMES).optional(),
  orgUnitId: ZId.optional(),
  days: z.coerce.number().int().min(1).max(366).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  hideOwnAudit: z.enum(['true', 'false']).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** The query-string form read into the JSON form. */
export function filterOfQuery(q: TAuditQuery): TAuditFilter & { actionPrefix?: string } {
  return {
    personId: q.personId,
    actions: q.actions,
    groups: q.groups,
    actionPrefix: q.action,
    actorRoles: q.actorRoles,
    outcomes: q.outcome,
    orgUnitId: q.orgUnitId,
    days: q.days,
    from: q.from,
    to: q.to,
    hideOwnAudit: q.hideOwnAudit === 'true',
  };
}

/** The codes a filter names, its groups expanded; undefined when it names none (every action). */
export function codesOf(f: Pick<TAuditFilter, 'actions' | 'groups'>): TAuditAction[] | undefined {
  const codes = new Set<TAuditAction>(f.actions ?? []);
  for (const g of f.groups ?? []) for (const c of actionsOfGroup(g)) codes.add(c);
  return codes.size > 0 ? [...codes] : undefined;
}

/** The start of the filter's window: `days` back from `now`, else `from`. */
export const windowStart = (f: TAuditFilter, now: Date): string | undefined =>
  f.days ? new Date(now.getTime() - f.days * 86_400_000).toISOString() : f.from;

export interface AuditPreset {
  key: string;
  zh: string;
  en: string;
  filter: TAuditFilter;
}

/**
 * The auditor's built-in saved searches (常用查询), offered as one click each with the number of
 * rows they find: what an auditor reviews first.
 */
export const AUDIT_PRESETS: readonly AuditPreset[] = [
  {
    key: 'sensitive_reads',
    zh: '近 7 天敏感信息查看',
    en: 'Reads of sensitive fields, last 7 days',
    filter: { actions: SENSITIVE_ACTIONS, days: 7, hideOwnAudit: true },
  },
  {
    key: 'refusals',
    zh: '近 7 天越权与失败操作',
    en: 'Refusals and failures, last 7 days',
    filter: { outcomes: ['denied', 'failure'], days: 7, hideOwnAudit: true },
  },
  {
    key: 'exports',
    zh: '近 30 天导出',
    en: 'Exports, last 30 days',
    filter: { groups: ['export'], actions: ['audit.export'], days: 30, hideOwnAudit: true },
  },
  {
    key: 'admins',
    zh: '近 7 天系统与安全管理员操作',
    en: 'System and security administrators, last 7 days',
    filter: { actorRoles: ['system_admin', 'security_admin'], days: 7, hideOwnAudit: true },
  },
];
