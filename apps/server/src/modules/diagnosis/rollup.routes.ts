import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses, ZId } from '../../platform/http/schemas.ts';
import { sendXlsx } from '../../platform/xlsx/xlsx-reply.ts';
import { ROLLUP_READERS } from './diagnosis.policy.ts';
import { ZLevel, ZSubject } from './diagnosis.schemas.ts';
import { masteryRollup, masteryRollupWorkbook } from './rollup.service.ts';

const ZQuery = z.strictObject({
  subject: ZSubject.optional(),
  /** The unit to roll up (default: the viewer's own); its units below are the columns. */
  orgUnitId: ZId.optional(),
});

const ZUnit = z.object({ id: z.string(), name: z.string(), kind: z.string() });
const ZCell = z.object({
  students: z.number(),
  /** Fewer students than `minStudents`: the figures are not shown. */
  withheld: z.boolean(),
  mean: z.number().nullable(),
  level: ZLevel.nullable(),
  weakShare: z.number().nullable(),
  masteredShare: z.number().nullable(),
});
const ZRate = z.object({ students: z.number(), withheld: z.boolean(), rate: z.number().nullable() });

const ZRollup = z.object({
  unit: ZUnit,
  parent: ZUnit.nullable(),
  subjects: z.array(z.object({ code: z.string(), students: z.number() })),
  subject: z.string().nullable(),
  minStudents: z.number(),
  units: z.array(ZUnit.extend({ drillable: z.boolean(), students: z.number() })),
  points: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      strand: z.string(),
      overall: ZCell,
      cells: z.array(ZCell),
    }),
  ),
  /** When the classes' sums behind `cognitive` were rebuilt; null before the first rebuild. */
  asOf: z.string().nullable(),
  cognitive: z.array(
    z.object({ level: z.string(), label: z.string(), overall: ZRate, cells: z.array(ZRate) }),
  ),
});

/** Mastery roll-ups (学情分析) of a unit: administrators and researchers, aggregates only. */
export async function rollupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/mastery/rollup',
    {
      config: { policy: { allow: ROLLUP_READERS } },
      schema: {
        tags: ['diagnosis'],
        summary: '学情分析：下级单位 × 知识点的平均掌握度、薄弱与掌握占比，认知层次得分率（不足 5 人不显示）',
        querystring: ZQuery,
        response: { 200: ZRollup, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => masteryRollup(ctx, req.query)),
  );
  r.get(
    '/mastery/rollup/export',
    {
      config: { policy: { allow: ROLLUP_READERS } },
      schema: {
        tags: ['diagnosis'],
        summary: '导出学情分析（.xlsx）',
        querystring: ZQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => sendXlsx(reply, await runAs(req, (ctx) => masteryRollupWorkbook(ctx, req.query))),
  );
}
