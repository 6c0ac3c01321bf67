/**
 * What a CLI command may touch, passed in so that tests can run commands in-process with plain fakes.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM for long-running commands (`sim`, later `run`, `lane`, `daemon`). */
  signal: AbortSignal;
  /** Ends the process now (a third signal while a run stops: its state is saved first). Absent in tests. */
  exit?: (code: number) => void;
}

/** A command takes its own arguments (after the command name) and resolves to an exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Thrown for bad command-line usage; the dispatcher prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
