/** Small helpers shared by the checks for numbers and for the sentences they write. */

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** 0 at `zeroAt`, 1 at `oneAt`, linear in between (either direction). */
export function ramp(x: number, zeroAt: number, oneAt: number): number {
  return clamp01((x - zeroAt) / (oneAt - zeroAt));
}

/** "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "'a', 'b' and 'c'" (at most `max`, the rest left out), for quoting the candidate's words. */
export function quoteList(items: readonly string[], max = 3): string {
  return andList([...new Set(items)].slice(0, max).map((s) => `'${s}'`));
}

/** "1 time", "4 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 min 30 s", "45 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
}

/** Occurrences of a space-delimited phrase in a `Reading`'s `lemmas` or `normals`. */
export function countPhrase(stream: string, phrase: string): number {
  const needle = ` ${phrase} `;
  let count = 0;
  for (let at = stream.indexOf(needle); at !== -1; at = stream.indexOf(needle, at + needle.length - 1))
    count++;
  return count;
}
