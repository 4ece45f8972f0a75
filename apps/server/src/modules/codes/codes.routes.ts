import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readCurrentTables } from '../../platform/codes/codes.repository.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { errorResponses } from '../../platform/http/schemas.ts';

const ZCodeTable = z.object({
  category: z.string(),
  version: z.string(),
  standard: z.string(),
  title: z.string(),
  entries: z.array(
    z.object({ code: z.string(), zh: z.string(), en: z.string(), parent: z.string().nullable() }),
  ),
});

/** National code tables (JY/T 1001 family, GB/T …): readable by every signed-in user. */
export async function codeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/codes',
    {
      config: { policy: { allow: 'session' } },
      schema: {
        tags: ['codes'],
        summary: '全部国家标准代码表（当前版本）',
        response: { 200: z.array(ZCodeTable), ...errorResponses },
      },
    },
    () => readCurrentTables(app.deps.database.db),
  );
  r.get(
    '/codes/:category',
    {
      config: { policy: { allow: 'session', unscopedParams: ['category'] } },
      schema: {
        tags: ['codes'],
        params: z.strictObject({ category: z.string().regex(/^[a-z_]{2,40}$/, '代码表名称不正确') }),
        response: { 200: ZCodeTable, ...errorResponses },
      },
    },
    async (req) => {
      const [table] = await readCurrentTables(app.deps.database.db, req.params.category);
      if (!table) throw notFound('代码表');
      return table;
    },
  );
}
