/** durable/state-branch/: what the rest of keel uses of it. */
export {
  type BranchRun,
  fetchCheckpoint,
  listBranchRuns,
  pushCheckpoint,
  type StateBranchOptions,
} from './state-branch.ts';
export { DeadlineExceeded, startDeadline } from './state-deadline.ts';
export {
  ARTIFACT_SUBDIRS,
  isArtifactStateFile,
  isValidRunId,
  MAX_STATE_FILE_BYTES,
  secretReason,
} from './state-files.ts';
export { type InstallResult, installRunFiles, type Skipped } from './state-install.ts';
export { checkRunClaim, claimRun, DEFAULT_CLAIM_TTL_MS } from './state-branch-claim.ts';
export { type BranchClaim, branchClaimSchema } from './state-claim-file.ts';
