import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';

/** A guide's Markdown is at most this many bytes (bank/check-guide.ts GUIDE_LIMITS.maxBytes). */
const MAX_GUIDE_BYTES = 200 * 1024;

/**
 * The guide a workspace drills, one row per change (`/star guide`: an admin's upload, or a reset to the
 * built-in guide), numbered 1, 2, ... per workspace. The highest version is the one in use; `markdown` null
 * means the built-in guide. Old versions are kept (who changed what, when). Drills keep the question text
 * they were asked with, so history does not depend on them. Every replica compares the highest version with
 * the one it has parsed (workspaces/guide-banks.ts), which is how a change reaches them all. Deleted with the
 * workspace by the purge.
 */
export const guideVersions = pgTable(
  'guide_versions',
  {
    teamId: text('team_id').notNull(),
    version: integer('version').notNull(),
    /** The guide as uploaded; null: back to the built-in guide. */
    markdown: text('markdown'),
    /** The guide's "# Title" (the built-in's for a reset), shown by `/star guide`. */
    title: text('title').notNull(),
    topicCount: integer('topic_count').notNull(),
    /** The admin who made the change. */
    setBy: text('set_by').notNull(),
    setAt: instant('set_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'guide_versions_pkey', columns: [t.teamId, t.version] }),
    check('guide_versions_version_check', sql`${t.version} >= 1`),
    check(
      'guide_versions_size_check',
      sql`${t.markdown} is null or octet_length(${t.markdown}) <= ${sql.raw(String(MAX_GUIDE_BYTES))}`,
    ),
  ],
);

export type GuideVersion = typeof guideVersions.$inferSelect;

/**
 * A checked upload waiting for its admin's **Use this guide** (the preview): the text is too long to ride in
 * the modal's private_metadata (3,000 characters). Only a valid guide gets here; a draft is removed when it is
 * used, and drafts older than a day by the next upload of the workspace.
 */
export const guideDrafts = pgTable(
  'guide_drafts',
  {
    id: serial('id').primaryKey(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    markdown: text('markdown').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('guide_drafts_team_idx').on(t.teamId, t.createdAt),
    check('guide_drafts_size_check', sql`octet_length(${t.markdown}) <= ${sql.raw(String(MAX_GUIDE_BYTES))}`),
  ],
);
