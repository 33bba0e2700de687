// Slack's side of Socket Mode for the stand-in: the WebSocket that `apps.connections.open` points the bot at.
// Slack sends `hello`, then envelopes ({ envelope_id, type, payload, accepts_response_payload }); the app
// acknowledges each by sending back { envelope_id, payload? }, where payload is what HTTP mode would have put
// in the response body.

import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQs } from 'node:querystring';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackReply } from './types.ts';

export const SOCKET_MODE_PATH = '/socket-mode/link';

export class SocketModeLink {
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private readonly pending = new Map<string, (payload: unknown) => void>();

  constructor(private readonly server: Server) {
    this.wss = new WebSocketServer({ server, path: SOCKET_MODE_PATH });
    // ws re-emits the HTTP server's errors (EADDRINUSE at listen); the server's own listener handles them.
    this.wss.on('error', () => {});
    this.wss.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => this.onAck(String(data)));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'standin', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0STANDIN' },
        }),
      );
    });
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}${SOCKET_MODE_PATH}`;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /**
   * Delivers what HTTP mode would POST (the same form or JSON body) as a Socket Mode envelope, and resolves
   * with the app's acknowledgement shaped like an HTTP reply.
   */
  async deliver(body: string, contentType: string, headers: Record<string, string>): Promise<SlackReply> {
    const socket = this.socket;
    if (socket?.readyState !== 1) throw new Error('no Socket Mode connection from the bot');
    const envelope = toEnvelope(body, contentType, headers);
    const started = performance.now();
    const acked = new Promise<unknown>((resolve) => this.pending.set(envelope.envelope_id, resolve));
    socket.send(JSON.stringify(envelope));
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3_000).unref());
    const payload = await Promise.race([acked, timeout]);
    this.pending.delete(envelope.envelope_id);
    const ms = performance.now() - started;
    if (payload === 'timeout') return { status: 408, body: '', ms };
    const text = payload === undefined ? '' : JSON.stringify(payload);
    return { status: 200, body: text, json: payload, ms };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onAck(text: string): void {
    let message: { envelope_id?: string; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.envelope_id) this.pending.get(message.envelope_id)?.(message.payload);
  }
}

function toEnvelope(body: string, contentType: string, headers: Record<string, string>) {
  const envelope_id = randomUUID();
  if (contentType.startsWith('application/json')) {
    const retry = headers['x-slack-retry-num'];
    return {
      envelope_id,
      type: 'events_api',
      payload: JSON.parse(body),
      accepts_response_payload: false,
      retry_attempt: retry ? Number(retry) : 0,
      retry_reason: headers['x-slack-retry-reason'] ?? '',
    };
  }
  const form = parseQs(body);
  if (typeof form.payload === 'string') {
    return {
      envelope_id,
      type: 'interactive',
      payload: JSON.parse(form.payload),
      accepts_response_payload: true,
    };
  }
  return { envelope_id, type: 'slash_commands', payload: form, accepts_response_payload: true };
}
