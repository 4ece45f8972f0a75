import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, newId } from '../../platform/db/types.ts';

/** A message to one person: a question answered, a resource returned, … Shown in the bell menu. */
export const notifications = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** In-app path to open, e.g. /resources/… */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notification_person_idx').on(t.personId, t.createdAt)],
);
