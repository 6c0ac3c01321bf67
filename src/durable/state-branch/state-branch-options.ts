/**
 * The state branch's options, checked and resolved once per operation, and how its failures are reported.
 * Push, fetch and listing share these so that a bad branch name or remote is refused the same way by all of
 * them, before any git command sees it.
 */
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../../base/clock.ts';
import { GitError, type Git } from '../../git/git-runner.ts';
import { errorMessage } from '../../base/errors.ts';
import { DeadlineExceeded } from './state-deadline.ts';

export const STATE_BRANCH_DEFAULTS = {
  remote: 'origin',
  branch: 'keel/state',
  timeoutMs: 20_000,
  maxAttempts: 5,
} as const;

export type StateBranchEvent =
  | { type: 'state_branch_pushed'; runId: string; sha: string; attempts: number }
  | { type: 'state_branch_unchanged'; runId: string; sha: string }
  | { type: 'state_branch_retry'; runId: string; attempt: number; reason: string }
  | { type: 'state_branch_skipped'; path: string; reason: string }
  | { type: 'state_branch_restored'; runId: string; files: string[]; kept: boolean }
  | { type: 'state_branch_failed'; operation: StateBranchOperation; reason: string };

export type StateBranchOperation = 'push' | 'fetch' | 'list';

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

/** `StateBranchOptions` validated, with every default filled in. */
export interface ResolvedStateBranch {
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

const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function resolveOptions(
  o: StateBranchOptions,
): { ok: true; value: ResolvedStateBranch } | { ok: false; reason: string } {
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

/** Logs the failure and returns it: every operation ends in a reason, never a throw. */
export function fail(
  o: StateBranchOptions,
  operation: StateBranchOperation,
  reason: string,
): { ok: false; reason: string } {
  o.log?.({ type: 'state_branch_failed', operation, reason });
  return { ok: false, reason };
}

/** A caught error as a reason safe to print (git's stderr was redacted by the runner). */
export function describeError(error: unknown): string {
  if (error instanceof DeadlineExceeded) return error.message;
  if (error instanceof GitError && (error.kind === 'aborted' || error.kind === 'timeout')) {
    return `${error.message} (time budget exhausted)`;
  }
  return errorMessage(error);
}
