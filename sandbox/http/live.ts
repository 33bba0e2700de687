// Live updates for the page: server-sent events, one stream per open page, every event to every page (each
// page keeps what concerns the person it shows).

import type { ServerResponse } from 'node:http';
import type { LiveEvent } from '../protocol.ts';

/** Proxies and browsers drop an idle stream; a comment line now and then keeps it open. */
const KEEPALIVE_MS = 15_000;

export class LiveUpdates {
  private readonly streams = new Set<ServerResponse>();
  private readonly keepalive = setInterval(() => {
    for (const res of this.streams) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS).unref();

  open(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // The browser reconnects by itself after a drop; the page then reloads its snapshot.
    res.write('retry: 1000\n\n');
    this.streams.add(res);
    // res, not req: a request's 'close' fires once its body is read, which for a GET is at once.
    res.on('close', () => this.streams.delete(res));
  }

  publish(event: LiveEvent): void {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of this.streams) res.write(data);
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const res of this.streams) res.end();
    this.streams.clear();
  }
}
