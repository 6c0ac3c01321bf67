/**
 * Which failures are the infrastructure's and which are a model's — the rule of issue 15: disk, permission,
 * lock, saturation and "every endpoint down" stop the run as interrupted (resumable: a resume retries the
 * step once the disk has room, the slot is free, the endpoint is back); only an answer that was received and
 * judged unusable fails a subtask (a manual-implementation issue) or degrades a role (template plan, a review
 * that does not approve).
 *
 * Pure classification, nothing else: the steps ask it, and throw the `InfrastructureFault` it returns.
 */
import { errorCode } from '../base/errors.ts';
import { LockTimeoutError } from '../base/file-lock.ts';
import { GitError, lockPathsInMessage } from '../git/git-errors.ts';
import { WorkspaceError } from '../git/workspace-guards.ts';
import type { AgentResult } from '../agents/types.ts';

export type InfraKind =
  | 'disk' // ENOSPC, EDQUOT, EIO: no room, or the device failed
  | 'permission' // EACCES, EPERM, EROFS: the file system refuses keel's own writes
  | 'lock' // a lock that stayed held (the state lock, a git lock)
  | 'saturated' // every endpoint of a role stayed busy for maxWaitMs (other runs hold the slots)
  | 'unavailable'; // no endpoint of a role could be reached: down, cooling down, broken open, refused

/** The run stops as interrupted with this as its reason; a resume retries. One line, no stack. */
export class InfrastructureFault extends Error {
  override name = 'InfrastructureFault';
  readonly expected = true;
  readonly kind: InfraKind;
  constructor(kind: InfraKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const ERRNO_KIND: Readonly<Record<string, InfraKind>> = {
  ENOSPC: 'disk',
  EDQUOT: 'disk',
  EIO: 'disk',
  EMFILE: 'disk',
  ENFILE: 'disk',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'permission',
};

const ERRNO_IN_TEXT = /\b(ENOSPC|EDQUOT|EIO|EMFILE|ENFILE|EACCES|EPERM|EROFS)\b/;
/** What git prints for the same conditions (it runs with `LC_ALL=C`). */
const GIT_DISK =
  /No space left on device|Disk quota exceeded|Read-only file system|Permission denied(?! \(publickey)/;

const WHAT: Readonly<Record<InfraKind, string>> = {
  disk: 'the disk is full or failing',
  permission: 'the file system refuses the write',
  lock: 'a lock stayed held',
  saturated: 'every endpoint stayed busy',
  unavailable: 'no endpoint could be reached',
};

function fault(kind: InfraKind, where: string, detail: string): InfrastructureFault {
  return new InfrastructureFault(
    kind,
    `${where}: ${WHAT[kind]} (${detail.split('\n', 1)[0]!.slice(0, 300)})`,
  );
}

/**
 * An agent call that produced nothing without any model answering unusably: every endpoint of the role
 * stayed busy, or none could be reached. Undefined for a model's failure (invalid answers, a request every
 * endpoint refused as bad) and for a cancellation.
 */
export function agentInfraFault(role: string, result: AgentResult<unknown>): InfrastructureFault | undefined {
  if (result.ok) return undefined;
  if (result.failure === 'saturated') return fault('saturated', role, result.reason);
  if (result.failure === 'exhausted' && result.provenance.invalidAnswers === 0)
    return fault('unavailable', role, result.reason);
  return undefined;
}

/**
 * Edits the file system refused to take (`io` problems of `applyEdits`: a full disk, a read-only mount, a
 * file keel may not write): the kind named by the errno in the reason, a disk fault when none is named.
 */
export function editInfraFault(stepId: string, problems: readonly { reason: string }[]): InfrastructureFault {
  const where = `${stepId}: writing its edits`;
  for (const problem of problems) {
    const code = ERRNO_IN_TEXT.exec(problem.reason)?.[1];
    if (code !== undefined) return fault(ERRNO_KIND[code]!, where, problem.reason);
  }
  return fault('disk', where, problems[0]?.reason ?? 'the write failed');
}

/** A thrown error that is the infrastructure's: an errno of the disk or permissions, a lock, git saying so. */
export function errorInfraFault(where: string, error: unknown): InfrastructureFault | undefined {
  if (error instanceof InfrastructureFault) return error;
  if (error instanceof LockTimeoutError) return fault('lock', where, error.message);
  if (error instanceof GitError) {
    if (error.kind === 'lock') return fault('lock', where, error.message);
    const stderr = error.result.stderr.text;
    const said = GIT_DISK.exec(stderr)?.[0];
    if (said !== undefined)
      return fault(/Read-only|Permission/.test(said) ? 'permission' : 'disk', where, error.message);
    return undefined;
  }
  // A git command run with allowFailure, its stderr carried in the message (`git add` of a step's paths).
  if (error instanceof WorkspaceError && error.reason === 'unexpected') {
    if (lockPathsInMessage(error.message).length > 0) return fault('lock', where, error.message);
    const said = GIT_DISK.exec(error.message)?.[0];
    if (said !== undefined)
      return fault(/Read-only|Permission/.test(said) ? 'permission' : 'disk', where, error.message);
    return undefined;
  }
  const code = errorCode(error);
  if (code !== undefined && ERRNO_KIND[code] !== undefined)
    return fault(ERRNO_KIND[code], where, error instanceof Error ? error.message : code);
  return undefined;
}

/**
 * What a coder batch learned of the infrastructure while its subtasks ran in parallel: the faults (the batch
 * starts no more subtasks after the first, and the run stops as interrupted once the ones in flight have
 * settled), and whether a failed write may have left half of a subtask's edits in the work tree — then no
 * later subtask commits in this process, as `git add --all` would take those files along.
 */
export class BatchFaults {
  readonly faults: InfrastructureFault[] = [];
  worktreeDirty = false;

  add(fault: InfrastructureFault): void {
    this.faults.push(fault);
  }

  get any(): boolean {
    return this.faults.length > 0;
  }
}
