import { createServer } from 'node:net';

/**
 * A loopback port free right now, for a server that must be told its port before it starts (Socket Mode's
 * /healthz, an OAuth redirect URL naming the bot's port): the OS picks one, which is released at once.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
