/**
 * The guard's `QueueDepth` over the queue module's reading (`queue/queue-depth.ts`): a lane's own and
 * unowned unclaimed tasks plus those recycling reopened. Read-only — the guard never claims. A damaged
 * claim state throws, and the guard records the lane's queue as unreadable rather than guess.
 */
import { queueDepth } from '../queue/queue-depth.ts';
import type { QueueDepth } from './guard.ts';
import type { LanesFile } from '../lanes/lanes-file.ts';

export function guardQueueDepth(lanesFile: LanesFile): QueueDepth {
  const lanes = lanesFile.lanes.map((lane) => lane.name);
  return (lane) =>
    queueDepth({ queueFile: lane.queueFile, queueStateFile: lane.queueStateFile, lane: lane.name, lanes });
}
