// One call to the operator's model, through the official `openai` client pointed at COACH_MODEL_URL: any
// OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp's server, a hosted provider). The
// whole answer, retries included, has a fixed budget; only 429 and 5xx are retried, after Retry-After.

import { setTimeout as delay } from 'node:timers/promises';
import type OpenAI from 'openai';
import type { CoachModelConfig } from './config.ts';
import { type CoachingRequest, coachingMessages } from './prompt.ts';
import { type ModelReply, modelReplyJsonSchema, modelReplySchema } from './reply-schema.ts';

/** Why a call gave no usable answer. Never carries the answer's or the model's text. */
export type ModelFailureReason =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'refused'
  | 'network'
  | 'invalid_json'
  | 'invalid_shape'
  | 'stopped';

export class ModelFailure extends Error {
  constructor(
    readonly reason: ModelFailureReason,
    /** The endpoint's HTTP status, when it answered one. */
    readonly statusCode?: number,
  ) {
    super(`the model gave no usable answer (${reason}${statusCode ? `, HTTP ${statusCode}` : ''})`);
  }
}

/** The budget of one answer, retries and waits included: a follow-up nobody sees for longer is not worth it. */
export const MODEL_BUDGET_MS = 10_000;
const MAX_ATTEMPTS = 3;
/** Without a Retry-After, the wait before the next attempt. */
const DEFAULT_RETRY_MS = 500;

export interface ModelClientOptions {
  budgetMs?: number;
}

/**
 * The `openai` package, loaded at the first model call: it adds ~11 MB of resident memory (the bot at start-up,
 * 114 -> 103 MB), which a bot with no model configured (the default) should not carry.
 */
type OpenAIModule = typeof import('openai');
/** The client's class: its instances call the model, its static members are the errors it throws. */
type OpenAIClass = OpenAIModule['default'];
let openaiModule: Promise<OpenAIModule> | undefined;
const loadOpenAI = (): Promise<OpenAIModule> => {
  openaiModule ??= import('openai');
  return openaiModule;
};

export class ModelClient {
  private client: Promise<{ api: OpenAI; errors: OpenAIClass }> | undefined;
  private readonly budgetMs: number;

  constructor(
    private readonly config: CoachModelConfig,
    options: ModelClientOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? MODEL_BUDGET_MS;
  }

  private openai(): Promise<{ api: OpenAI; errors: OpenAIClass }> {
    this.client ??= loadOpenAI().then(({ default: OpenAI }) => ({
      api: this.create(OpenAI),
      errors: OpenAI,
    }));
    return this.client;
  }

  private create(OpenAI: OpenAIClass): OpenAI {
    const config = this.config;
    return new OpenAI({
      baseURL: config.url,
      // The client insists on a key; without one the Authorization header is left out altogether.
      apiKey: config.apiKey ?? 'none',
      ...(config.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
      // Nothing from the environment's OPENAI_* variables: only what the operator set for this bot.
      organization: null,
      project: null,
      adminAPIKey: null,
      // Our own loop retries, within the budget, and only 429 and 5xx.
      maxRetries: 0,
      timeout: this.budgetMs,
      // The client's own logging could print request details; failures are logged by the caller, without text.
      logLevel: 'off',
    });
  }

  /** The model's reply to one answer, parsed and validated; throws ModelFailure. */
  async coach(request: CoachingRequest, stop?: AbortSignal): Promise<ModelReply> {
    const deadline = performance.now() + this.budgetMs;
    const { api, errors } = await this.openai();
    const signal = stop
      ? AbortSignal.any([stop, AbortSignal.timeout(this.budgetMs)])
      : AbortSignal.timeout(this.budgetMs);
    for (let attempt = 1; ; attempt++) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new ModelFailure('timeout');
      let content: string | null | undefined;
      try {
        const completion = await api.chat.completions.create(
          {
            model: this.config.model,
            messages: coachingMessages(request),
            temperature: 0.2,
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'coaching', schema: modelReplyJsonSchema as Record<string, unknown> },
            },
          },
          { signal, timeout: Math.max(1, Math.round(remaining)), maxRetries: 0 },
        );
        content = completion.choices[0]?.message?.content;
      } catch (err) {
        const failure = classify(errors, err, stop);
        const wait = retryWait(errors, err, failure);
        if (wait === undefined || attempt >= MAX_ATTEMPTS) throw failure;
        // A wait past the budget would only end in a timeout: give up now, as the endpoint asked us to wait.
        if (performance.now() + wait >= deadline) throw failure;
        await delay(wait, undefined, { signal }).catch(() => {
          throw stop?.aborted ? new ModelFailure('stopped') : new ModelFailure('timeout');
        });
        continue;
      }
      return parseReply(content);
    }
  }
}

function parseReply(content: string | null | undefined): ModelReply {
  let json: unknown;
  try {
    // Some servers wrap JSON in a Markdown fence even when asked for JSON.
    json = JSON.parse((content ?? '').replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    throw new ModelFailure('invalid_json');
  }
  const parsed = modelReplySchema.safeParse(json);
  if (!parsed.success) throw new ModelFailure('invalid_shape');
  return parsed.data;
}

function classify(OpenAI: OpenAIClass, err: unknown, stop?: AbortSignal): ModelFailure {
  if (stop?.aborted) return new ModelFailure('stopped');
  if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof OpenAI.APIUserAbortError) {
    return new ModelFailure('timeout');
  }
  if (err instanceof OpenAI.APIConnectionError) return new ModelFailure('network');
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    if (err.status === 429) return new ModelFailure('rate_limited', 429);
    if (err.status >= 500) return new ModelFailure('server_error', err.status);
    return new ModelFailure('refused', err.status);
  }
  if (err instanceof Error && err.name === 'AbortError') return new ModelFailure('timeout');
  return new ModelFailure('network');
}

/** How long to wait before retrying, or undefined when this failure is not retried (only 429 and 5xx are). */
function retryWait(OpenAI: OpenAIClass, err: unknown, failure: ModelFailure): number | undefined {
  if (failure.reason !== 'rate_limited' && failure.reason !== 'server_error') return undefined;
  const headers = err instanceof OpenAI.APIError ? err.headers : undefined;
  return retryAfterMs(headers) ?? DEFAULT_RETRY_MS;
}

/** Retry-After in seconds or as an HTTP date, or the `retry-after-ms` some OpenAI-compatible servers send. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
