// The sandbox's two settings, from the environment only. Not from .env: that file holds the real bot's
// settings (its token, its DATA_DIR), which the sandbox must never pick up.

import { z } from 'zod';
import { type CoachModelConfig, ConfigError, loadCoachModelConfig } from '../src/config.ts';

const schema = z.object({
  PORT: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : v),
    z.coerce
      .number({ error: 'must be a port number (0-65535)' })
      .int({ error: 'must be a port number (0-65535)' })
      .min(0, { error: 'must be a port number (0-65535)' })
      .max(65535, { error: 'must be a port number (0-65535)' })
      .default(3000),
  ),
  SANDBOX_DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data/sandbox')),
});

export class SandboxConfigError extends Error {}

export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): {
  port: number;
  dataDir: string;
  /** COACH_MODEL_*, checked as for the bot: the sandbox's bot sends answers there once turned on. */
  coachModel?: CoachModelConfig;
} {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(
      `Invalid configuration: ${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is invalid'}`,
    );
  }
  let coachModel: CoachModelConfig | undefined;
  try {
    coachModel = loadCoachModelConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new SandboxConfigError(err.message);
    throw err;
  }
  return {
    port: parsed.data.PORT,
    dataDir: parsed.data.SANDBOX_DATA_DIR,
    ...(coachModel ? { coachModel } : {}),
  };
}
