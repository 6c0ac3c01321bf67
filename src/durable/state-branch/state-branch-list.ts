/**
 * Listing the runs on the state branch, newest first, for the guard, the issue commands and the choice of
 * which run to resume. Read from the fetched tip's objects, a few manifests at a time (local reads, no
 * network).
 */
import { manifestSchema } from '../../run/manifest.ts';
import { isUnfinished, runStateSchema, type RunStatus } from '../../run/state.ts';
import { describeError, fail, resolveOptions, type StateBranchOptions } from './state-branch-options.ts';
import { bindGit, fetchTip } from './state-branch-remote.ts';
import { startDeadline } from './state-deadline.ts';
import { MANIFEST_FILE, RUNS_DIR, STATE_FILE } from '../../base/state-layout.ts';
import { isValidRunId } from './state-files.ts';
import { parseJson } from './state-json.ts';
import { listTree, readBlob, type RunGit } from './state-tree.ts';

/** Manifests read at once when listing the branch's runs (local object reads, no network). */
const READ_CONCURRENCY = 8;

export interface BranchRun {
  runId: string;
  /** A run status, or `unknown` when neither its manifest nor its state could be read. */
  status: string;
  updatedAt: number;
}

/** The runs on the branch, newest first; `[]` when there is no branch or it cannot be fetched (logged). */
export async function listBranchRuns(o: StateBranchOptions): Promise<BranchRun[]> {
  const cfg = resolveOptions(o);
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
    fail(o, 'list', describeError(error));
    return [];
  } finally {
    deadline.dispose();
  }
}

/** From each run's manifest, or its checkpoint when the manifest is missing or damaged. */
export async function listRunsAt(run: RunGit, tip: string): Promise<BranchRun[]> {
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

export function isUnfinishedStatus(status: string): boolean {
  return isUnfinished({ status: status as RunStatus });
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
