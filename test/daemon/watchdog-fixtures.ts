/**
 * Test doubles for the watchdog and daemon tests: a manual clock (the watchdog's backoff, heartbeat checks
 * and grace periods all sleep on it, so a test decides when time passes), a stand-in child script (real
 * processes: they heartbeat, crash, ignore SIGTERM, record their argv), and an event recorder to await.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/base/clock.ts';
import { groupAlive, signalGroup } from '../../src/exec/process-group.ts';
import type { WatchdogEvent } from '../../src/daemon/watchdog.ts';
import { waitForExit } from '../exec/helpers.ts';

interface Sleeper {
  at: number;
  ms: number;
  resolve: () => void;
}

/** A clock that moves only when told to. `sleep` waits until `advance` passes its due time. */
export class ManualClock implements Clock {
  #now: number;
  #sleepers = new Set<Sleeper>();
  #onSleep = new Set<() => void>();

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const sleeper: Sleeper = {
        at: this.#now + Math.max(0, ms),
        ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#sleepers.delete(sleeper);
        reject(new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.add(sleeper);
      for (const notify of [...this.#onSleep]) notify();
    });
  }

  /** Moves time on and wakes every sleeper that is due, earliest first. */
  advance(ms: number): void {
    this.#now += ms;
    const due = [...this.#sleepers].filter((s) => s.at <= this.#now).sort((a, b) => a.at - b.at);
    for (const sleeper of due) {
      this.#sleepers.delete(sleeper);
      sleeper.resolve();
    }
  }

  /** Durations of the sleeps now pending. */
  pending(): number[] {
    return [...this.#sleepers].map((s) => s.ms);
  }

  /** Resolves once a sleep of exactly `ms` is pending (someone is waiting on the clock for that long). */
  waitForSleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (![...this.#sleepers].some((s) => s.ms === ms)) return;
        this.#onSleep.delete(check);
        resolve();
      };
      this.#onSleep.add(check);
      check();
    });
  }
}

/**
 * Moves `clock` on in steps of `stepMs`, each once something sleeps for that long, until `until` settles;
 * at most `maxSteps` steps (then it throws, so a broken build fails instead of hanging). For a poll whose
 * next sleep may begin just before or just after a file the test writes shows up.
 */
export async function advanceUntil<T>(
  clock: ManualClock,
  stepMs: number,
  until: Promise<T>,
  maxSteps = 20,
): Promise<T> {
  let done = false;
  void until.then(() => (done = true));
  for (let step = 0; step < maxSteps; step++) {
    await Promise.race([clock.waitForSleep(stepMs), until]);
    if (done) return until;
    clock.advance(stepMs);
  }
  return Promise.race([
    until,
    Promise.reject(new Error(`not settled after ${maxSteps} steps of ${stepMs} ms`)),
  ]);
}

/** Records events and lets a test await the first (past or future) one that matches. */
export class EventRecorder {
  readonly events: WatchdogEvent[] = [];
  #waiters: { match: (e: WatchdogEvent) => boolean; resolve: (e: WatchdogEvent) => void }[] = [];

  readonly push = (event: WatchdogEvent): void => {
    this.events.push(event);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!waiter.match(event)) return true;
      waiter.resolve(event);
      return false;
    });
  };

  waitFor<T extends WatchdogEvent['type']>(
    type: T,
    match: (event: Extract<WatchdogEvent, { type: T }>) => boolean = () => true,
  ): Promise<Extract<WatchdogEvent, { type: T }>> {
    const fits = (event: WatchdogEvent): event is Extract<WatchdogEvent, { type: T }> =>
      event.type === type && match(event as Extract<WatchdogEvent, { type: T }>);
    const past = this.events.find(fits);
    if (past) return Promise.resolve(past);
    return new Promise((resolve) =>
      this.#waiters.push({ match: fits, resolve: (e) => resolve(e as Extract<WatchdogEvent, { type: T }>) }),
    );
  }

  /** The `index`-th (from 0) event of `type`, past or future. */
  nth<T extends WatchdogEvent['type']>(type: T, index: number): Promise<Extract<WatchdogEvent, { type: T }>> {
    let seen = -1;
    // Counts every matching event from the start; the recorder never forgets, so this is stable.
    return this.waitFor(type, () => {
      seen++;
      return seen === index;
    });
  }

  count(type: WatchdogEvent['type']): number {
    return this.events.filter((e) => e.type === type).length;
  }

  /** Every pid a child was started with (for the cleanup). */
  pids(): number[] {
    return this.events.flatMap((e) => (e.type === 'child_started' ? [e.pid] : []));
  }
}

/**
 * The stand-in child. Environment:
 * - `CHILD_MODE`: `beat` (default) heartbeats every 50 ms into `KEEL_HEARTBEAT_FILE` when that is set;
 *   `crash` exits with code 3 at once; `ignore-term` also ignores SIGTERM; `exit:N` records itself, then
 *   exits with code N (a lane that drained its queue: `exit:0`).
 * - `CHILD_MODE_MATCH`: when set, `CHILD_MODE` applies only to a child whose arguments (joined by spaces)
 *   contain it; the others beat.
 * - `CHILD_CONTROL`: a directory; a file `<pid>.stop` there makes it stop heartbeating (it acknowledges with
 *   `<pid>.stopped`), per pid so that the restarted incarnation beats again.
 * - `CHILD_RECORD`: a file to which it appends `{ pid, argv, heartbeatFile }` once it is set up.
 */
const CHILD_SCRIPT = `
import { appendFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const match = process.env.CHILD_MODE_MATCH;
const mode = match === undefined || process.argv.slice(2).join(' ').includes(match) ? (process.env.CHILD_MODE ?? 'beat') : 'beat';
const file = process.env.KEEL_HEARTBEAT_FILE;
const control = process.env.CHILD_CONTROL;
console.log('child ' + process.pid + ' up: ' + process.argv.slice(2).join(' '));
console.error('child ' + process.pid + ' on stderr');
if (mode === 'crash') process.exit(3);
if (mode === 'ignore-term') process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
let beating = true;
const tick = () => {
  if (beating && control && existsSync(join(control, process.pid + '.stop'))) {
    beating = false;
    writeFileSync(join(control, process.pid + '.stopped'), '');
  }
  if (!beating || !file) return;
  mkdirSync(dirname(file), { recursive: true });
  const temp = file + '.' + process.pid + '.tmp';
  writeFileSync(temp, JSON.stringify({ pid: process.pid, at: Date.now() }));
  renameSync(temp, file);
};
tick();
setInterval(tick, 50);
if (process.env.CHILD_RECORD) {
  appendFileSync(process.env.CHILD_RECORD, JSON.stringify({ pid: process.pid, argv: process.argv.slice(2), heartbeatFile: file ?? null }) + '\\n');
}
if (mode.startsWith('exit:')) process.exit(Number(mode.slice(5)));
`;

export interface Sandbox {
  dir: string;
  script: string;
  control: string;
  record: string;
  cleanup(): Promise<void>;
}

export async function makeSandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'keel-watchdog-'));
  const script = join(dir, 'child.mjs');
  await writeFile(script, CHILD_SCRIPT);
  return {
    dir,
    script,
    control: dir,
    record: join(dir, 'record.ndjson'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface ChildRecord {
  pid: number;
  argv: string[];
  heartbeatFile: string | null;
}

export async function readRecords(path: string): Promise<ChildRecord[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ChildRecord);
}

/**
 * Polls a real-world condition (a file written by another process, a pid gone): a bounded wait, not a timing
 * assertion — the bound is only there so that a broken build fails instead of hanging.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  boundMs = 10_000,
): Promise<T> {
  for (let waited = 0; ; waited += 20) {
    const value = await probe();
    if (value !== undefined) return value;
    if (waited >= boundMs) throw new Error(`condition not met within ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** SIGKILLs each group (our children lead their own) and waits until every pid is gone. */
export async function killAll(pids: Iterable<number>): Promise<void> {
  const list = [...new Set(pids)];
  for (const pid of list) if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  for (const pid of list) await waitForExit(pid);
}
