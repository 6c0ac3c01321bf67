/**
 * The guard's `QueueDepth` over the queue module's reading (`queue/queue-depth.ts`): a lane's own and
 * unowned unclaimed tasks plus those recycling reopened. Read-only — the guard never claims. A damaged
 * claim state throws, and the guard records the lane's queue as unreadable rather than guess.
 */
import { queueDepth } from '../queue/queue-depth.ts';
import type { QueueDepth } from './guard.ts';
import type { LaneConfig, LanesFile } from '../lanes/index.ts';
import type { QueueTask } from '../queue/types.ts';

/**
 * `sharedClaims`, for lanes that claim through GitHub: which of a lane's tasks are claimed there (the
 * claims the lanes' runners made, which no claim-state file on the guard's runner knows of).
 */
export function guardQueueDepth(
  lanesFile: LanesFile,
  sharedClaims?: (lane: LaneConfig) => Promise<(task: QueueTask) => boolean>,
): QueueDepth {
  const lanes = lanesFile.lanes.map((lane) => lane.name);
  return async (lane) =>
    queueDepth({
      queueFile: lane.queueFile,
      queueStateFile: lane.queueStateFile,
      lane: lane.name,
      lanes,
      ...(sharedClaims ? { claimedElsewhere: await sharedClaims(lane) } : {}),
    });
}
