/**
 * `keel status`: the runs in the state directory with their step states, and the failover status table —
 * role → chain → CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN / COOLDOWN / DISABLED / UNREACHABLE — from
 * the fleet state the last command or run saved. `keel status RUN_ID` lists that run's steps one by one.
 */
import { join, resolve } from 'node:path';
import { ConfigError } from '../config/load.ts';
import { renderStatusText } from '../fleet/status.ts';
import { DEFAULT_LEASE_STALE_MS, readRunOwner, type RunOwner } from '../run/run-lease.ts';
import { listRuns, TaskStateStore, type RunSummary } from '../run/state-store.ts';
import { isUnfinished, type RunState } from '../run/state.ts';
import { DEFAULT_STATE_DIR, stateLayout } from '../base/state-layout.ts';
import { openFleetSession } from './fleet-session.ts';
import { UsageError, type CliIO, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';

export const STATUS_USAGE = `usage: keel status [RUN_ID] [--json] [--config FILE] [--state-dir DIR]

  RUN_ID           show that run's steps one by one
  --json           print JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where runs and the fleet state are kept (default: .keel)
`;

export const statusCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(
    {
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    },
    STATUS_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(STATUS_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`one run id at most\n\n${STATUS_USAGE}`);
  const stateDir =
    values['state-dir'] !== undefined
      ? resolve(io.cwd, values['state-dir'])
      : join(projectDir(io), DEFAULT_STATE_DIR);

  if (positionals[0] !== undefined) return showRun(positionals[0], stateDir, io, values.json);

  const runs = await withOwners(await listRuns(stateDir));
  const rows = await fleetRows(values.config, values['state-dir'], io);
  if (values.json) {
    io.stdout(`${JSON.stringify({ runs, fleet: rows ?? null }, null, 2)}\n`);
    return 0;
  }
  io.stdout(renderRuns(runs));
  if (rows) io.stdout(`\n${renderStatusText(rows)}`);
  return 0;
};

async function fleetRows(config: string | undefined, stateDir: string | undefined, io: CliIO) {
  try {
    const session = await openFleetSession(
      { ...(config !== undefined ? { config } : {}), ...(stateDir !== undefined ? { stateDir } : {}) },
      io,
    );
    try {
      return session.router.status();
    } finally {
      await session.close({ save: false });
    }
  } catch (error) {
    // Runs can be listed without a config; say why the fleet table is missing instead of failing.
    if (!(error instanceof ConfigError) || config !== undefined) throw error;
    io.stderr(`keel status: no fleet table (${error.message.split('\n', 1)[0]})\n`);
    return undefined;
  }
}

/** A run summary with who is working on it: `running` (pid, host, heartbeat age) or `stale`. */
export type RunRow = RunSummary & { owner?: RunOwner };

/**
 * The lease and heartbeat of every unfinished run: "running" while its holder beats, "stale" when it went
 * silent — what a person deciding whether to resume (or `--take-over`) needs to see.
 */
async function withOwners(runs: RunSummary[]): Promise<RunRow[]> {
  const now = Date.now();
  return Promise.all(
    runs.map(async (run) =>
      run.status === 'running' || run.status === 'interrupted'
        ? { ...run, owner: await readRunOwner(run.runDir, now, DEFAULT_LEASE_STALE_MS) }
        : run,
    ),
  );
}

export function renderRuns(runs: RunRow[]): string {
  if (runs.length === 0) return 'Runs: none\n';
  const lines = ['Runs:'];
  for (const run of runs) {
    const s = run.steps;
    const when = run.updatedAt > 0 ? new Date(run.updatedAt).toISOString().replace('.000Z', 'Z') : 'unknown';
    lines.push(
      `  ${run.runId}  ${run.status.padEnd(11)} ${when}  steps: ${s.done} done, ${s.failed} failed, ${s.pending + s.running} pending` +
        `${run.problem ? `  (${run.problem})` : ''}`,
    );
    if (run.owner && run.owner.state !== 'none')
      lines.push(`      ${run.owner.state === 'running' ? 'running' : 'stale'}: ${run.owner.detail ?? ''}`);
    if (run.task) lines.push(`      ${run.task.split('\n', 1)[0]}`);
  }
  return `${lines.join('\n')}\n`;
}

async function showRun(runId: string, stateDir: string, io: CliIO, json: boolean): Promise<number> {
  const loaded = await new TaskStateStore({ runDir: stateLayout(stateDir).run(runId).dir }).load();
  if (!loaded.state) {
    io.stderr(`keel status: no run ${runId} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}\n`);
    return 1;
  }
  const runDir = stateLayout(stateDir).run(runId).dir;
  const owner = isUnfinished(loaded.state)
    ? await readRunOwner(runDir, Date.now(), DEFAULT_LEASE_STALE_MS)
    : undefined;
  io.stdout(
    json
      ? `${JSON.stringify(owner ? { ...loaded.state, owner } : loaded.state, null, 2)}\n`
      : renderRunSteps(loaded.state, owner),
  );
  return 0;
}

export function renderRunSteps(state: RunState, owner?: RunOwner): string {
  const lines = [`run ${state.runId} — ${state.status}`, `  task: ${state.task.text.split('\n', 1)[0]}`];
  if (owner && owner.state !== 'none') lines.push(`  ${owner.state}: ${owner.detail ?? ''}`);
  if (state.interruption) lines.push(`  stopped: ${state.interruption.reason}`);
  for (const step of Object.values(state.steps)) {
    const extra = [step.model, step.commit?.slice(0, 8), step.degraded ? 'degraded' : undefined, step.error]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${step.id.padEnd(40)} ${step.status}${extra ? `  (${extra})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
