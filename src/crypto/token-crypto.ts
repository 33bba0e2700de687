// Bot tokens at rest: AES-256-GCM under a key from INSTALLATION_KEY, with the key's id in the stored value so
// that keys can be rotated (old values stay readable under an old key while new writes use the current one).
// Pure: no database, no Slack, no environment.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key and the id that stored values name it by. */
export interface InstallationKey {
  id: string;
  key: Buffer;
}

/** The keys of INSTALLATION_KEY: the first encrypts; every one of them decrypts what names it. */
export interface KeyRing {
  current: InstallationKey;
  byId: ReadonlyMap<string, InstallationKey>;
}

/** INSTALLATION_KEY's text is unusable; the message says what is wrong, never a key's value. */
export class KeyFormatError extends Error {}

/** A stored value that cannot be decrypted: tampered, truncated, or under a key not in INSTALLATION_KEY. */
export class TokenDecryptError extends Error {}

const VERSION = 'v1';
const KEY_BYTES = 32;
/** GCM's recommended nonce length: 96 bits, random per value. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Parses `id:base64key[,id:base64key...]`: comma-separated entries, the first one current. Each key is 32
 * random bytes in base64 (standard or URL-safe), e.g. `openssl rand -base64 32`; each id is 1-32 letters,
 * digits, `_` or `-`, and unique.
 */
export function parseInstallationKeys(text: string): KeyRing {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new KeyFormatError('must hold at least one key, as id:base64key');
  const byId = new Map<string, InstallationKey>();
  const keys: InstallationKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const where = `entry ${index + 1}`;
    if (colon === -1) throw new KeyFormatError(`${where} must be id:base64key (no ":" found)`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      throw new KeyFormatError(`${where} has an id that is not 1-32 letters, digits, "_" or "-"`);
    }
    if (byId.has(id)) throw new KeyFormatError(`key id "${id}" appears twice`);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new KeyFormatError(
        `key "${id}" must be ${KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32), got ${key.length} bytes`,
      );
    }
    const k = { id, key };
    byId.set(id, k);
    keys.push(k);
  }
  return { current: keys[0] as InstallationKey, byId };
}

/**
 * `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url, under the current key. `context` (the installation's id)
 * is authenticated too, so a value copied onto another installation's row fails to decrypt there.
 */
export function encryptToken(ring: KeyRing, plaintext: string, context: string): string {
  const { id, key } = ring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(id, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    id,
    iv.toString('base64url'),
    tag.toString('base64url'),
    ciphertext.toString('base64url'),
  ].join(':');
}

/** The plaintext of a value `encryptToken` wrote with the same context; throws TokenDecryptError otherwise. */
export function decryptToken(ring: KeyRing, stored: string, context: string): string {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new TokenDecryptError(`not an encrypted token (expected ${VERSION}:keyId:iv:tag:ciphertext)`);
  }
  const [, id = '', ivText = '', tagText = '', ciphertextText = ''] = parts;
  const entry = ring.byId.get(id);
  if (!entry) {
    throw new TokenDecryptError(
      `encrypted under key "${id}", which INSTALLATION_KEY does not hold (add it back after the current key)`,
    );
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  const ciphertext = Buffer.from(ciphertextText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenDecryptError('malformed encrypted token (bad iv or tag length)');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(id, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // GCM's check failed: the value, its context or the key is not the one it was written with.
    throw new TokenDecryptError(
      `encrypted token failed authentication under key "${id}" (tampered or misplaced)`,
    );
  }
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}
