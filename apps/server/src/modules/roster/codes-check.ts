import { codeExists } from '../../platform/codes/codes.repository.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';

/** Refuses values that are not in the current national code tables. */
export async function assertCodes(ctx: Ctx, values: Record<string, string | undefined>): Promise<void> {
  const bad: { field: string; code: string }[] = [];
  for (const [category, code] of Object.entries(values)) {
    if (code !== undefined && !(await codeExists(ctx.db, category, code)))
      bad.push({ field: category, code });
  }
  if (bad.length > 0)
    throw badRequest(`代码不在国家标准代码表中：${bad.map((b) => `${b.field}=${b.code}`).join('，')}`, {
      bad,
    });
}
