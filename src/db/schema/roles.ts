import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ROLE_LIMITS } from '../../drills/role-input.ts';
import { createdAt, updatedAt } from './columns.ts';
import { personForeignKey } from './users.ts';

/**
 * The role a person is preparing for (`/star role`): at most one per person, replaced when set again and
 * deleted by `/star role off`, `/star delete` and the workspace purge (it hangs from the user row). The
 * description is kept as pasted; its requirements are read from it when needed (drills/role-requirements.ts).
 */
export const roles = pgTable(
  'roles',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    title: text('title').notNull(),
    company: text('company'),
    description: text('description').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'roles_pkey', columns: [t.teamId, t.userId] }),
    personForeignKey('roles_user_fk', t),
    check(
      'roles_lengths_check',
      sql`char_length(${t.title}) between 1 and ${sql.raw(String(ROLE_LIMITS.title))} and char_length(coalesce(${t.company}, '')) <= ${sql.raw(String(ROLE_LIMITS.company))} and char_length(${t.description}) between 1 and ${sql.raw(String(ROLE_LIMITS.description))}`,
    ),
  ],
);

export type Role = typeof roles.$inferSelect;
