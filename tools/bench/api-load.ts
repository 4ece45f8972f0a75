/**
 * The load side of `npm run bench:api`: the server in a child process (api-server.ts), a keep-alive
 * HTTP client, sign-ins, closed-loop load on one path, and the mixed workload of many users reading
 * their own pages, as a browser would: the next request is chosen from the previous answer.
 */
import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../../apps/server/src/bootstrap.ts';
import type { ServerMessage } from './api-server.ts';
import { pct } from './stats.ts';

export interface Server {
  base: string;
  pid: number;
  counts: () => Promise<Extract<ServerMessage, { counts: unknown }>['counts']>;
  stop: () => Promise<void>;
}

/** Starts a fresh server process (so every in-memory cache starts empty). */
export async function startServer(env: { dataDir: string; appUrl: string }): Promise<Server> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), {
    // HANLIN_BENCH_SERVER_ARGS: extra Node options for the server, e.g. `--cpu-prof --cpu-prof-dir=prof`.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.HANLIN_BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    env: {
      ...process.env,
      HANLIN_DATA_DIR: env.dataDir,
      HANLIN_BENCH_APP_URL: env.appUrl,
      // Behind a reverse proxy, as in production: each user's own address counts for rate limits.
      HANLIN_TRUST_PROXY: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      child.once('message', (m) => resolve(m as ServerMessage));
      child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
  // The server must not outlive this process, whatever happens here.
  const kill = () => child.kill();
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  const first = await next();
  if (!('port' in first)) throw new Error('bench server did not report its port');
  return {
    base: `http://127.0.0.1:${first.port}`,
    pid: child.pid!,
    counts: async () => {
      const reply = next();
      child.send('counts');
      const m = await reply;
      if (!('counts' in m)) throw new Error('bench server did not report its counts');
      return m.counts;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  status: number;
  body: string;
  ms: number;
  cookie?: string;
}

/** One HTTP request on a kept-alive connection, timed from send to the last byte. */
export function request(
  base: string,
  method: string,
  path: string,
  cookie?: string,
  json?: unknown,
  /** The client's address as the reverse proxy reports it (the server trusts it in this benchmark). */
  ip?: string,
  /** More request headers (the CSRF token of a state-changing request). */
  extra?: Record<string, string>,
) {
  return new Promise<Reply>((resolve, reject) => {
    const t = process.hrtime.bigint();
    const payload = json === undefined ? undefined : JSON.stringify(json);
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(ip ? { 'x-forwarded-for': ip } : {}),
          ...extra,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - t) / 1e6,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A signed-in user: the session cookie, the address they come from, and the session's CSRF token. */
export interface SignedIn {
  cookie: string;
  ip: string;
  csrf: string;
}

/**
 * Signs every user in through the real login route, `concurrency` at a time, each from an address
 * of their own (10.x.y.z, as the reverse proxy would report it: sign-in is rate-limited per address).
 */
export async function signInAll(base: string, usernames: string[], concurrency: number) {
  const users: SignedIn[] = [];
  const times: number[] = [];
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < usernames.length) {
        const i = next++;
        const username = usernames[i]!;
        const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        const login = { username, password: DEMO_PASSWORD };
        const r = await request(base, 'POST', '/api/auth/login', undefined, login, ip);
        if (r.status !== 200 || !r.cookie) throw new Error(`login ${username}: ${r.status} ${r.body}`);
        users.push({ cookie: r.cookie, ip, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken });
        times.push(r.ms);
      }
    }),
  );
  return {
    users,
    perSecond: usernames.length / ((Date.now() - t0) / 1000),
    p50: pct(times, 50),
    p99: pct(times, 99),
  };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Every request's latency, ms. */
  latencies: number[];
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Latencies by kind of request (home, roster, record…). */
  byKind: Map<string, number[]>;
}

/** A user's visit: requests made one after another, each chosen from the answers before. */
export interface Visit {
  user?: SignedIn;
  /** `get` answers the body, or null when the request failed or the time is up (then stop). */
  run: (get: (kind: string, path: string) => Promise<string | null>) => Promise<void>;
}

/** One result for several runs one after another. */
export function combined(rs: LoadResult[]): LoadResult {
  const latencies = rs.flatMap((r) => r.latencies);
  const seconds = rs.reduce((a, r) => a + r.seconds, 0);
  const byKind = new Map<string, number[]>();
  for (const r of rs) for (const [k, xs] of r.byKind) byKind.set(k, [...(byKind.get(k) ?? []), ...xs]);
  return {
    requests: latencies.length,
    seconds,
    latencies,
    perSecond: latencies.length / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors: rs.reduce((a, r) => a + r.errors, 0),
    byKind,
  };
}

/**
 * Runs `connections` clients in a closed loop until the visits run out or `seconds` pass; each
 * client takes the next visit and makes its requests one after another, then the next visit.
 */
export async function closedLoop(
  base: string,
  connections: number,
  seconds: number,
  nextVisit: () => Visit | undefined,
): Promise<LoadResult> {
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let visit = nextVisit(); visit && Date.now() < end; visit = nextVisit()) {
        const user = visit.user;
        await visit.run(async (kind, path) => {
          if (Date.now() >= end) return null;
          const r = await request(base, 'GET', path, user?.cookie, undefined, user?.ip);
          all.push(r.ms);
          const list = byKind.get(kind) ?? [];
          list.push(r.ms);
          byKind.set(kind, list);
          if (r.status === 200) return r.body;
          errors++;
          return null;
        });
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  return {
    requests: all.length,
    seconds: elapsed,
    latencies: all,
    perSecond: all.length / elapsed,
    p50: pct(all, 50),
    p95: pct(all, 95),
    p99: pct(all, 99),
    errors,
    byKind,
  };
}
