/**
 * Checkpoints on a branch of the repository itself (default `keel/state`), so that the next run — on another
 * runner, after this one was cancelled — finds them with nothing but the checkout it already has.
 *
 * Layout on the branch: `runs/<runId>/{state.json,manifest.json,metrics.json}` and `fleet-state.json` at the
 * top (see `state-files.ts` for why not the event log or the effect records: the artifact carries those).
 *
 * Decisions:
 * - Objects only: blobs, trees (`mktree`) and a commit (`commit-tree`) are written to the object store and
 *   pushed as `<sha>:refs/heads/<branch>`. The user's working tree, index and HEAD are never read or written,
 *   and no checkout of the branch is made. The fetched tip goes to a private ref under `refs/keel/`.
 * - Never forced: no `--force`, no `+` on the push. A rejection (another run pushed first) is answered by
 *   fetching the new tip and rebuilding on top of it — other runs' files stay, this run's replace its own —
 *   within bounded attempts and one time budget for everything (`timeoutMs`), after which the caller gets
 *   `{ ok: false }`: a slow remote must not hold up a shutdown.
 * - Newest wins per file: this run's files do not replace the branch's copy of the same run when that one is
 *   newer (a resumed run elsewhere pushed since), nor `fleet-state.json` when the branch's `savedAt` is newer.
 * - Nothing that is not state: whitelisted names, a validated run id, a checkpoint that parses, no configured
 *   secret in any pushed file, and a final check that the new tree differs from the tip only in this run's
 *   files and the fleet state (listings travel as redacted text; a foreign name altered on the way would
 *   otherwise be renamed on the branch).
 * - Unchanged tree → no commit, no push.
 * Failures are returned as `{ ok: false, reason }` with a reason safe to print (git's stderr is redacted by
 * the runner); nothing here throws.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../clock.ts';
import { parseFleetState } from '../fleet/fleet-state.ts';
import { GitError, type Git } from '../git/git-runner.ts';
import { errorCode, errorMessage } from '../run/atomic-file.ts';
import { manifestSchema } from '../run/manifest.ts';
import { isUnfinished, runStateSchema } from '../run/state.ts';
import { DeadlineExceeded, startDeadline, type Deadline } from './state-deadline.ts';
import {
  BRANCH_RUN_FILES,
  FLEET_STATE_FILE,
  findSecret,
  isValidRunId,
  MAX_STATE_FILE_BYTES,
  MANIFEST_FILE,
  RUNS_DIR,
  secretReason,
  STATE_FILE,
} from './state-files.ts';
import { installFleetState, installRunFiles, parseCheckpoint, type Skipped } from './state-install.ts';
import {
  changedPaths,
  listTree,
  makeTree,
  readBlob,
  treeOf,
  writeBlob,
  type RunGit,
  type TreeEntry,
} from './state-tree.ts';

export type { Skipped } from './state-install.ts';

export const STATE_BRANCH_DEFAULTS = {
  remote: 'origin',
  branch: 'keel/state',
  timeoutMs: 20_000,
  maxAttempts: 5,
} as const;

/** keel's own identity for state commits: they are bookkeeping, not anyone's work. */
const IDENTITY = ['-c', 'user.name=keel', '-c', 'user.email=keel@localhost'];
const BLOB_MODE = '100644';
const TREE_MODE = '040000';
/** Manifests read at once when listing the branch's runs (local object reads, no network). */
const READ_CONCURRENCY = 8;

export type StateBranchEvent =
  | { type: 'state_branch_pushed'; runId: string; sha: string; attempts: number }
  | { type: 'state_branch_unchanged'; runId: string; sha: string }
  | { type: 'state_branch_retry'; runId: string; attempt: number; reason: string }
  | { type: 'state_branch_skipped'; path: string; reason: string }
  | { type: 'state_branch_restored'; runId: string; files: string[]; kept: boolean }
  | { type: 'state_branch_failed'; operation: 'push' | 'fetch' | 'list'; reason: string };

export interface StateBranchOptions {
  git: Git;
  repoRoot: string;
  /** A configured remote name or a URL. Default `origin`. */
  remote?: string;
  /** Default `keel/state`. */
  branch?: string;
  /** For the whole operation, retries included. Default 20 s. */
  timeoutMs?: number;
  /** Fetch-build-push rounds before giving up on a branch that keeps moving. Default 5. */
  maxAttempts?: number;
  clock?: Clock;
  log?: (event: StateBranchEvent) => void;
  /** Values that must never leave the runner; a file containing one is not pushed (nothing is). */
  secrets?: readonly string[];
}

export type PushCheckpointResult =
  | { ok: true; sha: string; changed: boolean; attempts: number; skipped: Skipped[] }
  | { ok: false; reason: string };

export type FetchCheckpointResult =
  | {
      ok: true;
      runId: string;
      /** Files written under `<stateDir>/runs/<runId>/`; empty when the local copy was as new (`kept`). */
      restored: string[];
      kept: boolean;
      fleetState: 'installed' | 'kept' | 'absent' | 'skipped';
      /** Bad files on the branch, with why they were not used. */
      skipped: Skipped[];
    }
  | { ok: false; reason: string; skipped: Skipped[] };

export interface BranchRun {
  runId: string;
  /** A run status, or `unknown` when neither its manifest nor its state could be read. */
  status: string;
  updatedAt: number;
}

interface Resolved {
  git: Git;
  repoRoot: string;
  remote: string;
  branch: string;
  /** Where the fetched tip is kept: a private ref, so neither the user's refs nor FETCH_HEAD move. */
  trackingRef: string;
  timeoutMs: number;
  maxAttempts: number;
  clock: Clock;
  log: (event: StateBranchEvent) => void;
  secrets: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// push

interface LocalFile {
  /** Path on the branch. */
  path: string;
  content: string;
}

interface LocalCheckpoint {
  runId: string;
  status: string;
  updatedAt: number;
  runFiles: LocalFile[];
  fleet?: { file: LocalFile; savedAt: number };
  skipped: Skipped[];
}

export async function pushCheckpoint(
  o: StateBranchOptions,
  files: { runId: string; runDir: string; fleetStatePath?: string },
): Promise<PushCheckpointResult> {
  const cfg = resolve(o);
  if (!cfg.ok) return fail(o, 'push', cfg.reason);
  const c = cfg.value;
  if (!isValidRunId(files.runId)) return fail(o, 'push', `not a run id: ${JSON.stringify(files.runId)}`);
  const deadline = startDeadline(c.clock, c.timeoutMs, `push to ${c.branch}`);
  try {
    const local = await deadline.race(readLocalCheckpoint(c, files));
    if (!local.ok) return fail(o, 'push', local.reason);
    for (const s of local.value.skipped) c.log({ type: 'state_branch_skipped', ...s });
    return await pushLoop(c, local.value, bindGit(c, deadline), deadline);
  } catch (error) {
    return fail(o, 'push', describe(error));
  } finally {
    deadline.dispose();
  }
}

async function pushLoop(
  c: Resolved,
  local: LocalCheckpoint,
  run: RunGit,
  deadline: Deadline,
): Promise<PushCheckpointResult> {
  // Blobs are written once; only the trees and the commit depend on the tip.
  const blobs = new Map<string, string>();
  for (const f of [...local.runFiles, ...(local.fleet ? [local.fleet.file] : [])]) {
    blobs.set(f.path, await writeBlob(run, f.content));
  }
  let lastReason = '';
  for (let attempt = 1; attempt <= c.maxAttempts; attempt++) {
    const tip = await fetchTip(c, run);
    const built = await buildCommit(c, run, local, blobs, tip);
    if (built.unchanged) {
      c.log({ type: 'state_branch_unchanged', runId: local.runId, sha: built.sha });
      return { ok: true, sha: built.sha, changed: false, attempts: attempt, skipped: local.skipped };
    }
    const pushed = await pushCommit(c, run, built.sha);
    if (pushed.ok) {
      c.log({ type: 'state_branch_pushed', runId: local.runId, sha: built.sha, attempts: attempt });
      return { ok: true, sha: built.sha, changed: true, attempts: attempt, skipped: local.skipped };
    }
    lastReason = pushed.reason;
    if (attempt === c.maxAttempts) break;
    c.log({ type: 'state_branch_retry', runId: local.runId, attempt, reason: lastReason });
    // Two runs rejected by each other back off by different amounts, so the next round does not tie again.
    const delay = Math.min(50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50), deadline.remaining());
    await deadline.race(c.clock.sleep(delay, deadline.signal));
  }
  return { ok: false, reason: `gave up after ${c.maxAttempts} attempts: ${lastReason}` };
}

/** The run's files as they are now, validated and checked for secrets; `ok: false` refuses the push. */
async function readLocalCheckpoint(
  c: Resolved,
  files: { runId: string; runDir: string; fleetStatePath?: string },
): Promise<{ ok: true; value: LocalCheckpoint } | { ok: false; reason: string }> {
  const runFiles: LocalFile[] = [];
  const skipped: Skipped[] = [];
  let status = 'unknown';
  let updatedAt = 0;
  for (const name of BRANCH_RUN_FILES) {
    const path = `${RUNS_DIR}/${files.runId}/${name}`;
    const read = await readStateFile(join(files.runDir, name));
    if (read.missing) {
      if (name === STATE_FILE) return { ok: false, reason: `no ${STATE_FILE} in ${files.runDir}` };
      continue;
    }
    if (read.problem !== undefined) {
      if (name === STATE_FILE) return { ok: false, reason: `${files.runDir}/${name}: ${read.problem}` };
      skipped.push({ path, reason: read.problem });
      continue;
    }
    const content = read.content!;
    if (name === STATE_FILE) {
      // A checkpoint that does not parse must not replace a good copy on the branch.
      const parsed = parseCheckpoint(content, files.runId, `${files.runDir}/${name}`);
      if (!parsed.ok) return parsed;
      status = parsed.state.status;
      updatedAt = parsed.state.updatedAt;
    } else if (!isJson(content)) {
      skipped.push({ path, reason: 'not JSON' });
      continue;
    }
    runFiles.push({ path, content });
  }
  let fleet: LocalCheckpoint['fleet'];
  if (files.fleetStatePath !== undefined) {
    const read = await readStateFile(files.fleetStatePath);
    if (read.content !== undefined) {
      const parsed = parseFleetState(parseJson(read.content));
      if (parsed.state)
        fleet = { file: { path: FLEET_STATE_FILE, content: read.content }, savedAt: parsed.state.savedAt };
      else skipped.push({ path: FLEET_STATE_FILE, reason: parsed.problem ?? 'not a fleet state' });
    } else if (read.problem !== undefined) {
      skipped.push({ path: FLEET_STATE_FILE, reason: read.problem });
    }
  }
  // The run redacted these already; this is the last look before they leave the runner for good.
  for (const f of [...runFiles, ...(fleet ? [fleet.file] : [])]) {
    const secret = findSecret(f.content, c.secrets);
    if (secret !== undefined) return { ok: false, reason: secretReason(f.path, secret) };
  }
  return {
    ok: true,
    value: { runId: files.runId, status, updatedAt, runFiles, ...(fleet ? { fleet } : {}), skipped },
  };
}

async function readStateFile(path: string): Promise<{ content?: string; missing?: true; problem?: string }> {
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_STATE_FILE_BYTES) return { problem: `larger than ${MAX_STATE_FILE_BYTES} bytes` };
    return { content: buffer.toString('utf8') };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { missing: true };
    return { problem: errorMessage(error) };
  }
}

type Tip = { sha: string; tree: string } | undefined;

type Built = { unchanged: true; sha: string } | { unchanged: false; sha: string };

/** The tip's tree with this run's files (and the fleet state) replaced, committed on top of the tip. */
async function buildCommit(
  c: Resolved,
  run: RunGit,
  local: LocalCheckpoint,
  blobs: ReadonlyMap<string, string>,
  tip: Tip,
): Promise<Built> {
  const root = tip ? ((await listTree(run, tip.tree)) ?? []) : [];
  const runsEntry = root.find((e) => e.name === RUNS_DIR);
  if (runsEntry && runsEntry.type !== 'tree')
    throw new Error(`${RUNS_DIR} on ${c.branch} is not a directory`);
  const runs = runsEntry ? ((await listTree(run, runsEntry.sha)) ?? []) : [];
  const own = runs.find((e) => e.name === local.runId);
  const ownEntries = own?.type === 'tree' ? ((await listTree(run, own.sha)) ?? []) : [];

  let newRoot = root;
  const keepTheirs =
    own?.type === 'tree' && (await branchIsNewer(run, own.sha, STATE_FILE, 'updatedAt', local.updatedAt));
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
      (await branchIsNewer(run, theirs.sha, undefined, 'savedAt', local.fleet.savedAt));
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
  return { unchanged: false, sha: commit };
}

/** Whether the branch's copy (a blob, or `path` inside a tree) carries a larger `field` than ours. */
async function branchIsNewer(
  run: RunGit,
  object: string,
  path: string | undefined,
  field: 'updatedAt' | 'savedAt',
  ours: number,
): Promise<boolean> {
  const read = await readBlob(run, path === undefined ? object : `${object}:${path}`);
  if (!('text' in read)) return false;
  const value = (parseJson(read.text) as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' && value > ours;
}

async function pushCommit(
  c: Resolved,
  run: RunGit,
  sha: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await run([
      'push',
      '--porcelain',
      '--no-verify',
      '--no-follow-tags',
      c.remote,
      `${sha}:refs/heads/${c.branch}`,
    ]);
    return { ok: true };
  } catch (error) {
    // Only "someone pushed first" is worth another round; anything else (auth, protection) would repeat.
    if (error instanceof GitError && error.kind === 'rejected') {
      return { ok: false, reason: 'rejected as not a fast-forward' };
    }
    if (
      error instanceof GitError &&
      error.kind === 'remote-rejected' &&
      LOST_RACE.test(error.result.stderr.text)
    ) {
      return { ok: false, reason: 'another push updated the branch at the same moment' };
    }
    throw error;
  }
}

/**
 * The remote accepted our fast-forward but another push moved the ref while it was updating it: the same
 * situation as a non-fast-forward rejection, reported as `[remote rejected] (failed to update ref)`.
 */
const LOST_RACE =
  /cannot lock ref '[^'\n]+': (?:is at [0-9a-f]+ but expected|reference already exists)|incorrect old value provided/;

function withEntry(entries: readonly TreeEntry[], entry: TreeEntry): TreeEntry[] {
  return [...entries.filter((e) => e.name !== entry.name), entry];
}

function blobEntry(name: string, sha: string): TreeEntry {
  return { mode: BLOB_MODE, type: 'blob', sha, name };
}

function treeEntry(name: string, sha: string): TreeEntry {
  return { mode: TREE_MODE, type: 'tree', sha, name };
}

// ---------------------------------------------------------------------------------------------------------
// fetch and list

/**
 * Brings a run's checkpoint from the branch into `<stateDir>/runs/<runId>/` (and `fleet-state.json` when the
 * branch's is newer). Without `runId`: the newest unfinished run on the branch whose checkpoint is valid.
 */
export async function fetchCheckpoint(
  o: StateBranchOptions,
  runId: string | undefined,
  into: { stateDir: string },
): Promise<FetchCheckpointResult> {
  const cfg = resolve(o);
  if (!cfg.ok) return { ...fail(o, 'fetch', cfg.reason), skipped: [] };
  const c = cfg.value;
  if (runId !== undefined && !isValidRunId(runId)) {
    return { ...fail(o, 'fetch', `not a run id: ${JSON.stringify(runId)}`), skipped: [] };
  }
  const deadline = startDeadline(c.clock, c.timeoutMs, `fetch of ${c.branch}`);
  const skipped: Skipped[] = [];
  const skip = (s: Skipped): void => {
    skipped.push(s);
    c.log({ type: 'state_branch_skipped', ...s });
  };
  try {
    const run = bindGit(c, deadline);
    const tip = await fetchTip(c, run);
    if (!tip) return { ...fail(o, 'fetch', `no branch ${c.branch} on ${c.remote}`), skipped };
    const fleetState = await deadline.race(restoreFleetState(c, run, tip.sha, into.stateDir, skip));
    const candidates =
      runId !== undefined
        ? [runId]
        : (await listRunsAt(run, tip.sha)).filter((r) => isUnfinishedStatus(r.status)).map((r) => r.runId);
    for (const id of candidates) {
      const restored = await deadline.race(
        restoreRun(c, run, tip.sha, id, into.stateDir, runId === undefined),
      );
      if (restored.ok) {
        c.log({ type: 'state_branch_restored', runId: id, files: restored.installed, kept: restored.kept });
        return {
          ok: true,
          runId: id,
          restored: restored.installed,
          kept: restored.kept,
          fleetState,
          skipped: [...skipped, ...restored.skipped],
        };
      }
      skip({ path: `${RUNS_DIR}/${id}`, reason: restored.reason });
    }
    const none = runId !== undefined ? `run ${runId} not restored` : `no unfinished run on ${c.branch}`;
    const why = skipped.filter((s) => s.path.startsWith(`${RUNS_DIR}/`)).map((s) => s.reason);
    return { ...fail(o, 'fetch', why.length > 0 ? `${none}: ${why.join('; ')}` : none), skipped };
  } catch (error) {
    return { ...fail(o, 'fetch', describe(error)), skipped };
  } finally {
    deadline.dispose();
  }
}

async function restoreRun(
  c: Resolved,
  run: RunGit,
  tip: string,
  runId: string,
  stateDir: string,
  unfinishedOnly: boolean,
): Promise<
  { ok: true; installed: string[]; kept: boolean; skipped: Skipped[] } | { ok: false; reason: string }
> {
  const files = new Map<string, string>();
  for (const name of BRANCH_RUN_FILES) {
    const read = await readBlob(run, `${tip}:${RUNS_DIR}/${runId}/${name}`);
    if ('text' in read) files.set(name, read.text);
    else if ('tooLarge' in read)
      return { ok: false, reason: `${name} is larger than ${MAX_STATE_FILE_BYTES} bytes` };
  }
  const where = `${c.branch}:${RUNS_DIR}/${runId}`;
  const stateText = files.get(STATE_FILE);
  if (stateText === undefined) return { ok: false, reason: `${where}: no ${STATE_FILE}` };
  if (unfinishedOnly) {
    // The manifest may lag behind the checkpoint; the checkpoint has the last word.
    const parsed = parseCheckpoint(stateText, runId, `${where}/${STATE_FILE}`);
    if (!parsed.ok) return parsed;
    if (!isUnfinished(parsed.state))
      return { ok: false, reason: `${where}: finished (${parsed.state.status})` };
  }
  return installRunFiles(join(stateDir, RUNS_DIR, runId), runId, files, where, c.clock);
}

async function restoreFleetState(
  c: Resolved,
  run: RunGit,
  tip: string,
  stateDir: string,
  skip: (s: Skipped) => void,
): Promise<'installed' | 'kept' | 'absent' | 'skipped'> {
  const read = await readBlob(run, `${tip}:${FLEET_STATE_FILE}`);
  if ('missing' in read) return 'absent';
  if ('tooLarge' in read) {
    skip({ path: FLEET_STATE_FILE, reason: 'too large' });
    return 'skipped';
  }
  const installed = await installFleetState(stateDir, read.text, `${c.branch}:${FLEET_STATE_FILE}`);
  if (installed.installed) return 'installed';
  if (installed.reason.startsWith('the local')) return 'kept';
  skip({ path: FLEET_STATE_FILE, reason: installed.reason });
  return 'skipped';
}

/** The runs on the branch, newest first; `[]` when there is no branch or it cannot be fetched (logged). */
export async function listBranchRuns(o: StateBranchOptions): Promise<BranchRun[]> {
  const cfg = resolve(o);
  if (!cfg.ok) {
    fail(o, 'list', cfg.reason);
    return [];
  }
  const c = cfg.value;
  const deadline = startDeadline(c.clock, c.timeoutMs, `listing of ${c.branch}`);
  try {
    const run = bindGit(c, deadline);
    const tip = await fetchTip(c, run);
    return tip ? await listRunsAt(run, tip.sha) : [];
  } catch (error) {
    fail(o, 'list', describe(error));
    return [];
  } finally {
    deadline.dispose();
  }
}

/** From each run's manifest, or its checkpoint when the manifest is missing or damaged. */
async function listRunsAt(run: RunGit, tip: string): Promise<BranchRun[]> {
  const entries = ((await listTree(run, `${tip}:${RUNS_DIR}`)) ?? []).filter(
    (e) => e.type === 'tree' && isValidRunId(e.name),
  );
  const runs = await mapLimit(entries, READ_CONCURRENCY, async (e): Promise<BranchRun> => {
    const manifest = await readBlob(run, `${e.sha}:${MANIFEST_FILE}`);
    if ('text' in manifest) {
      const parsed = manifestSchema.safeParse(parseJson(manifest.text));
      if (parsed.success && parsed.data.runId === e.name) {
        return { runId: e.name, status: parsed.data.status, updatedAt: parsed.data.updatedAt };
      }
    }
    const state = await readBlob(run, `${e.sha}:${STATE_FILE}`);
    if ('text' in state) {
      const parsed = runStateSchema.safeParse(parseJson(state.text));
      if (parsed.success && parsed.data.runId === e.name) {
        return { runId: e.name, status: parsed.data.status, updatedAt: parsed.data.updatedAt };
      }
    }
    return { runId: e.name, status: 'unknown', updatedAt: 0 };
  });
  return runs.sort((a, b) => b.updatedAt - a.updatedAt || a.runId.localeCompare(b.runId));
}

function isUnfinishedStatus(status: string): boolean {
  return status === 'running' || status === 'interrupted';
}

// ---------------------------------------------------------------------------------------------------------
// shared

/**
 * The branch's tip after a fetch into the private ref, or undefined when the remote has no such branch.
 * The fetch refspec is forced (`+`) on purpose: it moves keel's own private ref to whatever the remote has,
 * even if someone rewrote the branch there. Pushes are never forced.
 */
async function fetchTip(c: Resolved, run: RunGit): Promise<Tip> {
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

function bindGit(c: Resolved, deadline: Deadline): RunGit {
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

const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function resolve(o: StateBranchOptions): { ok: true; value: Resolved } | { ok: false; reason: string } {
  const remote = o.remote ?? STATE_BRANCH_DEFAULTS.remote;
  const branch = o.branch ?? STATE_BRANCH_DEFAULTS.branch;
  // The remote is a name or a URL; an argument starting with `-` would be read as an option.
  if (remote === '' || remote.startsWith('-') || /[\s\0]/.test(remote)) {
    return { ok: false, reason: `not a remote: ${JSON.stringify(remote)}` };
  }
  if (
    !BRANCH.test(branch) ||
    branch.includes('..') ||
    branch.includes('//') ||
    /(\/|\.lock|\.)$/.test(branch)
  ) {
    return { ok: false, reason: `not a branch name: ${JSON.stringify(branch)}` };
  }
  const remoteKey = REMOTE_NAME.test(remote)
    ? remote
    : createHash('sha256').update(remote).digest('hex').slice(0, 16);
  return {
    ok: true,
    value: {
      git: o.git,
      repoRoot: o.repoRoot,
      remote,
      branch,
      trackingRef: `refs/keel/fetched/${remoteKey}/${branch}`,
      timeoutMs: o.timeoutMs ?? STATE_BRANCH_DEFAULTS.timeoutMs,
      maxAttempts: Math.max(1, o.maxAttempts ?? STATE_BRANCH_DEFAULTS.maxAttempts),
      clock: o.clock ?? systemClock,
      log: o.log ?? (() => undefined),
      secrets: o.secrets ?? [],
    },
  };
}

function fail(
  o: StateBranchOptions,
  operation: 'push' | 'fetch' | 'list',
  reason: string,
): { ok: false; reason: string } {
  o.log?.({ type: 'state_branch_failed', operation, reason });
  return { ok: false, reason };
}

function describe(error: unknown): string {
  if (error instanceof DeadlineExceeded) return error.message;
  if (error instanceof GitError && (error.kind === 'aborted' || error.kind === 'timeout')) {
    return `${error.message} (time budget exhausted)`;
  }
  return errorMessage(error);
}

function lastLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return (lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '').slice(0, 300);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isJson(text: string): boolean {
  return parseJson(text) !== undefined;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
