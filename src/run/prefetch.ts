/**
 * On resume, the first coder requests go out while the work tree is still being checked and cleaned:
 * model calls are the slow part of a run and have no effects, so there is no reason to make them wait for
 * a dozen git commands. A prefetched answer is used only if the files it was asked about read exactly the
 * same once the work tree is verified (a crash may have left a half-applied edit behind); otherwise it is
 * dropped and the subtask asks again.
 */
import { codeSubtask } from '../agents/coder.ts';
import type { CoderFormat } from '../agents/prompts.ts';
import type { AgentResult, CodeChange } from '../agents/types.ts';
import type { Router } from '../fleet/router.ts';
import { readFiles } from '../git/workspace.ts';
import { pendingSubtasks } from './pending-subtasks.ts';
import type { RunState } from './state.ts';

type FileView = Awaited<ReturnType<typeof readFiles>>;

interface Prefetched {
  files: FileView;
  result: Promise<AgentResult<CodeChange>>;
}

export class CoderPrefetch {
  readonly #entries = new Map<string, Prefetched>();

  /** Asks for the first `limit` pending subtasks of a resumed run. Never throws. */
  start(
    state: RunState,
    router: Pick<Router, 'complete'>,
    limit: number,
    maxFileBytes: number,
    signal: AbortSignal,
    format: CoderFormat = 'text',
  ): void {
    const plan = state.plan;
    if (!plan) return;
    const pending = pendingSubtasks(state, plan, limit);
    // All files first, then the requests in plan order (callbacks on one promise run in the order they were
    // added): the router hands out slots in the order it is asked, so the first pending subtask gets the
    // endpoint it would get on an idle fleet — the one the early request (early-resume.ts) was sent to.
    const views = Promise.all(
      pending.map((subtask) =>
        readFiles({ worktree: state.repo.worktree }, subtask.files, maxFileBytes).catch(() => [] as FileView),
      ),
    );
    for (const [index, subtask] of pending.entries()) {
      const entry: Prefetched = { files: [], result: Promise.resolve(undefined as never) };
      entry.result = views.then((all) => {
        entry.files = all[index] ?? [];
        return codeSubtask(
          router,
          { task: state.task.text, plan, subtask, files: entry.files, format },
          { signal },
        );
      });
      // Kept, and awaited by `take` or `settle`; never left to reject unobserved.
      entry.result.catch(() => undefined);
      this.#entries.set(subtask.id, entry);
    }
  }

  /** The prefetched answer for a subtask, if the files it saw are the files as they are now. */
  async take(subtaskId: string, current: FileView): Promise<AgentResult<CodeChange> | undefined> {
    const entry = this.#entries.get(subtaskId);
    if (!entry) return undefined;
    this.#entries.delete(subtaskId);
    const result = await entry.result.catch(() => undefined);
    return result !== undefined && sameFiles(entry.files, current) ? result : undefined;
  }

  /** Waits for answers nobody took (the run stopped first), so none outlives the run. */
  async settle(): Promise<void> {
    const left = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(left.map((entry) => entry.result.catch(() => undefined)));
  }
}

function sameFiles(a: FileView, b: FileView): boolean {
  if (a.length !== b.length) return false;
  return a.every((file, i) => file.path === b[i]!.path && file.content === b[i]!.content);
}
