import { type SQL, sql } from 'drizzle-orm';

/** How many items a home-page list carries; the page links to the full list. */
const SHOWN = 5;

export type UnreadMessages = {
  count: number;
  items: { id: string; kind: string; title: string; body: string; link: string | null; at: string }[];
};

/**
 * A person's unread messages as one json value `{ count, items }` (the latest five), leaving out
 * the kinds a home page shows in sections of their own (a class notice, an answer), so nothing is
 * listed twice. A fragment for the portal's one-statement home read: fixed text, values bound.
 */
export function unreadMessages(personId: string, exceptKinds: readonly string[]): SQL {
  return sql`(select json_build_object('count', count(*)::int,
      'items', coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'title', n.title, 'body', left(n.body, 120),
                                                   'link', n.link, 'at', n.created_at) order by n.created_at desc)
                          filter (where n.rn <= ${SHOWN}), '[]'))
      from (select n.*, row_number() over (order by n.created_at desc) as rn from notification n
             where n.person_id = ${personId} and n.read_at is null
               and n.kind <> all(string_to_array(${exceptKinds.join(',')}, ','))) n)`;
}
