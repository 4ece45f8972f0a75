import { randomBytes } from 'node:crypto';
import type { Client } from './test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Posts one file as multipart/form-data field `file`, as a browser's upload form does. */
export function uploadFile(c: Client, url: string, file: Buffer, name: string, type = XLSX) {
  const boundary = `----hanlin${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}
