/**
 * One commit per completed step, found again by its trailers (`Keel-Run: <runId>`, `Keel-Step: <stepId>`).
 * `commitStep` looks for the step's commit before making one, so a crash between the commit and the
 * checkpoint never leads to a second commit; `stepCommits` reads every step's commit in one `git log`, so a
 * resumed run can adopt steps whose checkpoint was lost.
 */
import { neutralizeForPublish } from '../base/publish-text.ts';
import { GitError, type Git } from './git-runner.ts';
import type { BranchCommit } from './work-branch-cache.ts';
import {
  checkId,
  ensureKeelWorktree,
  gitFullOutput,
  gitTest,
  identityArgs,
  movedBranchHead,
  WorkspaceError,
  type WorkBranch,
} from './workspace-guards.ts';

export type CommitStepResult =
  | { sha: string; created: boolean }
  | { sha: undefined; created: false; reason: 'nothing to commit' }
  /** Some of `paths` are ignored by the repository (`.gitignore`, `info/exclude`) and not forced: no commit. */
  | { sha: undefined; created: false; reason: 'ignored'; ignored: string[] };

export interface CommitStepOptions {
  runId: string;
  stepId: string;
  message: string;
  /**
   * Exactly the paths the step changed (worktree-relative, `/`-separated; deletions too): only these are
   * staged, taken literally (no pathspec magic), so nothing else lying in the worktree rides along, and an
   * ignored one is noticed instead of silently skipped as `git add --all` does. Without it (tests, tools):
   * everything in the worktree.
   */
  paths?: readonly string[];
  /** Stage ignored `paths` anyway (`run.allowIgnoredPaths`); otherwise they make the result `ignored`. */
  forceIgnored?: boolean;
}

const RUN_TRAILER = 'Keel-Run';
const STEP_TRAILER = 'Keel-Step';
const MAX_MESSAGE_CHARS = 10_000;

export async function commitStep(git: Git, ws: WorkBranch, o: CommitStepOptions): Promise<CommitStepResult> {
  checkId('run id', o.runId);
  checkId('step id', o.stepId);
  const existing = (await stepCommits(git, ws, o.runId)).get(o.stepId);
  if (existing !== undefined) return { sha: existing, created: false };
  const probe = await ensureKeelWorktree(git, ws);
  const cwd = ws.worktree;
  if (o.paths === undefined) await git.run(['add', '--all'], { cwd });
  else {
    const ignored = await stagePaths(git, cwd, o.paths, o.forceIgnored === true);
    if (ignored.length > 0) return { sha: undefined, created: false, reason: 'ignored', ignored };
  }
  const commit = (identity: string[]): string[] => [
    ...identity,
    // A commit ends with `git maintenance run --auto`: a process per commit for housekeeping that is the
    // repository owner's to schedule, not something to start (and maybe kill) inside a run.
    ...['-c', 'maintenance.auto=false'],
    'commit',
    '--quiet',
    '--no-verify',
    '--cleanup=whitespace',
    // The message goes in the arguments, not over stdin: git runs in its own session and outlives a keel
    // killed at this instant, and a stdin pipe closed early would leave it a message of nothing but the
    // trailer lines — the subject then, not trailers — so the resumed run would not know its own commit.
    `--message=${commitMessage(o.message, o.stepId)}`,
    `--trailer=${RUN_TRAILER}: ${o.runId}`,
    `--trailer=${STEP_TRAILER}: ${o.stepId}`,
  ];
  // Forgotten while the branch moves: a commit that fails half-way (a timeout after git wrote it) must not
  // leave the run believing the step has none.
  const known = ws.cache?.commits;
  ws.cache?.forgetBranch();
  try {
    // Checked again after `add`: a process suspended in between may have lost the run meanwhile.
    ws.fence?.();
    await commitWithIdentity(git, ws, commit);
  } catch (error) {
    // Nothing staged: `git commit` refuses with exit 1 and writes nothing. Asked (`diff --cached`) only
    // then, rather than before every commit: a step whose edits changed nothing is the rare case.
    if (
      error instanceof GitError &&
      error.result.exitCode === 1 &&
      (await gitTest(git, ['diff', '--cached', '--quiet'], cwd))
    ) {
      return { sha: undefined, created: false, reason: 'nothing to commit' };
    }
    throw error;
  }
  const sha = await movedBranchHead(git, ws, probe);
  if (ws.cache) {
    ws.cache.head = sha;
    // Exactly the record `git log` would show for it: commitMessage() strips look-alike trailer lines.
    if (known) ws.cache.commits = [...known, { sha, runs: [o.runId], steps: [o.stepId] }];
  }
  return { sha, created: true };
}

/**
 * `git add` of exactly `paths`, literally. When git refuses some as ignored (exit 1: it stages the others and
 * names the ignored ones, or only their ignored folder), `check-ignore` says which of ours they are; forced,
 * they are added with `--force`. Returns the ignored paths left out (empty when all went in).
 */
async function stagePaths(
  git: Git,
  cwd: string,
  paths: readonly string[],
  force: boolean,
): Promise<string[]> {
  if (paths.length === 0) return [];
  // `:(literal)`: a model's path is a name, never a pathspec pattern (`*.js` must not stage every script).
  const input = paths.map((path) => `:(literal)${path}\0`).join('');
  const add = (extra: string[]) =>
    git.run(['add', '--all', ...extra, '--pathspec-from-file=-', '--pathspec-file-nul'], {
      cwd,
      input,
      allowFailure: true,
    });
  const added = await add([]);
  if (added.exitCode === 0) return [];
  const failed = (what: string, result: typeof added): WorkspaceError =>
    new WorkspaceError('unexpected', `${what} failed: ${result.stderr.text.trim().slice(0, 300)}`);
  // check-ignore takes path names (no pathspec magic, no globbing).
  const check = await git.run(['check-ignore', '--stdin', '-z'], {
    cwd,
    input: `${paths.join('\0')}\0`,
    allowFailure: true,
  });
  const ignored = check.stdout.text.split('\0').filter((p) => p !== '');
  if (check.exitCode !== 0 || ignored.length === 0) {
    throw failed("git add of the step's paths", added);
  }
  if (!force) return ignored;
  const forced = await add(['--force']);
  if (forced.exitCode !== 0) throw failed('git add --force', forced);
  return [];
}

/**
 * Commits as the environment or the git config says, else as keel (`identityArgs`). Asking the config first
 * costs a command per run; instead the commit goes first with `user.useConfigOnly`, which makes git refuse
 * (writing nothing) rather than guess a name from the host, and only a refusal asks. A repository found
 * without an identity is remembered for the process, so a lane there asks first from then on, as before.
 */
async function commitWithIdentity(git: Git, ws: WorkBranch, commit: (identity: string[]) => string[]) {
  const cwd = ws.worktree;
  const repository = ws.cache?.repoCommonDir ?? ws.repoRoot;
  if (ws.cache?.identity !== undefined || withoutIdentity.has(repository)) {
    await git.run(commit(await identityArgs(git, cwd, ws.cache)), { cwd });
    return;
  }
  try {
    await git.run(commit(['-c', 'user.useConfigOnly=true']), { cwd });
    if (ws.cache) ws.cache.identity = [];
  } catch (error) {
    if (!(error instanceof GitError && IDENTITY_UNKNOWN.test(error.result.stderr.text))) throw error;
    withoutIdentity.add(repository);
    await git.run(commit(await identityArgs(git, cwd, ws.cache)), { cwd });
  }
}

const IDENTITY_UNKNOWN = /identity unknown|please tell me who you are/i;
/** Repositories (common dirs) where a commit found no identity, in this process. */
const withoutIdentity = new Set<string>();

/**
 * The model writes the message: it is bounded, goes through the publish sanitiser (no closing keyword, no
 * mention, no invisible or bidi character: merged, the commit would close issues and ping people), and any
 * line that looks like one of keel's trailers is removed, so a message cannot claim to be another step's
 * commit.
 */
export function commitMessage(message: string, stepId: string): string {
  const kept = neutralizeForPublish(message.slice(0, MAX_MESSAGE_CHARS), { target: 'commit' })
    .replace(/\0/g, '') // an argument cannot carry NUL
    .split(/\r?\n/)
    // Whatever follows the key: `trailer.separators` in the repository's config can make `=` or `#` (not
    // only `:`) a trailer separator, for `git log` too.
    .filter((line) => !/^\s*keel-(run|step)(?![\w-])/i.test(line))
    .join('\n')
    .trim();
  return `${kept === '' ? `keel: ${stepId}` : kept}\n`;
}

interface StepCommit {
  sha: string;
  stepId: string;
}

const RECORD = '\x1e';
const FIELD = '\x00';
const VALUE = '\x01';
const FORMAT = [
  '%H',
  `%(trailers:key=${RUN_TRAILER},valueonly,separator=%x01)`,
  `%(trailers:key=${STEP_TRAILER},valueonly,separator=%x01)`,
].join('%x00');
const MAX_LOG_BYTES = 8 << 20;

/** Every commit on the work branch since the base, oldest first, with its trailers; remembered by the run. */
async function readBranchCommits(git: Git, ws: WorkBranch): Promise<BranchCommit[]> {
  if (ws.cache?.commits !== undefined) return ws.cache.commits;
  const args = [
    'log',
    '--no-show-signature',
    '--reverse',
    `--format=${FORMAT}%x1e`,
    `${ws.baseSha}..refs/heads/${ws.branch}`,
    '--',
  ];
  const text = await gitFullOutput(git, args, ws.repoRoot, MAX_LOG_BYTES);
  const commits: BranchCommit[] = [];
  for (const record of text.split(RECORD)) {
    const [sha, runs, steps] = record.trim().split(FIELD);
    if (sha === undefined || sha === '' || runs === undefined || steps === undefined) continue;
    commits.push({ sha, runs: runs.split(VALUE), steps: steps.split(VALUE).filter((s) => s !== '') });
  }
  if (ws.cache) ws.cache.commits = commits;
  return commits;
}

/** Every commit of this run on the work branch since the base, oldest first. */
async function readStepCommits(git: Git, ws: WorkBranch, runId: string): Promise<StepCommit[]> {
  const commits: StepCommit[] = [];
  for (const { sha, runs, steps } of await readBranchCommits(git, ws)) {
    // Exactly one step per commit: commitMessage() strips look-alike lines, so more means a hand-made commit.
    if (runs.includes(runId) && steps.length === 1) commits.push({ sha, stepId: steps[0]! });
  }
  return commits;
}

export interface StepCommitsOptions {
  /** Called for each step that has more than one commit (which `commitStep` never makes). */
  onDuplicate?: (stepId: string, shas: string[]) => void;
}

/** stepId → sha of its commit (the oldest, if a step somehow has several), in one `git log`. */
export async function stepCommits(
  git: Git,
  ws: WorkBranch,
  runId: string,
  options: StepCommitsOptions = {},
): Promise<Map<string, string>> {
  const commits = await readStepCommits(git, ws, runId);
  const map = new Map<string, string>();
  for (const { sha, stepId } of commits) if (!map.has(stepId)) map.set(stepId, sha);
  if (options.onDuplicate) {
    for (const [stepId, shas] of groupByStep(commits)) if (shas.length > 1) options.onDuplicate(stepId, shas);
  }
  return map;
}

/** Steps with more than one commit: stepId → their shas, oldest first. Empty when all is well. */
export async function duplicateStepCommits(
  git: Git,
  ws: WorkBranch,
  runId: string,
): Promise<Map<string, string[]>> {
  const groups = groupByStep(await readStepCommits(git, ws, runId));
  for (const [stepId, shas] of groups) if (shas.length < 2) groups.delete(stepId);
  return groups;
}

function groupByStep(commits: readonly StepCommit[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { sha, stepId } of commits) groups.set(stepId, [...(groups.get(stepId) ?? []), sha]);
  return groups;
}
