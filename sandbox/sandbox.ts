// `npm run sandbox`: the real bot, started by the same composition root as `npm start`, against the local
// Slack, with a web page where a person uses it as they would use Slack. One HTTP server on 127.0.0.1 serves
// the page, its live updates and the local Web API; the bot listens on another loopback port in HTTP mode.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type DestinationStream, pino } from 'pino';
import { type SlackStandin, startSlackStandin } from '../local-slack/index.ts';
import { type RunningBot, startBot } from '../src/bot.ts';
import type { CoachModelConfig, Config } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { buildPageAssets } from './bundle.ts';
import { SettableClock } from './clock.ts';
import { LiveUpdates } from './http/live.ts';
import { pageRoutes, type SandboxApp } from './http/page-routes.ts';
import { refuseForeign } from './http/request-guard.ts';
import { jumpToNextEvent, nextEventOf } from './jump.ts';
import { liveEventFor, snapshotFor } from './page-state.ts';
import { PEOPLE } from './people.ts';
import { type SavedSandbox, StateFile } from './persistence.ts';
import type { JumpResult, NextEvent, Person, Snapshot, SubmitRequest, SubmitResult } from './protocol.ts';

/**
 * The bot token the local Slack accepts, new each run: it only ever travels over loopback, and a page
 * elsewhere cannot know it (it was a fixed `xoxb-sandbox`, which any site could post "bot" messages with).
 */
const sandboxBotToken = () => `xoxb-sandbox-${randomBytes(24).toString('hex')}`;

export interface SandboxOptions {
  /** The page's port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Embedded database, the local Slack's saved state and bot.log. */
  dataDir: string;
  /** Where the bot's JSON log lines go. Default: `<dataDir>/bot.log`. */
  logDestination?: DestinationStream;
  /** COACH_MODEL_*: the extra coaching's model; the header names it. Ada is the workspace admin who can turn it on. */
  coachModel?: CoachModelConfig;
}

export interface RunningSandbox {
  /** http://localhost:PORT */
  url: string;
  port: number;
  bot: RunningBot;
  slack: SlackStandin;
  clock: SettableClock;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const stateFile = new StateFile(path.join(dataDir, 'local-slack.json'));
  const saved = stateFile.load();
  const clock = new SettableClock(saved?.clockOffsetMs ?? 0);
  const live = new LiveUpdates();
  const assets = await buildPageAssets();
  // A fresh secret per run: only this process can sign requests its bot accepts.
  const signingSecret = randomBytes(32).toString('hex');
  const botToken = sandboxBotToken();

  const model = options.coachModel
    ? { host: new URL(options.coachModel.url).host, name: options.coachModel.model }
    : null;
  const app = new Sandbox(clock, live, model);
  const slack = await startSlackStandin({
    signingSecret,
    botToken,
    port: options.port,
    refuse: refuseForeign,
    now: () => clock.now().getTime(),
    recordCalls: false,
    state: saved?.slack,
    routes: pageRoutes(app, assets, live),
  });
  const save = () =>
    stateFile.schedule(
      (): SavedSandbox => ({ version: 1, clockOffsetMs: clock.offset, slack: slack.snapshot() }),
    );
  // A restored state keeps the zones people chose in earlier runs.
  for (const person of PEOPLE) {
    const known = slack.user(person.id);
    // The admin may run `/star model on` and upload the guide (restored states too).
    const admin = person.admin === true;
    if (known && (known.is_admin ?? false) === admin) continue;
    slack.setUser(
      known
        ? { ...known, is_admin: admin }
        : { id: person.id, name: person.name, real_name: person.name, tz: person.tz, is_admin: admin },
    );
  }
  slack.onChange((change) => {
    const event = liveEventFor(slack, change);
    if (event) live.publish(event);
    if (change.kind === 'user') live.publish({ kind: 'people', people: app.people() });
    save();
  });

  const config: Config = {
    slack: {
      auth: { kind: 'single', botToken },
      apiUrl: slack.apiUrl,
      transport: { kind: 'http', signingSecret },
    },
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'embedded', dataDir },
    logLevel: 'info',
    ...(options.coachModel ? { coachModel: options.coachModel } : {}),
  };
  const log = createLogger('info', options.logDestination ?? pinoFile(path.join(dataDir, 'bot.log')));
  let bot: RunningBot;
  try {
    bot = await startBot({ config, clock, log });
    await bot.ready;
  } catch (err) {
    await slack.close();
    live.close();
    throw err;
  }
  app.connect(slack, bot, () => {
    save();
    live.publish({ kind: 'clock', now: clock.now().getTime() });
  });

  return {
    url: `http://localhost:${slack.port}`,
    port: slack.port,
    bot,
    slack,
    clock,
    async stop() {
      live.close();
      await bot.stop();
      await slack.close();
      save();
      await stateFile.flush();
    },
  };
}

/** Synchronous appends: the few lines a sandbox writes are never lost at Ctrl-C. */
function pinoFile(file: string): DestinationStream {
  return pino.destination({ dest: file, sync: true, mkdir: true });
}

/** What the page's requests do: each turns a person's gesture into what Slack would send the bot. */
class Sandbox implements SandboxApp {
  private slack: SlackStandin | undefined;
  private bot: RunningBot | undefined;
  private onClockMoved: () => void = () => {};

  constructor(
    private readonly clock: SettableClock,
    readonly live: LiveUpdates,
    private readonly model: Snapshot['model'],
  ) {}

  connect(slack: SlackStandin, bot: RunningBot, onClockMoved: () => void): void {
    this.slack = slack;
    this.bot = bot;
    this.onClockMoved = onClockMoved;
  }

  get ready(): boolean {
    return this.bot !== undefined;
  }

  private get botUrl(): string {
    return `http://127.0.0.1:${this.running().bot.port}/slack/events`;
  }

  private running(): { slack: SlackStandin; bot: RunningBot } {
    if (!this.slack || !this.bot) throw new Error('the sandbox is still starting');
    return { slack: this.slack, bot: this.bot };
  }

  people(): Person[] {
    return PEOPLE.map((p) => ({ ...p, tz: this.slack?.user(p.id)?.tz ?? p.tz }));
  }

  person(userId: string): Person | undefined {
    return this.people().find((p) => p.id === userId);
  }

  snapshot(userId: string): Snapshot | undefined {
    const me = this.person(userId);
    const at = this.clock.now().getTime();
    return me && { ...snapshotFor(this.running().slack, me, this.people(), at), model: this.model };
  }

  async command(userId: string, text: string): Promise<{ ok: boolean; problem?: string }> {
    const { slack } = this.running();
    const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(text.trim());
    if (!slash) {
      const reply = await slack.userMessage(this.botUrl, { userId, text });
      return reply.status === 200
        ? { ok: true }
        : { ok: false, problem: `The bot answered ${reply.status}.` };
    }
    const [, name = '', rest = ''] = slash;
    if (name !== 'star') return { ok: false, problem: `/${name} is not a valid command. Try /star help.` };
    const reply = await slack.slashCommand(this.botUrl, { userId, text: rest.trim() });
    // What Slack tells the person when an app does not answer a command in time or answers an error.
    if (reply.status !== 200)
      return { ok: false, problem: `/star failed with the error "dispatch_failed" (HTTP ${reply.status}).` };
    return { ok: true };
  }

  async click(p: {
    user: string;
    channel?: string;
    ts?: string;
    viewId?: string;
    actionId: string;
    blockId?: string;
    value?: string;
    selected?: string;
  }): Promise<{ ok: boolean; problem?: string }> {
    const { slack } = this.running();
    const target = { userId: p.user, actionId: p.actionId, blockId: p.blockId, value: p.value };
    let reply: Awaited<ReturnType<SlackStandin['clickButton']>>;
    if (p.viewId === undefined) {
      // The bot's only select outside inputs is in a modal ("Start from a saved story").
      if (p.selected !== undefined)
        return { ok: false, problem: 'A select in a message is not supported in the sandbox.' };
      reply = await slack.clickButton(this.botUrl, {
        ...target,
        channel: p.channel ?? '',
        messageTs: p.ts ?? '',
      });
    } else if (p.selected !== undefined) {
      reply = await slack.pickViewOption(this.botUrl, { ...target, viewId: p.viewId, value: p.selected });
    } else {
      reply = await slack.clickViewButton(this.botUrl, { ...target, viewId: p.viewId });
    }
    return reply.status === 200
      ? { ok: true }
      : { ok: false, problem: `The app did not respond (HTTP ${reply.status}).` };
  }

  async submit(p: SubmitRequest): Promise<SubmitResult> {
    const { slack } = this.running();
    let reply: Awaited<ReturnType<SlackStandin['submitView']>>;
    try {
      reply = await slack.submitView(this.botUrl, { userId: p.user, viewId: p.viewId, values: p.values });
    } catch (err) {
      // The page checks what Slack's client checks; this is the server's word on anything it let through.
      return { ok: false, problem: err instanceof Error ? err.message : String(err) };
    }
    if (reply.status !== 200)
      return { ok: false, problem: `We had some trouble connecting. Try again? (HTTP ${reply.status})` };
    const json = reply.json as { response_action?: string; errors?: Record<string, string> } | undefined;
    if (json?.response_action === 'errors') return { ok: true, errors: json.errors ?? {} };
    return { ok: true };
  }

  close(userId: string, viewId: string): void {
    this.running().slack.closeView(userId, viewId);
  }

  async setZone(userId: string, tz: string): Promise<{ ok: boolean; problem?: string }> {
    const reply = await this.running().slack.userChange(this.botUrl, { userId, tz });
    return reply.status === 200 ? { ok: true } : { ok: false, problem: `The bot answered ${reply.status}.` };
  }

  /** Slack sends app_home_opened each time a person opens the app's Home tab; a bot answers with views.publish. */
  async homeOpened(userId: string): Promise<{ ok: boolean; problem?: string }> {
    const { slack } = this.running();
    const reply = await slack.sendEvent(this.botUrl, {
      type: 'app_home_opened',
      user: userId,
      channel: slack.dmChannelFor(userId),
      tab: 'home',
    });
    return reply.status === 200 ? { ok: true } : { ok: false, problem: `The bot answered ${reply.status}.` };
  }

  async jump(userId: string): Promise<JumpResult> {
    const person = this.person(userId);
    if (!person) return { ok: false, message: 'Unknown person.' };
    const { bot, slack } = this.running();
    const result = await jumpToNextEvent(bot, this.clock, person, slack.workspace.teamId);
    this.onClockMoved();
    return result;
  }

  async nextEvent(userId: string): Promise<{ ok: boolean; next: NextEvent | null }> {
    if (!this.person(userId)) return { ok: false, next: null };
    const { bot, slack } = this.running();
    return { ok: true, next: await nextEventOf(bot, slack.workspace.teamId, userId) };
  }
}
