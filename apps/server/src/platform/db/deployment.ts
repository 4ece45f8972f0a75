import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { connectDatabase, type Database } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';

/**
 * The deployment's database, for server-console commands: `DATABASE_URL` when set; otherwise the
 * embedded cluster of the data directory, reached on the port of the running server, or started for
 * the length of the command when no server runs.
 */
export async function connectDeployment(
  config: Config,
): Promise<{ database: Database; close: () => Promise<void> }> {
  if (config.databaseUrl) {
    const database = connectDatabase(config.databaseUrl, 2);
    return { database, close: () => database.close() };
  }
  const pidFile = join(config.dataDir, 'pg', 'postmaster.pid');
  const stateFile = join(config.dataDir, 'cluster.json');
  if (existsSync(pidFile) && existsSync(stateFile)) {
    // postmaster.pid: pid, data dir, start time, port, … (PostgreSQL's documented layout).
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (pid && isAlive(Number(pid)) && port) {
      const { password } = JSON.parse(readFileSync(stateFile, 'utf8')) as { password: string };
      const database = connectDatabase(
        `postgres://hanlin:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/hanlin`,
        2,
      );
      return { database, close: () => database.close() };
    }
  }
  const pg = await startEmbeddedPostgres({ dir: config.dataDir, database: 'hanlin' });
  const database = connectDatabase(pg.url, 2);
  return {
    database,
    close: async () => {
      await database.close();
      await pg.stop();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
