import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AuthzCache } from '../auth/authz-cache.ts';
import { ChangeFeed } from '../cache/change-feed.ts';
import { guard } from '../http/guard.ts';
import { type ScopedEntity, type ScopeKind, ScopeRegistry, type ScopeRules } from './registry.ts';
import { EMPTY_SCOPE } from './scope.ts';

const kind = (name: string, tables = ['widget']): ScopeKind => ({
  kind: name as ScopedEntity,
  visible: (_viewer, id) => sql`exists (select 1 from widget w where w.id = ${id})`,
  tables,
  matrix: { outOfScope: () => [] },
});
const resolver: ScopeRules = {
  module: 'people',
  resolver: { resolve: async () => EMPTY_SCOPE, tables: ['membership'] },
};

describe('scope registry', () => {
  it('refuses a kind registered twice, a kind without tables, and anything but one resolver', () => {
    expect(
      () => new ScopeRegistry([resolver, { module: 'a', kinds: [kind('widget'), kind('widget')] }]),
    ).toThrow(/registered twice/);
    expect(() => new ScopeRegistry([resolver, { module: 'a', kinds: [kind('widget', [])] }])).toThrow(
      /names no tables/,
    );
    expect(() => new ScopeRegistry([{ module: 'a', kinds: [kind('widget')] }])).toThrow(/exactly one/);
    expect(() => new ScopeRegistry([resolver, { ...resolver, module: 'other' }])).toThrow(/people, other/);
  });

  it('knows its kinds in the order the modules are listed, and no other', () => {
    const registry = new ScopeRegistry([
      { module: 'b', kinds: [kind('gadget')] },
      resolver,
      { module: 'a', kinds: [kind('widget')] },
    ]);
    expect(registry.kinds.map((k) => k.kind)).toEqual(['gadget', 'widget']);
    expect(registry.has('widget')).toBe(true);
    expect(registry.has('widgets')).toBe(false);
    expect(() => registry.kind('widgets')).toThrow(/not registered/);
  });

  it('fails at startup when a route policy names a kind no module registers', async () => {
    const start = async (param: string) => {
      const app = Fastify();
      app.decorate('scopes', new ScopeRegistry([resolver, { module: 'a', kinds: [kind('widget')] }]));
      await app.register(guard);
      app.get(
        '/api/widgets/:id',
        { config: { policy: { allow: 'session', params: { id: param as ScopedEntity } } } },
        () => ({}),
      );
      await app.ready();
      await app.close();
    };
    await expect(start('widget')).resolves.toBeUndefined();
    await expect(start('widgit')).rejects.toThrow(/names 'widgit', which no module registers/);
  });

  it("makes the guard's cache depend on each kind's tables, which must announce their changes", () => {
    const feed = new ChangeFeed({}, () => undefined);
    const registry = new ScopeRegistry([
      resolver,
      { module: 'a', kinds: [kind('widget', ['widget', 'part'])] },
    ]);
    const authz = new AuthzCache(feed, registry);
    expect(authz.tables).toEqual(expect.arrayContaining(['session', 'membership', 'widget', 'part']));
    feed.live = true;
    for (const t of ['session', 'account', 'person', 'role_assignment', 'org_unit', 'membership', 'widget'])
      feed.announcing.add(t);
    expect(() => feed.assertAnnounced(authz.tables)).toThrow(/without a change trigger: part/);
  });

  it('drops the answers of a kind when one of its tables changes, and only those', async () => {
    const feed = new ChangeFeed({}, () => undefined);
    feed.live = true;
    const registry = new ScopeRegistry([
      resolver,
      { module: 'a', kinds: [kind('widget', ['widget', 'part']), kind('gadget', ['gadget'])] },
    ]);
    const authz = new AuthzCache(feed, registry);
    let loads = 0;
    const check = (k: string) =>
      authz.entityVisible('ra1', k as ScopedEntity, 'id1', async () => {
        loads++;
        return true;
      });
    await check('widget');
    await check('gadget');
    await check('widget');
    expect(loads).toBe(2);
    (feed as unknown as { emit: (table: string) => void }).emit('part');
    await check('gadget');
    expect(loads).toBe(2);
    await check('widget');
    expect(loads).toBe(3);
    (feed as unknown as { emit: (table: string) => void }).emit('membership');
    await check('gadget');
    expect(loads).toBe(4);
  });
});
