import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deepFreeze, sharingSerializerCompiler } from './serializer.ts';

/** How many times the schema checked an answer. */
let checks = 0;
const schema = z
  .object({ name: z.string(), pupils: z.array(z.object({ name: z.string() })) })
  .refine(() => ++checks > 0);
const compile = () =>
  sharingSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (
    data: unknown,
  ) => string;

describe('response serializer', () => {
  it('drops the keys the schema does not name, shared answer or not', () => {
    const serialize = compile();
    const answer = { name: '三年级（2）班', secret: 'x', pupils: [{ name: '王小明', idNumber: '1' }] };
    const expected = '{"name":"三年级（2）班","pupils":[{"name":"王小明"}]}';
    expect(serialize(answer)).toBe(expected);
    expect(serialize(deepFreeze(answer))).toBe(expected);
  });

  it('writes a frozen answer once and an unfrozen one on every call, so a change shows', () => {
    const serialize = compile();
    const shared = deepFreeze({ name: 'a', pupils: [{ name: 'b' }] });
    const before = checks;
    const first = serialize(shared);
    expect(serialize(shared)).toBe(first);
    expect(checks - before).toBe(1);
    expect(() => {
      (shared.pupils as { name: string }[]).push({ name: 'c' });
    }).toThrow(TypeError);
    const own = { name: 'a', pupils: [{ name: 'b' }] };
    serialize(own);
    own.pupils.push({ name: 'c' });
    expect(serialize(own)).toBe('{"name":"a","pupils":[{"name":"b"},{"name":"c"}]}');
    expect(checks - before).toBe(3);
  });

  it('refuses an answer that does not fit its schema, frozen or not', () => {
    const serialize = compile();
    expect(() => serialize(deepFreeze({ name: 1, pupils: [] }))).toThrow();
  });
});
