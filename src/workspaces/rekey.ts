// Key rotation's second half: rewrite every stored token under INSTALLATION_KEY's current key, so the old key
// can be dropped. Safe while the bot runs: a row a reinstall rewrote in the meantime is left as it is.

import { decryptToken, encryptToken, type KeyRing } from '../crypto/token-crypto.ts';
import type { Database } from '../db/client.ts';
import {
  installationsNotUnderKey,
  replaceEncryptedTokens,
  storedTokens,
} from '../db/repositories/installation-tokens.ts';

export interface RekeyReport {
  /** Rows rewritten under the current key. */
  rewritten: number;
  /** Rows that changed under us (a reinstall wrote them with the current key already). */
  skipped: number;
  /** Rows that could not be decrypted with any key held: their workspaces must reinstall. */
  failed: Array<{ id: string; reason: string }>;
}

export async function rekeyInstallations(db: Database, keys: KeyRing, pageSize = 500): Promise<RekeyReport> {
  const report: RekeyReport = { rewritten: 0, skipped: 0, failed: [] };
  let after: string | undefined;
  for (;;) {
    const page = await installationsNotUnderKey(db, keys.current.id, { after, limit: pageSize });
    if (page.length === 0) return report;
    for (const read of page) {
      after = read.id;
      let next: { botToken: string; botRefreshToken: string | null };
      try {
        const reencrypt = (stored: string) =>
          encryptToken(keys, decryptToken(keys, stored, read.id), read.id);
        next = {
          botToken: reencrypt(read.botToken),
          botRefreshToken: read.botRefreshToken === null ? null : reencrypt(read.botRefreshToken),
        };
      } catch (err) {
        report.failed.push({ id: read.id, reason: (err as Error).message });
        continue;
      }
      if (await replaceEncryptedTokens(db, read, next)) report.rewritten += 1;
      else report.skipped += 1;
    }
  }
}

/**
 * After rekeying: the installations whose tokens do NOT decrypt with the current key alone. Only when this is
 * empty may the old keys be removed; the rewrite's own count cannot prove it (a row it never found is not
 * counted anywhere).
 */
export async function notReadableWithCurrentKeyOnly(
  db: Database,
  keys: KeyRing,
  pageSize = 500,
): Promise<Array<{ id: string; reason: string }>> {
  const currentOnly: KeyRing = { current: keys.current, byId: new Map([[keys.current.id, keys.current]]) };
  const unreadable: Array<{ id: string; reason: string }> = [];
  let after: string | undefined;
  for (;;) {
    const page = await storedTokens(db, { after, limit: pageSize });
    if (page.length === 0) return unreadable;
    for (const row of page) {
      after = row.id;
      try {
        decryptToken(currentOnly, row.botToken, row.id);
        if (row.botRefreshToken !== null) decryptToken(currentOnly, row.botRefreshToken, row.id);
      } catch (err) {
        unreadable.push({ id: row.id, reason: (err as Error).message });
      }
    }
  }
}
