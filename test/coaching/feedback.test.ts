// Feedback on every answer, the honest sample and editing, as a user meets them: a drill asked for with
// /star, answered in the modal, and what the bot then shows in the drill's thread and on the drill message,
// checked against the database. Over signed HTTP through the local Slack, on a fresh database.
//
// Bad inputs tried: an Action told as "we" (the counts must be quoted), filler with no name, tool or number
// ("a lot of stuff", "improved significantly"), Slack markup and & < > in the words a check quotes back
// (<!channel>, <@U…>, "<1%"), an edit that scores higher, one that scores lower, and the same text saved again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../local-slack/index.ts';
import { openModal } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import {
  answerDrill,
  answeredDrill,
  answerRow,
  buttonsOf,
  drillRow,
  GUIDE_STRATEGIES,
  guideTopic,
  I_ANSWER,
  newUser,
  repliesTo,
  requestDrill,
  shownText,
  VAGUE_ANSWER,
  WE_ANSWER,
} from './support.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

/** "_(strategy 3: Quantify your impact)_" at the end of a line. */
const STRATEGY_NOTE = /_\(strategy (\d+): ([^)]+)\)_$/;

/** The glance: the sections before the recap ("Your answer, saved"), and its parts. */
function glance(feedback: StoredMessage) {
  const blocks = feedback.blocks as Array<{ type: string; text?: { text: string } }>;
  const recapAt = blocks.findIndex((b) => b.text?.text.startsWith(':memo: *Your answer, saved*'));
  const before = blocks.slice(0, recapAt);
  const sections = before.map((b) => b.text?.text ?? '');
  const improve = sections.find((s) => s.startsWith('*Improve first*')) ?? '';
  // An item is two lines: "1. *title* (p/max): why", then "→ suggestion _(strategy)_".
  const items = improve
    .split('\n')
    .slice(1)
    .reduce<string[]>((acc, line) => {
      if (line.trimStart().startsWith('→')) acc[acc.length - 1] += `\n${line}`;
      else acc.push(line);
      return acc;
    }, []);
  const worked = sections.find((s) => s.startsWith('*What worked:*')) ?? '';
  return { before, shown: shownText(before), items, worked };
}

const scoreOf = (text: string) => Number(/^Score: (\d{1,3})\/100\b/.exec(text)?.[1] ?? Number.NaN);

describe('feedback on every answer', () => {
  it('one thread reply that fits a glance: the score, the two things to improve first, what worked in one line, a button to the rest', async () => {
    const userId = newUser();
    const { channel, ts, drill, feedback } = await answeredDrill(t, userId, 'incidents', WE_ANSWER);

    const stored = await answerRow(t, drill.id);
    expect(stored?.score).toEqual(expect.any(Number));
    expect(stored?.feedback).not.toBeNull();
    expect(feedback.text).toMatch(/^Score: \d{1,3}\/100\b/);
    expect(scoreOf(feedback.text)).toBe(stored?.score);
    // The notification names what to improve first: this answer's weak point is ownership.
    expect(feedback.text).toMatch(/Improve first: Ownership/);

    const g = glance(feedback);
    expect(g.shown.length).toBeLessThanOrEqual(1200);
    expect(g.shown.split('\n')[0]).toBe(`:dart: *Score: ${stored?.score}/100*`);
    // At most two things, the biggest loss first, each with one suggestion and the guide strategy it comes from.
    const checks = stored?.feedback?.checks ?? [];
    const failed = checks
      .filter((c) => !c.passed)
      .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points));
    expect(g.items).toHaveLength(Math.min(2, failed.length));
    const guideTitles = new Map(GUIDE_STRATEGIES.map((s) => [s.title, s.number]));
    g.items.forEach((item, i) => {
      expect(item).toMatch(new RegExp(`^${i + 1}\\. \\*.+\\* \\(\\d+/\\d+\\): \\S`));
      expect(item).toContain(`*${failed[i]?.label}*`);
      expect(item).toMatch(/\n\s+→ \S.+/);
      const note = STRATEGY_NOTE.exec(item);
      expect(note, `no strategy named in: ${item}`).not.toBeNull();
      expect(guideTitles.get(String(note?.[2]))).toBe(Number(note?.[1]));
    });
    // What worked: the passed checks by name, nothing said against them.
    const passed = checks.filter((c) => c.passed).map((c) => c.label);
    expect(g.worked).toBe(`*What worked:* ${passed.join(' · ')}`);
    // The full breakdown is a click away.
    const button = buttonsOf(g.before).find((b) => b.label === 'See the full breakdown');
    expect(button?.value).toBe(String(drill.id));

    // The drill message now says it was answered, with the score, and its button edits the answer.
    const message = t.standin.message(channel, ts) as StoredMessage;
    expect(message.edited).toBe(true);
    expect(shownText(message.blocks)).toContain(`Score: ${stored?.score}/100`);
    expect(buttonsOf(message.blocks).map((b) => b.label)).toEqual(['Edit answer']);
    expect((await drillRow(t, drill.id)).feedbackTs).toBe(feedback.ts);
  });

  it('quotes the candidate in the glance: "we" five times and "I" once in the Action', async () => {
    const userId = newUser();
    const { feedback } = await answeredDrill(t, userId, 'incidents', WE_ANSWER);
    const ownership = glance(feedback).items.find((l) => l.includes('*Ownership: told as "I"*'));
    // Counted by hand in WE_ANSWER.action: We looked, we found, we flushed, we restarted, we wrote; I reviewed.
    expect(ownership).toContain("'we' 5 times");
    expect(ownership).toContain("'I' once");
    expect(ownership).toMatch(/→ .*"I /);
    expect(ownership).toMatch(/strategy 1: Review your experiences/);
  });

  it('filler: the glance leads with what costs most and quotes it; the score stays low', async () => {
    const userId = newUser();
    const { drill, feedback } = await answeredDrill(t, userId, 'incidents', VAGUE_ANSWER);
    const { items } = glance(feedback);
    // "We had to deal with it." names nothing: the Task counts as missing, which caps the score first.
    expect(items[0]).toMatch(
      /^1\. \*Fill in every part \(score capped at \d+\)\*: Task names nothing in particular \('We had to deal with it\.'\)/,
    );
    expect(items[1]).toContain('*Measured result*');
    expect(items[1]).toContain("'Performance improved significantly and everyone was happy'");
    expect(items[1]).toMatch(/not by how much/);
    const score = (await answerRow(t, drill.id))?.score ?? 100;
    expect(scoreOf(feedback.text)).toBe(score);
    expect(score).toBeLessThan(50);
  });

  it('markup in the words a check quotes is shown, not acted on', async () => {
    const userId = newUser();
    const answer = {
      situation: 'In May the <!channel> alerts at Acme & Co fired all night for the orders API.',
      task: 'I owned the orders API, so the fix was mine.',
      action:
        'I traced the errors to the <@U0BOSS> cron job & its retries, I paused it and I added jitter to the retry loop in Sidekiq.',
      result: 'Errors fell from 5% to <1% within 2 days. I learned to load-test retries.',
    };
    const { feedback } = await answeredDrill(t, userId, 'incidents', answer);
    const shown = shownText(feedback.blocks);
    expect(shown).toContain('from 5% to &lt;1%');
    expect(shown).not.toMatch(/<!channel>|<@U0BOSS>|<1%/);
    expect(feedback.text).not.toMatch(/<!|<@/);
  });
});

describe('an honest sample', () => {
  const incidents = guideTopic(1);
  const debt = guideTopic(4);
  // Read from the guide by hand: the incidents sample resolves a critical payment outage, the debt sample
  // convinces stakeholders to invest in paying debt down.
  const samples = [
    {
      query: 'incidents',
      topic: incidents,
      sampleQuestion: 'Tell me about a time when you had to resolve a critical production issue.',
      sampleWords: 'our payment processing system began failing intermittently',
    },
    {
      query: 'debt',
      topic: debt,
      sampleQuestion:
        'Tell me about a time when you had to convince stakeholders to invest in addressing technical debt.',
      sampleWords: 'developers were spending 40% of their time',
    },
  ];

  it.each(samples)(
    '/star $query: the note appears only on a drill whose question is not the sample’s',
    async ({ query, topic, sampleQuestion, sampleWords }) => {
      expect(topic.questions).toContain(sampleQuestion);
      const bankTopic = t.bot.ctx.bank.findTopic(query);
      expect(bankTopic && t.bot.ctx.bank.sampleQuestion(bankTopic).text).toBe(sampleQuestion);

      const userId = newUser();
      const seen = new Map<string, StoredMessage>();
      // A topic's questions come round one by one: three drills ask all three.
      for (let i = 0; i < topic.questions.length; i++) {
        const { drill, feedback } = await answeredDrill(t, userId, query, I_ANSWER);
        seen.set(drill.questionText, feedback);
      }
      expect([...seen.keys()].sort()).toEqual([...topic.questions].sort());

      for (const [question, feedback] of seen) {
        const lines = shownText(feedback.blocks).split('\n');
        const note = lines.filter((l) => /another question/.test(l));
        expect(shownText(feedback.blocks)).toContain(sampleWords);
        if (question === sampleQuestion) {
          expect(note).toEqual([]);
          expect(lines.some((l) => /sample answer to this question/.test(l))).toBe(true);
          expect(lines.some((l) => /for its structure/.test(l))).toBe(false);
        } else {
          // Says which question the sample was written for, and to use it for its structure.
          expect(note).toHaveLength(1);
          expect(note[0]).toContain(`_${sampleQuestion}_`);
          expect(lines.filter((l) => /Use it for its structure/.test(l))).toHaveLength(1);
          expect(lines.some((l) => /sample answer to this question/.test(l))).toBe(false);
        }
      }
    },
  );
});

describe('editing updates the feedback', () => {
  it('the same thread message is updated with the new score and the change; no second sample; the drill shows the last score', async () => {
    const userId = newUser();
    const { channel, ts, drill, feedback } = await answeredDrill(t, userId, 'incidents', WE_ANSWER);
    const first = (await answerRow(t, drill.id))?.score as number;
    const at = { channel, ts, drillId: drill.id };
    const sampleWords = 'our payment processing system began failing intermittently';
    const threadShows = (text: string) =>
      t.standin.thread(channel, ts).filter((m) => shownText(m.blocks).includes(text)).length;

    const edit = async (answer: Record<string, string>) => {
      const posts = t.standin.callsTo('chat.postMessage').length;
      const updates = t.standin.callsTo('chat.update').length;
      const replies = await answerDrill(t, userId, at, answer);
      // Still exactly one reply, the same message, updated in place with chat.update on its ts.
      expect(replies.map((r) => r.ts)).toEqual([feedback.ts]);
      expect(t.standin.callsTo('chat.postMessage').slice(posts)).toEqual([]);
      const updated = t.standin.callsTo('chat.update').slice(updates);
      expect(updated.filter((c) => c.args.ts === feedback.ts && c.response.ok === true)).toHaveLength(1);
      expect(threadShows(sampleWords)).toBe(1);
      const row = await answerRow(t, drill.id);
      expect(row).toMatchObject(answer);
      return { reply: replies[0] as StoredMessage, row };
    };

    // Told as "I" instead of "we": a better answer.
    const up = await edit(I_ANSWER);
    const second = up.row?.score as number;
    expect(second).toBeGreaterThan(first);
    expect(up.row?.previousScore).toBe(first);
    expect(up.reply.text).toMatch(new RegExp(`^Score: ${second}/100, up from ${first}\\b`));
    expect(shownText(up.reply.blocks)).toContain(`Score: ${second}/100, up from ${first}`);
    expect(up.reply.edited).toBe(true);
    expect(shownText(t.standin.message(channel, ts)?.blocks)).toContain(`Score: ${second}/100`);

    // Filler instead of detail: a worse one.
    const down = await edit(VAGUE_ANSWER);
    const third = down.row?.score as number;
    expect(third).toBeLessThan(second);
    expect(down.reply.text).toMatch(new RegExp(`^Score: ${third}/100, down from ${second}\\b`));
    const drillShown = shownText(t.standin.message(channel, ts)?.blocks);
    expect(drillShown).toContain(`Score: ${third}/100`);
    expect(drillShown).not.toContain(`Score: ${second}/100`);

    // The same text saved again scores the same, and says so.
    const same = await edit(VAGUE_ANSWER);
    expect(same.row?.score).toBe(third);
    expect(same.reply.text).toMatch(new RegExp(`^Score: ${third}/100, same as last time`));
  });

  it('the edit modal opens with the answer as saved', async () => {
    const userId = newUser();
    const { channel, ts, drill } = await requestDrill(t, userId, 'incidents');
    await answerDrill(t, userId, { channel, ts, drillId: drill.id }, WE_ANSWER);
    expect(repliesTo(t, channel, ts)).toHaveLength(1);
    const { view } = await openModal(t, userId, channel, ts, drill.id);
    const blocks = view().blocks as Array<{
      type: string;
      block_id: string;
      element: { initial_value?: string };
    }>;
    const prefilled = Object.fromEntries(
      blocks.filter((b) => b.type === 'input').map((b) => [b.block_id, b.element.initial_value]),
    );
    expect(prefilled).toEqual(WE_ANSWER);
  });
});
