// The fetch the bot's Slack clients use (src/slack-api/request-fetch.ts), against a real HTTP server on
// loopback: what WebClient and Bolt's respond read must be what the global fetch would give them, and what
// it does not handle itself must reach the global fetch. Bad inputs tried: a body read twice, a hung server
// (abort), a closed port, a redirect under redirect 'error', a FormData upload, a 429 with Retry-After.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestFetch } from '../../src/slack-api/request-fetch.ts';
import { freePort } from '../support/free-port.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('request fetch', () => {
  const seen: Seen[] = [];
  const hung: ServerResponse[] = [];
  let base = '';
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.endsWith('/hang')) {
        hung.push(res);
        return;
      }
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/api/users.info' }).end();
        return;
      }
      if (req.url === '/api/chat.postMessage') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.setHeader('x-oauth-scopes', 'chat:write,users:read');
      res.end(JSON.stringify({ ok: true, user: { id: 'U1', tz: 'Europe/Paris' }, echo: body, é: 'é' }));
    });
  });
  const requestFetch = createRequestFetch();

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const res of hung) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the method, headers and string body, and answers status, headers and body as fetch does', async () => {
    const init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-test' },
      body: 'user=U1&text=%C3%A9',
    };
    const ours = await requestFetch(`${base}/api/users.info`, init);
    const theirs = await fetch(`${base}/api/users.info`, init);
    expect(seen.at(-2)).toMatchObject({ method: 'POST', url: '/api/users.info', body: init.body });
    expect(seen.at(-2)?.headers).toMatchObject({ authorization: 'Bearer xoxb-test' });
    for (const field of ['ok', 'status', 'statusText', 'url'] as const)
      expect(ours[field]).toBe(theirs[field]);
    for (const name of ['content-type', 'set-cookie', 'x-oauth-scopes'])
      expect(ours.headers.get(name)).toBe(theirs.headers.get(name));
    expect(await ours.json()).toEqual(await theirs.json());
    expect(ours.bodyUsed).toBe(true);
    // A body is read once, as with fetch.
    await expect(ours.text()).rejects.toThrow(TypeError);
  });

  it('gives the bytes of the body unchanged', async () => {
    const ours = await requestFetch(`${base}/api/users.info`, { method: 'POST', body: 'x=1' });
    const text = new TextDecoder().decode(await ours.arrayBuffer());
    expect(JSON.parse(text)).toMatchObject({ echo: 'x=1', é: 'é' });
  });

  it('hands a FormData upload to the global fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'a.bin');
    const res = await requestFetch(`${base}/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(String(seen.at(-1)?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("refuses a redirect under redirect 'error' without sending again, and follows one otherwise, like fetch", async () => {
    const before = seen.length;
    await expect(
      requestFetch(`${base}/moved`, { method: 'POST', body: 'a=1', redirect: 'error' }),
    ).rejects.toThrow(TypeError);
    expect(seen.slice(before).map((s) => s.url)).toEqual(['/moved']);
    // A 302 after a POST is followed with a GET and no body, as fetch does.
    const followed = await requestFetch(`${base}/moved`, { method: 'POST', body: 'a=1' });
    expect(followed.status).toBe(200);
    expect(seen.slice(before + 1).map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/moved', 'a=1'],
      ['GET', '/api/users.info', ''],
    ]);
  });

  it('ends a hung call when its signal aborts, and rejects a closed port', async () => {
    const controller = new AbortController();
    const call = requestFetch(`${base}/hang`, { method: 'POST', body: '', signal: controller.signal });
    await expect.poll(() => hung.length).toBe(1);
    controller.abort();
    await expect(call).rejects.toThrow();
    await expect(
      requestFetch(`http://127.0.0.1:${await freePort()}/`, { method: 'POST', body: '' }),
    ).rejects.toThrow();
  });

  it('serves WebClient: a result, its scopes, a 429 rejected with its Retry-After, a timeout', async () => {
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `${base}/api/`,
      fetch: requestFetch,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 200,
      logLevel: LogLevel.ERROR,
    });
    const info = await client.users.info({ user: 'U1' });
    expect(info.user?.tz).toBe('Europe/Paris');
    expect(info.response_metadata?.scopes).toEqual(['chat:write', 'users:read']);
    await expect(client.chat.postMessage({ channel: 'U1', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(client.apiCall('hang')).rejects.toMatchObject({ code: ErrorCode.RequestError });
  });
});
