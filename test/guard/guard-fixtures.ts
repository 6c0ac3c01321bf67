/**
 * A little world for guard tests: lanes, endpoints whose health the test sets, queue depths, lane
 * activity, pause flags and interrupted runs held in memory, effects that record what the guard did, and
 * a clock the test moves by hand. `cycle()` runs one real `runGuardCycle` against it, writing the guard's
 * files under a temporary directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/base/clock.ts';
import type { HealthProbe } from '../../src/fleet/probe.ts';
import {
  runGuardCycle,
  type GuardCycleOutcome,
  type GuardCycleReport,
  type GuardEvent,
  type IdleAlert,
  type InterruptedRun,
  type LaneActivity,
} from '../../src/guard/guard.ts';
import { lanesFileSchema, type LanesFile } from '../../src/lanes/lanes-file.ts';
import type { PauseClearNote, PauseFlag } from '../../src/lanes/pause-flags.ts';
import { endpoint, testConfig } from '../helpers/config.ts';

export const START = Date.parse('2026-11-23T10:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = START): ManualClock {
  let now = start;
  return {
    now: () => now,
    // Guard cycles never sleep (the loop test brings its own clock): anything that does is a bug here.
    sleep: () => Promise.reject(new Error('the manual clock does not sleep')),
    advance: (ms) => {
      now += ms;
    },
  };
}

export interface LaneSpec {
  name: string;
  endpoints?: string[];
  kind?: 'local' | 'hosted' | 'any';
  workflow?: string;
}

export interface WorldOptions {
  lanes: LaneSpec[];
  endpoints?: string[];
  guard?: Record<string, unknown>;
}

export interface World {
  dir: string;
  clock: ManualClock;
  lanesFile: LanesFile;
  /** Endpoint id → healthy; `unreachable` is not probed from here; missing is healthy. */
  health: Map<string, boolean | 'unreachable'>;
  queued: Map<string, number | Error>;
  activity: Map<string, LaneActivity['state'] | Error>;
  pauses: Map<string, PauseFlag>;
  runs: InterruptedRun[];
  /** Finished tasks per lane that recycling would reopen. */
  backlog: Map<string, number>;
  recycledLanes: string[];
  /** When set, a lane the guard starts reports `active` from then on (it came up). */
  startsTakeEffect: boolean;
  failStart: Set<string>;
  failAlert: boolean;
  /** Awaited by every queue-depth read: holds a cycle mid-way. */
  hold?: Promise<void>;
  started: string[];
  cleared: { lane: string; flag: PauseFlag; note: PauseClearNote }[];
  resumed: string[];
  raised: IdleAlert[];
  resolvedAlerts: string[];
  events: GuardEvent[];
  probes: number;
  scans: number;
  cycle(): Promise<GuardCycleReport>;
  /** One cycle, busy or not. */
  run(): Promise<GuardCycleOutcome>;
  close(): Promise<void>;
}

export async function makeWorld(options: WorldOptions): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'keel-guard-'));
  const ids = options.endpoints ?? ['lan-a', 'lan-b'];
  const config = testConfig({
    endpoints: ids.map((id) => endpoint(id)),
    roles: { coder: ids.map((id) => `${id}/m`) },
  });
  const lanesFile = lanesFileSchema.parse({
    version: 1,
    stateDir: dir,
    lanes: options.lanes.map((lane) => ({
      name: lane.name,
      queueFile: `${lane.name}.ndjson`,
      queueStateFile: `${lane.name}.state.json`,
      endpoints: lane.endpoints ?? ids,
      kind: lane.kind ?? 'local',
      ...(lane.workflow !== undefined ? { workflow: lane.workflow } : {}),
    })),
    guard: options.guard ?? {},
  });
  const clock = manualClock();
  const world: World = {
    dir,
    clock,
    lanesFile,
    health: new Map(),
    queued: new Map(),
    activity: new Map(),
    pauses: new Map(),
    runs: [],
    backlog: new Map(),
    recycledLanes: [],
    startsTakeEffect: false,
    failStart: new Set(),
    failAlert: false,
    started: [],
    cleared: [],
    resumed: [],
    raised: [],
    resolvedAlerts: [],
    events: [],
    probes: 0,
    scans: 0,
    cycle: async () => {
      const outcome = await world.run();
      if (outcome.kind !== 'ran') throw new Error('the guard lock was busy');
      return outcome.report;
    },
    run: () =>
      runGuardCycle({
        lanesFile,
        config,
        clock,
        guardDir: join(dir, 'guard'),
        actor: 'test-guard',
        effects: {
          probe: async (e) => {
            world.probes += 1;
            const health = world.health.get(e.id) ?? true;
            if (health === 'unreachable') return undefined;
            const probe: HealthProbe = {
              endpointId: e.id,
              healthy: health,
              latencyMs: 5,
              models: health ? ['m'] : [],
              checkedAt: clock.now(),
              ...(health ? {} : { error: 'connection refused' }),
            };
            return probe;
          },
          scan: async (e) => {
            world.scans += 1;
            return {
              endpointId: e.id,
              flavor: 'vllm',
              models: ['m'],
              contextWindows: { m: 8192 },
              checkedAt: clock.now(),
            };
          },
          queueDepth: async (lane) => {
            await world.hold;
            const queued = world.queued.get(lane.name) ?? 0;
            if (queued instanceof Error) throw queued;
            return queued;
          },
          laneActive: async (lane) => {
            const state = world.activity.get(lane.name) ?? 'inactive';
            if (state instanceof Error) throw state;
            return { state, detail: `fake ${state}` };
          },
          startLane: async (lane) => {
            if (world.failStart.has(lane.name)) throw new Error('spawn failed');
            world.started.push(lane.name);
            if (world.startsTakeEffect) world.activity.set(lane.name, 'active');
          },
          pauseFlags: {
            read: async (lane) => world.pauses.get(lane.name),
            clear: async (lane, flag, note) => {
              world.cleared.push({ lane: lane.name, flag, note });
              world.pauses.delete(lane.name);
            },
          },
          interruptedRuns: async () => world.runs.map((run) => ({ ...run })),
          recycle: async (lane) => {
            world.recycledLanes.push(lane.name);
            const reopened = world.backlog.get(lane.name) ?? 0;
            world.backlog.delete(lane.name);
            const queued = world.queued.get(lane.name);
            world.queued.set(lane.name, (typeof queued === 'number' ? queued : 0) + reopened);
            return reopened;
          },
          dispatchResume: async (run) => {
            world.resumed.push(run.runId);
          },
          alerts: {
            raise: async (alert) => {
              if (world.failAlert) throw new Error('GitHub is down');
              world.raised.push(alert);
            },
            resolve: async (alert) => {
              world.resolvedAlerts.push(alert.lane);
            },
          },
          events: (event) => world.events.push(event),
        },
      }),
    close: () => rm(dir, { recursive: true, force: true }),
  };
  return world;
}

/** The report's entry for one lane. */
export function laneOf(report: GuardCycleReport, name: string) {
  const lane = report.lanes.find((entry) => entry.lane === name);
  if (!lane) throw new Error(`no lane ${name} in the report`);
  return lane;
}

export function eventsOf<T extends GuardEvent['type']>(
  world: World,
  type: T,
): Extract<GuardEvent, { type: T }>[] {
  return world.events.filter((event): event is Extract<GuardEvent, { type: T }> => event.type === type);
}
