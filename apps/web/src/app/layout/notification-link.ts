/**
 * A message's link and the role it is to be opened in: the server adds `?as=<role assignment>` to
 * messages a person acts on in one particular role (a teacher told, as a member of the school's
 * expert group, that a resource awaits review). The rest of the link is kept as it is.
 */
export function actingAs(link: string): { to: string; as: string | null } {
  const url = new URL(link, 'http://x');
  const as = url.searchParams.get('as');
  url.searchParams.delete('as');
  return { to: `${url.pathname}${url.search}${url.hash}`, as };
}
