/** What the git runner reports: every retry, and every stale-lock decision (removed or kept, and why). */
import type { CommandErrorRecord } from '../exec/types.ts';
import type { GitFailureKind } from './git-errors.ts';

export type LockKeptReason =
  | 'fresh' // younger than the stale threshold: its owner is probably still working
  | 'live-git-process' // a live git process works in this repository (it may own the lock)
  | 'no-proc' // processes cannot be listed: nothing can be ruled out
  | 'repository-unknown' // the repository's directories could not be read
  | 'outside-repository' // the named path is not a lock file inside this repository's git dir
  | 'changed'; // the lock was replaced while we checked: someone is using it

export type GitEvent =
  | { type: 'retry'; command: string; cwd: string; attempt: number; delayMs: number; kind: GitFailureKind }
  | { type: 'lock_removed'; path: string; ageMs: number }
  | { type: 'lock_kept'; path: string; ageMs: number | undefined; reason: LockKeptReason; pids?: number[] }
  | { type: 'failed'; kind: GitFailureKind; attempts: number; record: CommandErrorRecord };
