// The model's thread reply as Slack renders it: within Block Kit's limits at the schema's longest texts,
// the model's words escaped (no mention, no link), and each part shown only when it survived grounding.

import { describe, expect, it } from 'vitest';
import { MODEL_UNAVAILABLE, modelCoachingMessage, whatIsSent } from '../../src/views/model-coaching.ts';
import { messageProblems, RAW_MENTION, STRAY_ANGLE, shownText } from './limits.ts';

const longest = {
  drillId: 123456789,
  host: 'models.example.com:8443',
  followUps: [
    { number: 4, question: `<!channel> ${'why '.repeat(99)}` },
    { number: 5, question: `<@U123> & ${'how '.repeat(99)}` },
  ],
  rewrite: {
    action: `<!here> ${'I did & checked '.repeat(124)}`,
    result: `${'it fell <b> '.repeat(99)}`,
    changes: Array.from({ length: 6 }, () => `<https://evil.example|click> ${'x'.repeat(260)}`),
  },
};

describe('modelCoachingMessage', () => {
  it('fits Slack at the longest texts the reply schema allows, with every mention and link escaped', () => {
    const message = modelCoachingMessage(longest);
    expect(messageProblems(message)).toEqual([]);
    const text = shownText(message.blocks);
    expect(text).not.toMatch(RAW_MENTION);
    expect(text).not.toMatch(STRAY_ANGLE);
  });

  it('shows a practise button per follow-up, numbered after the guide’s', () => {
    const message = modelCoachingMessage({ ...longest, followUps: [{ number: 4, question: 'Why?' }] });
    expect(JSON.stringify(message.blocks)).toContain('"value":"123456789:4"');
    expect(JSON.stringify(message.blocks)).not.toContain(':5"');
  });

  it('says only what it has: follow-ups without a rewrite, or a rewrite without follow-ups', () => {
    const onlyFollowUps = modelCoachingMessage({ ...longest, rewrite: undefined });
    expect(shownText(onlyFollowUps.blocks)).not.toContain('A stronger Action and Result');
    expect(onlyFollowUps.text).toBe('Extra coaching: 2 follow-up questions about your story.');
    const onlyRewrite = modelCoachingMessage({ ...longest, followUps: [] });
    expect(shownText(onlyRewrite.blocks)).not.toContain('Follow-up questions about your story');
    expect(onlyRewrite.text).toBe('Extra coaching: a stronger Action and Result.');
  });

  it('says what is sent, and where, and what never is', () => {
    expect(whatIsSent('127.0.0.1:11434')).toBe(
      'When someone in this workspace saves a STAR answer, Star Drill sends the model at *127.0.0.1:11434* exactly this: the interview question and the four parts of that answer (Situation, Task, Action, Result), as typed. Never their name, a user or workspace id, their score, or any other answer.',
    );
    expect(MODEL_UNAVAILABLE).toContain('The extra coaching is unavailable right now');
  });
});
