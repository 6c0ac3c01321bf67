/**
 * One commit for a push: the tip's tree with this run's files (and the fleet state) put in, on top of the
 * tip. Other runs' files stay as they are; newest wins per file, so a newer copy of this run on the branch
 * (a resumed run elsewhere pushed since) or a newer fleet state there is kept instead of ours. Before the
 * commit is made the new tree is compared with the tip: a change anywhere else means a name was altered in
 * transit (listings travel as redacted text) and nothing is pushed.
 */
import type { ResolvedStateBranch } from './state-branch-options.ts';
import type { LocalCheckpoint } from './state-branch-local.ts';
import type { Tip } from './state-branch-remote.ts';
import { FLEET_STATE_FILE, RUNS_DIR, STATE_FILE } from '../../base/state-layout.ts';
import { parseJson } from './state-json.ts';
import { changedPaths, listTree, makeTree, readBlob, type RunGit, type TreeEntry } from './state-tree.ts';

/** keel's own identity for state commits: they are bookkeeping, not anyone's work. */
const IDENTITY = ['-c', 'user.name=keel', '-c', 'user.email=keel@localhost'];
const BLOB_MODE = '100644';
const TREE_MODE = '040000';

export type Built = { unchanged: true; sha: string } | { unchanged: false; sha: string };

/**
 * The tip's tree with this run's files (and the fleet state) replaced, committed on top of the tip.
 * `blobs` maps each local file's branch path to its blob, written beforehand.
 */
export async function buildCommit(
  c: ResolvedStateBranch,
  run: RunGit,
  local: LocalCheckpoint,
  blobs: ReadonlyMap<string, string>,
  tip: Tip,
  /**
   * This runner holds the run's claim (`state-branch-claim.ts`): its checkpoint is the run's, whatever the
   * timestamps say — another runner's clock may be ahead of ours, and "newest wins" would then keep that
   * runner's older copy over ours.
   */
  claimed = false,
): Promise<Built> {
  const root = tip ? ((await listTree(run, tip.tree)) ?? []) : [];
  const runsEntry = root.find((e) => e.name === RUNS_DIR);
  if (runsEntry && runsEntry.type !== 'tree')
    throw new Error(`${RUNS_DIR} on ${c.branch} is not a directory`);
  const runs = runsEntry ? ((await listTree(run, runsEntry.sha)) ?? []) : [];
  const own = runs.find((e) => e.name === local.runId);
  const ownEntries = own?.type === 'tree' ? ((await listTree(run, own.sha)) ?? []) : [];

  let newRoot = root;
  const now = c.clock.now();
  const keepTheirs =
    !claimed &&
    own?.type === 'tree' &&
    (await branchIsNewer(run, own.sha, STATE_FILE, 'updatedAt', local.updatedAt, now));
  if (keepTheirs) {
    c.log({
      type: 'state_branch_skipped',
      path: `${RUNS_DIR}/${local.runId}`,
      reason: 'the branch has a newer checkpoint of this run',
    });
  } else {
    let runEntries = ownEntries;
    for (const f of local.runFiles) {
      runEntries = withEntry(
        runEntries,
        blobEntry(f.path.slice(f.path.lastIndexOf('/') + 1), blobs.get(f.path)!),
      );
    }
    const runTree = await makeTree(run, runEntries);
    const runsTree = await makeTree(run, withEntry(runs, treeEntry(local.runId, runTree)));
    newRoot = withEntry(newRoot, treeEntry(RUNS_DIR, runsTree));
  }
  if (local.fleet) {
    const theirs = root.find((e) => e.name === FLEET_STATE_FILE);
    const newer =
      theirs?.type === 'blob' &&
      (await branchIsNewer(run, theirs.sha, undefined, 'savedAt', local.fleet.savedAt, now));
    if (!newer) newRoot = withEntry(newRoot, blobEntry(FLEET_STATE_FILE, blobs.get(FLEET_STATE_FILE)!));
  }
  const tree = await makeTree(run, newRoot);
  if (tip && tree === tip.tree) return { unchanged: true, sha: tip.sha };

  // `runs/<runId>` itself: a non-directory of that name (garbage) is replaced by this run's directory.
  const allowed = new Set([
    ...local.runFiles.map((f) => f.path),
    `${RUNS_DIR}/${local.runId}`,
    FLEET_STATE_FILE,
  ]);
  const stray = (await changedPaths(run, tip?.tree, tree)).filter((p) => !allowed.has(p));
  if (stray.length > 0) {
    throw new Error(
      `refusing to push: the rebuilt tree would also change ${stray.length} other path(s) on ${c.branch}`,
    );
  }
  const message = `keel: checkpoint ${local.runId} (${local.status})`;
  return { unchanged: false, sha: await commitTree(run, tree, tip, message) };
}

/**
 * Whether the branch's copy (a blob, or `path` inside a tree) carries a larger `field` than ours. A time
 * further ahead of this runner's clock than `CLOCK_SKEW_MS` was written by a clock that ran ahead: it is
 * not newer, it is wrong, and it must not keep every later copy off the branch.
 */
async function branchIsNewer(
  run: RunGit,
  object: string,
  path: string | undefined,
  field: 'updatedAt' | 'savedAt',
  ours: number,
  now: number,
): Promise<boolean> {
  const read = await readBlob(run, path === undefined ? object : `${object}:${path}`);
  if (!('text' in read)) return false;
  const value = (parseJson(read.text) as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' && value > ours && value <= now + CLOCK_SKEW_MS;
}

/** How far ahead of this runner's clock another runner's may be and still be believed: five minutes. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A commit of `tree` on top of `tip` (none: a root commit), as keel's identity, never signed. */
async function commitTree(
  run: RunGit,
  tree: string,
  tip: { sha: string } | undefined,
  message: string,
): Promise<string> {
  const args = [
    ...IDENTITY,
    'commit-tree',
    '--no-gpg-sign',
    tree,
    ...(tip ? ['-p', tip.sha] : []),
    '-m',
    message,
  ];
  const commit = (await run(args)).stdout.text.trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error('commit-tree printed no commit id');
  return commit;
}

function withEntry(entries: readonly TreeEntry[], entry: TreeEntry): TreeEntry[] {
  return [...entries.filter((e) => e.name !== entry.name), entry];
}

function blobEntry(name: string, sha: string): TreeEntry {
  return { mode: BLOB_MODE, type: 'blob', sha, name };
}

function treeEntry(name: string, sha: string): TreeEntry {
  return { mode: TREE_MODE, type: 'tree', sha, name };
}

/**
 * The tip's tree with one file of one run (`runs/<runId>/<name>`) set to `blob`, committed on top of the tip:
 * what a claim of the run writes (its `lease.json`), leaving everything else as it is.
 */
export async function commitRunFile(
  run: RunGit,
  tip: Tip,
  runId: string,
  name: string,
  blob: string,
  message: string,
): Promise<string> {
  const root = tip ? ((await listTree(run, tip.tree)) ?? []) : [];
  const runsEntry = root.find((e) => e.name === RUNS_DIR);
  if (runsEntry && runsEntry.type !== 'tree')
    throw new Error(`${RUNS_DIR} on the state branch is not a directory`);
  const runs = runsEntry ? ((await listTree(run, runsEntry.sha)) ?? []) : [];
  const own = runs.find((e) => e.name === runId);
  const ownEntries = own?.type === 'tree' ? ((await listTree(run, own.sha)) ?? []) : [];
  const runTree = await makeTree(run, withEntry(ownEntries, blobEntry(name, blob)));
  const runsTree = await makeTree(run, withEntry(runs, treeEntry(runId, runTree)));
  const tree = await makeTree(run, withEntry(root, treeEntry(RUNS_DIR, runsTree)));
  return commitTree(run, tree, tip, message);
}
