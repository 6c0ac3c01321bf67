/**
 * The arguments of `keel run`, parsed once. Its own module, light on imports, because the early resume
 * request (`src/cli/early-resume.ts`) reads the same arguments before the rest of keel is loaded.
 */
import { resumeRequested } from '../config/resume-request.ts';
import { UsageError } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';

export const RUN_USAGE = `usage: keel run --task TEXT [options]
       keel run --resume [RUN_ID] [options]

  --task TEXT                  what to do
  --resume [RUN_ID]            continue the named run, or the latest unfinished one
  --run-id ID                  name a new run (an existing run of that name is resumed)
  --repo DIR                   the repository to work on (default: the current directory)
  --config FILE                configuration file (default: .github/keel.yml or keel.yml in the repository)
  --state-dir DIR              checkpoints, records and work trees (default: <repo>/.keel)
  --time-budget-minutes N      stop cleanly, checkpointed, before N minutes have passed
  --exit-code-on-interrupt N   exit code of an interrupted run (default: run.exitCodeOnInterrupt, 0)
  --take-over                  work on the run even while another keel process holds it (it is hung, or
                               its host is gone); that process stops at its next write
  --json                       print the outcome as JSON on stdout (progress goes to stderr)

Environment: RESUME=true resumes the latest unfinished run (or --run-id), as --resume does; with --task as
well, the task runs when there is nothing to resume — so a script can set it for every run.
`;

export interface RunOptions {
  task?: string;
  resume?: string | true;
  runId?: string;
  repo?: string;
  config?: string;
  stateDir?: string;
  timeBudgetMinutes?: number;
  exitCodeOnInterrupt?: number;
  takeOver: boolean;
  json: boolean;
  help: boolean;
  /** RESUME=true with a task: resume the latest unfinished run if there is one, else run the task. */
  resumeFirst?: boolean;
}

export function parseRunArgs(argv: string[], env: Record<string, string | undefined> = {}): RunOptions {
  const parsed = parseCommandArgs(
    {
      args: argv,
      options: {
        task: { type: 'string' },
        resume: { type: 'boolean', default: false },
        'run-id': { type: 'string' },
        repo: { type: 'string' },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        'time-budget-minutes': { type: 'string' },
        'exit-code-on-interrupt': { type: 'string' },
        'take-over': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    },
    RUN_USAGE,
  );
  const { values, positionals } = parsed;
  if (values.help) return { json: false, help: true, takeOver: false };
  if (!values.resume && resumeRequested(env)) {
    if (values.task === undefined) values.resume = true;
    else if (values['run-id'] === undefined) return { ...parseRunArgs(argv), resumeFirst: true };
  }
  if (positionals.length > (values.resume ? 1 : 0)) {
    throw new UsageError(`unexpected argument "${positionals.at(-1)}"\n\n${RUN_USAGE}`);
  }
  if (!values.resume && values.task === undefined)
    throw new UsageError(`--task or --resume is required\n\n${RUN_USAGE}`);
  if (values.resume && values.task !== undefined)
    throw new UsageError(`--task and --resume exclude each other`);
  return {
    ...(values.task !== undefined ? { task: values.task } : {}),
    ...(values.resume ? { resume: positionals[0] ?? true } : {}),
    ...(values['run-id'] !== undefined ? { runId: values['run-id'] } : {}),
    ...(values.repo !== undefined ? { repo: values.repo } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    ...numberOption('time-budget-minutes', values['time-budget-minutes'], 'timeBudgetMinutes', 0.01),
    ...numberOption('exit-code-on-interrupt', values['exit-code-on-interrupt'], 'exitCodeOnInterrupt', 0),
    takeOver: values['take-over'],
    json: values.json,
    help: false,
  };
}

function numberOption<K extends string>(
  flag: string,
  raw: string | undefined,
  key: K,
  min: number,
): Partial<Record<K, number>> {
  if (raw === undefined) return {};
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new UsageError(`--${flag} expects a number ≥ ${min}, got "${raw}"`);
  return { [key]: value } as Partial<Record<K, number>>;
}
