// Bad inputs tried: the real bank (5 topics) and a synthetic bank of 60 topics with long titles and key
// concepts; unknown-topic queries of '<!channel>', '<@U0BOSS>', 4,000 'x', 4,000 '&', 100 emoji and an
// emoji after an odd prefix; history of 0, 1 and 10 rows, answered and not, with titles and questions of
// '<!channel>', 3,000 '&', 3,000 emoji, and question lengths swept from 200 to 400 so the 3,000-character cut
// lands on every part of a row (date token, title, status, question); plain replies of 5,000 characters,
// of escaped '&' and of emoji.
import type { KnownBlock, SectionBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTopic } from '../../src/bank/find-topic.ts';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import {
  BUSY,
  type HistoryRow,
  helpReply,
  historyReply,
  plainReply,
  topicKeyword,
  topicsReply,
  UNAVAILABLE,
  unknownTopicReply,
} from '../../src/views/command-replies.ts';
import { escapeMrkdwn } from '../../src/views/mrkdwn.ts';
import { messageProblems, RAW_MENTION, STRAY_ANGLE, shownText } from './limits.ts';

let bank: QuestionBank;
let find: (q: string) => Topic | null;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  find = (q) => bank.findTopic(q);
});

const textOf = (block: KnownBlock | undefined) => (block as SectionBlock).text?.text ?? '';

/** A bank bigger than the shipped one: nothing in the code bounds the number of topics or guides. */
function syntheticTopics(n: number): Topic[] {
  return Array.from({ length: n }, (_, i) => {
    const number = i + 1;
    const slug = `topic-${number}-${'long'.repeat(5)}`;
    return {
      slug,
      number,
      title: `Topic ${number} ${'Long'.repeat(5)} Handling Edge Cases`,
      keyConcepts: `Key concepts of topic ${number}. ${'k'.repeat(2900)}`,
      questions: [
        {
          id: `q_${String(number).padStart(10, '0')}`,
          topicSlug: slug,
          number: 1,
          text: `Question ${number}?`,
        },
      ],
      sampleAnswer: { situation: 's', task: 't', action: 'a', result: 'r' },
      followUps: ['f'],
      sourceFile: 'synthetic.md',
    };
  });
}

/** Problems other than the stray `<topic>` of the help text, which has its own failing test below. */
const problemsExceptHelpUsage = (m: Parameters<typeof messageProblems>[0]) =>
  messageProblems(m).filter((p) => !p.includes(`stray '<' in "<topic>`));

describe('topicKeyword', () => {
  it('suggests, for each real topic, a word that names that topic alone', () => {
    expect(bank.topics.map((t) => [t.slug, topicKeyword(t, find)])).toEqual([
      ['handling-production-incidents', 'production'],
      ['cross-functional-collaboration', 'cross-functional'],
      ['learning-new-technologies-quickly', 'technologies'],
      ['balancing-technical-debt-with-new-features', 'debt'],
      ['leadership-in-technical-decision-making', 'leadership'],
    ]);
  });

  it('falls back to the number when no title word names the topic alone', () => {
    const topics = syntheticTopics(2); // both titles share every word of four letters or more
    expect(topicKeyword(topics[0] as Topic, (q) => findTopic(topics, q))).toBe('1');
  });
});

describe('helpReply', () => {
  it('is an intro, the commands and the topics with the word to type for each', () => {
    const m = helpReply(bank.topics, find);
    expect(m.text).toBe(
      'Star Drill: practise behavioral interview answers with the STAR method. Try /star random.',
    );
    expect(m.blocks.map((b) => b.type)).toEqual(['section', 'section', 'section']);
    expect(textOf(m.blocks[0])).toMatch(/^\*Star Drill\* sends you a behavioral interview question/);
    expect(textOf(m.blocks[2])).toBe(
      [
        '*Topics*',
        '*1.* Handling Production Incidents · `production`',
        '*2.* Cross-Functional Collaboration · `cross-functional`',
        '*3.* Learning New Technologies Quickly · `technologies`',
        '*4.* Balancing Technical Debt with New Features · `debt`',
        '*5.* Leadership in Technical Decision-Making · `leadership`',
      ].join('\n'),
    );
    expect(problemsExceptHelpUsage(m)).toEqual([]);
  });

  it('lists every subcommand the router knows, one per line', () => {
    const lines = textOf(helpReply(bank.topics, find).blocks[1]).split('\n');
    expect(lines[0]).toBe('*Commands*');
    const usages = lines.slice(1).map((l) => /^`([^`]+)`/.exec(l)?.[1]);
    expect(usages).toEqual([
      '/star &lt;topic&gt;',
      '/star random',
      '/star topics',
      '/star history',
      '/star stories',
      '/star role',
      '/star mock',
      '/star tips',
      '/star subscribe [HH:MM] [daily|weekdays] [topic ...]',
      '/star status',
      '/star skip',
      '/star pause until YYYY-MM-DD',
      '/star resume',
      '/star interview YYYY-MM-DD',
      '/star recap on|off',
      '/star export',
      '/star delete',
      '/star unsubscribe',
      '/star model on|off',
      '/star help',
    ]);
  });

  // Slack parses `<...>` as a link or mention even inside backticks (integrations/slack#1761:
  // `map<string,string>` shows as `mapstringstring`), so the placeholder must be escaped.
  it('escapes the <topic> placeholder in the help text', () => {
    const commands = textOf(helpReply(bank.topics, find).blocks[1]);
    expect(commands).not.toMatch(STRAY_ANGLE);
    expect(commands).toContain('`/star &lt;topic&gt;`');
  });

  it('fits Slack with 60 long topics', () => {
    const topics = syntheticTopics(60);
    expect(problemsExceptHelpUsage(helpReply(topics, (q) => findTopic(topics, q)))).toEqual([]);
  });
});

describe('topicsReply', () => {
  it('is one section per topic: number, title, the command to type, key concepts', () => {
    const m = topicsReply(bank.topics, find);
    expect(m.blocks).toHaveLength(5);
    expect(textOf(m.blocks[0])).toBe(
      '*1. Handling Production Incidents* · `/star production`\nProduction incidents test your ability to work under pressure, diagnose complex problems, communicate clearly, and implement both short-term fixes and long-term solutions.',
    );
    expect(m.blocks.map((b) => textOf(b).split('\n')[0])).toEqual([
      '*1. Handling Production Incidents* · `/star production`',
      '*2. Cross-Functional Collaboration* · `/star cross-functional`',
      '*3. Learning New Technologies Quickly* · `/star technologies`',
      '*4. Balancing Technical Debt with New Features* · `/star debt`',
      '*5. Leadership in Technical Decision-Making* · `/star leadership`',
    ]);
    expect(m.text).toBe(
      '1. Handling Production Incidents, 2. Cross-Functional Collaboration, 3. Learning New Technologies Quickly, 4. Balancing Technical Debt with New Features, 5. Leadership in Technical Decision-Making',
    );
    expect(messageProblems(m)).toEqual([]);
  });

  it('clips each topic to one section with 60 long topics', () => {
    const topics = syntheticTopics(60);
    const m = topicsReply(topics, (q) => findTopic(topics, q));
    expect(messageProblems(m).filter((p) => !p.startsWith('60 blocks'))).toEqual([]);
  });

  // Regression test (a latent bug this test found): one section per topic and nothing bounds the number of topics (every *.md in content/ is a
  // guide). From 51 topics on, `/star topics` is refused by Slack (invalid_blocks: at most 50 blocks), so the
  // command fails outright. The shipped guide has 5 topics. Fix: group topics into sections (or cap and say so).
  it('stays within 50 blocks with 60 topics', () => {
    const topics = syntheticTopics(60);
    expect(topicsReply(topics, (q) => findTopic(topics, q)).blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('unknownTopicReply', () => {
  const reply = (query: string) => unknownTopicReply(query, bank.topics, find);

  it('says what was not understood, points to help, and lists the topics', () => {
    const m = reply('kubernetes');
    expect(m.text).toBe(
      "I don't know the topic or command `kubernetes`. Pick a topic below, or try `/star help`.",
    );
    expect(textOf(m.blocks[0])).toBe(m.text);
    expect(textOf(m.blocks[1])).toMatch(
      /^\*Topics\*\n\*1\.\* Handling Production Incidents · `production`\n/,
    );
    expect(textOf(m.blocks[1]).split('\n')).toHaveLength(6);
    expect(messageProblems(m)).toEqual([]);
  });

  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U0BOSS> & <https://evil.example|docs>', '&lt;@U0BOSS&gt; &amp; &lt;https://evil.example|docs&gt;'],
    ['x'.repeat(4000), `${'x'.repeat(59)}…`],
    ['&'.repeat(4000), `${'&amp;'.repeat(59)}…`],
    ['😀'.repeat(100), `${'😀'.repeat(59)}…`],
    [`x${'😀'.repeat(100)}`, `x${'😀'.repeat(58)}…`],
  ])('shows %j escaped and clipped to 60 characters', (query, shown) => {
    const m = reply(query);
    expect(m.text).toBe(
      `I don't know the topic or command \`${shown}\`. Pick a topic below, or try \`/star help\`.`,
    );
    expect(messageProblems(m)).toEqual([]);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
  });
});

describe('historyReply', () => {
  // 2026-03-09 12:00:30 UTC = 1773057630 s; 2026-03-10 08:15:00 UTC = 1773130500 s (date -u -d ... +%s).
  const created = new Date('2026-03-09T12:00:30Z');
  const answered = new Date('2026-03-10T08:15:00Z');
  const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
    topicTitle: 'Handling Production Incidents',
    questionText: 'Tell me about a time when you had to resolve a critical production issue.',
    createdAt: created,
    answeredAt: null,
    ...over,
  });

  it('with no drills: says so and suggests a first one', () => {
    const m = historyReply([]);
    expect(m.text).toBe('No drills yet. Try `/star random` for your first one.');
    expect(m.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: m.text } }]);
  });

  it('an answered row: date token, topic, "answered", the question in italics', () => {
    const m = historyReply([row({ answeredAt: answered })]);
    expect(m.blocks).toHaveLength(2);
    expect(textOf(m.blocks[1])).toBe(
      '<!date^1773057630^{date_short}|2026-03-09 12:00 UTC> · *Handling Production Incidents* · :white_check_mark: answered\n_Tell me about a time when you had to resolve a critical production issue._',
    );
    expect(messageProblems(m)).toEqual([]);
  });

  it('a row not answered says "not answered yet"', () => {
    const m = historyReply([row()]);
    expect(textOf(m.blocks[1])).toBe(
      '<!date^1773057630^{date_short}|2026-03-09 12:00 UTC> · *Handling Production Incidents* · :hourglass_flowing_sand: not answered yet\n_Tell me about a time when you had to resolve a critical production issue._',
    );
  });

  // Regression test (a bug this test found): with one row the reply says "Your last 1 drills" (text and heading). Fix in
  // src/views/command-replies.ts: singular for one row ("Your last drill").
  it('with one row the heading is singular, not "Your last 1 drills"', () => {
    const m = historyReply([row({ answeredAt: answered })]);
    expect(m.text).not.toMatch(/\b1 drills\b/);
    expect(textOf(m.blocks[0])).not.toMatch(/\b1 drills\b/);
    expect(m.text).toMatch(/^Your last (1 )?drill$/);
  });

  it('ten rows: the count, every row in order, answered and not told apart', () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      row({ questionText: `Question ${i + 1}?`, answeredAt: i % 2 === 0 ? answered : null }),
    );
    const m = historyReply(rows);
    expect(m.text).toBe('Your last 10 drills');
    expect(textOf(m.blocks[0])).toBe('*Your last 10 drills*');
    const entries = textOf(m.blocks[1]).split('\n\n');
    expect(entries).toHaveLength(10);
    entries.forEach((entry, i) => {
      expect(entry.endsWith(`\n_Question ${i + 1}?_`)).toBe(true);
      expect(entry).toContain(
        i % 2 === 0 ? ':white_check_mark: answered' : ':hourglass_flowing_sand: not answered yet',
      );
    });
    expect(messageProblems(m)).toEqual([]);
  });

  it('escapes titles and questions', () => {
    const m = historyReply([row({ topicTitle: '<!channel> & co', questionText: 'Ask <@U0BOSS>' })]);
    expect(textOf(m.blocks[1])).toContain('· *&lt;!channel&gt; &amp; co* ·');
    expect(textOf(m.blocks[1])).toContain('_Ask &lt;@U0BOSS&gt;_');
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
  });

  it.each([
    ['3,000 &', '&'.repeat(3000)],
    ['3,000 emoji', '😀'.repeat(3000)],
    ['emoji after an odd prefix', `x${'😀'.repeat(2999)}`],
    ['<!channel> repeated', '<!channel> '.repeat(272)],
  ])('ten rows with titles and questions of %s fit one section, clipped whole', (_name, text) => {
    const m = historyReply(Array.from({ length: 10 }, () => row({ topicTitle: text, questionText: text })));
    expect(messageProblems(m)).toEqual([]);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
  });

  // Regression test (a latent bug this test found): rows are joined and then clipped to 3,000 characters as one text, so with long questions
  // the cut can land inside a row's `<!date^…|…>` token, leaving an unclosed `<!date^17730…` that Slack
  // shows as garbage (and the heading still says "10 drills" when fewer are visible). Needs questions of a
  // few hundred characters; the shipped guide's longest is under 100. Fix: budget each row (as feedback.ts
  // budgets each part) or drop whole rows.
  it('never cuts a row in the middle of its date token, whatever the question length', () => {
    const cut: number[] = [];
    for (let length = 200; length <= 400; length += 1) {
      const m = historyReply(Array.from({ length: 10 }, () => row({ questionText: 'q'.repeat(length) })));
      if (STRAY_ANGLE.test(textOf(m.blocks[1]))) cut.push(length);
    }
    expect(cut).toEqual([]);
  });
});

describe('plainReply', () => {
  it('is one mrkdwn section with the same text as the fallback', () => {
    expect(plainReply('Hello *there*')).toEqual({
      text: 'Hello *there*',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello *there*' } }],
    });
  });

  it.each([
    ['5,000 letters', 'w'.repeat(5000), `${'w'.repeat(2999)}…`],
    ['escaped &', escapeMrkdwn('&'.repeat(1000)), `${'&amp;'.repeat(599)}…`],
    ['emoji', '😀'.repeat(2000), `${'😀'.repeat(1499)}…`],
  ])('clips %s to 3000 characters, whole, keeping the full fallback text', (_name, text, shown) => {
    const m = plainReply(text);
    expect(textOf(m.blocks[0])).toBe(shown);
    expect(m.text).toBe(text);
    expect(messageProblems(m)).toEqual([]);
  });

  it.each([
    ['BUSY', BUSY],
    ['UNAVAILABLE', UNAVAILABLE],
  ])('%s says nothing was changed and to try again', (_name, text) => {
    expect(text).toMatch(/nothing was changed/);
    expect(text).toMatch(/try again in a minute/);
    expect(messageProblems(plainReply(text))).toEqual([]);
  });
});
