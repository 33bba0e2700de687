/**
 * A test oracle for local wall-clock time, written straight against Intl rather than through the code
 * under test (which goes through luxon's offsets), so the two can disagree.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface Wall {
  date: string;
  minute: number;
}

export function wallAt(zone: string, at: Date | number): Wall {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(typeof at === 'number' ? new Date(at) : at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Negative when a is earlier on the wall clock than b. */
export function compareWall(a: Wall, b: Wall): number {
  return a.date === b.date ? a.minute - b.minute : a.date < b.date ? -1 : 1;
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Every calendar date of a year, computed without any zone. */
export function datesOfYear(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function isWeekendDate(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
