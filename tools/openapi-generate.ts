/**
 * Writes the server's OpenAPI document to apps/web/src/api/openapi.json and generates the web
 * client's types from it (openapi-typescript). CI regenerates and fails on drift.
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDatabase } from '../apps/server/src/platform/db/client.ts';
import { createStorage } from '../apps/server/src/platform/storage/index.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
// The spec needs the routes only; the pool never connects.
const database = connectDatabase('postgres://unused@127.0.0.1:1/unused', 1);
const app = await buildApp(
  { config, database, crypto: createFieldCrypto(Buffer.alloc(32)), storage: createStorage(config) },
  { logger: false, serveWeb: false },
);
await app.ready();
const spec = app.swagger();
const out = 'apps/web/src/api/openapi.json';
writeFileSync(out, `${JSON.stringify(spec, null, 2)}\n`);
await app.close();
await database.close();
execFileSync('npx', ['openapi-typescript', out, '-o', 'apps/web/src/api/schema.d.ts'], { stdio: 'inherit' });
console.log(`wrote ${out} and apps/web/src/api/schema.d.ts`);
