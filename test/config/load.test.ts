import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_SEARCH_PATHS,
  configSchema,
  loadConfig,
  normalizeConfig,
  parseConfigText,
  type ConfigInput,
  type KeelConfig,
} from '../../src/config/index.ts';
import { expectConfigError, tempDir, VALID_YAML, validInput } from './helpers.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/keel.yml');

describe('loading valid configuration', () => {
  it('loads a YAML file and applies the defaults', async () => {
    const { dir, cleanup } = await tempDir({ 'keel.yml': VALID_YAML });
    try {
      const config = await loadConfig(path.join(dir, 'keel.yml'));
      expect(config.policy.breaker).toEqual({
        failureThreshold: 5,
        resetTimeoutMs: 60_000,
        windowMs: 300_000,
      });
      expect(config.policy.contextFraction).toBe(0.95);
      expect(config.policy.cooldown).toEqual({ baseMs: 1_000, maxMs: 300_000 });
      const [lanA, lanB] = config.endpoints;
      expect(lanA?.timeouts).toEqual({
        connectMs: 5_000,
        firstTokenMs: 60_000,
        idleMs: 30_000,
        totalMs: 600_000,
        loadMs: 120_000,
      });
      // Left out: 4 until a scan reports the server's own slot count (marked so it may replace it).
      expect(lanA).toMatchObject({ maxParallel: 4, maxParallelDefaulted: true });
      expect(lanA?.flavor).toBe('auto');
      expect(lanB?.maxParallel).toBe(8);
      expect(lanB?.maxParallelDefaulted).toBeUndefined();
    } finally {
      await cleanup();
    }
  });

  it('loads the same configuration from JSON, YAML and an object', async () => {
    const { dir, cleanup } = await tempDir({
      'keel.json': JSON.stringify(validInput(), null, 2),
      'keel.yml': VALID_YAML,
    });
    try {
      const fromJson = await loadConfig('keel.json', { cwd: dir });
      const fromYaml = await loadConfig('keel.yml', { cwd: dir });
      // Typed as a library user would write it: ConfigInput makes defaulted fields optional.
      const typed: ConfigInput = {
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
      const fromObject = await loadConfig(typed);
      expect(fromJson).toEqual(fromYaml);
      expect(fromObject).toEqual(fromYaml);
    } finally {
      await cleanup();
    }
  });

  it('makes every tier a list of candidates, split at the first "/"', () => {
    const input = validInput();
    input.endpoints = [{ id: 'openrouter', url: 'https://openrouter.ai/api/v1', kind: 'hosted' }];
    input.roles = {
      planner: ['openrouter/meta-llama/llama-3.1-8b', ['openrouter/a/b/c', 'openrouter/plain']],
    };
    const config = parseConfigText(JSON.stringify(input), 'keel.json');
    expect(config.roles.planner).toEqual([
      [
        {
          endpointId: 'openrouter',
          model: 'meta-llama/llama-3.1-8b',
          key: 'openrouter/meta-llama/llama-3.1-8b',
        },
      ],
      [
        { endpointId: 'openrouter', model: 'a/b/c', key: 'openrouter/a/b/c' },
        { endpointId: 'openrouter', model: 'plain', key: 'openrouter/plain' },
      ],
    ]);
    expect(config.roles).not.toHaveProperty('coder');
  });

  it('normalizeConfig works on schema output directly', () => {
    const parsed = configSchema.parse(validInput());
    const config = normalizeConfig(parsed);
    expect(config.roles.coder?.map((tier) => tier.map((c) => c.key))).toEqual([
      ['lan-a/qwen2.5-coder:7b', 'lan-b/qwen2.5-coder:7b'],
      ['openai/gpt-5-nano'],
    ]);
    expect(config.roles.reviewer?.[0]?.[0]).toEqual({
      endpointId: 'openai',
      model: 'gpt-5-mini',
      key: 'openai/gpt-5-mini',
    });
    expect(config).not.toHaveProperty('$schema');
  });

  it('accepts a byte-order mark and a $schema key', () => {
    const config = parseConfigText(`\uFEFF$schema: ./keel.schema.json\n${VALID_YAML}`, 'keel.yml');
    expect(config.endpoints.map((e) => e.id)).toEqual(['lan-a', 'lan-b', 'openai']);
  });

  it('loads the example configuration', async () => {
    const config: KeelConfig = await loadConfig(EXAMPLE);
    expect(config.endpoints.map((e) => [e.id, e.kind])).toEqual([
      ['lan-a', 'local'],
      ['lan-b', 'local'],
      ['openai', 'hosted'],
    ]);
    expect(config.endpoints.find((e) => e.id === 'openai')?.apiKeyEnv).toBe('OPENAI_API_KEY');
    expect(Object.keys(config.roles).sort()).toEqual(['coder', 'planner', 'reviewer']);
    // Local first, hosted last, in every role.
    for (const chain of Object.values(config.roles)) {
      expect(chain.at(-1)?.every((c) => c.endpointId === 'openai')).toBe(true);
      expect(chain[0]?.every((c) => c.endpointId.startsWith('lan-'))).toBe(true);
    }
    expect(config.roles.coder?.[0]).toHaveLength(2);
    // The example spells the defaults out; they must BE the defaults.
    expect(config.policy).toEqual(configSchema.parse({ ...validInput() }).policy);
  });
});

describe('finding the configuration file', () => {
  it('prefers .github/keel.yml over the other places', async () => {
    const other = VALID_YAML.replace('maxParallel: 8', 'maxParallel: 9');
    const { dir, cleanup } = await tempDir({
      '.github/keel.yml': VALID_YAML,
      'keel.yml': other,
      'keel.json': '{',
    });
    try {
      const config = await loadConfig(undefined, { cwd: dir });
      expect(config.endpoints[1]?.maxParallel).toBe(8);
    } finally {
      await cleanup();
    }
  });

  it('finds keel.json when it is the only one', async () => {
    const { dir, cleanup } = await tempDir({ 'keel.json': JSON.stringify(validInput()) });
    try {
      expect((await loadConfig(undefined, { cwd: dir })).endpoints).toHaveLength(3);
    } finally {
      await cleanup();
    }
  });

  it('names every place it looked when nothing is found', async () => {
    const { dir, cleanup } = await tempDir({
      'keel.yml/placeholder': 'a directory named keel.yml is not a file',
    });
    try {
      const error = await expectConfigError(() => loadConfig(undefined, { cwd: dir }));
      for (const relative of CONFIG_SEARCH_PATHS) expect(error.message).toContain(path.join(dir, relative));
      expect(error.issues).toHaveLength(1);
    } finally {
      await cleanup();
    }
  });

  it('reports a missing explicit path with the file name', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const error = await expectConfigError(() => loadConfig('missing.yml', { cwd: dir }));
      expect(error.source).toBe('missing.yml');
      expect(error.message).toMatch(/^missing\.yml: file not found/);
    } finally {
      await cleanup();
    }
  });
});

describe('bounded reading', () => {
  it('rejects a file over 1 MiB before parsing it', async () => {
    const huge = `${VALID_YAML}# ${'x'.repeat(1024 * 1024)}\n`;
    const { dir, cleanup } = await tempDir({ 'keel.yml': huge });
    try {
      const error = await expectConfigError(() => loadConfig('keel.yml', { cwd: dir }));
      expect(error.message).toMatch(/at most 1048576/);
      expect(() => parseConfigText(huge, 'keel.yml')).toThrow(/at most 1048576/);
    } finally {
      await cleanup();
    }
  });

  it('rejects a file that is not UTF-8', async () => {
    const { dir, cleanup } = await tempDir({ 'keel.yml': Buffer.from([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) });
    try {
      const error = await expectConfigError(() => loadConfig('keel.yml', { cwd: dir }));
      expect(error.message).toContain('not valid UTF-8');
    } finally {
      await cleanup();
    }
  });

  it('stops YAML alias bombs', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const error = await expectConfigError(() => parseConfigText(bomb, 'keel.yml'));
    expect(error.message).toMatch(/aliases expand too much/);
  });
});
