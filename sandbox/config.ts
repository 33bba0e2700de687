// The sandbox's two settings, from the environment only. Not from .env: that file holds the real bot's
// settings (its token, its DATA_DIR), which the sandbox must never pick up.

import { z } from 'zod';

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

export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): { port: number; dataDir: string } {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(
      `Invalid configuration: ${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return { port: parsed.data.PORT, dataDir: parsed.data.SANDBOX_DATA_DIR };
}
