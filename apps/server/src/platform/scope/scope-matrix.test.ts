/**
 * The route × role scope matrix (P3, COMPLIANCE §5.3). The list of routes comes from the app itself,
 * so every future route is covered: for each route and each role, the test addresses data of
 * another district, school, class or student and expects a refusal (403/404) and no change.
 * What to address comes from the modules' scope rules (`<module>.scope.ts`, read from the app's
 * ScopeRegistry): the out-of-scope ids of each registered entity kind fill the parameters of reads,
 * and each module gives sample requests for its write routes. A new write route fails this test
 * until its module gives it a sample.
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { RouteEntry } from '../http/guard.ts';
import { type MatrixProbe, type MatrixSample, type MatrixTargets, NO_SUCH_ID } from './matrix.ts';
import type { ScopeRegistry } from './registry.ts';
import { fingerprint, loadRoleFixtures, type RoleFixture } from './scope-matrix.fixtures.ts';

/** Every module's write samples and self-only routes; a route claimed twice is a mistake. */
function writeSamples(registry: ScopeRegistry) {
  const samples = new Map<string, MatrixSample>();
  const selfOnly = new Set<string>();
  for (const r of registry.rules) {
    for (const [route, sample] of Object.entries(r.matrix?.writes ?? {})) {
      if (samples.has(route) || selfOnly.has(route)) throw new Error(`${route}: two samples (${r.module})`);
      samples.set(route, sample);
    }
    for (const route of r.matrix?.selfOnly ?? []) {
      if (samples.has(route) || selfOnly.has(route)) throw new Error(`${route}: two samples (${r.module})`);
      selfOnly.add(route);
    }
  }
  return { samples, selfOnly };
}

/** Query parameters that name an org unit or a person get foreign ids too. */
function queryProbes(
  url: string,
  schema: unknown,
  unscoped: readonly string[],
  t: MatrixTargets,
): MatrixProbe[] {
  const shape =
    (schema as { querystring?: { shape?: Record<string, unknown> } } | undefined)?.querystring?.shape ?? {};
  const path = url.replace(/:[A-Za-z]+/g, (m) => (m === ':kind' ? 'students' : m));
  if (path.includes(':')) return [];
  const probes: MatrixProbe[] = [];
  if ('orgUnitId' in shape && !unscoped.includes('orgUnitId')) {
    probes.push({ url: `${path}?orgUnitId=${t.school}` }, { url: `${path}?orgUnitId=${t.class}` });
  }
  if ('personId' in shape && !unscoped.includes('personId'))
    probes.push({ url: `${path}?personId=${t.student}` });
  return probes;
}

/** Reads: each parameter gets the out-of-scope ids of the kind the route declares for it. */
function readProbes(
  registry: ScopeRegistry,
  url: string,
  kinds: Record<string, string>,
  unscoped: readonly string[],
  t: MatrixTargets,
): MatrixProbe[] {
  const names = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!).filter((n) => !unscoped.includes(n));
  if (names.length === 0) return [];
  const values = (name: string): string[] => {
    const kind = kinds[name];
    if (!kind) throw new Error(`GET ${url}: parameter :${name} declares no scoped entity kind in its policy`);
    const ids = registry.kind(kind).matrix.outOfScope(t);
    if (ids.length === 0 || ids.some((id) => !id)) throw new Error(`kind ${kind}: no out-of-scope id`);
    return ids as string[];
  };
  let urls = [url];
  for (const n of names) urls = urls.flatMap((u) => values(n).map((v) => u.replace(`:${n}`, v)));
  // Unscoped parameters beside a scoped one (a file of a resource) get a well-formed id.
  return urls.map((u) => ({ url: u.replace(/:[A-Za-z]+/g, NO_SUCH_ID) }));
}

/**
 * Whether `f` reads this route's scoped parameters as structure: a role that browses the foreign
 * places' structure, allowed on a read whose every scoped parameter is of a structure kind.
 */
function readsStructure(registry: ScopeRegistry, route: RouteEntry, f: RoleFixture): boolean {
  if (!f.browsesForeign || route.method !== 'GET') return false;
  const { allow, params = {} } = route.policy;
  if (allow !== 'session' && !(allow as readonly string[]).includes(f.role)) return false;
  const kinds = Object.values(params);
  return kinds.length > 0 && kinds.every((k) => registry.kind(k).matrix.structure);
}

let t: TestApp;
let fixtures: RoleFixture[];
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await createTestApp();
  fixtures = await loadRoleFixtures(t.db, t.app.scopes.rules);
  for (const f of fixtures) {
    const c = await t.login(f.username);
    const me = (await c.get('/api/auth/me')).json() as {
      role: string;
      roles: { id: string; role: string }[];
    };
    if (me.role !== f.role) {
      const target = me.roles.find((r) => r.role === f.role);
      if (!target) throw new Error(`${f.username} has no ${f.role} role`);
      await c.post('/api/auth/switch-role', { roleAssignmentId: target.id });
    }
    clients.set(`${f.username}/${f.role}`, c);
  }
});
afterAll(() => t.close());

describe('route × role scope matrix', () => {
  it('derives the route list from the app and has a probe for every write route', () => {
    const routes = t.app.routeCatalog.filter((r) => r.policy.allow !== 'public');
    expect(routes.length).toBeGreaterThan(15);
    const { samples, selfOnly } = writeSamples(t.app.scopes);
    const writes = routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    const missing = writes.filter((k) => !samples.has(k) && !selfOnly.has(k));
    expect(missing, 'write routes without a scope probe').toEqual([]);
    const stale = [...samples.keys(), ...selfOnly].filter((k) => !writes.includes(k));
    expect(stale, 'scope probes of routes that do not exist').toEqual([]);
  });

  it('covers every registered entity kind with reads aimed outside each role', () => {
    const named = new Set(t.app.routeCatalog.flatMap((r) => Object.values(r.policy.params ?? {})));
    for (const k of t.app.scopes.kinds) {
      for (const f of fixtures) {
        const ids = k.matrix.outOfScope(f.foreign);
        expect(ids.length > 0 && ids.every(Boolean), `${k.kind} for ${f.role}`).toBe(true);
      }
    }
    // A kind no route names is never checked; keep the registry to what routes use.
    expect(t.app.scopes.kinds.map((k) => k.kind).filter((k) => !named.has(k))).toEqual([]);
  });

  it('refuses every role access to data outside its scope and changes nothing', async () => {
    const before = await fingerprint(t.db);
    // The foreign student's and teacher's ids and names, which a structure read must not carry.
    const personNames = new Map<RoleFixture, string[]>();
    for (const f of fixtures) {
      const { student, teacher } = f.foreign;
      const rows = await t.db.db.execute<{ name: string }>(
        sql`select name from person where id in (${student}, ${teacher})`,
      );
      personNames.set(f, [student, teacher, ...rows.rows.map((r) => r.name)]);
    }
    const { samples } = writeSamples(t.app.scopes);
    const failures: string[] = [];
    let probes = 0;
    for (const f of fixtures) {
      const c = clients.get(`${f.username}/${f.role}`)!;
      for (const route of t.app.routeCatalog) {
        if (route.policy.allow === 'public') continue;
        const key = `${route.method} ${route.url}`;
        const reads =
          route.method === 'GET'
            ? readProbes(
                t.app.scopes,
                route.url,
                route.policy.params ?? {},
                route.policy.unscopedParams ?? [],
                f.foreign,
              )
            : [];
        if (readsStructure(t.app.scopes, route, f)) {
          // Units of the structure the role browses: readable, and naming nobody.
          for (const p of reads) {
            probes++;
            const res = await c.get(p.url);
            const named = personNames.get(f)!.filter((n) => res.body.includes(n));
            if (res.statusCode !== 200 || named.length > 0)
              failures.push(
                `${f.username}/${f.role} GET ${p.url} → ${res.statusCode}, names ${named.join(', ') || 'no one'}`,
              );
          }
          reads.length = 0;
        }
        const list =
          route.method === 'GET'
            ? [
                ...reads,
                ...queryProbes(route.url, route.schema, route.policy.unscopedParams ?? [], f.foreign),
              ]
            : (samples.get(key)?.(f.foreign, f.own) ?? []);
        for (const p of list) {
          probes++;
          const res = await c.request(
            route.method,
            p.url,
            route.method === 'GET' ? undefined : (p.body ?? {}),
          );
          if (res.statusCode !== 403 && res.statusCode !== 404) {
            failures.push(
              `${f.username}/${f.role} ${route.method} ${p.url} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          } else if (!res.json().error?.code) {
            failures.push(
              `${f.username}/${f.role} ${route.method} ${p.url}: refusal without the error shape`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(100);
    expect(await fingerprint(t.db)).toEqual(before);
    // Every route × every role: about 50 s on a 2-core machine busy with other test files (the item
    // bank's routes added a fifth); the default minute is too close.
  }, 180_000);

  it('lists never include another scope’s units, classes or students', async () => {
    for (const f of fixtures) {
      const c = clients.get(`${f.username}/${f.role}`)!;
      const bodies = await Promise.all(
        ['/api/org/roots', '/api/portal/home', '/api/org/units?kind=class', '/api/org/units?kind=school'].map(
          async (u) => (await c.get(u)).body,
        ),
      );
      for (const id of [f.foreign.class, f.foreign.student]) {
        for (const b of bodies) expect(b.includes(id), `${f.username}/${f.role} sees ${id}`).toBe(false);
      }
    }
  });
});

describe('scope grants what each role needs', () => {
  it('lets a teacher read their class roster and a district admin a school of the district', async () => {
    const own = fixtures[0]!.own!;
    for (const who of [
      'teacher_demo/head_teacher',
      'school_admin/school_admin',
      'district_yuexiu/district_admin',
    ]) {
      const res = await clients.get(who)!.get(`/api/classes/${own.class}/roster`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().students.length).toBeGreaterThan(20);
    }
  });

  it('lets a student read only their own record and a parent only their children', async () => {
    const student = clients.get('student_demo/student')!;
    const me = (await student.get('/api/auth/me')).json();
    expect((await student.get(`/api/students/${me.personId}`)).statusCode).toBe(200);
    const parent = clients.get('parent_demo/parent')!;
    const home = (await parent.get('/api/portal/home')).json();
    expect(home.children.length).toBe(2);
    for (const child of home.children)
      expect((await parent.get(`/api/students/${child.personId}`)).statusCode).toBe(200);
  });
});
