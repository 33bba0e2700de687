// The listeners' routing table (src/slack/listeners/routes.ts): Bolt sees one listener per kind of request,
// whose constraint matches exactly the registered ids, and the table finds the listener by the id Slack sent.
// Bad inputs tried: an id nobody registered (Bolt's constraint refuses it, so it stays unhandled as before), an
// id that only resembles a registered one (a prefix, a suffix, a regex metacharacter), the same id twice.
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { Routes } from '../../src/slack/listeners/routes.ts';

type Registered = {
  kind: 'action' | 'view' | 'event';
  constraint: RegExp;
  run: (args: unknown) => Promise<void>;
};

/** What Bolt would be given: each registration's kind, constraint and listener. */
function registered(routes: Routes): Registered[] {
  const seen: Registered[] = [];
  const capture = (kind: Registered['kind']) => (constraint: RegExp, run: Registered['run']) => {
    seen.push({ kind, constraint, run });
  };
  routes.registerWith({
    action: capture('action'),
    view: capture('view'),
    event: capture('event'),
  } as unknown as Pick<App, 'action' | 'view' | 'event'>);
  return seen;
}

function routesWithCalls() {
  const calls: string[] = [];
  const routes = new Routes();
  const listener = (name: string) => async () => {
    calls.push(name);
  };
  routes.action('answer_drill', listener('answer'));
  routes.action('open.settings', listener('settings'));
  routes.action(/^rate_drill_(good|hard)$/, listener('rate'));
  routes.view('star_answer', listener('submit'));
  routes.event('app_home_opened', listener('home'));
  routes.event('message', listener('dm'));
  return { routes, calls };
}

describe('listener routes', () => {
  it('gives Bolt one listener per kind, whatever the number of ids', () => {
    const kinds = registered(routesWithCalls().routes).map((r) => r.kind);
    expect(kinds).toEqual(['action', 'view', 'event']);
    expect(registered(new Routes())).toEqual([]);
  });

  it("matches exactly the registered ids in Bolt's constraint", () => {
    const [actions, views, events] = registered(routesWithCalls().routes);
    for (const id of ['answer_drill', 'open.settings', 'rate_drill_good', 'rate_drill_hard']) {
      expect(actions?.constraint.test(id), id).toBe(true);
    }
    // Unknown ids, prefixes, suffixes and a '.' that must not match any character.
    for (const id of ['answer_drill_x', 'xanswer_drill', 'answer', 'open_settings', 'rate_drill_easy', '']) {
      expect(actions?.constraint.test(id), id).toBe(false);
    }
    expect(views?.constraint.test('star_answer')).toBe(true);
    expect(views?.constraint.test('star_answer_2')).toBe(false);
    expect(events?.constraint.test('message')).toBe(true);
    expect(events?.constraint.test('message_changed')).toBe(false);
    expect(events?.constraint.test('app_home')).toBe(false);
  });

  it('runs the one listener of the id Slack sent', async () => {
    const { routes, calls } = routesWithCalls();
    const [actions, views, events] = registered(routes);
    await actions?.run({ action: { action_id: 'rate_drill_hard' } });
    await actions?.run({ action: { action_id: 'open.settings' } });
    await views?.run({ view: { callback_id: 'star_answer' } });
    await events?.run({ event: { type: 'message' } });
    expect(calls).toEqual(['rate', 'settings', 'submit', 'dm']);
  });

  it('refuses one id registered twice', () => {
    const routes = new Routes();
    routes.action('answer_drill', async () => {});
    expect(() => routes.action('answer_drill', async () => {})).toThrow(/two listeners for answer_drill/);
  });
});
