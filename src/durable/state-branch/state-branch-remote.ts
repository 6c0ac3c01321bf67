/**
 * Talking to the state branch's remote under one deadline: git bound to the repository and the time budget,
 * and the fetch of the branch's tip into keel's private ref. Pushing is the push module's business.
 */
import type { Deadline } from './state-deadline.ts';
import type { ResolvedStateBranch } from './state-branch-options.ts';
import { treeOf, type RunGit } from './state-tree.ts';

/** The branch's tip commit and its tree, or undefined when the remote has no such branch. */
export type Tip = { sha: string; tree: string } | undefined;

/** `git.run` in the repository, killed at the deadline and settled by it even if the runner ignores that. */
export function bindGit(c: ResolvedStateBranch, deadline: Deadline): RunGit {
  return (args, extra) =>
    deadline.race(
      c.git.run(args, {
        cwd: c.repoRoot,
        signal: deadline.signal,
        timeoutMs: Math.max(1, deadline.remaining()),
        ...extra,
      }),
    );
}

/**
 * The branch's tip after a fetch into the private ref, or undefined when the remote has no such branch.
 * The fetch refspec is forced (`+`) on purpose: it moves keel's own private ref to whatever the remote has,
 * even if someone rewrote the branch there. Pushes are never forced.
 */
export async function fetchTip(c: ResolvedStateBranch, run: RunGit): Promise<Tip> {
  const fetched = await run(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--no-recurse-submodules',
      '--no-auto-gc',
      c.remote,
      `+refs/heads/${c.branch}:${c.trackingRef}`,
    ],
    { allowFailure: true },
  );
  if (fetched.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(fetched.stderr.text)) return undefined;
    throw new Error(`git fetch ${c.remote} ${c.branch} failed: ${lastLine(fetched.stderr.text)}`);
  }
  const sha = (
    await run(['rev-parse', '--verify', '--quiet', `${c.trackingRef}^{commit}`])
  ).stdout.text.trim();
  return { sha, tree: await treeOf(run, sha) };
}

/** The line of git's stderr that says what went wrong: the first `fatal:`/`error:`, else the last. */
function lastLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return (lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '').slice(0, 300);
}
