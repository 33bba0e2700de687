// The people of the soak and stress benchmarks (bench/soak.ts), in a process of their own: a whole local Slack
// (it holds the DMs, threads and modals the bot makes, and answers the bot's Web API) and N people who each act
// every ~10 s through it, as Slack would send their requests: signed, over HTTP, to the bot's /slack/events.
//
// Each person goes round one cycle: `/star random` -> "Answer with STAR" on the drill -> save an answer -> a
// rating on the feedback -> `/star status` -> `/star history` -> open the Home tab -> again. Prints { apiUrl }
// at start; receives a `SoakJob` over IPC and answers with a `SoakResult`.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  buttonsIn,
  type LocalSlackChange,
  type OpenedView,
  type SlackReply,
  type StoredMessage,
  startSlackStandin,
} from '../local-slack/index.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_RATE_DRILL,
  ACTION_STAR_INPUT,
  VIEW_STAR_ANSWER,
} from '../src/views/ids.ts';
import { ANSWER, CYCLE, type Kind, type SoakJob, type SoakResult } from './soak-types.ts';

/** How long a person looks for the outcome of a click or a drill request, from its ack. */
const CLICK_WAIT_MS = 8_000;
/** How long a watch for an outcome lasts at most (the ack itself may come late on a starved machine). */
const WATCH_MS = 60_000;

/** The outcome seen within CLICK_WAIT_MS of the ack (the watch started before the request was sent). */
const afterAck = <T>(seen: Promise<T | undefined>) =>
  Promise.race([seen, sleep(CLICK_WAIT_MS).then(() => undefined)]);
const WINDOW_MS = 10_000;
const SIGNING_SECRET = process.env.SLACK_SIGNING_SECRET ?? '';

const slack = await startSlackStandin({
  signingSecret: SIGNING_SECRET,
  botToken: process.env.SLACK_BOT_TOKEN,
  recordCalls: false,
});

/** Changes of the local Slack, by the person they concern. */
const watchers = new Map<string, Set<(c: LocalSlackChange) => void>>();
const dmOwner = new Map<string, string>();
slack.onChange((c) => {
  const user =
    c.kind === 'view'
      ? c.view.user
      : c.kind === 'ephemeral'
        ? c.message.to
        : c.kind === 'message'
          ? dmOwner.get(c.message.channel)
          : undefined;
  if (user) for (const w of watchers.get(user) ?? []) w(c);
});

/** The first change for `user` that `match` accepts (its answer), or undefined after `ms`. */
function waitForChange<T>(user: string, match: (c: LocalSlackChange) => T | undefined, ms: number) {
  return new Promise<T | undefined>((resolve) => {
    const set = watchers.get(user) ?? new Set();
    watchers.set(user, set);
    const done = (value: T | undefined) => {
      clearTimeout(timer);
      set.delete(watcher);
      resolve(value);
    };
    const watcher = (c: LocalSlackChange) => {
      const value = match(c);
      if (value !== undefined) done(value);
    };
    const timer = setTimeout(() => done(undefined), ms);
    set.add(watcher);
  });
}

const isBusy = (text: string) => /busy right now|too busy/.test(text);
/** What an ephemeral says of a request: busy, or something else; undefined for any other change. */
const ephemeralOutcome = (c: LocalSlackChange) =>
  c.kind === 'ephemeral' ? (isBusy(c.message.text) ? 'busy' : 'other') : undefined;
const button = (m: StoredMessage, prefix: string) =>
  [...buttonsIn(m.blocks)].find((b) => String(b.element.action_id).startsWith(prefix))?.element;

/** A modal that opened on a click: the STAR modal (its id), a busy notice, or a loading one (wait on). */
function modalOutcome(view: OpenedView): string | undefined {
  if (view.view.callback_id === VIEW_STAR_ANSWER) return view.id;
  return isBusy(JSON.stringify(view.view.blocks ?? [])) ? 'busy' : undefined;
}

async function runJob(job: SoakJob): Promise<SoakResult> {
  const zero = () => Object.fromEntries(CYCLE.map((k) => [k, 0])) as Record<Kind, number>;
  const r: SoakResult = {
    requests: zero(),
    failed: 0,
    lateAcks: 0,
    ackMs: [],
    busy: zero(),
    silentClicks: 0,
    lostDrills: 0,
    saved: 0,
    stepErrors: 0,
    windows: [],
    elapsedMs: 0,
  };
  let win = { requests: 0, busy: 0, silent: 0 };
  let people = 0;
  const started = performance.now();
  const ending = started + job.durationMs;
  const sent = (kind: Kind, reply: SlackReply) => {
    r.requests[kind] += 1;
    win.requests += 1;
    if (reply.status !== 200) r.failed += 1;
    if (reply.ms >= 3_000) r.lateAcks += 1;
    r.ackMs.push(reply.ms);
    return reply;
  };
  const busy = (kind: Kind) => {
    r.busy[kind] += 1;
    win.busy += 1;
  };
  const silent = () => {
    r.silentClicks += 1;
    win.silent += 1;
  };
  const windows = setInterval(() => {
    r.windows.push({ atS: Math.round((performance.now() - started) / 1000), people, ...win });
    win = { requests: 0, busy: 0, silent: 0 };
  }, WINDOW_MS);

  async function person(index: number): Promise<void> {
    const user = `USOAK${String(index).padStart(5, '0')}`;
    slack.setUser({
      id: user,
      name: `soak.${index}`,
      tz: ['Europe/London', 'Asia/Kolkata', 'America/New_York'][index % 3],
    });
    const dm = slack.dmChannelFor(user);
    dmOwner.set(dm, user);
    let drill: StoredMessage | undefined;
    let modal: string | undefined;
    let step = 0;
    await sleep(Math.random() * job.periodMs);
    while (performance.now() < ending) {
      const kind = CYCLE[step % CYCLE.length] as Kind;
      step += 1;
      const acted = performance.now();
      try {
        await act(kind);
      } catch (err) {
        r.stepErrors += 1;
        if (r.stepErrors <= 3) console.error(`soak person ${user} ${kind}:`, err);
      }
      const wait = job.periodMs * (0.7 + Math.random() * 0.6) - (performance.now() - acted);
      await sleep(Math.max(0, Math.min(wait, ending - performance.now())));
    }

    async function act(kind: Kind): Promise<void> {
      if (kind === 'drill') {
        const came = waitForChange(
          user,
          (c) =>
            c.kind === 'message' && !c.message.thread_ts && button(c.message, ACTION_ANSWER_DRILL)
              ? c.message
              : c.kind === 'ephemeral' && isBusy(c.message.text)
                ? 'busy'
                : undefined,
          CLICK_WAIT_MS,
        );
        const reply = sent(kind, await slack.slashCommand(job.botUrl, { userId: user, text: 'random' }));
        const outcome = isBusy(reply.body) ? 'busy' : await came;
        if (outcome === 'busy') busy(kind);
        else if (outcome === undefined) r.lostDrills += 1;
        else drill = outcome;
      } else if (kind === 'click') {
        const answer = drill && button(drill, ACTION_ANSWER_DRILL);
        if (drill && answer) {
          const seen = waitForChange(
            user,
            (c) =>
              c.kind === 'view' && c.view.type === 'modal' && !c.view.closed
                ? modalOutcome(c.view)
                : ephemeralOutcome(c),
            WATCH_MS,
          );
          sent(
            kind,
            await slack.clickButton(job.botUrl, {
              userId: user,
              channel: dm,
              messageTs: drill.ts,
              actionId: ACTION_ANSWER_DRILL,
              value: String(answer.value),
            }),
          );
          const outcome = await afterAck(seen);
          if (outcome === undefined) silent();
          else if (outcome === 'busy') busy(kind);
          else if (outcome !== 'other') modal = outcome;
        }
      } else if (kind === 'answer') {
        const open = modal ? slack.views.get(modal) : undefined;
        if (open && !open.closed && open.view.callback_id === VIEW_STAR_ANSWER) {
          const values = Object.fromEntries(
            Object.entries(ANSWER).map(([part, text]) => [
              part,
              { [ACTION_STAR_INPUT]: `${text} (${step})` },
            ]),
          );
          const reply = sent(
            kind,
            await slack.submitView(job.botUrl, { userId: user, viewId: open.id, values }),
          );
          if (reply.status === 200 && !reply.body) r.saved += 1;
          else if (isBusy(reply.body)) busy(kind);
          if (!open.closed) slack.closeView(user, open.id);
        }
        modal = undefined;
      } else if (kind === 'rate') {
        const feedback = drill && slack.thread(dm, drill.ts).find((m) => button(m, ACTION_RATE_DRILL));
        const rate =
          feedback &&
          [...buttonsIn(feedback.blocks)].find((b) => String(b.element.action_id).endsWith('_good'));
        if (feedback && rate) {
          const seen = waitForChange(
            user,
            (c) => (c.kind === 'message' && c.message.ts === feedback.ts ? 'updated' : ephemeralOutcome(c)),
            WATCH_MS,
          );
          sent(
            kind,
            await slack.clickButton(job.botUrl, {
              userId: user,
              channel: dm,
              messageTs: feedback.ts,
              actionId: String(rate.element.action_id),
              value: String(rate.element.value),
            }),
          );
          const outcome = await afterAck(seen);
          if (outcome === undefined) silent();
          else if (outcome === 'busy') busy(kind);
        }
        drill = undefined;
      } else if (kind === 'status' || kind === 'history') {
        const told = waitForChange(
          user,
          (c) => (c.kind === 'ephemeral' ? c.message.text : undefined),
          CLICK_WAIT_MS,
        );
        const reply = sent(kind, await slack.slashCommand(job.botUrl, { userId: user, text: kind }));
        if (isBusy(reply.body) || (!reply.body && isBusy((await told) ?? ''))) busy(kind);
      } else {
        sent(
          kind,
          await slack.sendEvent(job.botUrl, { type: 'app_home_opened', user, channel: dm, tab: 'home' }),
        );
      }
    }
  }

  const everyone: Array<Promise<void>> = [];
  const add = (count: number) => {
    for (let i = 0; i < count && people < job.maxPeople; i++) everyone.push(person(people++));
  };
  add(job.people);
  while (people < job.maxPeople && performance.now() + job.stepMs < ending) {
    await sleep(job.stepMs);
    add(job.step);
  }
  await Promise.all(everyone);
  clearInterval(windows);
  r.elapsedMs = performance.now() - started;
  return r;
}

process.once('message', (job: SoakJob) => {
  runJob(job).then(
    (result) => process.send?.(result),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.on('disconnect', () => void slack.close().then(() => process.exit(0)));
console.log(JSON.stringify({ apiUrl: slack.apiUrl }));
