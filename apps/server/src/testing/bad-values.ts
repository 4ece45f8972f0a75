/**
 * Material of the property-based bad-input test (`platform/http/bad-input.test.ts`): well-formed
 * requests derived from each route's own Zod schema, and fast-check arbitraries of bad values to put
 * into one field of them at a time.
 */
import fc from 'fast-check';
import { type ZodType, z } from 'zod';

type Json = Record<string, unknown>;

/** A route's request schema as JSON Schema (what the OpenAPI document shows). */
export const jsonSchemaOf = (schema: ZodType): Json =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;

/** Values tried, in order, for a string field without an enum or a format; the first that fits wins. */
const STRINGS = ['测试', '14', '1', '01', '001', 'X-1', 'abc', 'gender', 'students', '440104201503020016'];

const fits = (s: string, j: Json) =>
  s.length >= ((j.minLength as number | undefined) ?? 0) &&
  s.length <= ((j.maxLength as number | undefined) ?? Number.POSITIVE_INFINITY) &&
  (typeof j.pattern !== 'string' || new RegExp(j.pattern, 'u').test(s));

/**
 * A valid-looking value for a JSON Schema: the first enum value, a real id for an id, a date for a
 * date, the smallest number allowed… Only required object properties are filled, so defaults apply.
 * `idFor` names the id to use for a property name (a class for `classId`, and so on).
 */
export function sampleOf(j: Json, name: string, idFor: (name: string) => string): unknown {
  if ('const' in j) return j.const;
  if (Array.isArray(j.enum)) return j.enum[0];
  if (Array.isArray(j.anyOf)) {
    const options = (j.anyOf as Json[]).filter((o) => o.type !== 'null');
    return sampleOf(options[0] ?? {}, name, idFor);
  }
  switch (j.type) {
    case 'object': {
      const props = (j.properties ?? {}) as Record<string, Json>;
      const out: Record<string, unknown> = {};
      for (const key of (j.required ?? []) as string[]) out[key] = sampleOf(props[key] ?? {}, key, idFor);
      return out;
    }
    case 'array': {
      const min = (j.minItems as number | undefined) ?? 0;
      return Array.from({ length: min }, () => sampleOf((j.items ?? {}) as Json, name, idFor));
    }
    case 'integer':
    case 'number': {
      const min = (j.minimum as number | undefined) ?? (j.exclusiveMinimum as number | undefined) ?? 0;
      const max = (j.maximum as number | undefined) ?? Number.POSITIVE_INFINITY;
      return Math.min(Math.max(Math.ceil(min), 1), max);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (j.format === 'uuid') return idFor(name);
      if (j.format === 'date-time') return '2026-03-01T08:00:00.000Z';
      if (j.format === 'date') return '2015-03-02';
      return STRINGS.find((s) => fits(s, j)) ?? 'a'.repeat(Math.max(1, (j.minLength as number) ?? 1));
    }
    default:
      return '测试';
  }
}

/** Strings no field may hold anywhere: refused whatever the field's own schema says. */
export const UNSTORABLE = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff'];
/** Characters a single-line field must refuse and a multi-line one may hold (line breaks). */
const LINE_BREAKING = ['\n', '\r\n', '\r', '\t', '\u0085', '\u2028', '\u2029', '\u200e', '\u200f'];
/** Direction overrides and isolates (refused in every text field), and controls. */
const BIDI_AND_CONTROL = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u009b',
];
/** Unicode that is valid but unusual: for fields that accept it, it must be stored or searched without a crash. */
const WEIRD = [
  '\ufeff',
  '\uffff',
  '\ufffe',
  '\u{10ffff}',
  '\u{e0001}',
  'e\u0301\u0301\u0301',
  '😀👨‍👩‍👧',
  'Ａ１',
  'ǅ',
  'ﷺ',
  '%',
  "'",
  '"',
  '\\',
  '<script>',
  '\u0024{1}',
  '..%2f',
  '%00',
];

const around = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 8 }), s, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c);

/** An object or array nested `depth` levels deep. */
const nested = (depth: number, arrays: boolean): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
};

/**
 * Bad values of every kind the review tried: NUL and lone surrogates, line breaks and bidi
 * overrides, huge strings, wrong types, deep nesting, numbers out of range and unusual Unicode.
 */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  around(fc.constantFrom(...UNSTORABLE)),
  around(fc.constantFrom(...LINE_BREAKING, ...BIDI_AND_CONTROL)),
  fc.constantFrom(...WEIRD),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom(101, 5_000, 70_000, 300_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    '',
    ' ',
    0,
    -1,
    [],
    {},
    ['a', 'b'],
    { a: 1 },
    '[object Object]',
  ),
  fc.integer({ min: 20, max: 3_000 }).chain((d) => fc.boolean().map((arrays) => nested(d, arrays))),
  fc.constantFrom(
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    -1e308,
    1.5,
    0.1 + 0.2,
    -0,
    1e-320,
  ),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

/** Whether a value holds unstorable text anywhere (strings and keys); iterative, for deep values. */
export function holdsUnstorable(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string' && /[\u0000\p{Cs}]/u.test(v)) return true;
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push(k, x);
    }
  }
  return false;
}

/**
 * Percent-encodes a string as its UTF-16 units would be written as WTF-8, so lone surrogates reach
 * the server as the bytes an attacker would send (encodeURIComponent refuses them).
 */
export function encodeRaw(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

/** How a value travels in a path or query string: text as it is, anything else as JSON. */
export const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
