/**
 * One incarnation of a supervised child: spawned as the leader of its own process group (so that stopping
 * it reaches whatever it started, see `exec/process-group.ts`), its stdout and stderr streamed into its
 * log, its exit observed. The watchdog decides when to start and stop; this module only knows how.
 *
 * Stopping is bounded: SIGTERM to the group, then — when the leader or anything else in the group is still
 * there after `graceMs` on the injected clock — SIGKILL to the group. The same stop also runs after a child
 * died on its own, because a crashed lane's own children (a validation command, a git process) are
 * leftovers of the crash and must not run on beside its replacement. Only groups this module spawned are
 * ever signalled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Clock } from '../base/clock.ts';
import { groupAlive, signalGroup } from '../exec/process-group.ts';
import type { SupervisedLog } from './supervised-log.ts';

/** While waiting for a group's leftovers to go (they are not our children: nothing tells us). */
const GROUP_POLL_MS = 50;

export interface ProcessSpec {
  command: string;
  args: readonly string[];
  cwd?: string;
  /** The child's complete environment (not merged with ours here). */
  env?: NodeJS.ProcessEnv;
}

/** How the leader ended; `error` when it could not be spawned at all (no pid, no code, no signal). */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
}

export interface StopOutcome {
  /** SIGTERM was not enough within the grace: the group got SIGKILL. */
  escalated: boolean;
}

export class SupervisedProcess {
  /** Undefined when the spawn failed; `exited` then resolves at once with the error. */
  readonly pid: number | undefined;
  /** Resolves when the leader has exited (and been reaped). Never rejects. */
  readonly exited: Promise<ProcessExit>;
  readonly #child: ChildProcess | undefined;
  readonly #closed: Promise<void>;
  readonly #log: SupervisedLog | undefined;
  #exit: ProcessExit | undefined;

  private constructor(child: ChildProcess | undefined, log: SupervisedLog | undefined, spawnError?: string) {
    this.#child = child;
    this.#log = log;
    this.pid = child?.pid;
    if (child === undefined || child.pid === undefined) {
      // Synchronous refusal, or an asynchronous one ('error' without a pid: ENOENT, EACCES) below.
      let settle!: (exit: ProcessExit) => void;
      this.exited = new Promise((resolve) => (settle = resolve));
      this.#closed = Promise.resolve();
      if (spawnError !== undefined) settle(this.#record({ code: null, signal: null, error: spawnError }));
      child?.once('error', (error) =>
        settle(this.#record({ code: null, signal: null, error: error.message })),
      );
      return;
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve(this.#record({ code, signal })));
    });
    this.#closed = new Promise((resolve) => child.once('close', () => resolve()));
    // After a successful spawn, 'error' only reports a failed kill() or a stdio problem: 'exit' still follows.
    child.on('error', () => undefined);
    if (child.stdout) this.#pipe(child.stdout);
    if (child.stderr) this.#pipe(child.stderr);
  }

  /** Starts the child. Never throws: a spawn that fails is a process that exited at once, with `error`. */
  static spawn(spec: ProcessSpec, log?: SupervisedLog): SupervisedProcess {
    let child: ChildProcess;
    try {
      child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env: spec.env,
        // Its own process group (and session: no controlling terminal, so Ctrl-C in the daemon's terminal
        // reaches the daemon only, which then stops the children in order).
        detached: true,
        stdio: ['ignore', log ? 'pipe' : 'ignore', log ? 'pipe' : 'ignore'],
        windowsHide: true,
      });
    } catch (error) {
      return new SupervisedProcess(undefined, log, error instanceof Error ? error.message : String(error));
    }
    return new SupervisedProcess(child, log);
  }

  /** The exit, once the leader has exited. */
  get exit(): ProcessExit | undefined {
    return this.#exit;
  }

  /**
   * Ends the child and everything left in its group; resolves once the leader has exited and its output is
   * in the log. Safe to call after the child died on its own (then it only sweeps leftovers) and twice.
   */
  async stop(graceMs: number, clock: Clock): Promise<StopOutcome> {
    const pid = this.pid;
    if (pid === undefined) return { escalated: false };
    let escalated = false;
    // Before the exit is seen the leader is at worst a zombie, so its pid (= the group id) cannot have been
    // reused; after it, only a group that still has members is signalled.
    if (this.#exit === undefined || groupAlive(pid)) {
      signalGroup(pid, 'SIGTERM');
      const gone = await within(graceMs, clock, async (signal) => {
        await this.exited;
        while (groupAlive(pid)) await clock.sleep(GROUP_POLL_MS, signal);
      });
      if (!gone) {
        signalGroup(pid, 'SIGKILL');
        escalated = true;
        await this.exited;
      }
    }
    // A descendant that left the group (setsid) may still hold our pipes: give it the grace, then let go.
    if (!(await within(graceMs, clock, () => this.#closed))) {
      this.#child?.stdout?.destroy();
      this.#child?.stderr?.destroy();
    }
    await this.#log?.flush();
    return { escalated };
  }

  #record(exit: ProcessExit): ProcessExit {
    this.#exit ??= exit;
    return this.#exit;
  }

  #pipe(stream: Readable): void {
    const log = this.#log;
    if (!log) return;
    stream.on('data', (chunk: Buffer) => {
      // Backpressure: the child blocks on a full pipe while its last chunk is being written.
      stream.pause();
      void log.write(chunk).then(() => stream.resume());
    });
    stream.on('error', () => undefined);
  }
}

/**
 * Runs `work` against a deadline of `ms` on `clock`; true when it finished first. The loser is cancelled
 * (its sleep aborted), so no timer outlives the call.
 */
async function within(
  ms: number,
  clock: Clock,
  work: (signal: AbortSignal) => Promise<void>,
): Promise<boolean> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      work(controller.signal).then(
        () => true,
        () => true,
      ),
      clock.sleep(ms, controller.signal).then(
        () => false,
        () => true,
      ),
    ]);
  } finally {
    controller.abort();
  }
}
