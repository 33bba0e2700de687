/**
 * The id of the key a stored bot token was encrypted under, read from the stored form `v1:<key id>:...`
 * (src/crypto/token-crypto.ts), or undefined when the value is not an encrypted token: how a test checks which
 * key a row is under without decrypting it.
 */
export function keyIdOf(stored: string): string | undefined {
  const parts = stored.split(':');
  return parts.length === 5 && parts[0] === 'v1' ? parts[1] : undefined;
}
