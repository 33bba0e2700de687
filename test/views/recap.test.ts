// Bad inputs tried: topic titles of 3,000 '<', '&' and emoji and '<!channel>'; a recap without scores,
// without a comparison, with one topic; weeks across New Year; changes of 0, +1 and -40; a streak of 1 and
// a longest streak equal to the current one.
import { describe, expect, it } from 'vitest';
import type { WeeklyRecap } from '../../src/progress/recap.ts';
import { changeLabel, recapMessage, weekLabel } from '../../src/views/recap.ts';
import { messageProblems, RAW_MENTION, shownText, WORST_PARTS } from './limits.ts';

const RECAP: WeeklyRecap = {
  weekStart: '2026-03-02',
  weekEnd: '2026-03-08',
  answered: 5,
  averageScore: 73,
  previousAverage: 50,
  change: 23,
  strongest: { slug: 'incidents', title: 'Handling Production Incidents', averageScore: 85, answered: 2 },
  weakest: { slug: 'conflict', title: 'Conflict', averageScore: 50, answered: 1 },
  streak: { current: 5, longest: 12 },
};

describe('recapMessage', () => {
  it('says every fact on its own line', () => {
    const m = recapMessage(RECAP);
    expect(m.text).toBe('Your week: 5 drills answered, average score 73 (up 23 from last week).');
    expect(shownText(m.blocks)).toBe(
      [
        '*Your week in Star Drill* · Mon 2 Mar – Sun 8 Mar',
        ':white_check_mark: *5 drills* answered',
        ':bar_chart: Average score ▰▰▰▰▱ 73, up 23 from last week',
        ':muscle: Strongest: *Handling Production Incidents* (85)',
        ':dart: To work on: *Conflict* (50)',
        ':fire: Streak: *5 drill days* (longest 12)',
        '`/star recap off` stops these weekly recaps.',
      ].join('\n'),
    );
    expect(messageProblems(m)).toEqual([]);
  });

  it('leaves out what it does not know', () => {
    const m = recapMessage({
      ...RECAP,
      answered: 1,
      averageScore: null,
      previousAverage: null,
      change: null,
      strongest: null,
      weakest: null,
      streak: { current: 1, longest: 1 },
    });
    expect(m.text).toBe('Your week: 1 drill answered.');
    expect(shownText(m.blocks)).toContain(
      ':white_check_mark: *1 drill* answered\n:fire: Streak: *1 drill day*\n',
    );
    expect(shownText(m.blocks)).not.toContain('Average');
    expect(shownText(m.blocks)).not.toContain('longest');
  });

  it('one topic is named once', () => {
    const m = recapMessage({ ...RECAP, weakest: null, change: null });
    expect(shownText(m.blocks)).toContain(':muscle: Topic: *Handling Production Incidents* (85)');
    expect(shownText(m.blocks)).toContain('Average score ▰▰▰▰▱ 73\n');
    expect(m.text).toBe('Your week: 5 drills answered, average score 73.');
  });

  it.each(Object.entries(WORST_PARTS))('stays within limits with a title of %s', (_, title) => {
    const m = recapMessage({
      ...RECAP,
      strongest: { ...(RECAP.strongest as NonNullable<WeeklyRecap['strongest']>), title },
      weakest: { ...(RECAP.weakest as NonNullable<WeeklyRecap['weakest']>), title },
    });
    expect(messageProblems(m)).toEqual([]);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
  });
});

describe('weekLabel and changeLabel', () => {
  it.each([
    ['2026-03-02', '2026-03-08', 'Mon 2 Mar – Sun 8 Mar'],
    ['2026-12-28', '2027-01-03', 'Mon 28 Dec 2026 – Sun 3 Jan 2027'],
  ])('%s..%s -> %s', (start, end, label) => {
    expect(weekLabel(start, end)).toBe(label);
  });

  it.each([
    [null, null],
    [0, 'the same as last week'],
    [1, 'up 1 from last week'],
    [-40, 'down 40 from last week'],
  ])('%j -> %j', (change, label) => {
    expect(changeLabel(change)).toBe(label);
  });
});
