import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, updatedAt } from './columns.ts';

/**
 * The bot installed in a workspace (multi-workspace mode), or org-wide in an Enterprise Grid organization.
 * `id` is what Bolt looks an installation up by: the team id (T...) for a workspace install, the enterprise id
 * (E...) for an org-wide one, so a reinstall updates the same row. Bot tokens are stored encrypted
 * (crypto/token-crypto.ts), never in plain text. Uninstalling marks the row revoked and keeps it, with the
 * workspace's data, until `purge_after` (30 days), unless the workspace reinstalls first.
 */
export const installations = pgTable(
  'installations',
  {
    id: text('id').primaryKey(),
    /** Null for an org-wide install (it covers many workspaces). */
    teamId: text('team_id'),
    teamName: text('team_name'),
    /** Set for any install in an Enterprise Grid organization, org-wide or not. */
    enterpriseId: text('enterprise_id'),
    enterpriseName: text('enterprise_name'),
    /** Org-wide installs: the organization's Slack URL (from auth.test). */
    enterpriseUrl: text('enterprise_url'),
    isEnterpriseInstall: boolean('is_enterprise_install').notNull(),
    appId: text('app_id'),
    /** `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url, AES-256-GCM. */
    botToken: text('bot_token').notNull(),
    botId: text('bot_id').notNull(),
    botUserId: text('bot_user_id').notNull(),
    botScopes: text('bot_scopes').array().notNull(),
    /** Token rotation only (off in manifest.yml): the refresh token, encrypted like the bot token. */
    botRefreshToken: text('bot_refresh_token'),
    botTokenExpiresAt: instant('bot_token_expires_at'),
    /** The Slack user who (re)installed the app. */
    installerUserId: text('installer_user_id').notNull(),
    /** First installed; kept across reinstalls. */
    installedAt: instant('installed_at').notNull().defaultNow(),
    /** Last (re)installed or changed. */
    updatedAt: updatedAt(),
    /** app_uninstalled / tokens_revoked: the token is dead; nothing may use it. Cleared by a reinstall. */
    revokedAt: instant('revoked_at'),
    /** When the workspace's data is deleted if it has not reinstalled: revoked_at + 30 days. */
    purgeAfter: instant('purge_after'),
  },
  (t) => [
    // The key Bolt fetches by must be the one the install is about.
    check(
      'installations_id_check',
      sql`(${t.isEnterpriseInstall} and ${t.id} is not distinct from ${t.enterpriseId}) or (not ${t.isEnterpriseInstall} and ${t.id} is not distinct from ${t.teamId})`,
    ),
    check('installations_revoked_check', sql`(${t.revokedAt} is null) = (${t.purgeAfter} is null)`),
    index('installations_purge_idx').on(t.purgeAfter).where(sql`${t.revokedAt} is not null`),
  ],
);

export type InstallationRow = typeof installations.$inferSelect;
export type NewInstallationRow = typeof installations.$inferInsert;
