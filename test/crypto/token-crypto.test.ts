import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptToken,
  encryptToken,
  KeyFormatError,
  parseInstallationKeys,
  TokenDecryptError,
} from '../../src/crypto/token-crypto.ts';
import { keyIdOf } from '../support/stored-token.ts';

const key = () => randomBytes(32).toString('base64');
const K1 = key();
const K2 = key();
const TOKEN = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';

describe('parseInstallationKeys', () => {
  it('reads id:base64key entries, the first one current, standard or URL-safe base64, spaces ignored', () => {
    const urlSafe = randomBytes(32).toString('base64url');
    const ring = parseInstallationKeys(` k2:${K2} , k1:${K1},old_1:${urlSafe}`);
    expect(ring.current.id).toBe('k2');
    expect([...ring.byId.keys()]).toEqual(['k2', 'k1', 'old_1']);
    expect(ring.byId.get('k1')?.key).toEqual(Buffer.from(K1, 'base64'));
    expect(ring.byId.get('old_1')?.key).toEqual(Buffer.from(urlSafe, 'base64url'));
  });

  it.each([
    ['', /at least one key/],
    [' , ', /at least one key/],
    [K1, /entry 1 must be id:base64key/],
    [`:${K1}`, /entry 1 has an id that is not/],
    [`k 1:${K1}`, /entry 1 has an id that is not/],
    [`${'k'.repeat(33)}:${K1}`, /entry 1 has an id/],
    [`k1:${K1},k1:${K2}`, /key id "k1" appears twice/],
    ['k1:short', /key "k1" must be 32 bytes in base64.*got 3 bytes/],
    [`k1:${randomBytes(16).toString('base64')}`, /got 16 bytes/],
    [`k1:${randomBytes(33).toString('base64')}`, /got 33 bytes/],
    [`k1:${K1.slice(0, 20)}!!${K1.slice(22)}`, /must be 32 bytes/],
    [`k1:${K1},k2:nope`, /key "k2" must be 32 bytes/],
  ])('refuses %j', (text, message) => {
    expect(() => parseInstallationKeys(text)).toThrow(KeyFormatError);
    expect(() => parseInstallationKeys(text)).toThrow(message);
  });

  it('never puts a key in its messages', () => {
    const secret = randomBytes(31).toString('base64');
    try {
      parseInstallationKeys(`k1:${secret}`);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });
});

describe('encryptToken / decryptToken', () => {
  const ring = parseInstallationKeys(`k1:${K1}`);

  it('round-trips, in the documented format, with a fresh IV each time', () => {
    const a = encryptToken(ring, TOKEN, 'T1');
    const b = encryptToken(ring, TOKEN, 'T1');
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 12));
    expect(decryptToken(ring, a, 'T1')).toBe(TOKEN);
    expect(decryptToken(ring, b, 'T1')).toBe(TOKEN);
    expect(keyIdOf(a)).toBe('k1');
    expect(keyIdOf(TOKEN)).toBeUndefined();
  });

  it('round-trips any text, empty and non-ASCII included', () => {
    for (const text of ['', 'é✓🙂', 'x'.repeat(5000)]) {
      expect(decryptToken(ring, encryptToken(ring, text, 'E1'), 'E1')).toBe(text);
    }
  });

  it('refuses a tampered value, byte by byte, never returning garbage', () => {
    const stored = encryptToken(ring, TOKEN, 'T1');
    const [v, id, iv, tag, ct] = stored.split(':') as [string, string, string, string, string];
    const flip = (b64: string, i: number) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[i % bytes.length] = (bytes[i % bytes.length] ?? 0) ^ 0x01;
      return bytes.toString('base64url');
    };
    const tampered = [
      [v, id, flip(iv, 3), tag, ct],
      [v, id, iv, flip(tag, 7), ct],
      [v, id, iv, tag, flip(ct, 0)],
      [v, id, iv, tag, flip(ct, 40)],
      [v, id, iv, tag, ct.slice(0, -2)],
      [v, id, iv, tag, `${ct}AA`],
    ].map((parts) => parts.join(':'));
    for (const value of tampered) {
      expect(() => decryptToken(ring, value, 'T1')).toThrow(TokenDecryptError);
      expect(() => decryptToken(ring, value, 'T1')).toThrow(/failed authentication/);
    }
  });

  it('refuses a value moved to another installation (the context is authenticated)', () => {
    const stored = encryptToken(ring, TOKEN, 'T1');
    expect(() => decryptToken(ring, stored, 'T2')).toThrow(/failed authentication/);
  });

  it('refuses malformed values with a clear reason', () => {
    expect(() => decryptToken(ring, TOKEN, 'T1')).toThrow(/not an encrypted token/);
    expect(() => decryptToken(ring, 'v2:k1:a:b:c', 'T1')).toThrow(/not an encrypted token/);
    expect(() => decryptToken(ring, 'v1:k1:a:b', 'T1')).toThrow(/not an encrypted token/);
    expect(() => decryptToken(ring, 'v1:k1:AAAA:AAAA:AAAA', 'T1')).toThrow(/bad iv or tag length/);
  });

  it('refuses a value under a key it does not hold, naming the key id', () => {
    const other = parseInstallationKeys(`k9:${K2}`);
    const stored = encryptToken(other, TOKEN, 'T1');
    expect(() => decryptToken(ring, stored, 'T1')).toThrow(TokenDecryptError);
    expect(() => decryptToken(ring, stored, 'T1')).toThrow(/key "k9", which INSTALLATION_KEY does not hold/);
  });

  it('refuses a value whose key id was relabelled to another key it holds', () => {
    const both = parseInstallationKeys(`k2:${K2},k1:${K1}`);
    const stored = encryptToken(parseInstallationKeys(`k1:${K1}`), TOKEN, 'T1');
    const relabelled = stored.replace(/^v1:k1:/, 'v1:k2:');
    expect(() => decryptToken(both, relabelled, 'T1')).toThrow(/failed authentication under key "k2"/);
  });

  it('rotation: a value under the old key still decrypts once a new key is current; new values use the new key', () => {
    const before = parseInstallationKeys(`k1:${K1}`);
    const old = encryptToken(before, TOKEN, 'T1');
    const after = parseInstallationKeys(`k2:${K2},k1:${K1}`);
    expect(decryptToken(after, old, 'T1')).toBe(TOKEN);
    const rewritten = encryptToken(after, decryptToken(after, old, 'T1'), 'T1');
    expect(keyIdOf(rewritten)).toBe('k2');
    // Once every value is rewritten the old key can go.
    const onlyNew = parseInstallationKeys(`k2:${K2}`);
    expect(decryptToken(onlyNew, rewritten, 'T1')).toBe(TOKEN);
    expect(() => decryptToken(onlyNew, old, 'T1')).toThrow(/key "k1"/);
  });

  it('the same id with a different key fails authentication instead of decrypting garbage', () => {
    const stored = encryptToken(ring, TOKEN, 'T1');
    const impostor = parseInstallationKeys(`k1:${K2}`);
    expect(() => decryptToken(impostor, stored, 'T1')).toThrow(/failed authentication/);
  });
});
