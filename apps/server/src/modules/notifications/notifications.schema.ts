import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, newId } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

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

/** 数据分级分类 (platform/privacy). */
export const notificationInventory = [
  inventory(notifications, {
    description: '站内通知（问题被回答、审核结果、班级通知等）',
    retention: '1 年后删除',
    subjects: ['personId'],
    erasure: 'delete',
    purge: { column: 'createdAt', days: 365 },
    columns: {
      id: NONE,
      personId: personal('general', 'statutory_duty', '向本人送达通知'),
      kind: NONE,
      title: personal('general', 'statutory_duty', '通知内容（可能含他人称呼）'),
      body: personal('general', 'statutory_duty', '通知内容（可能含他人称呼）'),
      link: NONE,
      readAt: personal('general', 'statutory_duty', '已读回执'),
      createdAt: NONE,
    },
  }),
];
