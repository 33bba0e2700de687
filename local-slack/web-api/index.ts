// The Web API's front door: decode the arguments as Slack does, check the token, and dispatch by method to
// the families the bot calls. Methods it never calls are unknown_method here, as a typo would be at Slack.

import { parse as parseQs } from 'node:querystring';
import type { TokenVerdict } from '../oauth.ts';
import { authTest } from './auth.ts';
import { postMessage, update } from './chat.ts';
import { type Core, fail, isObj, type Method, type Obj, type Result, str } from './common.ts';
import { conversationsOpen, postEphemeral } from './ephemeral.ts';
import { completeUploadExternal, filesInfo, getUploadURLExternal } from './files.ts';
import { usersInfo } from './users.ts';
import { viewsOpen, viewsPublish, viewsUpdate } from './views.ts';

const METHODS: Record<string, Method> = {
  'auth.test': (core) => authTest(core),
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'conversations.open': conversationsOpen,
  'views.open': (core, a) => viewsOpen(core, a, false),
  'views.push': (core, a) => viewsOpen(core, a, true),
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'users.info': usersInfo,
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': filesInfo,
};

export interface Tokens {
  /** The workspace a bot token acts for, or the error Slack answers it with (invalid_auth, token_revoked...). */
  botToken: (token: string) => TokenVerdict;
  /** oauth.v2.access, which authenticates with the app's client id and secret, not a token. */
  oauthAccess: (args: Obj, authorization: string | undefined) => Result;
  /** The app-level token apps.connections.open accepts; unset: Socket Mode refused. */
  appToken?: string;
  /** The WebSocket URL apps.connections.open hands out. */
  socketModeUrl: () => string;
}

/** The JSON answer to one Web API call (HTTP 200; faults are injected by the caller). */
export function answer(
  core: Core,
  tokens: Tokens,
  method: string,
  authorization: string | undefined,
  args: Obj,
): Result {
  if (args.__invalid_json === true) return fail('invalid_json');
  if (method === 'oauth.v2.access') return tokens.oauthAccess(args, authorization);
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? str(args.token);
  if (!token) return fail('not_authed');
  if (method === 'apps.connections.open') {
    return tokens.appToken && token === tokens.appToken
      ? { ok: true, url: tokens.socketModeUrl() }
      : fail('invalid_auth');
  }
  const verdict = tokens.botToken(token);
  if ('error' in verdict) return fail(verdict.error);
  const handler = METHODS[method];
  if (!handler) return fail('unknown_method');
  // Each token acts as its own workspace (team id, bot user); what people see is shared.
  return handler(
    verdict.workspace === core.workspace
      ? core
      : { ...core, workspace: verdict.workspace, foreignTeam: verdict.workspace.teamId },
    args,
  );
}

export const JSON_TYPE = 'application/json';
/** Fields WebClient sends as plain text even when they look like JSON. */
const TEXT_ARGS = new Set(['text', 'markdown_text', 'fallback', 'initial_comment']);

/** Web API arguments: form fields (JSON-valued ones parsed, as WebClient JSON-encodes nested args), or a JSON body. */
export function decodeArgs(contentType: string | undefined, body: string, query: string): Obj {
  const args: Obj = query ? { ...parseQs(query) } : {};
  if (contentType?.startsWith(JSON_TYPE)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isObj(parsed)) Object.assign(args, parsed);
      else args.__invalid_json = true;
    } catch {
      args.__invalid_json = true;
    }
    return args;
  }
  if (body) Object.assign(args, parseQs(body));
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string' || TEXT_ARGS.has(key)) continue;
    const first = value[0];
    if (first !== '{' && first !== '[') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // left as the string Slack would then reject
    }
  }
  return args;
}
