// The sandbox's one server refuses other sites on every route, the local Web API, uploads and downloads
// included, and its bot token is new each run.
//
// Bad inputs tried: the old fixed token `xoxb-sandbox`; a foreign Host (DNS rebinding) on /api/, /upload/,
// /files/ and the page; a request carrying another site's Origin (and the literal `null` Origin); a real
// browser on another origin auto-submitting a plain HTML form to chat.postMessage (nothing may be posted).

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox/sandbox.ts';
import { CHROMIUM, launchChromium, SKIP_MESSAGE } from './support/chromium.ts';
import { silentDestination } from './support/silent.ts';

let sandbox: RunningSandbox;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'star-drill-sandbox-guard-'));
  sandbox = await startSandbox({ port: 0, dataDir: dir, logDestination: silentDestination() });
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A request with headers of our choosing (fetch does not let a caller set Host). */
function raw(
  route: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: sandbox.port, path: route, method: o.method ?? 'GET', headers: o.headers },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const local = () => `localhost:${sandbox.port}`;
const form = 'application/x-www-form-urlencoded';
const postMessage = (headers: Record<string, string>) =>
  raw('/api/chat.postMessage', {
    method: 'POST',
    headers: { 'content-type': form, ...headers },
    body: 'channel=U0ADA&text=injected',
  });

describe('the sandbox’s server', () => {
  it('no longer accepts the fixed token xoxb-sandbox', async () => {
    const reply = await postMessage({ host: local(), authorization: 'Bearer xoxb-sandbox' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: 'invalid_auth' });
  });

  it('refuses a foreign Host on every route', async () => {
    for (const route of ['/api/auth.test', '/upload/F123', '/files/F123/x.md', '/', '/sandbox/state']) {
      expect((await raw(route, { headers: { host: 'evil.example' } })).status, route).toBe(403);
      expect((await raw(route, { headers: { host: `evil.example:${sandbox.port}` } })).status, route).toBe(
        403,
      );
    }
    expect((await raw('/api/auth.test', { method: 'POST', headers: { host: local() } })).status).toBe(200);
  });

  it('refuses another site’s Origin, and accepts the page’s own', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://localhost:${sandbox.port + 1}`,
      `https://${local()}`,
    ]) {
      expect((await postMessage({ host: local(), origin })).status, origin).toBe(403);
      expect((await raw('/files/F1/x', { headers: { host: local(), origin } })).status, origin).toBe(403);
    }
    const own = await raw('/sandbox/command', {
      method: 'POST',
      headers: { host: local(), origin: `http://${local()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'U0ADA', text: '/star help' }),
    });
    expect(own.status).toBe(200);
  });
});

describe.skipIf(!CHROMIUM)(
  `a page on another origin, in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_MESSAGE})`}`,
  () => {
    let evil: Server;
    beforeAll(async () => {
      const target = `http://localhost:${sandbox.port}/api/chat.postMessage`;
      evil = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><form id="f" method="POST" action="${target}">
        <input name="token" value="xoxb-sandbox"><input name="channel" value="U0ADA">
        <input name="text" value="INJECTED BY ANOTHER SITE"></form>
        <script>document.getElementById('f').submit()</script>`);
      });
      await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

    it('cannot post a "bot" message with a plain form POST', async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const answered = page.waitForResponse((r) => r.url().includes('/api/chat.postMessage'));
        await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
        expect((await answered).status()).toBe(403);
        await sandbox.slack.idle();
        const everything = JSON.stringify(sandbox.slack.snapshot());
        expect(everything).not.toContain('INJECTED BY ANOTHER SITE');
      } finally {
        await browser.close();
      }
    });
  },
);
