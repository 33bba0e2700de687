// How the local Slack sends to the bot: signed with the app's signing secret as Slack signs, over HTTP to the
// bot's /slack/events, or over Socket Mode when the bot URL is SOCKET_MODE.

import { request as httpRequest } from 'node:http';
import { signRequest } from './ids.ts';
import type { SocketModeLink } from './socket-mode-link.ts';
import type { SignOptions, SlackReply } from './types.ts';

/** Pass as the bot URL to any send method to deliver it over Socket Mode instead of HTTP. */
export const SOCKET_MODE = 'socket-mode:';

export interface Transport {
  signingSecret: string;
  socketMode: SocketModeLink;
}

/**
 * Sends any body, signed with the signing secret at the real current time (the bot checks against its own
 * wall clock, not the injected one) unless `sign` says otherwise.
 */
export async function sendSigned(
  transport: Transport,
  botUrl: string,
  body: string,
  contentType: string,
  sign: SignOptions = {},
  extraHeaders: Record<string, string> = {},
): Promise<SlackReply> {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    accept: 'application/json,*/*',
    ...extraHeaders,
  };
  if (!sign.omit) {
    const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signRequest(sign.secret ?? transport.signingSecret, timestamp, body);
  }
  if (botUrl === SOCKET_MODE) return transport.socketMode.deliver(body, contentType, headers);
  const started = performance.now();
  const { status, text } = await post(botUrl, headers, body);
  const reply: SlackReply = { status, body: text, ms: performance.now() - started };
  if (text.length > 0) {
    try {
      reply.json = JSON.parse(text);
    } catch {
      // not JSON: a plain-text ack or an error page
    }
  }
  return reply;
}

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request (no keep-alive): a bot restarted between requests never sees a stale socket.
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
