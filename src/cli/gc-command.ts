/** `keel gc`: prunes what old finished runs left behind (`run/gc.ts`). */
import { join, resolve } from 'node:path';
import { formatAge } from '../base/age.ts';
import { DEFAULT_STATE_DIR } from '../base/state-layout.ts';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import { collectGarbage, type GcOutcome } from '../run/gc.ts';
import { UsageError, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';

export const GC_USAGE = `usage: keel gc [--older-than AGE] [--dry-run] [--state-dir DIR]

Prunes finished runs (completed, partial, degraded, failed) last updated more than AGE ago: the worktree still
checked out (and its line in .git/info/exclude), the work branch keel/<run> once it is merged into the run's
base branch (here or at origin), and the run's directory under .keel/runs/. Running and interrupted runs,
unmerged branches and worktrees with changes are never touched.

  --older-than AGE  14d (default), 36h, 90m, 0 for every finished run
  --dry-run         say what would go, change nothing
  --state-dir DIR   where runs are kept (default: .keel at the repository's root)
`;

const DEFAULT_OLDER_THAN = '14d';
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `14d`, `36h`, `90m`, `30s`, `0`. */
export function parseAge(text: string): number {
  const match = /^(\d{1,6})([smhd])?$/.exec(text.trim());
  if (!match || (match[2] === undefined && match[1] !== '0'))
    throw new UsageError(`--older-than: "${text}" is not an age like 14d, 36h, 90m or 0\n\n${GC_USAGE}`);
  return Number(match[1]) * (match[2] === undefined ? 0 : UNIT_MS[match[2]]!);
}

export const gcCommand: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    {
      args: argv,
      allowPositionals: true,
      options: {
        'older-than': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'state-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    GC_USAGE,
  );
  if (values.help) {
    io.stdout(GC_USAGE);
    return 0;
  }
  if (positionals[0] !== undefined)
    throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${GC_USAGE}`);
  const olderThanMs = parseAge(values['older-than'] ?? DEFAULT_OLDER_THAN);
  const stateDir =
    values['state-dir'] !== undefined
      ? resolve(io.cwd, values['state-dir'])
      : join(projectDir(io), DEFAULT_STATE_DIR);
  const report = await collectGarbage({
    git: createGit({ runner: createCommandRunner() }),
    stateDir,
    olderThanMs,
    now: Date.now(),
    dryRun: values['dry-run'] === true,
  });
  const verb = values['dry-run'] ? 'would prune' : 'pruned';
  for (const outcome of report.outcomes) io.stdout(`${describe(outcome, verb)}\n`);
  const pruned = report.outcomes.filter((o) => o.kind === 'pruned').length;
  const kept = report.outcomes.length - pruned;
  io.stdout(
    `keel gc: ${verb} ${pruned} run(s) older than ${olderThanMs === 0 ? '0 s' : formatAge(olderThanMs)}` +
      `${kept > 0 ? `, kept ${kept}` : ''}; ${report.skipped} run(s) unfinished or newer left alone\n`,
  );
  return 0;
};

function describe(outcome: GcOutcome, verb: string): string {
  if (outcome.kind === 'kept') return `${outcome.runId}: kept — ${outcome.why}`;
  const parts = [
    ...(outcome.worktree ? ['worktree'] : []),
    outcome.branch === 'deleted' ? 'merged branch' : '',
    'run directory',
  ].filter(Boolean);
  const branch =
    outcome.branch === 'kept' ? `; branch kept${outcome.why ? ` (${outcome.why})` : ' (not merged)'}` : '';
  return `${outcome.runId}: ${verb} ${parts.join(', ')}${branch}`;
}
