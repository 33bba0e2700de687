// A wrong or missing INSTALLATION_KEY used to fail quietly: every request got 401 ("no active installation"),
// /healthz stayed 200 and the scheduler retried forever. These make it loud: a decrypt failure is counted
// (metric, /healthz), and start-up refuses to go on when no stored token of some key id decrypts.

import { decryptToken, type KeyRing, TokenDecryptError } from '../crypto/token-crypto.ts';
import type { Database } from '../db/client.ts';
import { sampleTokensPerKey } from '../db/repositories/installation-tokens.ts';
import { recordDecryptFailure } from '../metrics/index.ts';

/** INSTALLATION_KEY cannot read the stored tokens: the bot must not start (the message names the key id). */
export class InstallationKeyError extends Error {}

let failures = 0;

/** `decryptToken`, with each failure counted for /healthz and the metrics. */
export function decryptCounted(ring: KeyRing, stored: string, context: string): string {
  try {
    return decryptToken(ring, stored, context);
  } catch (err) {
    if (err instanceof TokenDecryptError) {
      failures += 1;
      recordDecryptFailure();
    }
    throw err;
  }
}

/** Tokens that failed to decrypt in this process since it started. */
export const decryptFailureCount = (): number => failures;

/**
 * Decrypts up to three active installations' tokens per key id they name. Throws InstallationKeyError naming
 * the first key id none of whose tokens decrypts: a key missing from INSTALLATION_KEY, or a wrong key under
 * the right id. One bad row of an id whose others decrypt is that row's problem (it is reported when used).
 */
export async function checkInstallationKeys(db: Database, keys: KeyRing): Promise<void> {
  const byKey = new Map<string, { ok: boolean; reason?: string }>();
  for (const row of await sampleTokensPerKey(db)) {
    const seen = byKey.get(row.keyId);
    if (seen?.ok) continue;
    try {
      decryptCounted(keys, row.botToken, row.id);
      byKey.set(row.keyId, { ok: true });
    } catch (err) {
      byKey.set(row.keyId, { ok: false, reason: (err as Error).message });
    }
  }
  for (const [keyId, { ok, reason }] of byKey) {
    if (!ok) {
      throw new InstallationKeyError(
        `INSTALLATION_KEY cannot decrypt any stored bot token under key id "${keyId || '(none)'}" (${reason}): ` +
          `put that key back in INSTALLATION_KEY (after the current one); refusing to start`,
      );
    }
  }
}
