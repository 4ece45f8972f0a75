import { z } from 'zod';

export const ZId = z.uuid({ message: '不是有效的编号' });
export const ZIdParams = z.strictObject({ id: ZId });

/**
 * C0 and C1 control characters other than tab and line breaks (NUL included: PostgreSQL cannot store
 * it). Stored text never needs them, and in logs and spreadsheets they forge lines or cells.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Unpaired UTF-16 surrogates: UTF-8 cannot encode them, so what is stored would not be what was sent. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder how the
 * text around them is shown ("Trojan Source"): a name or file name could read as something else.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** What turns one line into several or lines up columns, and the direction marks: not in a name. */
const NOT_IN_LINE = /[\t\n\r\u0085\u2028\u2029\u200e\u200f]/;

/** Text that is not free of unsafe characters, with the reason shown to the user; undefined when fine. */
export function unsafeTextReason(s: string, singleLine: boolean): string | undefined {
  if (CONTROL.test(s)) return '包含不允许的控制字符';
  if (LONE_SURROGATE.test(s)) return '包含无效的字符编码';
  if (BIDI_CONTROL.test(s)) return '包含不允许的文字方向控制字符';
  if (singleLine && NOT_IN_LINE.test(s)) return '不能包含换行、制表符或文字方向标记';
  return undefined;
}

const safeText = (max: number, min: number, singleLine: boolean) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .check((ctx) => {
      const reason = unsafeTextReason(ctx.value, singleLine);
      if (reason) ctx.issues.push({ code: 'custom', message: reason, input: ctx.value });
    });

/**
 * Free text from users that may span lines (descriptions, posts, comments): trimmed, no control
 * characters, no unpaired surrogates, no bidirectional overrides; stored literally and escaped when shown.
 */
export const ZText = (max: number, min = 1) => safeText(max, min, false);

/**
 * One line of text (names, titles, usernames, search words): as `ZText`, and also no line breaks,
 * tabs or direction marks, so a name shows as one line and as what it is.
 */
export const ZLine = (max: number, min = 1) => safeText(max, min, true);

export const ZPage = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  q: ZLine(50, 0).optional(),
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
