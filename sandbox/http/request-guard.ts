// Every request to the sandbox's one server (the page, its live stream, the local Web API, uploads, file
// downloads, response URLs) passes here first. The server listens on 127.0.0.1 only, but a web page the person
// visits can still reach it from their browser: by a DNS name rebound to 127.0.0.1 (its Host is not ours), or
// by a plain form POST or fetch (it carries that page's Origin). Both are refused.

import type { IncomingMessage } from 'node:http';

const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

export interface Refusal {
  status: 403;
  problem: string;
}

/** Why `req` is refused, or undefined to let it through. */
export function refuseForeign(req: IncomingMessage): Refusal | undefined {
  const host = req.headers.host ?? '';
  if (!LOCAL_HOST.test(host)) return { status: 403, problem: 'Open the sandbox at http://localhost.' };
  const origin = req.headers.origin;
  // No Origin: the bot's own Web API calls (Node sends none) and the page's same-origin GETs.
  if (origin === undefined) return undefined;
  let originHost: string;
  try {
    const url = new URL(origin);
    originHost = url.protocol === 'http:' ? url.host : '';
  } catch {
    originHost = '';
  }
  // Same origin only: the page at localhost:PORT (or 127.0.0.1:PORT), the host it was loaded from.
  if (originHost === host) return undefined;
  return { status: 403, problem: 'Requests from other sites are refused.' };
}
