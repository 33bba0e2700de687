// The page's HTTP routes, served by the local Slack's own server beside the Web API: the page and its assets,
// a person's snapshot, the live stream, and the gestures (type, click, submit, close, change zone, jump).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ExtraRoutes } from '../../local-slack/index.ts';
import type { PageAssets } from '../bundle.ts';
import { EMOJI_FONT_PATH, emojiFontFile } from '../emoji-font.ts';
import type { JumpResult, NextEvent, Person, Snapshot, SubmitRequest, SubmitResult } from '../protocol.ts';
import type { LiveUpdates } from './live.ts';

type Outcome = { ok: boolean; problem?: string };

/** What the routes ask of the sandbox. */
export interface SandboxApp {
  readonly ready: boolean;
  people(): Person[];
  snapshot(userId: string): Snapshot | undefined;
  command(userId: string, text: string): Promise<Outcome>;
  click(p: z.infer<typeof clickSchema>): Promise<Outcome>;
  submit(p: SubmitRequest): Promise<SubmitResult>;
  close(userId: string, viewId: string): void;
  setZone(userId: string, tz: string): Promise<Outcome>;
  jump(userId: string): Promise<JumpResult>;
  nextEvent(userId: string): Promise<{ ok: boolean; next: NextEvent | null }>;
  homeOpened(userId: string): Promise<Outcome>;
}

const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

const user = z.string().regex(/^U[A-Z0-9]+$/);
const commandSchema = z.object({ user, text: z.string().min(1).max(4000) });
const clickSchema = z.object({
  user,
  channel: z.string().optional(),
  ts: z.string().optional(),
  viewId: z.string().optional(),
  actionId: z.string(),
  blockId: z.string().optional(),
  value: z.string().optional(),
  /** The option picked in a select outside an input block. */
  selected: z.string().max(150).optional(),
});
const submitSchema = z.object({
  user,
  viewId: z.string(),
  values: z.record(
    z.string(),
    z.record(z.string(), z.union([z.string(), z.array(z.string()).max(100)]).nullable()),
  ),
});
const closeSchema = z.object({ user, viewId: z.string() });
const zoneSchema = z.object({
  user,
  tz: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone'),
});
const justUser = z.object({ user });

export function pageRoutes(app: SandboxApp, assets: PageAssets, live: LiveUpdates): ExtraRoutes {
  return async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    // A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) must not read or drive the sandbox.
    if (!LOCAL_HOST.test(req.headers.host ?? '')) {
      return json(res, 403, { ok: false, problem: 'Open the sandbox at http://localhost.' });
    }
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        return asset(res, assets.html, 'text/html; charset=utf-8');
      case 'GET /sandbox/app.js':
        return asset(res, assets.js, 'text/javascript; charset=utf-8');
      case 'GET /sandbox/app.css':
        return asset(res, assets.css, 'text/css; charset=utf-8');
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return true;
      case 'GET /sandbox/events':
        live.open(res);
        return true;
    }
    if (req.method === 'GET' && url.pathname.startsWith(EMOJI_FONT_PATH)) {
      const font = await emojiFontFile(url.pathname.slice(EMOJI_FONT_PATH.length));
      if (!font) return json(res, 404, { ok: false, problem: 'No such font file.' });
      // The font never changes while the package is pinned: the browser may keep it.
      res.writeHead(200, {
        'content-type': 'font/woff2',
        'cache-control': 'max-age=86400',
        'content-length': font.length,
      });
      res.end(font);
      return true;
    }
    if (!route.startsWith('GET /sandbox/') && !route.startsWith('POST /sandbox/')) return false;
    if (!app.ready) return json(res, 503, { ok: false, problem: 'The sandbox is still starting.' });
    switch (route) {
      case 'GET /sandbox/state': {
        const snapshot = app.snapshot(url.searchParams.get('user') || (app.people()[0]?.id ?? ''));
        return snapshot
          ? json(res, 200, snapshot)
          : json(res, 404, { ok: false, problem: 'Unknown person.' });
      }
      case 'POST /sandbox/command':
        return handle(req, res, body, commandSchema, (p) => app.command(p.user, p.text));
      case 'POST /sandbox/click':
        return handle(req, res, body, clickSchema, (p) => app.click(p));
      case 'POST /sandbox/submit':
        return handle(req, res, body, submitSchema, (p) => app.submit(p));
      case 'POST /sandbox/close':
        return handle(req, res, body, closeSchema, async (p) => {
          app.close(p.user, p.viewId);
          return { ok: true };
        });
      case 'POST /sandbox/zone':
        return handle(req, res, body, zoneSchema, (p) => app.setZone(p.user, p.tz));
      case 'POST /sandbox/jump':
        return handle(req, res, body, justUser, (p) => app.jump(p.user));
      case 'POST /sandbox/next-event':
        return handle(req, res, body, justUser, (p) => app.nextEvent(p.user));
      case 'POST /sandbox/home-opened':
        return handle(req, res, body, justUser, (p) => app.homeOpened(p.user));
      default:
        return false;
    }
  };
}

async function handle<S extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  schema: S,
  act: (p: z.output<S>) => Promise<unknown>,
): Promise<true> {
  // Only the page itself may post: a form on another site cannot send JSON without a preflight we never answer.
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return json(res, 415, { ok: false, problem: 'Send JSON.' });
  }
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(JSON.parse(body.toString('utf8')));
  } catch {
    return json(res, 400, { ok: false, problem: 'Malformed JSON.' });
  }
  if (!parsed.success)
    return json(res, 400, { ok: false, problem: parsed.error.issues[0]?.message ?? 'Invalid.' });
  try {
    return json(res, 200, await act(parsed.data));
  } catch (err) {
    return json(res, 500, { ok: false, problem: err instanceof Error ? err.message : String(err) });
  }
}

function asset(res: ServerResponse, content: string, type: string): true {
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(content),
  });
  res.end(content);
  return true;
}

function json(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
  return true;
}
