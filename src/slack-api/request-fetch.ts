import { STATUS_CODES } from 'node:http';
import { Agent, type Dispatcher, Headers, interceptors, request } from 'undici';

/**
 * The `fetch` WebClient and Bolt's `respond` call, over undici's `request()` instead of the global fetch.
 * Both libraries only POST a string body and read the whole answer at once, yet the global fetch wraps every
 * call in WHATWG streams, a Request, a Response and their signals: measured in the bot, that wrapping was a
 * quarter of a `/star subscribe`'s CPU (two Web API calls each), and `request()` does the same call in about a
 * quarter of fetch's client-side CPU (bench/limits.md). Anything else (a FormData upload, a stream, a Request
 * object) goes to the global fetch unchanged, so no caller loses a feature.
 */
export function createRequestFetch(agent = new Agent({ keepAliveTimeout: 4_000 })): typeof fetch {
  // fetch's default: redirects followed, by undici's own interceptor (a 301/302 POST becomes a GET, as in fetch).
  const following = agent.compose(interceptors.redirect({ maxRedirections: 20 }));
  return async (input, init) => {
    const body = init?.body;
    const simple =
      (typeof input === 'string' || input instanceof URL) && (body === undefined || typeof body === 'string');
    if (!simple) return fetch(input, init);
    const url = String(input);
    const redirect = init?.redirect ?? 'follow';
    const answer = await request(url, {
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: headersOf(init?.headers),
      body,
      signal: init?.signal ?? undefined,
      dispatcher: redirect === 'follow' ? following : agent,
    });
    const status = answer.statusCode;
    if (redirect === 'error' && status >= 300 && status < 400) {
      // What fetch does with `redirect: 'error'` (WebClient's setting; Slack's Web API never redirects).
      await answer.body.dump();
      throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
    }
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return bufferedResponse(url, status, answer.headers, bytes);
  };
}

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  // A Headers object (the global one or undici's) or a list of pairs: each iterates as [name, value].
  if (Symbol.iterator in headers) return Object.fromEntries(headers as Iterable<[string, string]>);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = typeof value === 'string' ? value : value.join(', ');
  return out;
}

/**
 * The part of a Response both libraries read (status, headers, the body as text, JSON or bytes), over a body
 * already read in full. Anything else throws rather than answer wrongly.
 */
function bufferedResponse(
  url: string,
  status: number,
  raw: Record<string, string | string[] | undefined>,
  bytes: Buffer,
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.append(name, value);
  }
  let used = false;
  const take = () => {
    if (used) throw new TypeError('Body is unusable: Body has already been read');
    used = true;
    return bytes;
  };
  const response: Partial<Response> = {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    redirected: false,
    type: 'basic',
    headers,
    get bodyUsed() {
      return used;
    },
    text: async () => take().toString('utf8'),
    json: async () => JSON.parse(take().toString('utf8')),
    arrayBuffer: async () => {
      const b = take();
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
  return response as Response;
}

/** One connection pool for every Slack call of the process: the Web API's clients and response_url replies. */
export const slackFetch = createRequestFetch();
