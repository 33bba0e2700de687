// A TCP proxy on loopback that a test can cut and restore, to take a database away from a running bot
// without touching the shared server other tests use.

import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1 (the same after close() and open()). */
  readonly port: number;
  /** Connections accepted so far (each one piped to the target). */
  readonly accepted: number;
  /** True while it listens. */
  readonly listening: boolean;
  /** Stops listening and destroys every open connection: new connects are refused, live ones are reset. */
  close(): Promise<void>;
  /** Listens again on the same port (and forwards new connections again after stall()). */
  open(): Promise<void>;
  /**
   * A network partition or a hung server: connections are still accepted, but nothing is forwarded on any
   * of them, old or new, and nobody is told. Connections black-holed here stay so after open() (as TCP
   * connections across a partition do until the kernel gives up, ~15 minutes); close() ends them.
   */
  stall(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1:0 that pipes every connection to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let port = 0;
  let server: Server | undefined;
  let stalled = false;
  /** Connections whose bytes are forwarded, as [client, upstream]; stall() freezes them. */
  const pairs = new Set<[Socket, Socket]>();

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset is the point of this proxy; it must not surface as an uncaught error.
    socket.on('error', () => socket.destroy());
  };

  const onConnection = (client: Socket) => {
    accepted += 1;
    track(client);
    if (stalled) {
      // Accepted and then ignored: the peer's bytes sit unread, as they would behind a partition.
      client.pause();
      return;
    }
    const upstream = tcpConnect({ host: target.host, port: target.port });
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side ending or failing takes the other down, as a cut cable would.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.once('close', () => pairs.delete(pair));
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        server = s;
        port = (s.address() as { port: number }).port;
        resolve();
      });
    });

  await listen();

  return {
    get port() {
      return port;
    },
    get accepted() {
      return accepted;
    },
    get listening() {
      return server !== undefined;
    },
    async close() {
      const s = server;
      server = undefined;
      stalled = false;
      pairs.clear();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async open() {
      stalled = false;
      if (!server) await listen();
    },
    async stall() {
      stalled = true;
      if (!server) await listen();
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
      pairs.clear();
    },
  };
}
