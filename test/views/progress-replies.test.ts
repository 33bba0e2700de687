// Bad inputs tried: not subscribed for each command; a pause ending next year; resume when not paused; an
// interview today, tomorrow and in 3 days; interview off with and without a countdown; counts of 0 and 1.
import { describe, expect, it } from 'vitest';
import {
  DELETED_REPLY,
  exportComment,
  interviewReply,
  pausedReply,
  recapReply,
  resumedReply,
} from '../../src/views/progress-replies.ts';
import { messageProblems, shownText } from './limits.ts';

const NY = 'America/New_York';
const NOW = new Date('2026-03-10T15:00:00Z'); // Tue 10 Mar, 11:00 EDT
const NEXT = { localDate: '2026-03-11', dueAt: new Date('2026-03-11T13:00:00Z') };

const only = (m: { text: string; blocks: unknown[] }) => {
  expect(messageProblems(m)).toEqual([]);
  expect(shownText(m.blocks)).toBe(m.text);
  return m.text;
};

describe('command replies for progress and habit', () => {
  it('pause', () => {
    expect(
      only(
        pausedReply({
          subscribed: true,
          until: '2026-03-16',
          next: { localDate: '2026-03-16', dueAt: new Date('2026-03-16T13:00:00Z') },
          zone: NY,
          now: NOW,
        }),
      ),
    ).toBe(
      ':double_vertical_bar: Paused: no drills until *Mon 16 Mar*, when they start again; the first comes *Mon 16 Mar at 09:00*. `/star resume` ends the pause sooner.',
    );
    expect(only(pausedReply({ subscribed: false }))).toBe(
      'You are not subscribed, so there are no drills to pause. Start with `/star subscribe`.',
    );
  });

  it('resume', () => {
    expect(only(resumedReply({ subscribed: true, wasPaused: true, next: NEXT, zone: NY, now: NOW }))).toBe(
      ':arrow_forward: Resumed: your next drill comes *Wed 11 Mar at 09:00 (tomorrow)*.',
    );
    expect(only(resumedReply({ subscribed: true, wasPaused: false, next: NEXT, zone: NY, now: NOW }))).toBe(
      'You were not paused; nothing changed. Your next drill comes *Wed 11 Mar at 09:00 (tomorrow)*.',
    );
    expect(only(resumedReply({ subscribed: false }))).toContain('no drills to resume');
  });

  it('interview', () => {
    expect(
      only(
        interviewReply({
          subscribed: true,
          date: '2026-03-13',
          days: 'weekdays',
          next: NEXT,
          zone: NY,
          now: NOW,
        }),
      ),
    ).toBe(
      ':dart: Interview on *Fri 13 Mar*: 3 days to your interview. Until then a drill comes every day, weekends too, weakest topics first; the day after, your usual drills (weekdays) come back. Next drill: *Wed 11 Mar at 09:00 (tomorrow)*. `/star interview off` stops the countdown.',
    );
    expect(
      only(
        interviewReply({ subscribed: true, date: '2026-03-10', days: 21, next: NEXT, zone: NY, now: NOW }),
      ),
    ).toContain('Interview on *Tue 10 Mar*: your interview is today. ');
    expect(
      only(
        interviewReply({ subscribed: true, date: '2026-03-11', days: 21, next: NEXT, zone: NY, now: NOW }),
      ),
    ).toContain(
      '1 day to your interview. Until then a drill comes every day, weekends too, weakest topics first; the day after, your usual drills (Mon, Wed, Fri) come back.',
    );
    expect(only(interviewReply({ subscribed: true, date: null, had: true, days: 'daily' }))).toBe(
      ':white_check_mark: Interview countdown off: back to your usual drills (every day).',
    );
    expect(only(interviewReply({ subscribed: true, date: null, had: false, days: 'daily' }))).toBe(
      'There was no interview countdown to stop; nothing changed.',
    );
    expect(only(interviewReply({ subscribed: false }))).toContain('Start with `/star subscribe`.');
  });

  it('recap, export, delete', () => {
    expect(only(recapReply(true))).toBe(
      ':white_check_mark: Weekly recap on: each Monday at your drill time, a short summary of the week before, when you answered at least one drill.',
    );
    expect(only(recapReply(false))).toBe('Weekly recap off. `/star recap on` brings it back.');
    expect(exportComment({ drills: 0, answered: 0 })).toBe('Your Star Drill export: no drills yet.');
    expect(exportComment({ drills: 1, answered: 0 })).toBe(
      'Your Star Drill export: 1 drill, 0 answered, newest first.',
    );
    expect(exportComment({ drills: 1000, answered: 998 })).toBe(
      'Your Star Drill export: 1000 drills, 998 answered, newest first.',
    );
    expect(only(DELETED_REPLY)).toBe(
      ':wastebasket: Deleted: everything Star Drill kept about you is gone. `/star subscribe` starts afresh.',
    );
  });
});
