/**
 * Endpoint probes: a cheap health probe (is it up, what does it serve, how fast does it answer) and a
 * slower capability scan (which server software, what context window each model really has). Both return
 * plain data stamped with the wall clock; they never throw for an endpoint that misbehaves.
 *
 * Probing functions take endpoints one at a time and never decide *whether* to probe: callers filter with
 * `shouldSkipEndpoint`, so that a GitHub-hosted runner makes no connection attempt to a LAN address.
 */
import { systemClock, type Clock } from '../base/clock.ts';
import type { EndpointConfig } from '../config/schema.ts';
import {
  parseModelListing,
  type DetectedFlavor,
  type Discovery,
  type FlavorAttempt,
  type ModelListing,
} from './context-discovery.ts';
import { discoverLlamaCpp } from './discover-llamacpp.ts';
import { discoverLmStudio } from './discover-lmstudio.ts';
import { discoverOllama } from './discover-ollama.ts';
import {
  DEFAULT_PROBE_MAX_BYTES,
  joinUrl,
  requestJson,
  serverRoot,
  type FetchLike,
  type ProbeHttpDeps,
} from './probe-http.ts';

export type { DetectedFlavor } from './context-discovery.ts';
export { FleetHealthBook, type EndpointHealth, type HealthBookSnapshot } from './health-book.ts';
export type { FetchLike } from './probe-http.ts';

export interface HealthProbe {
  endpointId: string;
  healthy: boolean;
  latencyMs: number;
  models: string[];
  /** Wall-clock ms (`clock.now()`) when the answer (or the failure) came in. */
  checkedAt: number;
  /** Short and redacted: never contains the API key. */
  error?: string;
}

export interface CapabilityScan {
  endpointId: string;
  /** The server software that answered; `openai` when none of the known dialects did. */
  flavor: DetectedFlavor;
  models: string[];
  contextWindows: Record<string, number>;
  /** A window that holds for any model name (llama.cpp serves one model whatever a request asks for). */
  serverWindow?: number;
  /** Output caps the listing gives per model (Groq `max_completion_tokens`, OpenRouter `top_provider`). */
  outputCaps?: Record<string, number>;
  /** Requests the server runs at once, as it reports them: `maxParallel` when the config sets none. */
  serverSlots?: number;
  /** Models loaded at scan time (Ollama `/api/ps` …); a model not among them must be loaded first. */
  loadedModels?: string[];
  /** How the windows were found, for `keel probe` (a conservative cap, llama.cpp router mode). */
  notes?: string[];
  checkedAt: number;
  error?: string;
}

export interface ProbeDeps {
  fetch?: FetchLike;
  clock?: Clock;
  /** Where `apiKeyEnv` is looked up; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  timeoutMs: number;
  /** Cap on each answer's size; probe answers are small JSON documents. */
  maxResponseBytes?: number;
  signal?: AbortSignal;
}

/**
 * On a GitHub-hosted runner a `local` endpoint is on somebody's LAN, out of reach: skip it without a
 * connection attempt (which would only burn a timeout), unless the config says it is reachable (a tunnel).
 */
export function shouldSkipEndpoint(
  endpoint: Pick<EndpointConfig, 'kind' | 'reachable'>,
  runnerEnvironment: string | undefined,
): boolean {
  const githubHosted = runnerEnvironment?.trim().toLowerCase() === 'github-hosted';
  return githubHosted && endpoint.kind === 'local' && endpoint.reachable !== true;
}

/** `GET {url}/models`: healthy when it answers 2xx with a list of models. */
export async function probeHealth(endpoint: EndpointConfig, deps: ProbeDeps): Promise<HealthProbe> {
  const clock = deps.clock ?? systemClock;
  const http = probeHttpDeps(endpoint, deps);
  const startedAt = clock.now();
  const answer = await requestJson(joinUrl(endpoint.url, '/models'), http);
  const checkedAt = clock.now();
  const base = { endpointId: endpoint.id, latencyMs: Math.max(0, checkedAt - startedAt), checkedAt };
  if (!answer.ok) {
    return {
      ...base,
      healthy: false,
      models: [],
      error: explainFailure(endpoint, deps, answer.error, answer.status),
    };
  }
  const listing = parseModelListing(answer.body);
  if (!listing)
    return { ...base, healthy: false, models: [], error: 'the /models answer is not a model list' };
  return { ...base, healthy: true, models: listing.models };
}

/**
 * Is a server that said "Loading model" ready now? llama.cpp answers `/health` with 200 `{"status":"ok"}`
 * once loaded and with the same 503 as every other route while loading (tools/server/server-http.cpp,
 * `middleware_server_state`, at 00dd081); vLLM's `/health` is a 200 with an empty body. Anything else
 * (no `/health`, no answer) says nothing: `unknown`.
 */
export async function checkReady(
  endpoint: EndpointConfig,
  deps: ProbeDeps,
): Promise<'ready' | 'loading' | 'unknown'> {
  const answer = await requestJson(
    joinUrl(serverRoot(endpoint.url), '/health'),
    probeHttpDeps(endpoint, deps),
  );
  if (answer.status !== undefined && answer.status >= 200 && answer.status < 300) return 'ready';
  return answer.status === 503 ? 'loading' : 'unknown';
}

/**
 * Finds the server's flavor, its models and their context windows. With `flavor: auto` the dialects are
 * tried in order (vLLM, whose answer is already in `/models`, then LM Studio, llama.cpp, Ollama) until one
 * yields a window. A hosted endpoint is only asked `/models`: the local servers' paths mean nothing there.
 */
export async function scanCapabilities(endpoint: EndpointConfig, deps: ProbeDeps): Promise<CapabilityScan> {
  const clock = deps.clock ?? systemClock;
  const http = probeHttpDeps(endpoint, deps);
  const finish = (
    found: Partial<Discovery> & { flavor: DetectedFlavor },
    error?: string,
  ): CapabilityScan => ({
    endpointId: endpoint.id,
    flavor: found.flavor,
    models: found.models ?? [],
    contextWindows: found.contextWindows ?? {},
    ...(found.serverWindow !== undefined ? { serverWindow: found.serverWindow } : {}),
    ...(found.outputCaps !== undefined && Object.keys(found.outputCaps).length > 0
      ? { outputCaps: found.outputCaps }
      : {}),
    ...(found.serverSlots !== undefined ? { serverSlots: found.serverSlots } : {}),
    ...(found.loadedModels !== undefined ? { loadedModels: found.loadedModels } : {}),
    ...(found.notes !== undefined && found.notes.length > 0 ? { notes: found.notes } : {}),
    checkedAt: clock.now(),
    ...(error !== undefined ? { error } : {}),
  });
  const declared: DetectedFlavor = endpoint.flavor === 'auto' ? 'openai' : endpoint.flavor;

  const answer = await requestJson(joinUrl(endpoint.url, '/models'), http);
  let listing: ModelListing | undefined;
  let listingError: string | undefined;
  if (answer.ok) {
    listing = parseModelListing(answer.body);
    if (!listing) listingError = 'the /models answer is not a model list';
  } else {
    listingError = explainFailure(endpoint, deps, answer.error, answer.status);
    // No answer at all: the host is down or unreachable, and every other path would fail the same way.
    if (answer.status === undefined) return finish({ flavor: declared }, listingError);
  }
  const listed = listing?.models ?? [];

  for (const attempt of flavorsToTry(endpoint)) {
    const result = await tryFlavor(attempt, endpoint.url, http, listing);
    if (result.kind === 'failed') return finish({ flavor: declared, models: listed }, result.error);
    if (result.kind === 'absent') continue;
    const { discovery } = result;
    const explicit = endpoint.flavor !== 'auto';
    if (
      explicit ||
      Object.keys(discovery.contextWindows).length > 0 ||
      discovery.serverWindow !== undefined
    ) {
      return finish({ ...discovery, models: union(listed, discovery.models) }, listingError);
    }
  }
  return finish({ flavor: declared, models: listed }, listingError);
}

type FlavorStep = 'vllm' | 'gateway' | 'lmstudio' | 'llamacpp' | 'ollama';

function flavorsToTry(endpoint: EndpointConfig): FlavorStep[] {
  switch (endpoint.flavor) {
    case 'auto':
      return endpoint.kind === 'hosted'
        ? ['vllm', 'gateway']
        : ['vllm', 'gateway', 'lmstudio', 'llamacpp', 'ollama'];
    case 'openai':
      return ['gateway'];
    default:
      return [endpoint.flavor];
  }
}

async function tryFlavor(
  step: FlavorStep,
  url: string,
  http: ProbeHttpDeps,
  listing: ModelListing | undefined,
): Promise<FlavorAttempt> {
  switch (step) {
    case 'vllm':
      return fromListing('vllm', listing, listing?.vllmWindows);
    case 'gateway':
      return fromListing('openai', listing, listing?.gatewayWindows);
    case 'lmstudio':
      return discoverLmStudio(url, http);
    case 'llamacpp':
      return discoverLlamaCpp(url, http, listing);
    case 'ollama':
      return discoverOllama(url, http);
  }
}

function fromListing(
  flavor: DetectedFlavor,
  listing: ModelListing | undefined,
  windows: Record<string, number> | undefined,
): FlavorAttempt {
  if (!listing || !windows) return { kind: 'absent' };
  return {
    kind: 'found',
    discovery: {
      flavor,
      models: listing.models,
      contextWindows: { ...windows },
      outputCaps: { ...listing.outputCaps },
    },
  };
}

/** The bounded, keyed HTTP a probe of this endpoint makes (also used to count tokens and ask /health). */
export function probeHttpDeps(endpoint: EndpointConfig, deps: ProbeDeps): ProbeHttpDeps {
  const apiKey = endpoint.apiKeyEnv ? (deps.env ?? process.env)[endpoint.apiKeyEnv] : undefined;
  return {
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: deps.clock ?? systemClock,
    timeoutMs: deps.timeoutMs,
    maxBytes: deps.maxResponseBytes ?? DEFAULT_PROBE_MAX_BYTES,
    ...(apiKey ? { apiKey } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
}

/** Names the missing variable on an auth failure: the usual cause, and the name is not a secret. */
function explainFailure(endpoint: EndpointConfig, deps: ProbeDeps, error: string, status?: number): string {
  const keyName = endpoint.apiKeyEnv;
  if ((status === 401 || status === 403) && keyName && !(deps.env ?? process.env)[keyName]) {
    return `${error} (${keyName} is not set)`;
  }
  return error;
}

function union(first: string[], second: string[]): string[] {
  return [...new Set([...first, ...second])];
}
