/**
 * Shaping a validated file into what the router consumes: every role chain as tiers of candidates.
 */
import {
  DEFAULT_MAX_PARALLEL,
  endpointSchema,
  ROLE_NAMES,
  type Candidate,
  type EndpointConfig,
  type KeelConfig,
  type ParsedConfig,
} from './schema.ts';

/**
 * `lan-a/qwen2.5-coder:7b` → `{ endpointId: 'lan-a', model: 'qwen2.5-coder:7b' }`. The split is at the FIRST
 * "/" because endpoint ids never contain one and model names often do (`openrouter/meta-llama/llama-3.1-8b`).
 */
export function parseCandidate(entry: string): Candidate {
  const slash = entry.indexOf('/');
  if (slash <= 0 || slash === entry.length - 1) {
    throw new Error(`not an "endpointId/model" entry: ${JSON.stringify(entry)}`);
  }
  return { endpointId: entry.slice(0, slash), model: entry.slice(slash + 1), key: entry };
}

/** Assumes `parsed` passed the schema and the cross-field checks (see `parseConfigText`). */
export function normalizeConfig(parsed: ParsedConfig): KeelConfig {
  const roles: KeelConfig['roles'] = {};
  for (const role of ROLE_NAMES) {
    const chain = parsed.roles[role];
    if (chain === undefined) continue;
    // A tier written as one string is a tier of one.
    roles[role] = chain.map((tier) => (typeof tier === 'string' ? [tier] : tier).map(parseCandidate));
  }
  return {
    version: parsed.version,
    endpoints: parsed.endpoints.map(resolveEndpoint),
    roles,
    policy: parsed.policy,
    run: parsed.run,
    ...(parsed.coordination ? { coordination: parsed.coordination } : {}),
  };
}

/** One endpoint's entry, validated and resolved as `loadConfig` does (throws on invalid input). */
export function endpointConfig(input: unknown): EndpointConfig {
  return resolveEndpoint(endpointSchema.parse(input));
}

/** `maxParallel` set; left out, the default for now, marked so a scan's slot count may take its place. */
function resolveEndpoint(endpoint: ParsedConfig['endpoints'][number]): EndpointConfig {
  const { maxParallel, ...rest } = endpoint;
  return maxParallel === undefined
    ? { ...rest, maxParallel: DEFAULT_MAX_PARALLEL, maxParallelDefaulted: true }
    : { ...rest, maxParallel };
}
