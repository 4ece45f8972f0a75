/**
 * Walking the route catalogue for the property-based bad-input test: each field of each route's
 * request, a well-formed request around it, and the check that request schemas bound their values.
 */
import type { ZodObject, ZodType } from 'zod';
import type { RouteEntry } from '../platform/http/guard.ts';
import type { MatrixTargets as EntitySet } from '../platform/scope/matrix.ts';
import { asText, encodeRaw, jsonSchemaOf, sampleOf } from './bad-values.ts';
import type { Client } from './test-app.ts';

/** One field of one route's request (or, with `field` null, the whole body) to put bad values in. */
export interface Target {
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
  item: 'item',
  paper: 'paper',
  blueprint: 'blueprint',
};

export const partsOf = (route: RouteEntry) =>
  (route.schema ?? {}) as Partial<Record<Target['part'], ZodType | undefined>>;

export function targetsOf(route: RouteEntry): Target[] {
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
function baseline(route: RouteEntry, own: EntitySet) {
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

/** Sends the route's well-formed request with `value` in the target's place. */
export function send(c: Client, own: EntitySet, target: Target, value: unknown) {
  const { route } = target;
  const req = baseline(route, own);
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

/** The roles among `signedIn` that may call the route ('anonymous' for a public one). */
export const rolesFor = (route: RouteEntry, signedIn: string[]) =>
  route.policy.allow === 'public'
    ? ['anonymous']
    : route.policy.allow === 'session'
      ? signedIn.filter((k) => k !== 'anonymous')
      : route.policy.allow.filter((r) => signedIn.includes(r));

/** Runs `fn` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
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
export function unboundedFields(j: Record<string, unknown>, path: string): string[] {
  if ('const' in j || Array.isArray(j.enum)) return [];
  const nested = [
    ...Object.entries((j.properties ?? {}) as Record<string, Record<string, unknown>>).map(
      ([k, v]) => [v, `${path}.${k}`] as const,
    ),
    ...((j.anyOf ?? []) as Record<string, unknown>[]).map((v) => [v, path] as const),
    ...(j.items ? [[j.items as Record<string, unknown>, `${path}[]`] as const] : []),
  ].flatMap(([v, p]) => unboundedFields(v, p));
  const lower = j.minimum ?? j.exclusiveMinimum;
  const upper = j.maximum ?? j.exclusiveMaximum;
  if ((j.type === 'number' || j.type === 'integer') && (lower === undefined || upper === undefined))
    nested.push(path);
  const anchored = typeof j.pattern === 'string' && !/[*+]|\{\d+,\}/.test(j.pattern);
  if (j.type === 'string' && j.maxLength === undefined && !j.format && !anchored) nested.push(path);
  if (j.type === 'array' && j.maxItems === undefined) nested.push(path);
  return nested;
}
