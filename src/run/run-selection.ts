/**
 * Which run a `keel run` works on, and its state: the id is chosen first (named, the latest unfinished one,
 * or a new one), the run's lease is taken under that id, and only then is the state read — so a process that
 * waited for another one to let go reads what that one left, not what was there before.
 */
import { isAbsolute, relative } from 'node:path';
import type { Clock } from '../base/clock.ts';
import { readJsonFile } from '../base/atomic-file.ts';
import { RUN_ID_PATTERN, newRunId } from '../base/run-id.ts';
import { REDACTED } from '../base/secrets.ts';
import { stateLayout } from '../base/state-layout.ts';
import { addToExclude } from '../git/exclude.ts';
import type { Git } from '../git/git-runner.ts';
import { isBranchName, SHA } from '../git/workspace-guards.ts';
import { chooseBaseBranch, type BaseBranchHint, type ChosenBase, type PullRequestWork } from './run-base.ts';
import { latestUnfinishedRun, TaskStateStore } from './state-store.ts';
import { RUN_STATE_VERSION, type RunState } from './state.ts';

/** A run that cannot start or resume as asked; one line, no stack (`expected`). */
export class RunStartError extends Error {
  override name = 'RunStartError';
  readonly expected = true;
}

export interface RunChoice {
  runId: string;
  /** Resume only: a run that does not exist (or cannot be read) is an error, not a new run. */
  mustExist: boolean;
}

export interface RunSelectionOptions {
  task?: string;
  resume?: string | true;
  runId?: string;
}

/** The run this process is to work on: named, the latest unfinished one, or a new id. */
export async function chooseRun(o: RunSelectionOptions, stateDir: string, clock: Clock): Promise<RunChoice> {
  const named = typeof o.resume === 'string' ? o.resume : o.runId;
  if (named !== undefined) {
    if (!RUN_ID_PATTERN.test(named))
      throw new RunStartError(
        `not a run id: ${JSON.stringify(named.slice(0, 100))} (letters, digits, . _ -)`,
      );
    return { runId: named, mustExist: o.resume !== undefined };
  }
  if (o.resume === true) {
    const latest = await latestUnfinishedRun(stateDir);
    if (!latest) throw new RunStartError(`no unfinished run to resume in ${stateDir}`);
    return { runId: latest.runId, mustExist: true };
  }
  if (o.task === undefined || o.task.trim() === '') throw new RunStartError('a task is required (--task)');
  return { runId: newRunId(clock.now()), mustExist: false };
}

/**
 * The chosen run's saved state (read under its lease), or undefined for a new run. A checkpoint that cannot
 * be used (corrupt: moved aside by the store) is an error that says how to continue with the work already
 * committed.
 */
export async function loadChosenRun(
  choice: RunChoice,
  store: TaskStateStore,
  stateDir: string,
  progress: (line: string) => void,
): Promise<RunState | undefined> {
  const loaded = await store.load();
  if (loaded.state) return loaded.state;
  if (loaded.problem === undefined) {
    if (choice.mustExist) throw new RunStartError(`no run ${choice.runId} in ${stateDir}`);
    return undefined;
  }
  const how = await continueHint(choice.runId, stateDir);
  if (choice.mustExist)
    throw new RunStartError(`run ${choice.runId} cannot be resumed: ${loaded.problem} — ${how}`);
  progress(`run ${choice.runId}: ${loaded.problem}; starting it again under the same id, ${ADOPTS}`);
  return undefined;
}

const ADOPTS = 'which adopts the commits already on its work branch';

/**
 * How to continue a run whose checkpoint is gone: the same task under the same id — the planner plans it
 * again, and every subtask whose commit is on `keel/<id>` (found by its `Keel-Step` trailer) is adopted, not
 * redone. The task is quoted from the manifest when it is still there.
 */
async function continueHint(runId: string, stateDir: string): Promise<string> {
  const manifest = await readJsonFile(stateLayout(stateDir).run(runId).manifest);
  const task = manifest.ok ? (manifest.value as { task?: unknown } | null)?.task : undefined;
  const quoted =
    typeof task === 'string' && task !== '' && !task.endsWith('…') ? shellQuote(task) : '"<the same task>"';
  return `to continue, run \`keel run --task ${quoted} --run-id ${runId}\`, ${ADOPTS}`;
}

export interface NewRunInput {
  runId: string;
  task: string | undefined;
  taskSource: string | undefined;
  repo: string;
  stateDir: string;
  secrets: readonly string[];
  /** The pull request's base when the checkout is a detached HEAD (`run-base.ts`). */
  baseBranch?: BaseBranchHint;
  /** Work on this pull request's branch instead of HEAD (`run-base.ts`). */
  pullRequest?: PullRequestWork;
}

/** `baseNote`: how the base branch of a detached checkout was chosen, for the log. */
export async function newRunState(
  input: NewRunInput,
  git: Git,
  clock: Clock,
): Promise<{ state: RunState; commonDir: string; baseNote?: string }> {
  if (input.task === undefined || input.task.trim() === '')
    throw new RunStartError('a task is required (--task)');
  const checkout = await readCheckout(git, input.repo);
  const { root, commonDir } = checkout;
  const pr = input.pullRequest;
  const base = pr
    ? await pullRequestBase(git, root, pr)
    : await chooseBaseBranch(git, root, checkout.head, checkout.baseSha, input.baseBranch);
  const baseBranch = base.branch;
  const baseSha = pr?.headSha ?? checkout.baseSha;
  const now = clock.now();
  const state: RunState = {
    version: RUN_STATE_VERSION,
    runId: input.runId,
    // A configured key pasted into the task would otherwise go to every model in the prompt, and into the
    // checkpoint, the logs, the summary and the commits. Only the exact values: `redact`'s key-shape patterns
    // would also eat honest task text ("support Bearer tokens").
    task: {
      text: input.secrets.reduce((text, secret) => text.replaceAll(secret, REDACTED), input.task),
      source: input.taskSource ?? 'cli',
    },
    status: 'running',
    createdAt: now,
    updatedAt: now,
    repo: {
      root,
      baseBranch,
      baseSha,
      workBranch: `keel/${input.runId}`,
      worktree: stateLayout(input.stateDir).worktree(input.runId),
      ...(pr ? { pullRequest: { number: pr.number, url: pr.url, headBranch: pr.headBranch } } : {}),
    },
    steps: {},
    batches: [],
    effects: {},
    resumes: 0,
  };
  return { state, commonDir, ...(base.note !== undefined ? { baseNote: base.note } : {}) };
}

/**
 * The base of a run on an existing pull request: its head commit (which must be here) and its base branch,
 * both checked — they came from the API, and go to git and back to the API.
 */
async function pullRequestBase(git: Git, cwd: string, pr: PullRequestWork): Promise<ChosenBase> {
  const where = `pull request #${pr.number}`;
  if (!isBranchName(pr.headBranch) || !isBranchName(pr.baseBranch))
    throw new RunStartError(`${where}: its head or base is not a branch name`);
  if (!SHA.test(pr.headSha)) throw new RunStartError(`${where}: its head is not a commit id`);
  const found = await git.run(['rev-parse', '--verify', '--quiet', `${pr.headSha}^{commit}`], {
    cwd,
    allowFailure: true,
  });
  if (found.exitCode !== 0)
    throw new RunStartError(
      `${where}: its head ${pr.headSha.slice(0, 12)} is not in the repository (fetch it first)`,
    );
  return {
    branch: pr.baseBranch,
    note: `working on ${where}: from its branch ${pr.headBranch} at ${pr.headSha.slice(0, 12)}, pushing back onto it (its base: ${pr.baseBranch})`,
  };
}

/**
 * The checkout a new run starts from, in one `rev-parse`: its top, the repository's common dir, HEAD's
 * commit (the base), and the branch HEAD is on — `refs/heads/<name>`, or `HEAD` when detached (then
 * `chooseBaseBranch` names the pull request's base). A repository without a commit fails here, as it should.
 */
async function readCheckout(
  git: Git,
  cwd: string,
): Promise<{ root: string; commonDir: string; baseSha: string; head: string }> {
  const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
  args.push('HEAD', '--symbolic-full-name', 'HEAD');
  let output: string;
  try {
    output = (await git.run(args, { cwd })).stdout.text;
  } catch (error) {
    throw (await checkoutProblem(git, cwd)) ?? error;
  }
  const lines = output.split('\n');
  const [root, commonDir, baseSha, head] = lines;
  if (root === undefined || root === '' || commonDir === undefined || commonDir === '')
    throw new RunStartError(`git rev-parse in ${cwd} did not name the checkout`);
  if (baseSha === undefined || !SHA.test(baseSha) || head === undefined)
    throw new RunStartError(`git rev-parse in ${cwd} did not name HEAD's commit`);
  return { root, commonDir, baseSha, head };
}

/**
 * Why `rev-parse` could not name the checkout, in one line a user can act on: not a repository at all, or one
 * without a commit yet (a run branches from HEAD). Undefined when it is something else (git's own words).
 */
async function checkoutProblem(git: Git, cwd: string): Promise<RunStartError | undefined> {
  const works = async (args: string[]): Promise<boolean> =>
    git.run(args, { cwd }).then(
      () => true,
      () => false,
    );
  if (!(await works(['rev-parse', '--git-dir'])))
    return new RunStartError(
      `${cwd} is not inside a git repository: keel works on a branch of a repository (run it in a clone, or pass --repo DIR)`,
    );
  if (!(await works(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])))
    return new RunStartError(
      `the repository at ${cwd} has no commit yet: keel branches its work from HEAD, so commit something first`,
    );
  return undefined;
}

/**
 * A state directory inside the repository must not show up in the user's `git status`. Done before the
 * first checkpoint writes there, even if preparing the worktree then fails; a new run knows the common dir.
 */
export async function excludeStateDir(
  git: Git,
  root: string,
  stateDir: string,
  commonDir: string | undefined,
): Promise<void> {
  const inside = relative(root, stateDir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return;
  const asked = async (): Promise<string> => {
    const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
    return (await git.run(args, { cwd: root })).stdout.text.trim();
  };
  await addToExclude(commonDir ?? (await asked()), inside);
}

export function defaultResumeCommand(runId: string, repo: string, stateDir: string): string {
  return `keel run --resume ${runId} --repo ${shellQuote(repo)} --state-dir ${shellQuote(stateDir)}`;
}

export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
