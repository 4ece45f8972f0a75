import pg from 'pg';

/** Channel on which the database announces committed changes to cached tables (migration 0007). */
export const CHANGE_CHANNEL = 'hanlin_changes';

type Listener = (table: string) => void;

/**
 * One listening connection per app instance. Statement triggers on the tables that caches derive
 * from `NOTIFY` the table's name on commit; every instance hears it and the caches that depend on
 * that table drop their entries. While the connection is down `live` is false and caches neither
 * serve nor store anything; after it reconnects they start empty.
 */
export class ChangeFeed {
  private client: pg.Client | undefined;
  private listeners: Listener[] = [];
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private pendingSync: Promise<void> | undefined;
  live = false;
  /** Tables that announce their changes (carry a `hanlin_notify_change` trigger). */
  readonly announcing = new Set<string>();

  constructor(
    private readonly poolOptions: pg.PoolConfig,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** `table` is the changed table's name, or '*' when everything must be assumed changed. */
  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Refuses to cache data from a table that would not announce its changes. */
  assertAnnounced(tables: readonly string[]): void {
    if (!this.live) return;
    const silent = tables.filter((t) => !this.announcing.has(t));
    if (silent.length > 0)
      throw new Error(`cache depends on tables without a change trigger: ${silent.join(', ')}`);
  }

  private emit(table: string): void {
    for (const l of this.listeners) l(table);
  }

  async start(): Promise<void> {
    this.stopped = false;
    const client = new pg.Client({ ...this.poolOptions, keepAlive: true });
    client.on('notification', (n) => this.emit(n.payload ?? '*'));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
      const triggers = await client.query<{ table: string }>(
        `select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
           join pg_proc p on p.oid = t.tgfoid where p.proname = 'hanlin_notify_change'`,
      );
      for (const r of triggers.rows) this.announcing.add(r.table);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    this.client = client;
    this.emit('*');
    this.live = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.emit('*');
    if (client) await client.end().catch(() => undefined);
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client && this.client !== client) return;
    this.live = false;
    this.client = undefined;
    this.emit('*');
    if (this.stopped) return;
    if (err) this.onError(err);
    this.retry ??= setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, 1000);
    this.retry.unref();
  }

  /**
   * Resolves once every notification committed before this call has been applied: the server
   * delivers pending notifications to the listening session before it answers a query there.
   * Concurrent callers share one round trip. A process calls it after its own writes, so the next
   * request already reads them.
   */
  sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.live) return Promise.resolve();
    this.pendingSync ??= client
      .query('select 1')
      .then(
        () => undefined,
        () => this.emit('*'),
      )
      .finally(() => {
        this.pendingSync = undefined;
      });
    return this.pendingSync;
  }
}
