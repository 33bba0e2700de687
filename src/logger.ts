import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import { pino } from 'pino';
import type { LogLevel } from './config.ts';

export type Logger = pino.Logger;

/** JSON lines on stdout: one object per event, with context fields (drill id, user) beside the message. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'star-drill' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"warn" reads better in a terminal and in log search than pino's numeric 40.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** Bolt wants its own Logger interface; route it into the same pino stream under `component: bolt`. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const text = (msgs: unknown[]) =>
    msgs.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  // Bolt and the WebClient call debug() on every request; format only what will be written.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...m: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](text(m));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => child.level as BoltLogLevel,
    setName: () => {},
  };
}
