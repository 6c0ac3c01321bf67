/**
 * How much work waits for a lane: the unclaimed tasks of its queue that it may take (its own and the
 * unowned ones), plus tasks recycling reopened for it. What the idle guard ranks lanes by. Read-only: no
 * lock, no write, no events (bad items are the lanes' to report); starts at the persisted cursor, so a big
 * consumed queue costs only its unconsumed tail.
 */
import { ClaimStore } from './claim-store.ts';
import { QueueReader } from './queue-reader.ts';
import type { QueueTask } from './types.ts';

export interface QueueDepthOptions {
  queueFile: string;
  queueStateFile: string;
  /** The lane asking; undefined counts every task whatever its owner. */
  lane?: string;
  /** Configured lane names (owners a task may name). */
  lanes: readonly string[];
  /** Claimed where this machine's claim state cannot see it (shared claims on GitHub): not waiting. */
  claimedElsewhere?: (task: QueueTask) => boolean;
}

export async function queueDepth(options: QueueDepthOptions): Promise<number> {
  const store = new ClaimStore({ path: options.queueStateFile });
  await store.refresh();
  const reader = new QueueReader({ path: options.queueFile, lanes: options.lanes });
  reader.seek(store.cursor(options.queueFile));
  const { tasks } = await reader.read();
  const mine = (task: QueueTask): boolean =>
    options.lane === undefined || task.owner === undefined || task.owner === options.lane;
  const waiting = (task: QueueTask): boolean => mine(task) && !(options.claimedElsewhere?.(task) ?? false);
  return store.unclaimed(tasks).filter(waiting).length + store.reopened().filter(mine).length;
}
