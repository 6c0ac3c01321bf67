/**
 * What `keel probe` and `keel doctor` see of the fleet: each endpoint probed once (health, models, and with
 * `capabilities` the flavor, context windows and slots), as rows — and the setup mistakes in sight (a key
 * variable not set, a configured model the endpoint does not serve), which make an answering endpoint
 * `misconfigured` rather than healthy.
 */
import type { Clock } from '../base/clock.ts';
import type { EndpointConfig, KeelConfig } from '../config/schema.ts';
import {
  probeHealth,
  scanCapabilities,
  shouldSkipEndpoint,
  type CapabilityScan,
  type FetchLike,
  type HealthProbe,
} from './probe.ts';
import { closestModel, missingKey, modelsByEndpoint, unknownModels } from './setup-findings.ts';

export interface ProbeRow {
  id: string;
  kind: EndpointConfig['kind'];
  url: string;
  /** `misconfigured`: it answers, but its key is not set or it lacks a configured model (`warnings`). */
  status: 'healthy' | 'unhealthy' | 'skipped' | 'misconfigured';
  /** Setup mistakes found: a key variable not set, configured models the endpoint does not serve. */
  warnings?: string[];
  skipReason?: string;
  latencyMs?: number;
  models: string[];
  /** Effective window per model: the configured one when set, else the discovered one. */
  contextWindows: Record<string, number>;
  contextWindowSource?: 'config' | 'discovered';
  /** The window set in the config: it applies to every model of the endpoint and beats discovery. */
  configuredWindow?: number;
  flavor?: string;
  /** Requests the server runs at once, as it reports them (the cap when `maxParallel` is not set). */
  serverSlots?: number;
  /** Models loaded at the scan (a request for another waits for its load first). */
  loadedModels?: string[];
  /** How the windows were found: a conservative cap where nothing reports one, llama.cpp router mode. */
  notes?: string[];
  error?: string;
}

export interface ProbeReportDeps {
  fetch?: FetchLike;
  clock?: Clock;
}

export async function probeAll(
  config: KeelConfig,
  io: { env: Record<string, string | undefined>; signal: AbortSignal },
  deps: ProbeReportDeps,
  capabilities: boolean,
): Promise<ProbeRow[]> {
  const wanted = modelsByEndpoint(config);
  const probeDeps = {
    timeoutMs: config.policy.probe.timeoutMs,
    env: io.env,
    signal: io.signal,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  };
  return Promise.all(
    config.endpoints.map(async (endpoint): Promise<ProbeRow> => {
      const base = { id: endpoint.id, kind: endpoint.kind, url: displayUrl(endpoint.url) };
      if (shouldSkipEndpoint(endpoint, io.env.RUNNER_ENVIRONMENT)) {
        return {
          ...base,
          status: 'skipped',
          skipReason: 'github-hosted runner',
          models: [],
          contextWindows: {},
        };
      }
      const [probe, scan] = await Promise.all([
        probeHealth(endpoint, probeDeps),
        capabilities ? scanCapabilities(endpoint, probeDeps) : undefined,
      ]);
      return withWarnings(toRow(base, endpoint, probe, scan), endpoint, wanted, io.env);
    }),
  );
}

/**
 * A key variable that is not set, and configured models the endpoint does not list, make an answering
 * endpoint `misconfigured` rather than healthy: a run would 401, or 404 on the model and fall back to the
 * next tier (often the paid one) without a word.
 */
function withWarnings(
  row: ProbeRow,
  endpoint: EndpointConfig,
  wanted: ReturnType<typeof modelsByEndpoint>,
  env: Record<string, string | undefined>,
): ProbeRow {
  const warnings: string[] = [];
  const key = missingKey(endpoint, env);
  if (key !== undefined) warnings.push(`${key} is not set: requests would be refused`);
  const unknown = unknownModels((wanted.get(endpoint.id) ?? new Map()).keys(), row.models);
  for (const model of unknown) {
    const hint = closestModel(model, row.models);
    warnings.push(`no model "${model}" here${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  if (warnings.length === 0) return row;
  return { ...row, warnings, ...(row.status === 'healthy' ? { status: 'misconfigured' as const } : {}) };
}

function toRow(
  base: Pick<ProbeRow, 'id' | 'kind' | 'url'>,
  endpoint: EndpointConfig,
  probe: HealthProbe,
  scan: CapabilityScan | undefined,
): ProbeRow {
  const models = probe.models.length > 0 ? probe.models : (scan?.models ?? []);
  const row: ProbeRow = {
    ...base,
    status: probe.healthy ? 'healthy' : 'unhealthy',
    latencyMs: probe.latencyMs,
    models,
    contextWindows: {},
  };
  if (endpoint.contextWindow !== undefined) {
    row.contextWindowSource = 'config';
    row.configuredWindow = endpoint.contextWindow;
    for (const model of models) row.contextWindows[model] = endpoint.contextWindow;
  } else if (scan) {
    row.contextWindows = { ...scan.contextWindows };
    if (scan.serverWindow !== undefined) {
      for (const model of models) row.contextWindows[model] ??= scan.serverWindow;
    }
    if (Object.keys(row.contextWindows).length > 0) row.contextWindowSource = 'discovered';
  }
  if (scan) row.flavor = scan.flavor;
  if (scan?.serverSlots !== undefined) row.serverSlots = scan.serverSlots;
  if (scan?.loadedModels !== undefined) row.loadedModels = scan.loadedModels;
  // A configured window makes the conservative-cap note moot; router-mode notes stay.
  const notes = (scan?.notes ?? []).filter(
    (note) => endpoint.contextWindow === undefined || !/assuming/.test(note),
  );
  if (notes.length > 0) row.notes = notes;
  const error = probe.error ?? scan?.error;
  if (error !== undefined) row.error = error;
  return row;
}

export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
    }
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
