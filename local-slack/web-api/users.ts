// users.info: a person's name and IANA time zone, with the offset at the clock's now as Slack computes it.

import { zoneFacts } from '../ids.ts';
import type { StandinUser } from '../types.ts';
import { type Core, fail, missing, type Obj, ok, type Result } from './common.ts';

export function defaultUserName(userId: string): string {
  return `user.${userId.toLowerCase()}`;
}

export function usersInfo(core: Core, args: Obj): Result {
  if (typeof args.user !== 'string') return missing('user');
  const user = core.store.users.get(args.user);
  if (!user) return fail('user_not_found');
  return ok({ user: userObject(core, user) });
}

export function userObject(core: Core, user: StandinUser): Obj {
  const tz = user.tz ?? 'America/Los_Angeles';
  const facts = zoneFacts(tz, core.now());
  const name = user.name ?? defaultUserName(user.id);
  const realName = user.real_name ?? name;
  return {
    id: user.id,
    team_id: user.team_id ?? core.workspace.teamId,
    name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz,
    tz_label: user.tz_label ?? facts?.tz_label ?? tz,
    tz_offset: user.tz_offset ?? facts?.tz_offset ?? 0,
    is_admin: user.is_admin ?? false,
    is_owner: user.is_owner ?? false,
    is_bot: user.is_bot ?? false,
    is_app_user: false,
    updated: Math.floor(core.now() / 1000),
    profile: { real_name: realName, display_name: name, team: user.team_id ?? core.workspace.teamId },
  };
}
