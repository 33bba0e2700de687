// The local Slack's public surface: what the tests, the benchmarks and the sandbox import.

export { BLOCK_KIT_LIMITS } from './block-kit-limits.ts';
export {
  buttonsIn,
  eventEnvelope,
  FORM,
  interactivityBody,
  slashCommandBody,
  type TypedValue,
  type Workspace,
} from './build-payloads.ts';
export { type Approval, AUTHORIZE_URL, type StandinInstallation } from './oauth.ts';
export { SOCKET_MODE } from './send-signed.ts';
export { SLACK_LIMITS, SlackStandin, signRequest, startSlackStandin } from './server.ts';
export type * from './types.ts';
