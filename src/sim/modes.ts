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
  // Faults of today's servers (issue 10): llama.cpp loading its model (503 on every route, /health too);
  // OpenAI's 429 insufficient_quota; Ollama's 503 "server busy" when its scheduler queue is full.
  'loading',
  'quota',
  'busy',
] as const;
export type SimMode = (typeof SIM_MODES)[number];

/**
 * The server software an endpoint imitates. `llamacpp-router` is llama-server in router mode (no `-m`:
 * several models, loaded on demand, tools/server/server-models.cpp), a different set of answers from the
 * same program; keel's config calls both `llamacpp`.
 */
export const SIM_FLAVORS = ['openai', 'vllm', 'llamacpp', 'llamacpp-router', 'lmstudio', 'ollama'] as const;
export type SimFlavor = (typeof SIM_FLAVORS)[number];

/**
 * Whose model listing a hosted endpoint gives: OpenAI's names no window; the gateways each name it their
 * own way (issue 10 §9, `probe-hosted.ts`).
 */
export const HOSTED_LISTINGS = ['openai', 'groq', 'mistral', 'openrouter'] as const;
export type HostedListing = (typeof HOSTED_LISTINGS)[number];

export function isHostedListing(value: unknown): value is HostedListing {
  return typeof value === 'string' && (HOSTED_LISTINGS as readonly string[]).includes(value);
}

export function isLlamaCpp(flavor: SimFlavor): boolean {
  return flavor === 'llamacpp' || flavor === 'llamacpp-router';
}

/**
 * How many requests the server runs at once when the spec does not say: Ollama `OLLAMA_NUM_PARALLEL`
 * (default 1, envconfig/config.go), llama.cpp `-np` auto (4 with a unified KV cache, tools/server/server.cpp),
 * LM Studio `parallel` (4 in its docs' example). vLLM and hosted APIs batch: no server-side queue modelled.
 */
export function defaultServerSlots(flavor: SimFlavor): number | undefined {
  if (flavor === 'ollama') return 1;
  if (isLlamaCpp(flavor) || flavor === 'lmstudio') return 4;
  return undefined;
}

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
  return mode === 'refuse' || mode === 'hang' || mode === 'e500' || mode === 'auth' || mode === 'loading';
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
