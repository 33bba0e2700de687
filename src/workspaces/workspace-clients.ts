import type { KeyRing } from '../crypto/token-crypto.ts';
import type { Database } from '../db/client.ts';
import { findActiveInstallation } from '../db/repositories/installations.ts';
import type { InstallationRow } from '../db/schema/index.ts';
import { createSlackClients, type SlackClientOptions, type SlackClients } from '../slack-api/clients.ts';
import { decryptCounted } from './key-check.ts';

/** Where a person's workspace is, as stored with them: an org-wide installation is found by enterprise id. */
export interface WorkspaceRef {
  teamId: string;
  enterpriseId?: string | null;
}

/**
 * The Web API clients of each workspace. Every bot token gets its own clients, so a 429 from one workspace
 * pauses only that workspace's calls (a WebClient queues all its calls behind a Retry-After).
 */
export interface WorkspaceClients {
  /** Clients for the token Bolt authorized a request with (the request's workspace). */
  forToken(token: string): SlackClients;
  /**
   * Clients for a workspace the scheduler posts to; undefined when no installation may be used there
   * (never installed, or uninstalled). `fresh` skips the cache (checking a token that was refused).
   */
  forWorkspace(w: WorkspaceRef, options?: { fresh?: boolean }): Promise<SlackClients | undefined>;
  /** A workspace's token changed or died (reinstall, uninstall, a refused token): look it up again. */
  forget(teamId: string): void;
}

type ClientFactory = (token: string) => SlackClients;

/** Single workspace: the one bot token serves every request and every post. */
export function singleWorkspaceClients(clients: SlackClients): WorkspaceClients {
  return {
    forToken: () => clients,
    forWorkspace: async () => clients,
    forget: () => {},
  };
}

/** Tokens whose clients are kept; beyond this the least recently used are dropped (and rebuilt on need). */
const MAX_TOKENS = 1_000;
/** A looked-up installation is reused this long: a tick posting to a workspace reads its token once. */
const LOOKUP_TTL_MS = 60_000;

/**
 * Multi-workspace: tokens come from the installations table (decrypted on lookup), a workspace install by team
 * id, else an org-wide install by the person's enterprise id.
 */
export class InstalledWorkspaceClients implements WorkspaceClients {
  private readonly byToken = new Map<string, SlackClients>();
  private readonly lookups = new Map<string, { at: number; token: Promise<string | undefined> }>();
  private readonly build: ClientFactory;

  constructor(
    private readonly db: Database,
    private readonly keys: KeyRing,
    options: Omit<SlackClientOptions, 'botToken'>,
  ) {
    this.build = (token) => createSlackClients({ ...options, botToken: token });
  }

  forToken(token: string): SlackClients {
    const known = this.byToken.get(token);
    if (known) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
      this.byToken.delete(token);
      this.byToken.set(token, known);
      return known;
    }
    const clients = this.build(token);
    this.byToken.set(token, clients);
    if (this.byToken.size > MAX_TOKENS) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.byToken.delete(oldest);
    }
    return clients;
  }

  async forWorkspace(w: WorkspaceRef, options: { fresh?: boolean } = {}): Promise<SlackClients | undefined> {
    const key = `${w.enterpriseId ?? ''}/${w.teamId}`;
    let entry = this.lookups.get(key);
    if (options.fresh || !entry || performance.now() - entry.at > LOOKUP_TTL_MS) {
      entry = { at: performance.now(), token: this.lookUp(w) };
      this.lookups.set(key, entry);
      // A failed lookup (database down) is not remembered.
      entry.token.catch(() => this.lookups.delete(key));
    }
    const token = await entry.token;
    return token === undefined ? undefined : this.forToken(token);
  }

  forget(teamId: string): void {
    for (const key of this.lookups.keys()) if (key.endsWith(`/${teamId}`)) this.lookups.delete(key);
  }

  private async lookUp(w: WorkspaceRef): Promise<string | undefined> {
    const usable = (row: InstallationRow | undefined, orgWide: boolean) =>
      row && row.isEnterpriseInstall === orgWide ? row : undefined;
    const row =
      usable(await findActiveInstallation(this.db, w.teamId), false) ??
      (w.enterpriseId ? usable(await findActiveInstallation(this.db, w.enterpriseId), true) : undefined);
    return row ? decryptCounted(this.keys, row.botToken, row.id) : undefined;
  }
}
