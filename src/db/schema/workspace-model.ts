import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';
import { drills } from './drills.ts';

/**
 * A workspace's choice about the extra model-backed coaching (`/star model on|off`, admins only). No row:
 * off. The operator's variables (COACH_MODEL_URL, COACH_MODEL) must be set too. Deleted with the workspace
 * by the purge.
 */
export const workspaceModel = pgTable('workspace_model', {
  /** The workspace (team) id. */
  teamId: text('team_id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  /** The admin who last turned it on or off. */
  changedBy: text('changed_by').notNull(),
  changedAt: instant('changed_at').notNull().defaultNow(),
});

export type WorkspaceModel = typeof workspaceModel.$inferSelect;

/**
 * A follow-up question the model asked about a drill's answer (grounded in it), kept so its "Practise this
 * follow-up" button opens the question and the answer is stored with it. Numbered after the guide's
 * follow-ups of the topic (4, 5, ...), as follow_up_answers numbers them. Deleted with the drill.
 */
export const modelFollowUps = pgTable(
  'model_follow_ups',
  {
    id: serial('id').primaryKey(),
    drillId: integer('drill_id')
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    number: smallint('number').notNull(),
    questionText: text('question_text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('model_follow_ups_drill_number_uq').on(t.drillId, t.number),
    // follow_up_answers.number is 1-20; the guide's own follow-ups come first.
    check('model_follow_ups_number_check', sql`${t.number} between 2 and 20`),
  ],
);

export type ModelFollowUp = typeof modelFollowUps.$inferSelect;
