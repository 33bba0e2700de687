import { Writable } from 'node:stream';

/** Log lines the bot wrote, parsed, so tests can assert on what was logged (e.g. a drill id on failure). */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    for (const line of chunk.toString().split('\n')) if (line) this.lines.push(JSON.parse(line));
    done();
  }
  find(msg: string | RegExp) {
    return this.lines.filter((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))));
  }
}
