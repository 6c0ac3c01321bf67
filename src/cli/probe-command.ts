/**
 * `keel probe [--config FILE] [--json] [--capabilities]`: probes every endpoint once and prints what it
 * found. The first thing to run when a fleet misbehaves, so it says why an endpoint is down or skipped.
 * Exit 0 when at least one endpoint is healthy, 1 otherwise (a workflow step can gate on it).
 */
import type { Clock } from '../base/clock.ts';
import { loadConfig } from '../config/index.ts';
import type { KeelConfig } from '../config/schema.ts';
import type { FetchLike } from '../fleet/probe.ts';
import { probeAll, type ProbeRow } from '../fleet/probe-report.ts';
import { resolve } from 'node:path';
import type { Command } from './io.ts';
import { projectDir } from './project-dir.ts';
import { parseCommandArgs } from './parse-command-args.ts';

export type { ProbeRow } from '../fleet/probe-report.ts';

export const PROBE_USAGE = `usage: keel probe [--config FILE] [--json] [--capabilities]

  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --json           print JSON instead of a table
  --capabilities   also scan for server flavor and context windows (slower)
`;

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
  const warnings = rows.flatMap((row) => (row.warnings ?? []).map((warning) => `  ${row.id}: ${warning}`));
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
    ...(warnings.length ? ['warnings:', ...warnings, ''] : []),
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
