/**
 * `keel probe [--config FILE] [--json] [--capabilities]`: probes every endpoint once and prints what it
 * found. The first thing to run when a fleet misbehaves, so it says why an endpoint is down or skipped.
 * Exit 0 when at least one endpoint is healthy, 1 otherwise (a workflow step can gate on it).
 */
import type { Clock } from '../base/clock.ts';
import { loadConfig } from '../config/index.ts';
import type { EndpointConfig, KeelConfig } from '../config/schema.ts';
import {
  probeHealth,
  scanCapabilities,
  shouldSkipEndpoint,
  type CapabilityScan,
  type FetchLike,
  type HealthProbe,
} from '../fleet/probe.ts';
import { resolve } from 'node:path';
import type { CliIO, Command } from './io.ts';
import { projectDir } from './project-dir.ts';
import { parseCommandArgs } from './parse-command-args.ts';

export const PROBE_USAGE = `usage: keel probe [--config FILE] [--json] [--capabilities]

  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --json           print JSON instead of a table
  --capabilities   also scan for server flavor and context windows (slower)
`;

export interface ProbeRow {
  id: string;
  kind: EndpointConfig['kind'];
  url: string;
  status: 'healthy' | 'unhealthy' | 'skipped';
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

export interface ProbeCommandDeps {
  loadConfig?: (path: string | undefined, options: { cwd: string }) => Promise<KeelConfig>;
  fetch?: FetchLike;
  clock?: Clock;
}

export function createProbeCommand(deps: ProbeCommandDeps = {}): Command {
  return async (argv, io) => {
    const options = parseOptions(argv);
    if (options.help) {
      io.stdout(PROBE_USAGE);
      return 0;
    }
    const load = deps.loadConfig ?? loadConfig;
    const config = await load(options.config !== undefined ? resolve(io.cwd, options.config) : undefined, {
      cwd: projectDir(io),
    });
    const rows = await probeAll(config, io, deps, options.capabilities);
    const healthy = rows.filter((row) => row.status === 'healthy').length;
    if (options.json) {
      const runnerEnvironment = io.env.RUNNER_ENVIRONMENT ?? null;
      io.stdout(`${JSON.stringify({ runnerEnvironment, healthy, endpoints: rows }, null, 2)}\n`);
    } else {
      io.stdout(renderTable(rows, options.capabilities));
    }
    return healthy > 0 ? 0 : 1;
  };
}

export const probeCommand: Command = createProbeCommand();

function parseOptions(argv: string[]): {
  config?: string;
  json: boolean;
  capabilities: boolean;
  help: boolean;
} {
  const { values } = parseCommandArgs(
    {
      args: argv,
      options: {
        config: { type: 'string', short: 'c' },
        json: { type: 'boolean', default: false },
        capabilities: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    PROBE_USAGE,
  );
  return {
    json: values.json,
    capabilities: values.capabilities,
    help: values.help,
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

async function probeAll(config: KeelConfig, io: CliIO, deps: ProbeCommandDeps, capabilities: boolean) {
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
      return toRow(base, endpoint, probe, scan);
    }),
  );
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

function renderTable(rows: ProbeRow[], capabilities: boolean): string {
  const header = ['endpoint', 'kind', 'url', 'health', 'latency', 'models', 'context windows'];
  if (capabilities) header.push('flavor');
  const body = rows.map((row) => {
    const cells = [
      row.id,
      row.kind,
      row.url,
      row.status === 'skipped' ? `skipped (${row.skipReason ?? 'placement'})` : row.status,
      row.latencyMs === undefined ? '-' : `${row.latencyMs} ms`,
      listBrief(row.models),
      windowsBrief(row, capabilities),
    ];
    if (capabilities) cells.push(row.flavor ?? '-');
    return cells;
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const errors = rows
    .filter((row) => row.error !== undefined && row.status !== 'skipped')
    .map((row) => `  ${row.id}: ${row.error}`);
  const notes = rows.flatMap((row) => [
    ...(row.serverSlots !== undefined
      ? [`  ${row.id}: the server runs ${row.serverSlots} request(s) at once`]
      : []),
    ...(row.notes ?? []).map((note) => `  ${row.id}: ${note}`),
  ]);
  const healthy = rows.filter((row) => row.status === 'healthy').length;
  const summary = `${healthy} of ${rows.length} endpoint(s) healthy`;
  return [
    line(header),
    ...body.map(line),
    '',
    ...(notes.length ? ['notes:', ...notes, ''] : []),
    ...(errors.length ? ['errors:', ...errors, ''] : []),
    summary,
    '',
  ].join('\n');
}

function listBrief(models: string[], shown = 2): string {
  if (models.length === 0) return '-';
  const head = models.slice(0, shown).join(', ');
  return models.length > shown ? `${head} +${models.length - shown} more` : head;
}

function windowsBrief(row: ProbeRow, capabilities: boolean): string {
  if (row.configuredWindow !== undefined) return `${row.configuredWindow} (config)`;
  const values = [...new Set(Object.values(row.contextWindows))];
  if (values.length === 0)
    return row.status === 'skipped' || capabilities ? '-' : 'not scanned (--capabilities)';
  if (values.length === 1) return String(values[0]);
  return listBrief(
    Object.entries(row.contextWindows).map(([model, window]) => `${model}=${window}`),
    2,
  );
}

/** Credentials in a URL (`http://user:pass@host`) stay out of terminals and logs. */
function displayUrl(url: string): string {
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
