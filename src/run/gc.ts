/**
 * `keel gc`: what finished runs leave behind, pruned once they are old (issue 11 §9) — a worktree still checked
 * out (a finished run normally removes its own, `start-run.ts`; a failed one keeps it for its retry), its line
 * in `.git/info/exclude`, the work branch once it is merged, and the run's directory under `<stateDir>/runs/`.
 *
 * Never touched: a run that is running or interrupted (it will be resumed), a run newer than the cut-off, a
 * branch that is not keel's (`keel/…`) or not merged into the run's base (its work exists nowhere else), a
 * worktree with changes (git refuses to remove it without `--force`, and keel does not force). A run whose
 * worktree stays keeps its directory too, so `keel status` still shows it.
 */
import { rm } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { readJsonFile } from '../base/atomic-file.ts';
import { errorMessage } from '../base/errors.ts';
import { runLayout, stateLayout } from '../base/state-layout.ts';
import type { Git } from '../git/git-runner.ts';
import { finishWorkspace } from '../git/finish-workspace.ts';
import { canonical } from '../git/workspace-guards.ts';
import { listRuns } from './state-store.ts';
import { runStateSchema, type RunState } from './state.ts';

export interface GcOptions {
  git: Git;
  stateDir: string;
  /** Runs last updated before `now - olderThanMs` are pruned. */
  olderThanMs: number;
  now: number;
  /** Say what would go, change nothing. */
  dryRun?: boolean;
}

export type GcOutcome =
  | { runId: string; kind: 'pruned'; worktree: boolean; branch: 'deleted' | 'kept' | 'gone'; why?: string }
  | { runId: string; kind: 'kept'; why: string };

export interface GcReport {
  outcomes: GcOutcome[];
  /** Runs left alone because they are unfinished or newer than the cut-off. */
  skipped: number;
}

const FINISHED = new Set(['completed', 'partial', 'degraded', 'failed']);

export async function collectGarbage(o: GcOptions): Promise<GcReport> {
  const runsDir = stateLayout(o.stateDir).runs;
  const outcomes: GcOutcome[] = [];
  let skipped = 0;
  for (const run of await listRuns(o.stateDir)) {
    if (!FINISHED.has(run.status) || run.updatedAt > o.now - o.olderThanMs) {
      skipped += 1;
      continue;
    }
    // Only a directory right under runs/: a summary never names anything else, but rm -r is checked anyway.
    if (relative(runsDir, resolve(run.runDir)).split(sep).length !== 1) {
      outcomes.push({ runId: run.runId, kind: 'kept', why: 'its directory is not under runs/' });
      continue;
    }
    const read = await readJsonFile(runLayout(run.runDir).state);
    const parsed = read.ok ? runStateSchema.safeParse(read.value) : undefined;
    if (!parsed?.success) {
      outcomes.push({ runId: run.runId, kind: 'kept', why: 'its state.json cannot be read' });
      continue;
    }
    outcomes.push(await pruneRun(o, parsed.data, run.runDir));
  }
  return { outcomes, skipped };
}

async function pruneRun(o: GcOptions, state: RunState, runDir: string): Promise<GcOutcome> {
  const { repo, runId } = state;
  const ws = {
    repoRoot: repo.root,
    worktree: repo.worktree,
    branch: repo.workBranch,
    baseBranch: repo.baseBranch,
    baseSha: repo.baseSha,
  };
  const listed = await worktrees(o.git, repo.root);
  const worktree = await canonical(repo.worktree);
  const hasWorktree = listed.some((entry) => entry.path === worktree);
  // The branch checked out anywhere but keel's own worktree (someone looking at the work): it stays.
  const elsewhere = listed.find((e) => e.branch === `refs/heads/${repo.workBranch}` && e.path !== worktree);
  if (o.dryRun) {
    const merged = elsewhere ? undefined : await mergedTip(o.git, state);
    return {
      runId,
      kind: 'pruned',
      worktree: hasWorktree,
      branch: merged === 'gone' ? 'gone' : merged === undefined ? 'kept' : 'deleted',
    };
  }
  if (hasWorktree) {
    try {
      const removed = await finishWorkspace(o.git, ws);
      if (!removed.removed) return { runId, kind: 'kept', why: `its worktree stays: ${removed.reason}` };
    } catch (error) {
      return { runId, kind: 'kept', why: `its worktree stays: ${errorMessage(error)}` };
    }
  }
  const branch = elsewhere
    ? { outcome: 'kept' as const, why: `checked out in ${elsewhere.path}` }
    : await deleteIfMerged(o.git, state);
  await rm(runDir, { recursive: true, force: true });
  return {
    runId,
    kind: 'pruned',
    worktree: hasWorktree,
    branch: branch.outcome,
    ...(branch.why ? { why: branch.why } : {}),
  };
}

/** `git worktree list`: each worktree's path (canonical) and the branch it has checked out. */
async function worktrees(git: Git, repoRoot: string): Promise<{ path: string; branch?: string }[]> {
  const listed = await git.run(['worktree', 'list', '--porcelain'], { cwd: repoRoot, allowFailure: true });
  if (listed.exitCode !== 0) return [];
  const entries: { path: string; branch?: string }[] = [];
  for (const line of listed.stdout.text.split('\n')) {
    if (line.startsWith('worktree ')) entries.push({ path: await canonical(line.slice('worktree '.length)) });
    else if (line.startsWith('branch ') && entries.length > 0) entries.at(-1)!.branch = line.slice(7);
  }
  return entries;
}

/**
 * The work branch's tip when the branch is keel's and merged — at the run's base, or contained in the base
 * branch here or at origin; `gone` when there is no such branch; undefined when it must stay.
 */
type Merged = { tip: string } | 'gone' | undefined;

async function mergedTip(git: Git, state: RunState): Promise<Merged> {
  const { root, workBranch, baseBranch, baseSha } = state.repo;
  if (!workBranch.startsWith('keel/')) return undefined;
  const tip = await revParse(git, root, `refs/heads/${workBranch}`);
  if (tip === undefined) return 'gone';
  if (tip === baseSha) return { tip };
  for (const base of [`refs/heads/${baseBranch}`, `refs/remotes/origin/${baseBranch}`]) {
    if ((await revParse(git, root, base)) === undefined) continue;
    const contained = await git.run(['merge-base', '--is-ancestor', tip, base], {
      cwd: root,
      allowFailure: true,
    });
    if (contained.exitCode === 0) return { tip };
  }
  return undefined;
}

async function deleteIfMerged(
  git: Git,
  state: RunState,
): Promise<{ outcome: 'deleted' | 'kept' | 'gone'; why?: string }> {
  const merged = await mergedTip(git, state);
  if (merged === 'gone') return { outcome: 'gone' };
  if (merged === undefined) return { outcome: 'kept', why: `not merged into ${state.repo.baseBranch}` };
  const { tip } = merged;
  // `update-ref -d <ref> <old>`: deleted only while it still points where it was found merged.
  const deleted = await git.run(['update-ref', '-d', `refs/heads/${state.repo.workBranch}`, tip], {
    cwd: state.repo.root,
    allowFailure: true,
  });
  if (deleted.exitCode !== 0)
    return { outcome: 'kept', why: deleted.stderr.text.trim().split('\n').at(-1) ?? 'git refused' };
  return { outcome: 'deleted' };
}

async function revParse(git: Git, cwd: string, ref: string): Promise<string | undefined> {
  const result = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd,
    allowFailure: true,
  });
  const sha = result.stdout.text.trim();
  return result.exitCode === 0 && sha !== '' ? sha : undefined;
}
