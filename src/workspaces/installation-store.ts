// Bolt's InstallationStore on the database: what @slack/oauth's InstallProvider stores after an install and
// fetches (via authorize) for every request from a workspace. Tokens are encrypted before they are written.

import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { encryptToken, type KeyRing } from '../crypto/token-crypto.ts';
import type { Database } from '../db/client.ts';
import {
  findActiveInstallation,
  type InstallationLookup,
  installationIdOf,
  markRevoked,
  upsertInstallation,
} from '../db/repositories/installations.ts';
import { endPauses } from '../db/repositories/token-pauses.ts';
import { teamsOfEnterprise } from '../db/repositories/users.ts';
import type { InstallationRow } from '../db/schema/index.ts';
import { decryptCounted } from './key-check.ts';

/** Nothing usable is stored for the query: never installed, or revoked (uninstalled, token revoked). */
export class InstallationNotFoundError extends Error {}

/** An install the bot cannot run on (no bot token, no team or enterprise id, OAuth v1). */
export class UnusableInstallationError extends Error {}

export interface InstallationStoreHooks {
  /** After a (re)install: the workspaces whose token changed. */
  onInstalled?: (teamIds: string[]) => void;
}

export class DatabaseInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Database,
    private readonly keys: KeyRing,
    private readonly hooks: InstallationStoreHooks = {},
  ) {}

  /**
   * Stores an install, or updates the row on a reinstall (clearing any revocation). Org-wide installs are
   * stored by enterprise id, others by team id. User tokens are never stored: the bot requests no user scopes.
   */
  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    await this.store(installation);
  }

  /** Same as storeInstallation, telling whether the row is new (a first install) or updated (a reinstall). */
  async store(installation: Installation<'v1' | 'v2', boolean>): Promise<{ id: string; created: boolean }> {
    if (installation.authVersion === 'v1') {
      throw new UnusableInstallationError('OAuth v1 installs are not supported (classic apps)');
    }
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const id = installationIdOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall,
    });
    if (!id) {
      throw new UnusableInstallationError(
        isEnterpriseInstall ? 'an org-wide install without an enterprise id' : 'an install without a team id',
      );
    }
    const { bot } = installation;
    if (!bot?.token || !bot.id || !bot.userId) {
      throw new UnusableInstallationError(
        `install ${id} carries no bot token: the bot scopes were not granted`,
      );
    }
    const { created } = await upsertInstallation(this.db, {
      id,
      teamId: isEnterpriseInstall ? null : (installation.team?.id ?? null),
      teamName: isEnterpriseInstall ? null : (installation.team?.name ?? null),
      enterpriseId: installation.enterprise?.id ?? null,
      enterpriseName: installation.enterprise?.name ?? null,
      enterpriseUrl: installation.enterpriseUrl ?? null,
      isEnterpriseInstall,
      appId: installation.appId ?? null,
      botToken: encryptToken(this.keys, bot.token, id),
      botId: bot.id,
      botUserId: bot.userId,
      botScopes: bot.scopes ?? [],
      botRefreshToken: bot.refreshToken ? encryptToken(this.keys, bot.refreshToken, id) : null,
      botTokenExpiresAt: bot.expiresAt !== undefined ? new Date(bot.expiresAt * 1000) : null,
      installerUserId: installation.user.id,
    });
    // A reinstall brings the workspace back: its deliveries resume (an uninstall paused them).
    const teams = isEnterpriseInstall ? await teamsOfEnterprise(this.db, id) : [installation.team?.id ?? id];
    await endPauses(this.db, teams);
    this.hooks.onInstalled?.(teams);
    return { id, created };
  }

  /**
   * Bolt's contract: an org-wide install (`isEnterpriseInstall`) by enterprise id, any other by team id.
   * A revoked installation is never returned: its token is dead, and nothing may act for that workspace.
   */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const id = installationIdOf(query);
    if (!id) throw new InstallationNotFoundError(`no installation id in the query ${describe(query)}`);
    const row = await findActiveInstallation(this.db, id);
    // Team and enterprise ids share the key column: a workspace lookup never returns an org-wide install.
    if (!row || row.isEnterpriseInstall !== (query.isEnterpriseInstall === true)) {
      throw new InstallationNotFoundError(`no active installation for ${id}`);
    }
    return this.toInstallation(row);
  }

  /**
   * Marks the installation revoked rather than deleting it: its workspace's data is kept for 30 days in case
   * it reinstalls (db/repositories/installations.ts). A query naming a user concerns a user token, which is
   * never stored, so there is nothing to do.
   */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.userId) return;
    await this.revoke(query);
  }

  /** `app_uninstalled` / `tokens_revoked`: true for the one call that revoked it. */
  async revoke(lookup: InstallationLookup, when?: Date): Promise<boolean> {
    const id = installationIdOf(lookup);
    if (!id) throw new InstallationNotFoundError(`no installation id in ${describe(lookup)}`);
    return (await markRevoked(this.db, id, when)) !== undefined;
  }

  private toInstallation(row: InstallationRow): Installation<'v2', boolean> {
    const bot: NonNullable<Installation['bot']> = {
      token: decryptCounted(this.keys, row.botToken, row.id),
      scopes: row.botScopes,
      id: row.botId,
      userId: row.botUserId,
    };
    if (row.botRefreshToken) bot.refreshToken = decryptCounted(this.keys, row.botRefreshToken, row.id);
    if (row.botTokenExpiresAt) bot.expiresAt = Math.floor(row.botTokenExpiresAt.getTime() / 1000);
    const installation: Installation<'v2', boolean> = {
      team: row.teamId ? { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) } : undefined,
      enterprise: row.enterpriseId
        ? { id: row.enterpriseId, ...(row.enterpriseName ? { name: row.enterpriseName } : {}) }
        : undefined,
      user: { id: row.installerUserId, token: undefined, scopes: undefined },
      bot,
      tokenType: 'bot',
      isEnterpriseInstall: row.isEnterpriseInstall,
      authVersion: 'v2',
    };
    if (row.appId) installation.appId = row.appId;
    if (row.enterpriseUrl) installation.enterpriseUrl = row.enterpriseUrl;
    return installation;
  }
}

function describe(q: InstallationLookup): string {
  return JSON.stringify({
    teamId: q.teamId,
    enterpriseId: q.enterpriseId,
    isEnterpriseInstall: q.isEnterpriseInstall,
  });
}
