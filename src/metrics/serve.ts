import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './registry.ts';

export const METRICS_PATH = '/metrics';

/**
 * Answers GET /metrics in Prometheus's text format. With a token (METRICS_TOKEN) only a request carrying
 * `Authorization: Bearer <token>` is answered; others get 401 and nothing about the bot.
 */
export function metricsHandler(token: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' });
      res.end();
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  // Compared in constant time: the token's prefix must not be guessable from response times.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Socket Mode has no HTTP endpoint of Slack's to share, so /metrics gets a server of its own (METRICS_PORT),
 * on loopback unless METRICS_HOST says otherwise: metrics tell how many workspaces use the bot.
 */
export async function startMetricsServer(o: {
  host: string;
  port: number;
  token?: string;
}): Promise<MetricsServer> {
  const handle = metricsHandler(o.token);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === METRICS_PATH) return handle(req, res);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
