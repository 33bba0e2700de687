// views.open, views.push, views.update and views.publish: modals on a trigger (valid once, for 3 s) and the
// Home tab, validated as Slack validates them.

import { viewOutput } from '../build-payloads.ts';
import { randomId } from '../ids.ts';
import type { OpenedView } from '../types.ts';
import { validateView } from '../validate.ts';
import { type Core, fail, isObj, missing, newHash, type Obj, ok, type Result, str } from './common.ts';

/** Slack's deadlines and limits for views (SLACK.md). */
export const VIEW_LIMITS = { triggerTtlMs: 3000, viewStack: 3 } as const;

export function viewsOpen(core: Core, args: Obj, push: boolean): Result {
  if (typeof args.trigger_id !== 'string') return missing('trigger_id');
  const trigger = core.store.triggers.get(args.trigger_id);
  if (!trigger) return fail('invalid_trigger_id');
  if (trigger.used) return fail('exchanged_trigger_id');
  if (core.now() - trigger.issuedAt > VIEW_LIMITS.triggerTtlMs) return fail('expired_trigger_id');
  if (args.view === undefined) return missing('view');
  const problems = validateView(args.view, 'modal');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const view = args.view as Obj;
  const stack = push ? core.store.modalStack(trigger.user) : [];
  if (stack.length >= VIEW_LIMITS.viewStack) return fail('push_limit_reached');
  if (typeof view.external_id === 'string' && core.store.hasExternalId(view.external_id)) {
    return fail('duplicate_external_id');
  }
  trigger.used = true;
  if (!push) core.store.closeStack(trigger.user);
  const id = randomId('V');
  const opened: OpenedView = {
    id,
    user: trigger.user,
    view,
    hash: newHash(core),
    trigger: args.trigger_id,
    type: 'modal',
    root_view_id: stack[0] ?? id,
    previous_view_id: stack[stack.length - 1] ?? null,
    closed: false,
  };
  core.store.pushModal(opened);
  return ok({ view: viewOutput(core.workspace, opened) });
}

export function viewsUpdate(core: Core, args: Obj): Result {
  const current = str(args.view_id)
    ? core.store.views.get(args.view_id as string)
    : typeof args.external_id === 'string'
      ? core.store.viewByExternalId(args.external_id)
      : undefined;
  if (!current) return fail('not_found');
  if (args.hash !== undefined && args.hash !== current.hash) return fail('hash_conflict');
  if (args.view === undefined) return missing('view');
  const problems = validateView(args.view, current.type);
  if (problems.length > 0) return fail('invalid_arguments', problems);
  core.store.replaceView(current, args.view as Obj, newHash(core));
  return ok({ view: viewOutput(core.workspace, current) });
}

export function viewsPublish(core: Core, args: Obj): Result {
  if (typeof args.user_id !== 'string' || args.user_id === '') return missing('user_id');
  if (args.view === undefined) return missing('view');
  const problems = validateView(args.view, 'home');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const existing = core.store.homeView(args.user_id);
  if (existing && args.hash !== undefined && args.hash !== existing.hash) return fail('hash_conflict');
  if (existing) {
    core.store.replaceView(existing, args.view as Obj, newHash(core));
    return ok({ view: viewOutput(core.workspace, existing) });
  }
  const id = randomId('V');
  const home: OpenedView = {
    id,
    user: args.user_id,
    view: args.view as Obj,
    hash: newHash(core),
    trigger: '',
    type: 'home',
    root_view_id: id,
    previous_view_id: null,
    closed: false,
  };
  core.store.setHomeView(home);
  return ok({ view: viewOutput(core.workspace, home) });
}

/**
 * The bot's answer to a view_submission, applied as Slack applies it: errors keep the modal open (the user's
 * text stays), update replaces it, push stacks a new one, clear closes them all, a bare ack closes this one.
 * An invalid view in update/push: Slack shows the user an error and the current view stays.
 */
export function applyResponseAction(core: Core, view: OpenedView, json: unknown): void {
  const action = isObj(json) ? json.response_action : undefined;
  const next = isObj(json) && isObj(json.view) ? json.view : undefined;
  const usable = next !== undefined && validateView(next, 'modal').length === 0;
  if (action === 'errors') {
    // field errors shown; the modal stays open with the user's text
  } else if (action === 'clear') {
    core.store.closeStack(view.user);
  } else if (action === 'update') {
    if (next && usable) core.store.replaceView(view, next, newHash(core));
  } else if (action === 'push') {
    if (next && usable && core.store.modalStack(view.user).length < VIEW_LIMITS.viewStack) {
      const id = randomId('V');
      core.store.pushModal({
        id,
        user: view.user,
        view: next,
        hash: newHash(core),
        trigger: '',
        type: 'modal',
        root_view_id: view.root_view_id,
        previous_view_id: view.id,
        closed: false,
      });
    }
  } else {
    core.store.closeStack(view.user, true);
  }
}
