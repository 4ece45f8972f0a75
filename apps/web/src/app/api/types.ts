import type { paths } from '../../api/schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of a 200 response, straight from the generated OpenAPI types. */
export type ApiData<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'put' | 'delete' = 'get',
> = paths[P][M] extends { responses: { 200: infer R } } ? Json<R> : never;

/** The JSON request body of an operation. */
export type ApiBody<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
