// A local OpenAI-compatible chat-completions endpoint for the model-coaching tests, on loopback only
// (node:http on 127.0.0.1). Each request takes the next scripted behaviour (or the default): a JSON reply,
// text that is not JSON, an HTTP error with headers, or no answer at all (a timeout). Every request is kept,
// with its headers and when it arrived, so tests can check what was sent and when.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ModelBehaviour =
  /** 200 with this object, JSON-encoded, as the assistant message's content. */
  | { kind: 'json'; body: unknown }
  /** 200 with this content, which is not valid JSON. */
  | { kind: 'text'; content: string }
  /** An HTTP error, e.g. 429 with Retry-After, or 500. */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Never answers (until the stand-in closes): the bot's budget must end it. */
  | { kind: 'hang' };

export interface ModelRequest {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    response_format?: unknown;
  };
  /** The whole request body as sent, for "this was never sent" checks. */
  raw: string;
  /** True once the bot stopped waiting (closed the connection) before an answer. */
  abandoned: boolean;
}

export class ModelStandin {
  readonly requests: ModelRequest[] = [];
  private readonly script: ModelBehaviour[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server = createServer((req, res) => this.handle(req, res));
  url = '';
  /** Used when nothing is scripted. */
  defaultBehaviour: ModelBehaviour = { kind: 'status', status: 503 };

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/v1`;
    return this;
  }

  /** The next requests' behaviours, in order. */
  answer(...behaviours: ModelBehaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  reset(): void {
    this.script.length = 0;
    this.requests.length = 0;
  }

  /** The user message of a request: what the bot sent about the answer. */
  static userMessage(request: ModelRequest): string {
    return request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      let body: ModelRequest['body'] = {};
      try {
        body = JSON.parse(raw);
      } catch {
        // Kept as {}: a test asserts on what it needed.
      }
      const request: ModelRequest = {
        at: performance.now(),
        path: req.url ?? '',
        headers: req.headers,
        body,
        raw,
        abandoned: false,
      };
      this.requests.push(request);
      res.on('close', () => {
        if (!res.writableEnded) request.abandoned = true;
      });
      if (req.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      this.respond(this.script.shift() ?? this.defaultBehaviour, body.model ?? '', res);
    });
  }

  private respond(behaviour: ModelBehaviour, model: string, res: ServerResponse): void {
    switch (behaviour.kind) {
      case 'hang':
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      case 'status':
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(JSON.stringify({ error: { message: `stand-in ${behaviour.status}`, type: 'standin' } }));
        return;
      default: {
        const content = behaviour.kind === 'json' ? JSON.stringify(behaviour.body) : behaviour.content;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${this.requests.length}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }
    }
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const startModelStandin = () => new ModelStandin().start();
