/** Scaffolding for the lane tests: lanes in this process with a stub engine, and reading what they left. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../src/base/clock.ts';
import type { LaneEngine, LaneRunOutcome } from '../../src/lanes/lane-engine.ts';
import { LaneRunner, type LaneRunnerOptions } from '../../src/lanes/lane-runner.ts';
import { ClaimStore } from '../../src/queue/claim-store.ts';
import type { ClaimEntry } from '../../src/queue/claim-state.ts';
import type { QueueTask } from '../../src/queue/types.ts';
import { EventLog, readEvents } from '../../src/telemetry/event-log.ts';
import { CLI } from '../run/helpers/run-fixture.ts';

export interface EngineCall {
  lane: string;
  taskId: string;
  runId: string;
  resumed: boolean;
}

/** An engine that answers `outcome(task)` after `delayMs(task)` of real time, and records every call. */
export function stubEngine(
  lane: string,
  calls: EngineCall[],
  outcome: (
    task: QueueTask,
    signal: AbortSignal,
  ) => Partial<LaneRunOutcome> | Promise<Partial<LaneRunOutcome>> = () => ({}),
  delayMs: (task: QueueTask) => number = () => 0,
): LaneEngine {
  return async (task, ctx) => {
    calls.push({ lane, taskId: task.id, runId: ctx.runId, resumed: ctx.resumed });
    const ms = delayMs(task);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return { status: 'completed', runId: ctx.runId, ...(await outcome(task, ctx.signal)) };
  };
}

export interface TestLaneOptions extends Partial<LaneRunnerOptions> {
  lane: string;
  dir: string;
  queueFile: string;
  stateFile: string;
  engine: LaneEngine;
  clock?: Clock;
}

/** A lane with its own claim store on the shared file, events in `<dir>/lanes/<name>/events.ndjson`. */
export function testLane(options: TestLaneOptions): LaneRunner {
  const laneDir = join(options.dir, 'lanes', options.lane);
  const events = new EventLog({ path: join(laneDir, 'events.ndjson'), redact: (t) => t });
  return new LaneRunner({
    lanes: ['l0', 'l1', 'l2', 'l3', 'solo'],
    store: new ClaimStore({
      path: options.stateFile,
      lockBackoffMs: 5,
      lockAttempts: 12,
      ...(options.clock ? { clock: options.clock } : {}),
      log: (event) => void events.append(event),
    }),
    events,
    heartbeatFile: join(laneDir, '.heartbeat'),
    pauseFlag: join(laneDir, 'paused.flag'),
    pollMs: 5,
    ...options,
  });
}

export async function laneEvents(dir: string, lane: string) {
  return (await readEvents(join(dir, 'lanes', lane, 'events.ndjson'))).events;
}

export async function claimEntries(stateFile: string): Promise<ClaimEntry[]> {
  const store = new ClaimStore({ path: stateFile });
  await store.refresh();
  return store.entries();
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** Polls `check` until it holds; a liveness bound, not a timing assertion. `explain` says what it saw. */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 20_000,
  explain?: () => Promise<string> | string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`still waiting for: ${what}${explain ? `\n${await explain()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The claim states, counted: what a failed wait prints. */
export function summary(entries: ClaimEntry[], expected: number): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
  const odd = entries.filter((e) => e.state !== 'done').map((e) => `${e.id}: ${e.state} ${e.detail ?? ''}`);
  return `${entries.length} of ${expected} claimed; ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}\n${odd.join('\n')}`;
}

export interface LaneProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited and its output is read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` at the first line matching `pattern` (after `delayMs`). */
  killOn(pattern: RegExp, signal: NodeJS.Signals, delayMs?: number): void;
}

/** `node src/cli.ts lane …args` as a child process, with the fixture's clean git environment. */
export function spawnLane(args: string[], env: Record<string, string> = {}): LaneProcess {
  const child = spawn(process.execPath, [CLI, 'lane', ...args], {
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let watch: { pattern: RegExp; signal: NodeJS.Signals; delayMs: number } | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (watch && watch.pattern.test(text)) {
        const { signal, delayMs } = watch;
        watch = undefined;
        setTimeout(() => child.kill(signal), delayMs);
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    output: () => text,
    exited,
    killOn: (pattern, signal, delayMs = 0) => {
      watch = { pattern, signal, delayMs };
    },
  };
}
