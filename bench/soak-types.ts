// What the soak's people process (bench/soak-people.ts) is asked to do and what it reports, shared with
// bench/soak.ts, which starts it.

export interface SoakJob {
  botUrl: string;
  /** People at the start, and at the end (a ramp adds `step` people every `stepMs` until then). */
  people: number;
  maxPeople: number;
  step: number;
  stepMs: number;
  /** How long people keep acting, ms. */
  durationMs: number;
  /** Each person acts about this often (±30%), ms. */
  periodMs: number;
}

export type Kind = 'drill' | 'click' | 'answer' | 'rate' | 'status' | 'history' | 'home';
export const CYCLE: Kind[] = ['drill', 'click', 'answer', 'rate', 'status', 'history', 'home'];

export interface Window {
  /** End of the 10-second window, s since the start. */
  atS: number;
  people: number;
  requests: number;
  busy: number;
  silent: number;
}

export interface SoakResult {
  requests: Record<Kind, number>;
  /** Requests not answered 200. */
  failed: number;
  /** Acks that took 3 s or more (Slack would show the person an error instead). */
  lateAcks: number;
  ackMs: number[];
  /** Told "busy" in any form: a command's ack or reply, a click's ephemeral, a submission's error. */
  busy: Record<Kind, number>;
  /** Clicks that ended with nothing visible: no modal, no update, no ephemeral within CLICK_WAIT_MS. */
  silentClicks: number;
  /** Drills asked for that never came and were not refused. */
  lostDrills: number;
  saved: number;
  /** Steps that threw in this process (a bug of the benchmark, not the bot): should be 0. */
  stepErrors: number;
  windows: Window[];
  elapsedMs: number;
}

/** What every person saves: a strong answer, so each one is scored in full (the coach's real cost). */
export const ANSWER = {
  situation:
    'Our payments API fell over at peak traffic on Black Friday and checkout failed for 20% of users.',
  task: 'As the on-call lead I had to restore checkout and stop the failure from recurring.',
  action:
    'I traced the failures to connection pool exhaustion in the order service, raised the pool limit, added a circuit breaker around the fraud check and I wrote a runbook for the team.',
  result:
    'Checkout recovered within 45 minutes, errors fell from 20% to 0.1%, and since then we load-test the pool before every sale. I learned to watch saturation metrics first.',
};
