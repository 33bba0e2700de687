// What tests and benchmarks inspect: every Web API call with its answer, counts per method, response_url
// posts, faults to inject before a call, and waiting for something to happen (polling, bounded).

import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiCall, Fault, Interceptor, ResponseUrlPost } from './types.ts';

export class CallRecorder {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /**
   * Ephemerals a person saw in answer to the app: response_url posts (method 'response_url') and slash commands
   * answered in their ack (method 'command_ack').
   */
  readonly ephemeralLog: ApiCall[] = [];
  private readonly callsByMethod = new Map<string, ApiCall[]>();
  private readonly counts = new Map<string, number>();
  private readonly interceptors = new Map<string, { fn: Interceptor; n: number }>();

  constructor(
    readonly recordCalls: boolean,
    private readonly now: () => number,
  ) {}

  /** Logs an ephemeral the person saw in answer to the app (see `ephemeralLog`). */
  shownEphemeral(
    method: 'response_url' | 'command_ack',
    shown: { args: Record<string, unknown>; response: Record<string, unknown> },
  ): void {
    this.ephemeralLog.push({
      method,
      args: shown.args,
      at: this.now(),
      status: 200,
      response: shown.response,
    });
  }

  callsTo(method: string): ApiCall[] {
    return this.callsByMethod.get(method) ?? [];
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  clear(): void {
    this.calls.length = 0;
    this.callsByMethod.clear();
    this.counts.clear();
    this.responses.length = 0;
    this.ephemeralLog.length = 0;
  }

  /** Counts the call and asks the method's interceptor, if any, for a fault to inject. */
  arrived(method: string, args: Record<string, unknown>, team?: string): Fault | undefined {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const interceptor = this.interceptors.get(method);
    if (!interceptor) return undefined;
    interceptor.n += 1;
    return interceptor.fn({ args, n: interceptor.n, ...(team ? { team } : {}) });
  }

  record(
    method: string,
    args: Record<string, unknown>,
    status: number,
    response: Record<string, unknown>,
    team?: string,
  ): void {
    if (!this.recordCalls) return;
    const call: ApiCall = { method, args, at: this.now(), status, response, ...(team ? { team } : {}) };
    this.calls.push(call);
    let list = this.callsByMethod.get(method);
    if (!list) {
      list = [];
      this.callsByMethod.set(method, list);
    }
    list.push(call);
  }

  intercept(method: string, fn: Interceptor): void {
    this.interceptors.set(method, { fn, n: 0 });
  }

  clearIntercepts(): void {
    this.interceptors.clear();
  }

  /**
   * Polls `probe` every 10 ms until it returns something truthy. A probe that throws (an `expect`) counts as
   * not yet; on timeout the last throw and the recent Web API calls are in the error.
   */
  async waitFor<T>(probe: () => T | undefined | false, opts: { timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const started = performance.now();
    let lastError: unknown;
    for (;;) {
      try {
        const value = probe();
        if (value) return value;
      } catch (error) {
        lastError = error;
      }
      if (performance.now() - started >= timeoutMs) {
        const why = lastError instanceof Error ? `\nLast probe error: ${lastError.message}` : '';
        throw new Error(`waitFor timed out after ${timeoutMs} ms.${why}\n${this.describeRecent()}`);
      }
      await sleep(10);
    }
  }

  /** The first call to `method` (from index `since` of callsTo(method)) that `match` accepts. */
  waitForCall(
    method: string,
    match: (c: ApiCall) => boolean = () => true,
    opts: { timeoutMs?: number; since?: number } = {},
  ): Promise<ApiCall> {
    if (!this.recordCalls) return Promise.reject(new Error('waitForCall needs recordCalls: true'));
    const since = opts.since ?? 0;
    return this.waitFor(() => {
      const list = this.callsTo(method);
      for (let i = since; i < list.length; i++) {
        const call = list[i];
        if (call && match(call)) return call;
      }
      return undefined;
    }, opts).catch((error: Error) => {
      throw new Error(`waitForCall('${method}'): ${error.message}`);
    });
  }

  private describeRecent(): string {
    const counts = [...this.counts].map(([m, n]) => `${m}×${n}`).join(', ') || 'none';
    if (!this.recordCalls) return `Calls per method: ${counts}`;
    const recent = this.calls.slice(-10).map((c) => {
      const outcome = c.response.ok ? 'ok' : `error=${String(c.response.error)}`;
      const args = JSON.stringify(c.args);
      return `  ${c.method} ${c.status} ${outcome} ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
    });
    return `Calls per method: ${counts}\nLast ${recent.length} Web API calls:\n${recent.join('\n') || '  (none)'}\nresponse_url posts: ${this.responses.length}`;
  }
}
