/**
 * The one bounded command runner. Every command keel runs (validation commands, git) goes through it, so the
 * guarantees hold everywhere:
 * - a deadline: at `timeoutMs` (or on abort) the child's whole process group gets SIGTERM, and SIGKILL after
 *   `killGraceMs` if anything in it is still alive — a command that ignores SIGTERM still ends;
 * - bounded memory: each stream keeps its head and tail (64 KiB in all by default), whatever is printed;
 * - no secrets in what is kept: captured text is redacted before anyone sees it;
 * - no shell: `spawn` never gets `shell: true`; the only shell is an explicit `/bin/sh -c` from `shellCommand`.
 *
 * The child leads its own process group (`detached: true`, which also starts a new session: no controlling
 * terminal, so nothing can stop to prompt on a tty). Once the child itself has exited, descendants that still
 * hold its stdout/stderr get `killGraceMs` to finish, then the group is ended the same way: a command's
 * leftovers are part of the command, and a run must not wait for a daemon someone forgot to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { redact, redactFragment } from '../fleet/redact.ts';
import { HeadTailCapture, omittedMarker, type CapturedParts } from './capture.ts';
import { groupAlive, signalGroup } from './process-group.ts';
import type { CapturedStream, CommandResult, CommandRunner, CommandSpec } from './types.ts';

export type {
  CapturedStream,
  CommandErrorRecord,
  CommandResult,
  CommandRunner,
  CommandSpec,
} from './types.ts';
export { commandErrorRecord, formatCommandLine, STDERR_RECORD_BYTES } from './error-record.ts';

export const DEFAULT_KILL_GRACE_MS = 2000;
export const DEFAULT_MAX_STREAM_BYTES = 64 * 1024;

export interface CommandRunnerOptions {
  /** Values to redact from captured output (API keys read from the environment); called per command. */
  secrets?: () => string[];
  /** Between SIGTERM and SIGKILL to the group. */
  killGraceMs?: number;
  /** Kept per stream, head and tail together. */
  maxStreamBytes?: number;
}

interface RunnerConfig {
  secrets: () => string[];
  killGraceMs: number;
  maxStreamBytes: number;
}

export function createCommandRunner(options: CommandRunnerOptions = {}): CommandRunner {
  const config: RunnerConfig = {
    secrets: options.secrets ?? (() => []),
    killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
    maxStreamBytes: options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES,
  };
  return { run: (spec, runOptions) => runCommand(spec, config, runOptions?.signal) };
}

/**
 * `/bin/sh -c line`, for command lines written by the repository owner in keel's config (`validate:
 * ["npm test"]`), where pipes and `&&` are expected. NEVER pass text that came from a model, an issue, a
 * comment, a branch name or any other input keel does not own: it would run as shell code. Everything else
 * builds a `CommandSpec` with an argument array.
 */
export function shellCommand(line: string, cwd: string, timeoutMs: number): CommandSpec {
  return { command: '/bin/sh', args: ['-c', line], cwd, timeoutMs };
}

type StopReason = 'timeout' | 'abort' | 'linger';

function runCommand(spec: CommandSpec, config: RunnerConfig, signal?: AbortSignal): Promise<CommandResult> {
  const started = performance.now();
  if (signal?.aborted) return Promise.resolve(notStarted(started, 'aborted before start', true));
  let child: ChildProcess;
  try {
    child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: childEnv(spec.env),
      detached: true,
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (error) {
    // Synchronous refusals: a NUL byte in an argument, an invalid option.
    return Promise.resolve(notStarted(started, errorText(error), false));
  }
  return new Execution(child, spec, config, started, signal).done;
}

/** One running child and everything that can end it. Settles exactly once, with every timer cleared. */
class Execution {
  readonly done: Promise<CommandResult>;
  readonly #child: ChildProcess;
  readonly #config: RunnerConfig;
  readonly #started: number;
  readonly #signal: AbortSignal | undefined;
  readonly #stdout: HeadTailCapture;
  readonly #stderr: HeadTailCapture;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #onAbort = (): void => this.#stop('abort');
  #stopReason: StopReason | undefined;
  #resolve!: (result: CommandResult) => void;
  #settled = false;

  constructor(
    child: ChildProcess,
    spec: CommandSpec,
    config: RunnerConfig,
    started: number,
    signal?: AbortSignal,
  ) {
    this.#child = child;
    this.#config = config;
    this.#started = started;
    this.#signal = signal;
    const bound = spec.maxStreamBytes ?? config.maxStreamBytes;
    this.#stdout = new HeadTailCapture(bound);
    this.#stderr = new HeadTailCapture(bound);
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    child.stdout?.on('data', (chunk: Buffer) => this.#stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.#stderr.push(chunk));
    child.on('error', (error) => this.#onError(error, spec.cwd));
    child.on('exit', () => this.#onExit());
    child.on('close', (code: number | null, sig: NodeJS.Signals | null) => this.#finish(code, sig));
    this.#writeInput(spec.input);
    this.#timers.push(setTimeout(() => this.#stop('timeout'), Math.max(0, spec.timeoutMs)));
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  #writeInput(input: string | undefined): void {
    const stdin = this.#child.stdin;
    if (input === undefined || stdin === null) return;
    // A child that exits without reading its input makes the write fail with EPIPE: not our failure.
    stdin.on('error', () => undefined);
    stdin.end(input);
  }

  /** TERM the group now, KILL it after the grace; if even that leaves our pipes open, stop reading them. */
  #stop(reason: StopReason): void {
    if (this.#stopReason !== undefined || this.#settled) return;
    this.#stopReason = reason;
    const pid = this.#child.pid;
    if (pid === undefined) return;
    signalGroup(pid, 'SIGTERM');
    const grace = this.#config.killGraceMs;
    this.#timers.push(
      setTimeout(() => {
        signalGroup(pid, 'SIGKILL');
        // Whatever still holds the pipes left the group (setsid): give it the same grace, then let go.
        this.#timers.push(setTimeout(() => this.#releaseStreams(), grace));
      }, grace),
    );
  }

  #onExit(): void {
    // Normally 'close' follows at once. If descendants keep stdout/stderr open, end them after the grace.
    this.#timers.push(
      setTimeout(() => {
        const pid = this.#child.pid;
        if (pid !== undefined && groupAlive(pid)) this.#stop('linger');
        else this.#releaseStreams();
      }, this.#config.killGraceMs),
    );
  }

  #releaseStreams(): void {
    this.#child.stdout?.destroy();
    this.#child.stderr?.destroy();
  }

  #onError(error: Error, cwd: string): void {
    // After a successful spawn, errors come from signalling or stdin and 'close' still follows.
    if (this.#child.pid !== undefined) return;
    this.#settle(notStarted(this.#started, `${errorText(error)} (cwd ${cwd})`, false));
  }

  #finish(code: number | null, signal: NodeJS.Signals | null): void {
    const secrets = this.#config.secrets().filter((s) => s.length > 0);
    this.#settle({
      exitCode: code,
      signal,
      timedOut: this.#stopReason === 'timeout',
      aborted: this.#stopReason === 'abort',
      stdout: redactedStream(this.#stdout.parts(), secrets),
      stderr: redactedStream(this.#stderr.parts(), secrets),
      durationMs: Math.round(performance.now() - this.#started),
    });
  }

  #settle(result: CommandResult): void {
    if (this.#settled) return;
    this.#settled = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#resolve(result);
  }
}

/**
 * Head and tail are redacted apart: a key cut by the omitted middle is caught at both cut edges (the head
 * ending with the start of a key, the tail starting with the end of one).
 */
function redactedStream(parts: CapturedParts, secrets: readonly string[]): CapturedStream {
  if (parts.omittedBytes === 0) {
    return { text: redact(parts.head, secrets), totalBytes: parts.totalBytes, truncated: false };
  }
  const text =
    redact(parts.head, secrets) + omittedMarker(parts.omittedBytes) + redactFragment(parts.tail, secrets);
  return { text, totalBytes: parts.totalBytes, truncated: true };
}

function childEnv(env: Record<string, string | undefined> | undefined): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env ?? {})) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const EMPTY_STREAM: CapturedStream = { text: '', totalBytes: 0, truncated: false };

function notStarted(started: number, error: string, aborted: boolean): CommandResult {
  return {
    exitCode: null,
    signal: null,
    timedOut: false,
    aborted,
    stdout: EMPTY_STREAM,
    stderr: EMPTY_STREAM,
    durationMs: Math.round(performance.now() - started),
    error,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
