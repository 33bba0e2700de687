// A Bolt / WebClient logger that prints nothing and keeps what was logged, so tests stay quiet and can assert
// on errors the app logged.

import { type Logger, LogLevel } from '@slack/bolt';

export interface CapturedLogger extends Logger {
  readonly lines: Array<{ level: 'debug' | 'info' | 'warn' | 'error'; text: string }>;
}

export function silentLogger(): CapturedLogger {
  let level: LogLevel = LogLevel.DEBUG;
  const lines: CapturedLogger['lines'] = [];
  const keep =
    (l: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      lines.push({ level: l, text: msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ') });
    };
  return {
    lines,
    debug: () => {},
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
