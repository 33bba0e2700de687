// How far behind the bot is (src/slack/arrival-delay.ts). Bad inputs tried: one request 300 s late among
// on-time ones; fewer requests than it takes to say; a host clock 2 s ahead of Slack's; a real backlog
// after a skew; an old skew forgotten.
import { describe, expect, it } from 'vitest';
import { ArrivalDelay } from '../../src/slack/arrival-delay.ts';

const T = 1_000_000;

describe('ArrivalDelay', () => {
  it('is the median of the last second, so one odd request says nothing', () => {
    const d = new ArrivalDelay();
    for (const late of [0, 0, 298_000, 0, 0, 0]) d.note(late, T);
    expect(d.behindMs(T)).toBe(0);
  });

  it('says nothing with fewer than five requests in the last second', () => {
    const d = new ArrivalDelay();
    d.note(0, T - 10_000); // an on-time request earlier: no skew
    for (const late of [2_000, 2_000, 2_000, 2_000]) d.note(late, T);
    expect(d.behindMs(T)).toBe(0);
    d.note(2_000, T);
    expect(d.behindMs(T)).toBe(2_000);
    // A second later they have aged out.
    expect(d.behindMs(T + 1_001)).toBe(0);
  });

  it('takes the host clock’s skew out: a clock 2 s ahead is not load, a backlog on top of it is', () => {
    const d = new ArrivalDelay();
    for (let i = 0; i < 10; i++) d.note(2_000, T + i);
    expect(d.behindMs(T + 10)).toBe(0);
    for (let i = 0; i < 10; i++) d.note(3_200, T + 60_000 + i);
    expect(d.behindMs(T + 60_010)).toBe(1_200);
  });

  it('forgets a skew after a few minutes', () => {
    const d = new ArrivalDelay({ skewMemoryMs: 60_000 });
    for (let i = 0; i < 10; i++) d.note(0, T + i);
    for (let i = 0; i < 10; i++) d.note(1_500, T + 120_000 + i);
    // The on-time requests of two minutes ago no longer set the floor: 1.5 s is the new skew.
    expect(d.behindMs(T + 120_010)).toBe(0);
  });
});
