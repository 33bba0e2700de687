// The stored (encrypted) bot tokens, for key rotation and the start-up key check (workspaces/rekey.ts,
// workspaces/key-check.ts).

import { and, eq, gt, isNotNull, isNull, not, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { installations } from '../schema/index.ts';

export interface StoredTokens {
  id: string;
  botToken: string;
  botRefreshToken: string | null;
}

/**
 * Installations with a token not encrypted under `keyId` (key rotation), by id, a page after `after`. The key
 * id is compared exactly (`starts_with`, not LIKE: an id may contain `_`, which LIKE reads as any character, so
 * rotating from `prod-1` to `prod_1` would find nothing to rewrite).
 */
export async function installationsNotUnderKey(
  db: Database,
  keyId: string,
  page: { after?: string; limit?: number } = {},
): Promise<StoredTokens[]> {
  const prefix = `v1:${keyId}:`;
  return db
    .select({
      id: installations.id,
      botToken: installations.botToken,
      botRefreshToken: installations.botRefreshToken,
    })
    .from(installations)
    .where(
      and(
        page.after === undefined ? undefined : gt(installations.id, page.after),
        or(
          not(sql`starts_with(${installations.botToken}, ${prefix})`),
          and(
            isNotNull(installations.botRefreshToken),
            not(sql`starts_with(${installations.botRefreshToken}, ${prefix})`),
          ),
        ),
      ),
    )
    .orderBy(installations.id)
    .limit(page.limit ?? 500);
}

/** Every installation's stored tokens, by id, a page after `after` (verifying a rotation). */
export async function storedTokens(
  db: Database,
  page: { after?: string; limit?: number } = {},
): Promise<StoredTokens[]> {
  return db
    .select({
      id: installations.id,
      botToken: installations.botToken,
      botRefreshToken: installations.botRefreshToken,
    })
    .from(installations)
    .where(page.after === undefined ? undefined : gt(installations.id, page.after))
    .orderBy(installations.id)
    .limit(page.limit ?? 500);
}

/**
 * Up to `perKey` active installations per key id their token names (the most recently written first): what
 * the start-up check decrypts to find out whether INSTALLATION_KEY is the right one.
 */
export async function sampleTokensPerKey(
  db: Database,
  perKey = 3,
): Promise<Array<StoredTokens & { keyId: string }>> {
  const result = (await db.execute(sql`
    select id, "botToken", "botRefreshToken", "keyId" from (
      select id, bot_token as "botToken", bot_refresh_token as "botRefreshToken",
        split_part(bot_token, ':', 2) as "keyId",
        row_number() over (partition by split_part(bot_token, ':', 2) order by updated_at desc, id) as n
      from ${installations} where revoked_at is null
    ) t where n <= ${perKey} order by "keyId", n`)) as unknown as {
    rows: Array<StoredTokens & { keyId: string }>;
  };
  return result.rows;
}

/**
 * Rewrites an installation's encrypted tokens (key rotation), only if they are still the values read: a
 * reinstall in between wrote fresh ones, which are kept. True when rewritten.
 */
export async function replaceEncryptedTokens(
  db: Database,
  read: StoredTokens,
  next: { botToken: string; botRefreshToken: string | null },
): Promise<boolean> {
  const rows = await db
    .update(installations)
    .set(next)
    .where(
      and(
        eq(installations.id, read.id),
        eq(installations.botToken, read.botToken),
        read.botRefreshToken === null
          ? isNull(installations.botRefreshToken)
          : eq(installations.botRefreshToken, read.botRefreshToken),
      ),
    )
    .returning({ id: installations.id });
  return rows.length > 0;
}
