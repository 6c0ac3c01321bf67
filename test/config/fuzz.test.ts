/**
 * Fuzzing the configuration parser: whatever the input, loading either yields a configuration that honours
 * every invariant or throws a ConfigError with at least one issue. Any other exception is a bug.
 *
 * Every case derives from `BASE_SEED + index`; a failure prints that seed. Replay with
 * `KEEL_FUZZ_SEED=<seed> npx vitest run test/config/fuzz.test.ts` (the failing case then runs first).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import {
  ConfigError,
  configSchema,
  loadConfig,
  parseConfigText,
  validateConfigValue,
  type KeelConfig,
} from '../../src/config/index.ts';
import { mulberry32, tempDir, VALID_YAML, validInput } from './helpers.ts';

const BASE_SEED = Number(process.env.KEEL_FUZZ_SEED ?? 20_240_601);
const MUTATION_CASES = 2_000;
const TEXT_CASES = 1_500;
const FILE_CASES = 60;

type Random = () => number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const KEYS = [
  'id',
  'url',
  'kind',
  'apiKeyEnv',
  'maxParallel',
  'timeouts',
  'idleMs',
  'roles',
  'coder',
  'planner',
  'reviewer',
  'policy',
  'breaker',
  'version',
  'endpoints',
  '__proto__',
  'constructor',
  'prototype',
  'apiKey',
  'token',
  '<<',
  '',
  ' ',
  'x'.repeat(200),
  'ünïcødé',
  '$schema',
  '0',
  'toString',
  'hasOwnProperty',
];
const STRINGS = [
  '',
  ' ',
  'lan-a',
  'lan-a/m',
  'lan-b/qwen2.5-coder:7b',
  'lan-c/x',
  'openai/a/b/c',
  '/',
  'a/',
  '/b',
  'local',
  'hosted',
  'http://10.0.0.9/v1',
  'ftp://x',
  'https://u:p@h/v1',
  'sk-proj-abcdefghijklmnopqrstuvwxyz01',
  'Bearer abcdefghijk',
  'null',
  '~',
  'true',
  '1',
  '-',
  '&a',
  '*a',
  '!!str',
  '{',
  '[',
  '"',
  "'",
  '#',
  '\t',
  '\0',
  '\u202e',
  '\ud83d\ude00',
  'NaN',
];

function randomScalar(random: Random): Json {
  switch (int(random, 8)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1, 1.5, 0.95, 2 ** 53, -(2 ** 31), 1e308, 255, 256, 1024, 5]);
    case 3:
      return Math.floor(random() * 1e6) * (random() < 0.5 ? 1 : -1);
    case 4:
      return String.fromCharCode(...Array.from({ length: int(random, 20) }, () => int(random, 0x3000)));
    case 5:
      return 'x'.repeat(int(random, 20) === 0 ? 100_000 : int(random, 500));
    default:
      return pick(random, STRINGS);
  }
}

function randomValue(random: Random, depth = 0): Json {
  const roll = random();
  if (depth > 3 || roll < 0.6) return randomScalar(random);
  if (roll < 0.8) return Array.from({ length: int(random, 4) }, () => randomValue(random, depth + 1));
  const object: { [key: string]: Json } = {};
  for (let i = int(random, 4); i > 0; i--) setOwn(object, pick(random, KEYS), randomValue(random, depth + 1));
  return object;
}

/** Plain assignment of "__proto__" would change the prototype instead of adding a key, as a parser would. */
function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function deepNest(random: Random): Json {
  let value: Json = randomScalar(random);
  for (let i = 10 + int(random, 150); i > 0; i--) value = random() < 0.5 ? [value] : { a: value };
  return value;
}

/** Every container in the tree, with a way to reach it. */
function containers(root: Json): (Json[] | { [key: string]: Json })[] {
  const found: (Json[] | { [key: string]: Json })[] = [];
  const visit = (node: Json): void => {
    if (typeof node !== 'object' || node === null) return;
    found.push(node);
    for (const child of Object.values(node)) visit(child);
  };
  visit(root);
  return found;
}

/** Changes that keep the configuration valid, so the accepting path is exercised as much as the rejecting. */
function benignMutate(random: Random, root: Json): void {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return;
  const endpoints = Array.isArray(root.endpoints) ? root.endpoints : [];
  const endpoint = endpoints.length > 0 ? pick(random, endpoints) : undefined;
  const roles = root.roles;
  switch (int(random, 4)) {
    case 0:
      if (endpoint && typeof endpoint === 'object' && !Array.isArray(endpoint)) {
        endpoint.maxParallel = 1 + int(random, 1024);
        endpoint.contextWindow = 256 + int(random, 1_000_000);
        endpoint.flavor = pick(random, ['auto', 'openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama']);
        endpoint.timeouts = { idleMs: 1 + int(random, 100_000) };
      }
      break;
    case 1: {
      const id =
        endpoint && typeof endpoint === 'object' && !Array.isArray(endpoint) ? endpoint.id : undefined;
      const chain = roles && typeof roles === 'object' && !Array.isArray(roles) ? roles.planner : undefined;
      const model = Array.from({ length: 1 + int(random, 3) }, () => random().toString(36).slice(2)).join(
        '/',
      );
      if (typeof id === 'string' && roles && typeof roles === 'object' && !Array.isArray(roles)) {
        roles.planner = [...(Array.isArray(chain) ? chain : []), `${id}/${model}`];
      }
      break;
    }
    case 2:
      root.policy = {
        contextFraction: Math.max(0.01, random()),
        spillover: random() < 0.5,
        cooldown: { baseMs: 1 + int(random, 1000), maxMs: 1000 + int(random, 1000) },
      };
      break;
    default:
      endpoints.reverse();
  }
}

function mutate(random: Random, root: Json): Json {
  if (random() < 0.3) {
    benignMutate(random, root);
    return root;
  }
  const targets = containers(root);
  if (targets.length === 0 || random() < 0.02) return randomValue(random);
  const target = pick(random, targets);
  const keys = Object.keys(target);
  const key = keys.length > 0 ? pick(random, keys) : undefined;
  const set = (k: string | number, v: Json) =>
    Array.isArray(target) ? (target[Number(k)] = v) : setOwn(target, String(k), v);
  switch (int(random, 9)) {
    case 0: // delete a key or an element
      if (key !== undefined) {
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete target[key];
      }
      break;
    case 1: // swap a type
    case 2:
      if (key !== undefined) set(key, randomValue(random));
      break;
    case 3: // add a key or an element
      if (Array.isArray(target)) target.push(randomValue(random));
      else setOwn(target, pick(random, KEYS), randomValue(random));
      break;
    case 4: // deep nesting
      if (key !== undefined) set(key, deepNest(random));
      break;
    case 5: // duplicate a sibling (duplicate endpoint ids, repeated chain entries)
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(pick(random, target)));
      break;
    case 6: // plausible-but-wrong chain entries
      if (key !== undefined)
        set(key, pick(random, ['lan-a/m', 'nowhere/m', 'openai/x/y', ['lan-a/m', 'lan-a/m']]));
      break;
    case 7: // numbers at the edges
      if (key !== undefined) set(key, pick(random, [0, -1, 0.5, 1e21, Number.MAX_SAFE_INTEGER + 2, 1024, 1]));
      break;
    default: // huge strings
      if (key !== undefined) set(key, 'y'.repeat(int(random, 50_000)));
  }
  return root;
}

/** The contract: a valid configuration, or a ConfigError with issues. Anything else fails with the seed. */
function check(seed: number, description: string, load: () => KeelConfig): 'ok' | 'rejected' {
  let config: KeelConfig;
  try {
    config = load();
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw new Error(`fuzz seed ${seed} (${description}): threw ${String(error)}`, { cause: error });
    }
    const wellFormed =
      error.issues.length >= 1 &&
      error.issues.every(
        (i) => typeof i.path === 'string' && typeof i.message === 'string' && i.message !== '',
      ) &&
      error.message.length > 0;
    if (!wellFormed)
      throw new Error(`fuzz seed ${seed} (${description}): malformed ConfigError`, { cause: error });
    return 'rejected';
  }
  try {
    assertInvariants(config);
  } catch (error) {
    throw new Error(`fuzz seed ${seed} (${description}): accepted an invalid configuration`, {
      cause: error,
    });
  }
  return 'ok';
}

function assertInvariants(config: KeelConfig): void {
  // Back to the input form, then through the schema again: the result must be valid as it stands.
  const roles = Object.fromEntries(
    Object.entries(config.roles).map(([role, chain]) => [role, chain.map((tier) => tier.map((c) => c.key))]),
  );
  // `maxParallelDefaulted` is normalisation's note that the file left maxParallel out, not an input key.
  const endpoints = config.endpoints.map(({ maxParallelDefaulted: _defaulted, ...endpoint }) => endpoint);
  configSchema.parse({ version: config.version, endpoints, roles, policy: config.policy });
  const ids = config.endpoints.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(Object.keys(config.roles).length).toBeGreaterThan(0);
  for (const chain of Object.values(config.roles)) {
    const keys = chain.flat().map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const tier of chain) {
      expect(tier.length).toBeGreaterThan(0);
      for (const candidate of tier) {
        expect(ids).toContain(candidate.endpointId);
        expect(candidate.endpointId).not.toContain('/');
        expect(`${candidate.endpointId}/${candidate.model}`).toBe(candidate.key);
      }
    }
  }
}

function caseSeeds(count: number, offset: number): number[] {
  const seeds = Array.from({ length: count }, (_, i) => BASE_SEED + offset + i);
  // A seed given on the command line runs first, so a replay fails at once.
  if (process.env.KEEL_FUZZ_SEED !== undefined) seeds.unshift(BASE_SEED);
  return seeds;
}

describe('fuzzing the configuration parser', () => {
  it('survives random mutations of a valid configuration, as YAML, JSON and objects', () => {
    const outcomes = { ok: 0, rejected: 0 };
    for (const seed of caseSeeds(MUTATION_CASES, 0)) {
      const random = mulberry32(seed);
      let config = validInput() as unknown as Json;
      for (let n = 1 + int(random, 4); n > 0; n--) config = mutate(random, config);
      const json = JSON.stringify(config) ?? 'null';
      outcomes[check(seed, 'json', () => parseConfigText(json, 'keel.json'))]++;
      const yaml = toYaml(config, { aliasDuplicateObjects: false });
      outcomes[check(seed, 'yaml', () => parseConfigText(yaml, 'keel.yml'))]++;
      outcomes[check(seed, 'object', () => validateConfigValue(config))]++;
    }
    if (process.env.KEEL_FUZZ_VERBOSE) console.log(outcomes);
    // Both outcomes must be common, or the mutations are too timid or too destructive to test anything.
    const checks = outcomes.ok + outcomes.rejected;
    expect(outcomes.ok).toBeGreaterThan(checks * 0.1);
    expect(outcomes.rejected).toBeGreaterThan(checks * 0.5);
  });

  it('survives random text, truncated files and flipped characters', () => {
    const validJson = JSON.stringify(validInput(), null, 2);
    const alphabet = ' \n\t:-[]{},&*!|>\'"#%@`?~/\\0123456789abcxyz_.\u00e9\ufeff\u2028\0';
    for (const seed of caseSeeds(TEXT_CASES, 100_000)) {
      const random = mulberry32(seed);
      const base = random() < 0.5 ? VALID_YAML : validJson;
      let text: string;
      switch (int(random, 4)) {
        case 0:
          text = Array.from({ length: int(random, 400) }, () => alphabet[int(random, alphabet.length)]).join(
            '',
          );
          break;
        case 1:
          text = String.fromCharCode(...Array.from({ length: int(random, 400) }, () => int(random, 0x10000)));
          break;
        case 2:
          text = base.slice(0, int(random, base.length + 1));
          break;
        default: {
          const chars = [...base];
          for (let n = 1 + int(random, 6); n > 0; n--)
            chars[int(random, chars.length)] = pick(random, [...alphabet]);
          text = chars.join('');
        }
      }
      check(seed, 'text as yaml', () => parseConfigText(text, 'keel.yml'));
      check(seed, 'text as json', () => parseConfigText(text, 'keel.json'));
    }
  });

  it('survives random bytes in files', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      for (const seed of caseSeeds(FILE_CASES, 200_000)) {
        const random = mulberry32(seed);
        const bytes = Buffer.from(Array.from({ length: int(random, 600) }, () => int(random, 256)));
        const base = Buffer.from(VALID_YAML);
        const content =
          random() < 0.5 ? bytes : Buffer.concat([base.subarray(0, int(random, base.length)), bytes]);
        for (const name of ['keel.yml', 'keel.json']) {
          await writeFile(path.join(dir, name), content);
          let outcome: unknown;
          try {
            outcome = await loadConfig(name, { cwd: dir });
          } catch (error) {
            outcome = error;
          }
          check(seed, `file ${name}`, () => {
            if (outcome instanceof Error) throw outcome;
            return outcome as KeelConfig;
          });
        }
      }
    } finally {
      await cleanup();
    }
  });
});
