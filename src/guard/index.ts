/** guard/: what the rest of keel uses of it. */
export { type Launcher, localGuardEffects } from './guard-local.ts';
export { runGuardLoop } from './guard-loop.ts';
export { guardProbes } from './guard-probes.ts';
export { guardQueueDepth } from './guard-queue.ts';
export { type AlertSink, type GuardEffects, type InterruptedRun, type LaneActivity } from './guard-types.ts';
export { type GuardCycleOutcome, type GuardCycleReport, type QueueDepth, runGuardCycle } from './guard.ts';
