/**
 * A queued task, after normalisation: whatever a queue file or a labelled issue said, bounded and checked.
 * Lanes claim tasks by id; a claimed id is never handed out again (until recycled on purpose).
 */
export interface QueueTask {
  /** `[A-Za-z0-9._:-]{1,128}`; issues become `issue:<number>`. */
  id: string;
  /** The task text, truncated with a visible marker when too long. */
  text: string;
  /** The lane that must run it; only names of configured lanes are accepted. */
  owner?: string;
  /** Higher first; default 0. */
  priority: number;
  source: 'file' | 'issue';
  /** Where it came from: `path:line` or an issue URL. */
  ref: string;
}

/** A bad item in a queue, reported as an event and skipped — never a crash, never a silent loss. */
export interface QueueProblem {
  ref: string;
  reason: string;
}

export type ClaimOutcome = 'done' | 'blocked' | 'failed';

/** How a queue file is laid out; detected per file (and again after it was rewritten). */
export type QueueFormat = 'ndjson' | 'json-array' | 'json-object';

/**
 * How far an NDJSON queue is *consumed*: every line before `offset` is either a bad item (reported) or a
 * task whose id the claim store knows. A lane that restarts reads on from here, so nothing after it can be
 * skipped; `ino` and the hash of the file's first `headBytes` bytes tell a rewritten file from an appended one.
 */
export interface QueueCursor {
  offset: number;
  /** Lines before `offset` (refs are `path:line`, 1-based). */
  line: number;
  ino: number;
  headBytes: number;
  /** sha256 (hex) of the first `headBytes` bytes. */
  head: string;
}

/** What the queue layer reports; written to an `EventLog` by whoever owns one. */
export type QueueEvent =
  | { type: 'queue_problem'; ref: string; reason: string; source?: string }
  | { type: 'queue_rewritten'; path: string; reason: string }
  | { type: 'queue_compacted'; path: string; removed: number; kept: number; compactedTotal: number }
  | { type: 'queue_over_bound'; path: string; entries: number; maxClaimed: number; inFlight: number }
  | { type: 'task_recycled'; taskId: string; from: ClaimOutcome; recycles: number; reason: string };
