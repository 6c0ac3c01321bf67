/**
 * The one bounded command runner. Every command keel runs (validation commands, git) goes through it, so the
 * guarantees hold everywhere:
 * - a deadline: at `timeoutMs` (or on abort) the child's whole process group gets SIGTERM, and SIGKILL after
 *   `killGraceMs` if anything in it is still alive — a command that ignores SIGTERM still ends;
 * - bounded memory: each stream keeps its head and tail (64 KiB in all by default), whatever is printed, and
 *   reading it allocates nothing per read (see `openOutputs`);
 * - no secrets in what is kept: captured text is redacted before anyone sees it;
 * - no shell: `spawn` never gets `shell: true`; the only shell is an explicit `/bin/sh -c` from `shellCommand`.
 *
 * The child leads its own process group (`detached: true`, which also starts a new session: no controlling
 * terminal, so nothing can stop to prompt on a tty). Once the child itself has exited, descendants that still
 * hold its stdout/stderr get `killGraceMs` to finish, then the group is ended the same way: a command's
 * leftovers are part of the command, and a run must not wait for a daemon someone forgot to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { redact, redactFragment } from '../base/secrets.ts';
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

async function runCommand(
  spec: CommandSpec,
  config: RunnerConfig,
  signal?: AbortSignal,
): Promise<CommandResult> {
  const started = performance.now();
  if (signal?.aborted) return notStarted(started, 'aborted before start', true);
  const bound = spec.maxStreamBytes ?? config.maxStreamBytes;
  const captures = [new HeadTailCapture(bound), new HeadTailCapture(bound)] as const;
  const outputs = await openOutputs(captures);
  if (signal?.aborted) {
    for (const output of outputs ?? []) output.reader.destroy();
    return notStarted(started, 'aborted before start', true);
  }
  let child: ChildProcess;
  try {
    child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: childEnv(spec.env, spec.replaceEnv === true),
      detached: true,
      stdio: [
        spec.input === undefined ? 'ignore' : 'pipe',
        outputs?.[0]?.writer ?? 'pipe',
        outputs?.[1]?.writer ?? 'pipe',
      ],
      windowsHide: true,
    });
  } catch (error) {
    // Synchronous refusals: a NUL byte in an argument, an invalid option.
    for (const output of outputs ?? []) output.reader.destroy();
    return notStarted(started, errorText(error), false);
  } finally {
    // The child has its own copies now; ours would keep the readers from ever seeing the end.
    for (const output of outputs ?? []) output.writer.destroy();
  }
  let readers: Readable[];
  if (outputs !== null) readers = outputs.map((output) => output.reader);
  else {
    readers = [];
    for (const [stream, capture] of [
      [child.stdout, captures[0]],
      [child.stderr, captures[1]],
    ] as const) {
      if (stream === null) continue;
      stream.on('data', (chunk: Buffer) => capture.push(chunk));
      readers.push(stream);
    }
  }
  return new Execution(child, readers, captures, spec, config, started, signal).done;
}

/**
 * Every read of every output stream lands in this one buffer and is copied into its capture at once: reads
 * are synchronous callbacks, so all readers can share it. Node's default read path allocates a fresh 64 KiB
 * buffer per read, garbage that V8 only collects once some 64 MB of it has piled up: tens of MB of extra RSS
 * while a command prints a gigabyte, all to keep 64 KiB.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
/** Setting up the sockets takes well under a millisecond; past this, plain pipes it is. */
const OUTPUT_SETUP_MS = 2000;

/** One output stream: our reading end, and the end the child writes to. */
interface Output {
  reader: Socket;
  writer: Socket;
}

/**
 * A connected pair of Unix-domain stream sockets per output stream — what `stdio: 'pipe'` gives the child too
 * (libuv makes those with socketpair) — but with the reading end made here, so that it can read into
 * READ_BUFFER (`onread`, which Node does not offer on the pipes it makes for a child). The listening socket
 * lives in a fresh private (0700) directory only while the two connections are made. Null when any of it
 * fails (a TMPDIR too long for a socket path, say): the caller then falls back to plain pipes, still bounded.
 */
async function openOutputs(captures: readonly HeadTailCapture[]): Promise<Output[] | null> {
  const server = createServer({ pauseOnConnect: true });
  const readers: Socket[] = [];
  const writers: Socket[] = [];
  let dir: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    dir = await mkdtemp(join(tmpdir(), 'keel-out-'));
    const path = join(dir, 'out.sock');
    // Each step waits for its event, or for the first error of the server or a reader, or the deadline.
    let fail: (error: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => (fail = reject));
    failure.catch(() => undefined);
    server.on('error', fail);
    timer = setTimeout(() => fail(new Error('output setup timed out')), OUTPUT_SETUP_MS);
    await Promise.race([failure, new Promise<void>((resolve) => server.listen(path, resolve))]);
    for (const capture of captures) {
      const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
      const reader = connect({
        path,
        onread: {
          buffer: READ_BUFFER,
          callback: (bytes: number) => {
            capture.push(READ_BUFFER, 0, bytes);
            return true; // keep reading
          },
        },
      });
      // Once set up, an error just ends the reader ('close' follows), and a late `fail` changes nothing.
      reader.on('error', fail);
      readers.push(reader);
      writers.push(await Promise.race([failure, accepted]));
    }
    return readers.map((reader, i) => ({ reader, writer: writers[i]! }));
  } catch {
    for (const socket of [...readers, ...writers]) socket.destroy();
    return null;
  } finally {
    clearTimeout(timer);
    server.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** One running child and everything that can end it. Settles exactly once, with every timer cleared. */
class Execution {
  readonly done: Promise<CommandResult>;
  readonly #child: ChildProcess;
  readonly #config: RunnerConfig;
  readonly #started: number;
  readonly #signal: AbortSignal | undefined;
  readonly #captures: readonly [HeadTailCapture, HeadTailCapture];
  readonly #readers: readonly Readable[];
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #onAbort = (): void => this.#stop('abort');
  #stopReason: StopReason | undefined;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #openReaders: number;
  #resolve!: (result: CommandResult) => void;
  #settled = false;

  constructor(
    child: ChildProcess,
    readers: readonly Readable[],
    captures: readonly [HeadTailCapture, HeadTailCapture],
    spec: CommandSpec,
    config: RunnerConfig,
    started: number,
    signal?: AbortSignal,
  ) {
    this.#child = child;
    this.#readers = readers;
    this.#captures = captures;
    this.#config = config;
    this.#started = started;
    this.#signal = signal;
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    // Done once the child has exited and both streams are closed (what 'close' means for a child's pipes).
    this.#openReaders = readers.length;
    for (const reader of readers) {
      reader.once('close', () => {
        this.#openReaders--;
        this.#maybeFinish();
      });
    }
    child.on('error', (error) => this.#onError(error, spec.cwd));
    child.on('exit', (code: number | null, sig: NodeJS.Signals | null) => {
      this.#exit = { code, signal: sig };
      this.#onExit();
      this.#maybeFinish();
    });
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
    for (const reader of this.#readers) reader.destroy();
  }

  #onError(error: Error, cwd: string): void {
    // After a successful spawn, errors come from signalling or stdin and 'close' still follows.
    if (this.#child.pid !== undefined) return;
    this.#settle(notStarted(this.#started, `${errorText(error)} (cwd ${cwd})`, false));
  }

  #maybeFinish(): void {
    if (this.#exit !== undefined && this.#openReaders === 0) this.#finish(this.#exit.code, this.#exit.signal);
  }

  #finish(code: number | null, signal: NodeJS.Signals | null): void {
    const secrets = this.#config.secrets().filter((s) => s.length > 0);
    this.#settle({
      exitCode: code,
      signal,
      timedOut: this.#stopReason === 'timeout',
      aborted: this.#stopReason === 'abort',
      stdout: redactedStream(this.#captures[0].parts(), secrets),
      stderr: redactedStream(this.#captures[1].parts(), secrets),
      durationMs: Math.round(performance.now() - this.#started),
    });
  }

  #settle(result: CommandResult): void {
    if (this.#settled) return;
    this.#settled = true;
    for (const timer of this.#timers) clearTimeout(timer);
    // Already closed unless the command never started.
    this.#releaseStreams();
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

function childEnv(env: Record<string, string | undefined> | undefined, replace: boolean): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = replace ? {} : { ...process.env };
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
