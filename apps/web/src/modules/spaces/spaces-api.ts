import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type MySpace = ApiData<'/api/spaces/mine'>['items'][number];
export type Space = ApiData<'/api/spaces/{id}'>;
export type Post = ApiData<'/api/spaces/{id}/posts'>['items'][number];
export type PostKind = Post['kind'];
export type NewPost = ApiBody<'/api/spaces/{id}/posts', 'post'>;
export type Usage = ApiData<'/api/spaces/usage'>;
export type Studio = ApiData<'/api/studios'>['items'][number];

export const spaceKeys = {
  all: ['spaces'] as const,
  mine: ['spaces', 'mine'] as const,
  one: (id: string) => ['spaces', 'one', id] as const,
  posts: (id: string, kind?: PostKind) => ['spaces', 'posts', id, kind ?? 'all'] as const,
  collections: (id: string) => ['spaces', 'collections', id] as const,
};

export const useMySpaces = () =>
  useQuery({ queryKey: spaceKeys.mine, queryFn: () => unwrap(api.GET('/api/spaces/mine')) });

export const useSpace = (id: string) =>
  useQuery({
    queryKey: spaceKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/spaces/{id}', { params: { path: { id } } })),
  });

export const usePosts = (id: string, kind?: PostKind) =>
  useQuery({
    queryKey: spaceKeys.posts(id, kind),
    queryFn: () =>
      unwrap(api.GET('/api/spaces/{id}/posts', { params: { path: { id }, query: { kind, limit: 30 } } })),
  });

export const useCollections = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: spaceKeys.collections(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/spaces/{id}/collections', { params: { path: { id } } })),
  });

export const useStudios = () =>
  useQuery({ queryKey: ['spaces', 'studios'], queryFn: () => unwrap(api.GET('/api/studios')) });

export const useUsage = () =>
  useQuery({ queryKey: ['spaces', 'usage'], queryFn: () => unwrap(api.GET('/api/spaces/usage')) });

export const attachmentUrl = (postId: string, fileId: string) =>
  `/api/space-posts/${encodeURIComponent(postId)}/files/${encodeURIComponent(fileId)}`;

/** Attaches one file to a post; the server sniffs its real type. */
export async function attachFile(postId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/space-posts/{id}/files', {
      params: { path: { id: postId } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}
