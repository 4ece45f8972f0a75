import { z } from 'zod';

export const ZId = z.uuid({ message: '不是有效的编号' });
export const ZIdParams = z.strictObject({ id: ZId });

/** Free text from users: trimmed, no control characters; stored literally and escaped when shown. */
export const ZText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: '包含不允许的控制字符',
    });

export const ZPage = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  q: z.string().trim().max(50).optional(),
});

export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const errorResponses = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
} as const;

export const ZOk = z.object({ ok: z.literal(true) });
