/** Shared fixtures for the configuration tests: a valid config, temp files, a seeded PRNG. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ConfigError } from '../../src/config/index.ts';

/** Loose shapes so tests can break a valid configuration in any way they like. */
export type LooseObject = Record<string, unknown>;
export interface LooseConfig extends LooseObject {
  endpoints: LooseObject[];
  roles: Record<string, unknown>;
}

/** A small valid configuration as users write it; a fresh copy each call so tests can mutate it. */
export function validInput(): LooseConfig {
  return {
    version: 1,
    endpoints: [
      { id: 'lan-a', url: 'http://10.0.0.2:11434/v1', kind: 'local' },
      { id: 'lan-b', url: 'http://10.0.0.3:8000/v1', kind: 'local', maxParallel: 8 },
      { id: 'openai', url: 'https://api.openai.com/v1', kind: 'hosted', apiKeyEnv: 'OPENAI_API_KEY' },
    ],
    roles: {
      coder: [['lan-a/qwen2.5-coder:7b', 'lan-b/qwen2.5-coder:7b'], 'openai/gpt-5-nano'],
      reviewer: ['openai/gpt-5-mini'],
    },
  };
}

export const VALID_YAML = `version: 1
endpoints:
  - id: lan-a
    url: http://10.0.0.2:11434/v1
    kind: local
  - id: lan-b
    url: http://10.0.0.3:8000/v1
    kind: local
    maxParallel: 8
  - id: openai
    url: https://api.openai.com/v1
    kind: hosted
    apiKeyEnv: OPENAI_API_KEY
roles:
  coder:
    - [lan-a/qwen2.5-coder:7b, lan-b/qwen2.5-coder:7b]
    - openai/gpt-5-nano
  reviewer:
    - openai/gpt-5-mini
`;

/** Run `action`, assert it throws a ConfigError, and return it for closer inspection. */
export async function expectConfigError(action: () => unknown): Promise<ConfigError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

export function issueFor(error: ConfigError, path: string): { path: string; message: string } {
  const issue = error.issues.find((candidate) => candidate.path === path);
  if (!issue) throw new Error(`no issue at "${path}"; issues: ${JSON.stringify(error.issues, null, 2)}`);
  return issue;
}

/** A temporary directory with the given files (relative path → content), removed by the returned cleanup. */
export async function tempDir(files: Record<string, string | Buffer> = {}): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'keel-config-'));
  for (const [relative, content] of Object.entries(files)) {
    const absolute = path.join(dir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** mulberry32: a tiny seeded PRNG, so a failing fuzz case can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
