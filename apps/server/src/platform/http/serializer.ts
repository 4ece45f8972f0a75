import { serializerCompiler } from 'fastify-type-provider-zod';

type Compile = typeof serializerCompiler;

/**
 * Fastify's response serializer: the route's zod schema (an allow-list: keys it does not name are
 * dropped), then JSON. An answer many requests share — the same frozen object, kept by a read
 * model's cache (`deepFreeze`) — is serialized once per route and kept beside the object for as
 * long as the object lives: validating and writing a class roster was ~15 % of a cached read's CPU.
 * Only frozen objects are kept, so one cannot change after its text was made.
 */
export const sharingSerializerCompiler: Compile = (route) => {
  const serialize = serializerCompiler(route);
  const texts = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || !Object.isFrozen(data)) return serialize(data);
    let text = texts.get(data);
    if (text === undefined) {
      text = serialize(data);
      texts.set(data, text);
    }
    return text;
  };
};

/** Freezes `value` and everything it holds, for a read model shared by many requests. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
