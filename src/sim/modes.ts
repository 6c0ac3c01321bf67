/**
 * The faults a simulated endpoint can be put in, the flavors of server software it can imitate, and the
 * seeded random numbers behind `flaky`. Plain data and pure functions: the servers read these at request time.
 */

export const SIM_MODES = [
  'ok',
  'refuse',
  'hang',
  'e500',
  'e429',
  'malformed',
  'cut',
  'slow',
  'ctxlen',
  'auth',
  'flaky',
] as const;
export type SimMode = (typeof SIM_MODES)[number];

export const SIM_FLAVORS = ['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'] as const;
export type SimFlavor = (typeof SIM_FLAVORS)[number];

export function isSimMode(value: unknown): value is SimMode {
  return typeof value === 'string' && (SIM_MODES as readonly string[]).includes(value);
}

export function isSimFlavor(value: unknown): value is SimFlavor {
  return typeof value === 'string' && (SIM_FLAVORS as readonly string[]).includes(value);
}

/** Gap between two trickled pieces in `slow` when no latency is given: long enough to trip idle timeouts in drills. */
export const DEFAULT_SLOW_GAP_MS = 200;
export const DEFAULT_FAIL_RATE = 0.5;
export const DEFAULT_SEED = 1;

/**
 * Modes that break the probe routes as well as chat. A server that is down, stuck, crashing or rejecting the
 * key is so for `/v1/models` too; chat-only faults (`cut`, `ctxlen`, `malformed`, `flaky`, `slow`, `e429`)
 * leave probes healthy, which is exactly the case where a probe says "healthy" and chat still fails.
 */
export function modeBreaksProbes(mode: SimMode): boolean {
  return mode === 'refuse' || mode === 'hang' || mode === 'e500' || mode === 'auth';
}

/**
 * mulberry32: a tiny, well-mixed 32-bit PRNG. Seeded per endpoint so that a `flaky` run fails the same requests
 * every time; `Math.random` would make failure drills and tests unrepeatable.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bad input from a caller (an unknown endpoint or mode, a negative latency): the control routes answer it with 400. */
export class SimInputError extends Error {
  override name = 'SimInputError';
}
