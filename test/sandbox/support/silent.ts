import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

/** The bot's log lines, dropped: a test asserts on what the page shows. */
export function silentDestination(): DestinationStream {
  return new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
}
