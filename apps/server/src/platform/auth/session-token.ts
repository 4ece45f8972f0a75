import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'hanlin_sid';
export const CSRF_COOKIE = 'hanlin_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
