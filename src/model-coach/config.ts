// COACH_MODEL_*: the part of the bot's one config schema (config.ts spreads these fields into it) that
// configures the optional model coaching. Here so the model coach's settings live beside it; it imports
// nothing from config.ts.

import { z } from 'zod';

/** As config.ts's `optional`: an empty value (`FOO=`) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const WHOLE = 'must be a whole number from 1 to 64';

/** Any OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp's server, a hosted provider). */
export const coachModelEnv = {
  COACH_MODEL_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the http(s) base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1',
      })
      .refine((u) => !u.includes('?') && !u.includes('#'), { error: 'must have no query or fragment' }),
  ),
  COACH_MODEL: optional(z.string().max(200)),
  COACH_MODEL_KEY: optional(z.string()),
  COACH_MODEL_CONCURRENCY: optional(
    z.coerce
      .number({ error: WHOLE })
      .int({ error: WHOLE })
      .min(1, { error: WHOLE })
      .max(64, { error: WHOLE }),
  ).default(4),
};

export const COACH_MODEL_VARS = {
  COACH_MODEL_URL: true,
  COACH_MODEL: true,
  COACH_MODEL_KEY: true,
  COACH_MODEL_CONCURRENCY: true,
} as const;

/**
 * The operator's model for the optional extra coaching. Unset: the feature is off everywhere, whatever a
 * workspace chose.
 */
export interface CoachModelConfig {
  /** Base URL of an OpenAI-compatible API (the client appends /chat/completions). */
  url: string;
  model: string;
  /** Sent as a bearer token; unset for a local server that wants none. */
  apiKey?: string;
  /** Model calls at once per replica; more wait in a bounded queue, then are skipped. */
  concurrency: number;
}

type CoachModelEnv = { COACH_MODEL_URL?: string; COACH_MODEL?: string; COACH_MODEL_KEY?: string };

/** Half a model configuration is a mistake worth stopping for, not a silently disabled feature. */
export function coachModelProblem(env: CoachModelEnv): [variable: string, message: string] | undefined {
  if (env.COACH_MODEL_URL && !env.COACH_MODEL) {
    return ['COACH_MODEL', 'is required with COACH_MODEL_URL (the model name, e.g. llama3.2)'];
  }
  if (env.COACH_MODEL && !env.COACH_MODEL_URL) {
    return ['COACH_MODEL_URL', 'is required with COACH_MODEL (the endpoint, e.g. http://127.0.0.1:11434/v1)'];
  }
  if (env.COACH_MODEL_KEY && !env.COACH_MODEL_URL)
    return ['COACH_MODEL_URL', 'is required with COACH_MODEL_KEY'];
  return undefined;
}

export function optionalCoachModel(e: CoachModelEnv & { COACH_MODEL_CONCURRENCY: number }): {
  coachModel?: CoachModelConfig;
} {
  if (!e.COACH_MODEL_URL || !e.COACH_MODEL) return {};
  return {
    coachModel: {
      url: e.COACH_MODEL_URL,
      model: e.COACH_MODEL,
      ...(e.COACH_MODEL_KEY ? { apiKey: e.COACH_MODEL_KEY } : {}),
      concurrency: e.COACH_MODEL_CONCURRENCY,
    },
  };
}
