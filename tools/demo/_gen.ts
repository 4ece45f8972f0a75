import { randomBytes } from 'node:crypto';
import { buildDemoCity } from '../../apps/server/src/demo/city.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { orgUnitSource } from '../../apps/server/src/demo/rows-org.ts';
import { accountSource, personSource } from '../../apps/server/src/demo/rows-people.ts';
import { roleSource } from '../../apps/server/src/demo/rows-roles.ts';
import { assignmentSource, guardianSource, memberSource, sensitiveSource, studentSource, teacherSource } from '../../apps/server/src/demo/rows-roster.ts';
const n = Number(process.argv[2] ?? 25000);
const crypto = createFieldCrypto(randomBytes(32));
let t = performance.now();
const city = buildDemoCity({ students: n });
console.log('model', Math.round(performance.now() - t));
for (const s of [orgUnitSource(city), personSource(city, crypto), accountSource(city, 'x'.repeat(97)), roleSource(city), studentSource(city), sensitiveSource(city, crypto), teacherSource(city), assignmentSource(city, 'tid'), memberSource(city), guardianSource(city)]) {
  t = performance.now();
  let rows = 0, bytes = 0;
  for (const r of s.rows()) { rows++; bytes += r.length; }
  console.log(s.table, rows, Math.round(bytes / 1e6) + 'MB(chars)', Math.round(performance.now() - t) + 'ms');
}
