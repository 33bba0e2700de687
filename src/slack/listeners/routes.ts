import type {
  AllMiddlewareArgs,
  App,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

/** A listener as Bolt calls it; each kind's argument type is checked where it is registered. */
type Listener<A> = (args: A) => Promise<void>;

/** The listeners of one kind of request, by the id Slack sends (an action_id, a callback_id, an event type). */
class Table {
  private readonly exact = new Map<string, Listener<never>>();
  private readonly patterns: Array<[RegExp, Listener<never>]> = [];

  add(id: string | RegExp, listener: Listener<never>): void {
    if (typeof id !== 'string') this.patterns.push([id, listener]);
    else if (this.exact.has(id)) throw new Error(`two listeners for ${id}`);
    else this.exact.set(id, listener);
  }

  /** One pattern matching exactly the ids of this table, for Bolt's constraint; undefined when empty. */
  pattern(): RegExp | undefined {
    const literal = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const parts = [
      ...[...this.exact.keys()].map((id) => `^${literal(id)}$`),
      ...this.patterns.map(([re]) => `(?:${re.source})`),
    ];
    return parts.length > 0 ? new RegExp(parts.join('|')) : undefined;
  }

  listenerFor(id: string): Listener<never> | undefined {
    return this.exact.get(id) ?? this.patterns.find(([re]) => re.test(id))?.[1];
  }
}

/**
 * The bot's listeners, given to Bolt as one listener per kind of request. Bolt runs the matchers of every
 * registered listener for every request, each as its own chain of promises: with one listener per id that
 * was 32 chains a request, all on the one event loop before the ack of the next request in a burst. Here Bolt
 * matches one pattern per kind (so an unknown id is still left unhandled, as before), and a Map finds the
 * listener.
 */
export class Routes {
  private readonly actions = new Table();
  private readonly views = new Table();
  private readonly events = new Table();

  action(actionId: string | RegExp, listener: Listener<SlackActionMiddlewareArgs & AllMiddlewareArgs>): void {
    this.actions.add(actionId, listener as Listener<never>);
  }

  /** A view_submission by its callback_id. */
  view(callbackId: string, listener: Listener<SlackViewMiddlewareArgs & AllMiddlewareArgs>): void {
    this.views.add(callbackId, listener as Listener<never>);
  }

  event<T extends string>(
    type: T,
    listener: Listener<SlackEventMiddlewareArgs<T> & AllMiddlewareArgs>,
  ): void {
    this.events.add(type, listener as Listener<never>);
  }

  registerWith(app: Pick<App, 'action' | 'view' | 'event'>): void {
    const actions = this.actions.pattern();
    if (actions) {
      app.action(actions, (args) => this.dispatch(this.actions, actionIdOf(args.action), args));
    }
    const views = this.views.pattern();
    if (views) app.view(views, (args) => this.dispatch(this.views, args.view.callback_id, args));
    const events = this.events.pattern();
    if (events) app.event(events, (args) => this.dispatch(this.events, args.event.type, args));
  }

  private async dispatch(table: Table, id: string, args: unknown): Promise<void> {
    const listener = table.listenerFor(id) as Listener<unknown> | undefined;
    // Bolt matched the table's own pattern, so a listener is there.
    if (listener) await listener(args);
  }
}

/** A block action's id; the bot sends no other kind of interactive message. */
function actionIdOf(action: object): string {
  return 'action_id' in action && typeof action.action_id === 'string' ? action.action_id : '';
}
