// The `openai` package (~11 MB resident in the bot) is loaded at the first model call, never at start-up: a bot
// with no model configured, the default, must not carry it (its fan-out peak has a memory target, BENCHMARKS.md).
// The import rules' parser cannot tell a type-only or dynamic import from a static one, so this reads the sources.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('../../src/**/*.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Import statements of a source that load openai at run time (type-only imports are erased). */
function runtimeImportsOfOpenAI(source: string): string[] {
  const statements = source.match(/^(?:import|export)\b[^;]*?from\s+['"]openai(?:\/[^'"]*)?['"]/gms) ?? [];
  return statements.filter((s) => !/^(?:import|export)\s+type\b/.test(s));
}

describe('openai is loaded on use', () => {
  it('no source imports it statically', () => {
    const offenders = Object.entries(sources).flatMap(([file, source]) =>
      runtimeImportsOfOpenAI(source).map((statement) => `${file}: ${statement}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the model client loads it with a dynamic import', () => {
    const client = Object.entries(sources).find(([file]) =>
      file.endsWith('model-coach/model-client.ts'),
    )?.[1];
    expect(client).toMatch(/import\('openai'\)/);
  });

  it('the detector sees a static import, and lets a type-only one pass', () => {
    expect(runtimeImportsOfOpenAI("import OpenAI from 'openai';")).toHaveLength(1);
    expect(runtimeImportsOfOpenAI("import { APIError } from 'openai/error';")).toHaveLength(1);
    expect(runtimeImportsOfOpenAI("export { default } from 'openai';")).toHaveLength(1);
    expect(runtimeImportsOfOpenAI("import type OpenAI from 'openai';")).toEqual([]);
    expect(runtimeImportsOfOpenAI("import type { X } from 'openai/resources/chat/completions';")).toEqual([]);
  });
});
