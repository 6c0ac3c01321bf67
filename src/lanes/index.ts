/** lanes/: what the rest of keel uses of it. */
export {
  type ConcurrencySetting,
  laneConcurrency,
  type LaneConcurrency,
  MAX_CONCURRENCY,
} from './lane-concurrency.ts';
export { engineLane, type LanePublish, laneRunId } from './lane-engine.ts';
export { laneDirOf, type LaneResult, LaneRunner, type TaskSource } from './lane-runner.ts';
export { createQueueWatch } from './lane-watch.ts';
export {
  checkLaneEndpoints,
  type GuardSettings,
  type LaneConfig,
  type LanesFile,
  LanesFileError,
  loadLanesFile,
} from './lanes-file.ts';
export { lanesJsonSchema } from './lanes-json-schema.ts';
export {
  filePauseFlags,
  isPauseStale,
  type PauseClearNote,
  type PauseFlag,
  type PauseFlags,
} from './pause-flags.ts';
export { queueClaimPrefix, type SharedTaskClaims } from './shared-claims.ts';
