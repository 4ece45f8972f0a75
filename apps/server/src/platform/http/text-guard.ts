import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/**
 * NUL (PostgreSQL's text cannot hold it) and unpaired surrogates (UTF-8 cannot encode them): no
 * field of any route can store or compare them faithfully, whatever its schema says.
 */
const UNSTORABLE = /[\u0000\p{Cs}]/u;
/** Nesting no request of ours needs; deeper JSON is refused before anything walks it recursively. */
export const MAX_INPUT_DEPTH = 32;

interface Finding {
  path: string;
  message: string;
  code: string;
}

/**
 * The first string (value or key) in `value` that no field may hold, or nesting deeper than
 * MAX_INPUT_DEPTH. Walks with an explicit stack, so a deeply nested body cannot overflow ours.
 */
export function findUnstorableText(value: unknown, root: string): Finding | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return { path, message: '包含空字符或无效的字符编码', code: 'invalid_text' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { path, message: '嵌套层次过深', code: 'too_deep' };
    for (const [key, child] of Object.entries(v)) {
      if (UNSTORABLE.test(key)) return { path, message: '字段名包含无效字符', code: 'invalid_text' };
      stack.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * preValidation hook for every route: refuses unstorable text anywhere in the path parameters, the
 * query and the parsed body with the one error shape (400 `validation_failed`), so fields that the
 * Zod schemas type loosely (passwords, free search words) never carry it to the database.
 */
export async function refuseUnstorableText(req: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ] as const) {
    const found = findUnstorableText(value, part);
    if (found) throw new AppError('validation_failed', '输入不符合要求', [found]);
  }
}
