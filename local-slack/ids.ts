// Identifiers, timestamps, signatures and time-zone facts, shaped as Slack shapes them.

import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Slack's request signature: 'v0=' + hex HMAC-SHA256 of `v0:${timestamp}:${body}`. */
export function signRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Random upper-case alphanumeric id such as Slack's 'V0123ABCD' (prefix + n characters). */
export function randomId(prefix: string, n = 10): string {
  const bytes = randomBytes(n);
  let out = prefix;
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** A DM channel id derived from the user id, so it is the same in every stand-in instance. */
export function dmIdFor(userId: string): string {
  return `D${createHash('sha1').update(userId).digest('hex').slice(0, 10).toUpperCase()}`;
}

/**
 * Message timestamps: "<seconds>.<microseconds>" from the clock, strictly increasing even when the clock
 * stands still or goes back, so each one is unique within the stand-in.
 */
export class TsClock {
  private lastMicros = 0;
  constructor(private readonly now: () => number) {}
  /** Issues only ts values after `ts` from now on (a restored history). */
  after(ts: string): void {
    const [seconds = '0', micros = '0'] = ts.split('.');
    this.lastMicros = Math.max(this.lastMicros, Number(seconds) * 1_000_000 + Number(micros));
  }
  next(): string {
    const micros = Math.max(Math.floor(this.now()) * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }
}

/** A trigger id in Slack's shape: '<digits>.<digits>.<32 hex>'. */
export function triggerId(counter: number): string {
  return `${1000000000 + counter}.${100000000000 + Math.floor(Math.random() * 1e11)}.${randomBytes(16).toString('hex')}`;
}

const formatters = new Map<string, { offset: Intl.DateTimeFormat; label: Intl.DateTimeFormat }>();

/** users.info's tz_offset (seconds, at `atMs`) and tz_label for an IANA zone; undefined for an unknown zone. */
export function zoneFacts(tz: string, atMs: number): { tz_offset: number; tz_label: string } | undefined {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = {
        offset: new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }),
        label: new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' }),
      };
    } catch {
      return undefined;
    }
    formatters.set(tz, f);
  }
  const offsetName = f.offset.formatToParts(atMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName);
  const tz_offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  const tz_label = f.label.formatToParts(atMs).find((p) => p.type === 'timeZoneName')?.value ?? tz;
  return { tz_offset, tz_label };
}
