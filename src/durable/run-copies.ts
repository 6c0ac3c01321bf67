/**
 * Durable copies of a run's checkpoint in Actions: the state branch first (the next run, on any runner,
 * finds it), then the work branch of an unfinished run (its commits are the work done so far, and a runner
 * is thrown away with everything on it), then a workflow artifact. All bounded in time — a slow remote must
 * not eat the few seconds between GitHub's SIGINT and its SIGKILL — and all reported, never thrown.
 *
 * Restoring is the mirror image: the checkpoint, then the work branch when this checkout lacks it, and the
 * checkpoint's paths (the checkout and keel's worktree, absolute) moved to this runner's checkout: another
 * runner's workspace path means nothing here, and when it happens to exist it is someone else's directory.
 */
import { realpath } from 'node:fs/promises';
import { systemClock } from '../base/clock.ts';
import type { Git } from '../git/git-runner.ts';
import { describeHits, scanCommits } from '../git/secret-scan.ts';
import { artifactName, collectStateFiles, type ArtifactStore } from './artifacts/index.ts';
import { fetchCheckpoint, pushCheckpoint, startDeadline, type BranchClaim } from './state-branch/index.ts';
import { TaskStateStore } from '../run/state-store.ts';
import { isUnfinished, type RunState } from '../run/state.ts';
import { stateLayout } from '../base/state-layout.ts';

const REMOTE = 'origin';

export interface DurableState {
  git: Git;
  repoRoot: string;
  branch: string;
  artifacts: ArtifactStore;
  secrets: string[];
  log: (line: string) => void;
  /**
   * False with `effects: local` (dry runs, CI smoke tests): nothing is pushed (state branch, work branch) and
   * nothing uploaded — action.yml promises that such a run writes nothing to the repository. Restoring (a
   * fetch, a download) still works.
   */
  remote: boolean;
}

/**
 * `claim`: the run's claim on the state branch (`run-claim.ts`). The checkpoint is pushed only while the
 * branch's claim is still this one, and the same commit releases it; when another job holds the run now,
 * nothing of this runner's copy leaves it (no checkpoint, no work branch, no artifact).
 */
export async function saveDurably(
  d: DurableState,
  run: { runId: string; runDir: string; fleetStatePath: string },
  timeoutMs: number,
  claim?: BranchClaim,
): Promise<void> {
  if (!d.remote) {
    d.log('effects: local — the checkpoint stays in .keel/ (nothing pushed, nothing uploaded)');
    return;
  }
  const pushed = await pushCheckpoint(
    { git: d.git, repoRoot: d.repoRoot, branch: d.branch, timeoutMs, secrets: d.secrets },
    run,
    claim ? { claim, releaseAt: Date.now() } : undefined,
  );
  d.log(
    pushed.ok
      ? `checkpoint pushed to ${d.branch} (${pushed.sha.slice(0, 8)})${claim ? ', claim released' : ''}`
      : `state branch: ${pushed.reason}`,
  );
  if (!pushed.ok && pushed.lost !== undefined) return;
  const work = await pushWorkBranch(d, run.runDir, Math.max(1_000, Math.floor(timeoutMs / 2)));
  if (work !== undefined) d.log(work);
  const name = artifactName(run.runId);
  const uploaded = await d.artifacts.upload(name, run.runDir, await collectStateFiles(run.runDir));
  d.log(uploaded.ok ? `checkpoint uploaded as artifact ${name}` : `artifact: ${uploaded.reason}`);
}

/**
 * Brings the checkpoint of a run to resume into the local state directory: the state branch first, then
 * the artifact of the workflow run that produced it. Returns where it came from, or why nothing was found.
 */
export async function restoreDurably(
  d: DurableState,
  stateDir: string,
  runId: string | undefined,
  findArtifactRun: (name: string) => Promise<number | undefined>,
  /** Under a fresh claim: the branch's copy is the run's, whatever the timestamps (`fetchCheckpoint`). */
  prefer?: 'branch',
): Promise<string> {
  const fetched = await fetchCheckpoint(
    { git: d.git, repoRoot: d.repoRoot, branch: d.branch, secrets: d.secrets },
    runId,
    { stateDir, ...(prefer ? { prefer } : {}) },
  );
  if (fetched.ok) {
    const notes = await adoptHere(d, stateDir, fetched.runId);
    return [`state branch ${d.branch} (run ${fetched.runId})`, ...notes].join('; ');
  }
  if (runId === undefined) return `nothing on ${d.branch}: ${fetched.reason}`;
  const name = artifactName(runId);
  const workflowRunId = await findArtifactRun(name);
  const downloaded = await d.artifacts.download(
    name,
    `${stateDir}/runs/${runId}`,
    ...(workflowRunId !== undefined ? [{ workflowRunId }] : []),
  );
  const notes = await adoptHere(d, stateDir, runId);
  return downloaded.ok
    ? [`artifact ${name}`, ...notes].join('; ')
    : [`neither ${d.branch} (${fetched.reason}) nor artifact ${name} (${downloaded.reason})`, ...notes].join(
        '; ',
      );
}

/**
 * Pushes the work branch of an unfinished run that has commits (never forced: a rejection is reported and
 * left for the publish step, which rebases). Undefined when there is nothing to push.
 */
async function pushWorkBranch(
  d: DurableState,
  runDir: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const { state } = await new TaskStateStore({ runDir }).load();
  if (!state || !isUnfinished(state) || !isOwnWorkBranch(state)) return undefined;
  const branch = state.repo.workBranch;
  const ref = `refs/heads/${branch}`;
  const deadline = startDeadline(systemClock, timeoutMs, `push of ${branch}`);
  const run = (args: string[]) =>
    deadline.race(
      d.git.run(args, { cwd: d.repoRoot, allowFailure: true, timeoutMs, signal: deadline.signal }),
    );
  try {
    const tip = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    const sha = tip.stdout.text.trim();
    if (tip.exitCode !== 0 || sha === state.repo.baseSha) return undefined;
    // The same look as before the publish push: a commit carrying a secret never leaves the runner.
    const hits = await deadline.race(
      scanCommits(d.git, d.repoRoot, { base: state.repo.baseSha, head: sha }, d.secrets),
    );
    if (hits.length > 0)
      return `work branch ${branch} not pushed: its commits carry secrets: ${describeHits(hits)}`;
    const pushed = await run([
      'push',
      '--porcelain',
      '--no-verify',
      '--no-follow-tags',
      REMOTE,
      `${ref}:${ref}`,
    ]);
    return pushed.exitCode === 0
      ? `work branch ${branch} pushed (${sha.slice(0, 8)})`
      : `work branch ${branch} not pushed: ${firstLine(pushed.stderr.text)}`;
  } catch (error) {
    return `work branch ${branch} not pushed: ${(error as Error).message}`;
  } finally {
    deadline.dispose();
  }
}

/**
 * Makes a restored checkpoint this runner's: its paths moved to this checkout, and its work branch fetched
 * when this checkout does not have it. Returns what it did, for the log.
 */
async function adoptHere(d: DurableState, stateDir: string, runId: string): Promise<string[]> {
  const store = new TaskStateStore({ runDir: stateLayout(stateDir).run(runId).dir });
  const { state } = await store.load();
  if (!state) return [];
  const notes: string[] = [];
  const top = await d.git.run(['rev-parse', '--show-toplevel'], { cwd: d.repoRoot, allowFailure: true });
  const here = top.exitCode === 0 ? top.stdout.text.trim() : d.repoRoot;
  const recorded = await realpath(state.repo.root).catch(() => state.repo.root);
  if (recorded !== (await realpath(here).catch(() => here))) {
    state.repo.root = here;
    state.repo.worktree = stateLayout(stateDir).worktree(runId);
    await store.save(state);
    notes.push(`checkout moved to ${here}`);
  }
  if (!isOwnWorkBranch(state)) return notes;
  const ref = `refs/heads/${state.repo.workBranch}`;
  const local = await d.git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: here,
    allowFailure: true,
  });
  if (local.exitCode !== 0) {
    const fetched = await d.git.run(['fetch', '--quiet', '--no-tags', REMOTE, `${ref}:${ref}`], {
      cwd: here,
      allowFailure: true,
    });
    if (fetched.exitCode === 0) notes.push(`work branch ${state.repo.workBranch} fetched`);
  }
  return notes;
}

/**
 * A checkpoint from a branch or an artifact is untrusted: its work branch is pushed and fetched only when it
 * is the one keel names for the run (`keel/<runId>`, the run id already validated), never any other ref.
 */
function isOwnWorkBranch(state: RunState): boolean {
  return state.repo.workBranch === `keel/${state.runId}`;
}

function firstLine(text: string): string {
  return (text.trim().split('\n', 1)[0] ?? '').slice(0, 300);
}
