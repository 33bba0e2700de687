import type { Person } from '../protocol.ts';

/** The header's clock: the sandbox's now, in the person's zone ("Sat 5 Dec, 09:00 for Ada"). */
export function clockText(me: Person, now: number): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: me.tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return `${text} for ${me.name.split(' ')[0]}`;
}
