// What every hostile payload generator shares: the case an oracle checks, the world the cases are about
// (the workspace, the fixture users and their drills), field mutations, and hostile text.

import fc from 'fast-check';
import type { Workspace } from '../../../local-slack/index.ts';
import type { StarAnswer } from '../../../src/drills/star-answer.ts';

export const JSON_TYPE = 'application/json';
/** Replaced by a fresh trigger id issued to `triggerUser` just before sending (see `requestBody`). */
export const TRIGGER = '__TRIGGER__';
/** Replaced by a response_url issued for `triggerUser` in `COMMAND_CHANNEL` just before sending. */
export const RESPONSE_URL = '__RESPONSE_URL__';
export const COMMAND_CHANNEL = 'C0GENERAL';

/** What a generated request may change, by the spec; anything else must change nothing. */
export type Allowed =
  | { kind: 'save'; drillId: number; answer: StarAnswer }
  | { kind: 'command'; userId: string }
  | { kind: 'event'; eventId: string; userId?: string; tz?: string };

export interface HostileCase {
  label: string;
  body: string;
  contentType: string;
  allowed?: Allowed;
  /** Who the placeholder trigger_id is issued to. */
  triggerUser?: string;
  /**
   * A well-formed app_uninstalled from the workspace: Slack says the token is dead, so scheduled delivery
   * pauses (and /healthz says so) until a check finds the token working.
   */
  pausesDelivery?: boolean;
}

/** What the generated requests are about: read when a case is generated, so build them after the fixtures. */
export interface HostileWorld {
  workspace: Workspace;
  /** Users the bot knows (the drills' owners). */
  users: readonly string[];
  /** Real drills and who owns each. */
  drills: ReadonlyArray<{ id: number; owner: string }>;
}

export type Obj = Record<string, unknown>;

/** A field change: `breaks` says whether the request stops being a valid one. */
export interface Mutation {
  breaks: boolean;
  apply: (o: Obj) => void;
  name: string;
}

export const drop = (path: string, breaks: boolean): Mutation => ({
  name: `drop ${path}`,
  breaks,
  apply: (o) => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target: unknown = o;
    for (const k of keys) target = (target as Obj | undefined)?.[k];
    if (target && typeof target === 'object') delete (target as Obj)[last];
  },
});

export const set = (path: string, value: unknown, breaks: boolean): Mutation => ({
  name: `set ${path}=${JSON.stringify(value)?.slice(0, 40)}`,
  breaks,
  apply: (o) => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target: unknown = o;
    for (const k of keys) target = (target as Obj | undefined)?.[k];
    if (target && typeof target === 'object') (target as Obj)[last] = value;
  },
});

export const huge = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('x', 'é', '😀', '<!channel>', '\u200b', ' '))
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

export const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60, unit: 'grapheme' }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(
    '',
    'random',
    'help',
    'topics',
    'history',
    'status',
    'skip',
    'unsubscribe',
    'subscribe 09:00 weekdays',
    'subscribe 25:99 sometimes',
    'subscribe 7am daily incidents leadership',
    'incidents',
    '3',
    '0',
    '-1',
    '<!channel>',
    '<@U0BOSS> <!here|here>',
    '__proto__',
    'constructor',
    'toString',
    '%00',
    "'; drop table drills; --",
    '\u202e\u0000',
  ),
  huge(4_001, 100_000),
);

/** A sender: mostly the known users, else unknown well-shaped ids, else malformed ones. */
export const userChoice = (world: HostileWorld) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.users) },
    { weight: 2, arbitrary: fc.stringMatching(/^U[A-Z0-9]{8,10}$/).map((id) => `UFZ${id}`) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(65), 'ü', 'U 1', '../U1') },
  );

/** A drill reference: `id` set when it names a real drill, with its owner. */
export const drillChoice = (world: HostileWorld) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...world.drills)
        .map((d) => ({ raw: String(d.id), id: d.id, owner: d.owner })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '',
          '0',
          '-1',
          '987654',
          '1e3',
          ' 1',
          '1.0',
          '0x1',
          '99999999999999999999',
          '١',
          '{"drill":1}',
          '1; drop table answers',
          '1 OR 1=1',
          'null',
        )
        .map((raw) => ({ raw, id: undefined as number | undefined, owner: undefined as string | undefined })),
    },
    {
      weight: 1,
      arbitrary: huge(3_001, 20_000).map((raw) => ({
        raw,
        id: undefined as number | undefined,
        owner: undefined as string | undefined,
      })),
    },
  );
