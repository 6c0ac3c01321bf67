/**
 * The vocabulary of the one command runner every external command goes through (validation commands from the
 * owner's config, git). Results are plain data; nothing here throws for a failing command — callers decide
 * what a non-zero exit means (the git runner turns it into a `GitError`).
 */

export interface CommandSpec {
  /** An executable, looked up on PATH. Never a shell line: see `shellCommand` for the one exception. */
  command: string;
  args: string[];
  cwd: string;
  /** Merged over `process.env`; an `undefined` value removes that variable for the child. */
  env?: Record<string, string | undefined>;
  /**
   * The child gets `env` and nothing of `process.env` (validation commands: an allow-list, so no token, key
   * or runner credential is inherited by model-written code).
   */
  replaceEnv?: boolean;
  /** From spawn to the group being signalled (SIGTERM, then SIGKILL after the runner's grace). */
  timeoutMs: number;
  /** Written to the child's stdin, which is then closed. Without it stdin is /dev/null. */
  input?: string;
  /**
   * Overrides the runner's per-stream bound for this one command, for callers that parse the whole output
   * (a file list, a log) and would rather get a larger bound than a cut. Still a bound.
   */
  maxStreamBytes?: number;
}

/** One output stream as kept: head and tail of it, redacted, with how much the command really printed. */
export interface CapturedStream {
  text: string;
  /** Bytes the command wrote to this stream, kept or not. */
  totalBytes: number;
  /** True when the middle was dropped; `text` then holds a `…[N bytes omitted]…` line between head and tail. */
  truncated: boolean;
}

export interface CommandResult {
  /** Null when the process did not exit on its own (killed by a signal) or never started. */
  exitCode: number | null;
  /** The signal that ended the process, e.g. `SIGKILL` after a timeout. */
  signal: string | null;
  timedOut: boolean;
  /** Ended by the caller's AbortSignal. */
  aborted: boolean;
  stdout: CapturedStream;
  stderr: CapturedStream;
  durationMs: number;
  /** The process could not be started (e.g. `spawn git ENOENT`). */
  error?: string;
}

export interface CommandRunner {
  run(spec: CommandSpec, options?: { signal?: AbortSignal }): Promise<CommandResult>;
}

/** What a failed command leaves in a checkpoint, an event or a recovery issue: short and redacted. */
export interface CommandErrorRecord {
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  /** The end of stderr (where the error usually is), at most 8 KiB. */
  stderr: string;
  durationMs: number;
  error?: string;
}
