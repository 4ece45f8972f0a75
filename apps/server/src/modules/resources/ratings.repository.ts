import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/** The stars a person gave a resource; undefined when they have not rated it. */
export async function findStars(tx: Tx, resourceId: string, personId: string): Promise<number | undefined> {
  const before = await tx.execute<{ stars: number }>(sql`
    select stars from resource_rating where resource_id = ${resourceId} and person_id = ${personId}`);
  return before.rows[0]?.stars;
}

/** Rates, or replaces the person's earlier rating. */
export async function upsertRating(
  tx: Tx,
  r: { resourceId: string; personId: string; stars: number; comment: string },
): Promise<void> {
  await tx.execute(sql`
    insert into resource_rating (resource_id, person_id, stars, comment) values (${r.resourceId}, ${r.personId}, ${r.stars}, ${r.comment})
    on conflict (resource_id, person_id) do update set stars = excluded.stars, comment = excluded.comment, updated_at = now()`);
}

/** Moves the rating totals by a difference: `count` new ratings, `sum` more stars (a first rating inserts). */
export async function addToRatingTotals(
  tx: Tx,
  resourceId: string,
  d: { first: number; count: number; sum: number },
): Promise<void> {
  await tx.execute(sql`
    insert into resource_stat (resource_id, rating_count, rating_sum) values (${resourceId}, 1, ${d.first})
    on conflict (resource_id) do update set rating_count = resource_stat.rating_count + ${d.count},
                                            rating_sum = resource_stat.rating_sum + ${d.sum}`);
}

/** Rating count, average (one decimal) and views of a resource; zeros when it has none. */
export async function findRatingTotals(tx: Tx, resourceId: string) {
  const stat = await tx.execute<{ count: number; average: number | null; views: number }>(sql`
    select coalesce(rating_count, 0) as count, case when rating_count > 0 then round(rating_sum::numeric / rating_count, 1)::float8 end as average,
           coalesce(views, 0) as views
      from (select ${resourceId}::uuid as id) x left join resource_stat s on s.resource_id = x.id`);
  return stat.rows[0]!;
}

export type RatingRow = {
  personId: string;
  name: string;
  /** Whether the rater holds a staff role (their name is shown in full to everyone). */
  staff: boolean;
  stars: number;
  comment: string;
  at: string;
};

/** The latest 50 ratings of a resource. */
export async function listRatings(tx: Tx, resourceId: string): Promise<RatingRow[]> {
  const rows = await tx.execute<RatingRow>(sql`
    select rr.person_id as "personId", p.name, p.staff,
           rr.stars, rr.comment, rr.updated_at as at
      from resource_rating rr join person_directory p on p.id = rr.person_id
     where rr.resource_id = ${resourceId} order by rr.updated_at desc limit 50`);
  return rows.rows;
}
