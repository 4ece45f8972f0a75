/**
 * Server-console commands for what no administrator may do through the web (三员分立: the system,
 * security and audit administrators never manage one another's accounts), each written to the
 * audit trail as done at the console:
 *
 *   npm run admin -- reset-password <username>   a temporary password, to be changed at next sign-in
 *   npm run admin -- enrol-totp <username>       a one-time code to (re-)enrol a second factor
 *
 * Uses the deployment's configuration (HANLIN_DATA_DIR or DATABASE_URL) and field key.
 */
import { hostname, userInfo } from 'node:os';
import { sql } from 'drizzle-orm';
import { applyReset, newTemporaryPassword } from '../apps/server/src/modules/identity/account.service.ts';
import { ENROL_CODE_HOURS, newEnrolmentCode } from '../apps/server/src/modules/identity/totp.service.ts';
import { writeAudit } from '../apps/server/src/platform/audit/audit.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from '../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDeployment } from '../apps/server/src/platform/db/deployment.ts';

const [command, username] = process.argv.slice(2);
const COMMANDS = ['reset-password', 'enrol-totp'];
if (!command || !COMMANDS.includes(command) || !username) {
  console.error('usage: npm run admin -- reset-password|enrol-totp <username>');
  process.exit(2);
}

const config = loadConfig();
const crypto = createFieldCrypto(loadFieldKey(config.fieldKey, config.dataDir));
const { database, close } = await connectDeployment(config);
const origin = {
  actorPersonId: null,
  actorName: `server console (${userInfo().username}@${hostname()})`,
  actorRole: 'console',
  ip: null,
  userAgent: null,
  requestId: null,
};
try {
  const out = await database.db.transaction(async (tx) => {
    const found = await tx.execute<{ id: string; person_id: string }>(
      sql`select id, person_id from account where lower(username) = lower(${username})`,
    );
    const account = found.rows[0];
    if (!account) return undefined;
    const target = { targetType: 'account', targetId: account.id, subjectPersonId: account.person_id };
    if (command === 'reset-password') {
      const temporaryPassword = newTemporaryPassword();
      await applyReset(tx, account.id, temporaryPassword);
      await writeAudit(tx, origin, { action: 'console.reset_password', ...target });
      return `temporary password for ${username}: ${temporaryPassword} (must be changed at next sign-in)`;
    }
    const code = newEnrolmentCode();
    await tx.execute(sql`update account set totp_enabled = false, totp_secret_enc = null, totp_last_step = null,
        totp_enrol_hash = ${crypto.lookupHash(`enrol:${code.replaceAll('-', '')}`)},
        totp_enrol_expires_at = now() + make_interval(hours => ${ENROL_CODE_HOURS}), updated_at = now()
      where id = ${account.id}`);
    await tx.execute(
      sql`update session set revoked_at = now() where account_id = ${account.id} and revoked_at is null`,
    );
    await writeAudit(tx, origin, { action: 'console.totp_enrolment_code', ...target });
    return `TOTP enrolment code for ${username}: ${code} (valid ${ENROL_CODE_HOURS} h, shown once)`;
  });
  if (!out) {
    console.error(`no account named ${username}`);
    process.exitCode = 1;
  } else console.log(out);
} finally {
  await close();
}
