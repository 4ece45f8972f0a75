/** Prints the current TOTP code of the demo administrators (demo mode only). */
import { generate } from 'otplib';
import { DEMO_TOTP_SECRET } from '../apps/server/src/bootstrap.ts';

console.log(await generate({ secret: DEMO_TOTP_SECRET }));
