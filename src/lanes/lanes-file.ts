/**
 * The lanes file (`keel daemon --lanes FILE`, `keel guard`): which workers exist, the queue each drains,
 * the endpoints each depends on, and — in Actions — the workflow that runs it on which runner labels.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { stateLayout, DEFAULT_STATE_DIR } from '../base/state-layout.ts';
import { findRepoRoot } from '../git/repo-root.ts';
import { MAX_CONCURRENCY } from './lane-concurrency.ts';

const name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected letters, digits, ".", "_" or "-"');

export const laneSchema = z.strictObject({
  name,
  queueFile: z.string().min(1).max(4_096),
  queueStateFile: z.string().min(1).max(4_096),
  /** Endpoint ids (from keel.yml) this lane's models live on: the guard's health floor looks at them. */
  endpoints: z.array(z.string()).max(64).default([]),
  /** `local`: works only with LAN endpoints (a lane on a box that sees the LAN models); `hosted`; `any`. */
  kind: z.enum(['local', 'hosted', 'any']).default('any'),
  /** Keep waiting for new queue lines instead of exiting when the queue is drained. */
  persistent: z.boolean().default(true),
  /** A file whose presence pauses the lane; it holds `{ at, by, reason }`. Default `<stateDir>/lanes/<name>/paused.flag`. */
  pauseFlag: z.string().max(4_096).optional(),
  /** Actions: the workflow file the guard dispatches to start this lane, and the runner labels it runs on. */
  workflow: z.string().max(255).optional(),
  runnerLabels: z.array(z.string().max(100)).max(20).default([]),
  /**
   * Tasks in flight at once, each its own run and worktree: a number, or `auto` (the default): as many as
   * keep the lane's endpoints' slots busy (`lane-concurrency.ts`). `keel lane --concurrency` overrides it.
   */
  concurrency: z
    .union([z.number().int().min(1).max(MAX_CONCURRENCY), z.literal('auto')], {
      error: `expected a whole number from 1 to ${MAX_CONCURRENCY}, or "auto"`,
    })
    .default('auto'),
  /** Extra arguments for the lane's `keel lane` process under the daemon. */
  args: z.array(z.string().max(4_096)).max(50).default([]),
});

export const guardSchema = z
  .strictObject({
    probeIntervalMs: z.number().int().positive().default(60_000),
    capabilityIntervalMs: z.number().int().positive().default(900_000),
    cycleIntervalMs: z.number().int().positive().default(60_000),
    /** A pause flag older than this is stale (forgotten manual pauses would starve the fleet). */
    stalePauseMs: z
      .number()
      .int()
      .positive()
      .default(6 * 3_600_000),
    maxStartsPerCycle: z.number().int().min(0).max(100).default(2),
    /** Share of a lane's endpoints that must be healthy before the guard starts it. */
    healthFloor: z.number().min(0).max(1).default(0.5),
    allow: z.array(name).default([]),
    deny: z.array(name).default([]),
    /** Raise `persistent_idle_condition` after this many consecutive idle cycles. */
    idleCyclesBeforeAlert: z.number().int().min(1).default(3),
    /** A lane's (or a run's) heartbeat older than this means nobody is running it. */
    heartbeatStaleMs: z.number().int().positive().default(120_000),
    /**
     * After the guard starts a lane it counts as starting, not idle, this long: a spawned process needs a
     * moment for its first heartbeat, and a dispatched workflow may queue for minutes for a runner.
     */
    startGraceMs: z.number().int().positive().default(300_000),
    /**
     * Resumes dispatched per cycle. One by default: keel.yml's concurrency group cancels a pending run when
     * another is queued, so a burst of resumes to that workflow would mostly cancel each other.
     */
    maxResumesPerCycle: z.number().int().min(0).max(100).default(1),
    /** A resume that did not take (the run is still interrupted, unchanged) is dispatched again after this. */
    resumeRetryMs: z.number().int().positive().default(3_600_000),
    recycle: z
      .strictObject({
        enabled: z.boolean().default(false),
        afterMs: z
          .number()
          .int()
          .positive()
          .default(24 * 3_600_000),
        maxPerCycle: z.number().int().min(0).default(5),
        maxPerTask: z.number().int().min(0).default(3),
      })
      .prefault({}),
  })
  .prefault({});

export const lanesFileSchema = z.strictObject({
  version: z.literal(1),
  stateDir: z.string().max(4_096).default(DEFAULT_STATE_DIR),
  lanes: z.array(laneSchema).min(1).max(100),
  guard: guardSchema,
});

export type LaneConfig = z.output<typeof laneSchema>;
export type GuardSettings = z.output<typeof guardSchema>;
export type LanesFile = z.output<typeof lanesFileSchema>;

export class LanesFileError extends Error {
  override name = 'LanesFileError';
  readonly expected = true;
}

/**
 * Reads and validates a lanes file; relative paths in it are resolved against the repository's root (the
 * file's folder outside a repository).
 */
export async function loadLanesFile(path: string): Promise<LanesFile> {
  let raw: unknown;
  try {
    raw = parse(await readFile(path, 'utf8'), { maxAliasCount: 32 });
  } catch (error) {
    throw new LanesFileError(`${path}: ${(error as Error).message}`);
  }
  const parsed = lanesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new LanesFileError(lines.join('\n'));
  }
  const names = new Set<string>();
  for (const lane of parsed.data.lanes) {
    if (names.has(lane.name)) throw new LanesFileError(`${path}: lanes: duplicate lane name "${lane.name}"`);
    names.add(lane.name);
  }
  // Relative paths are the repository's (the root holding .git), wherever the lanes file sits: the state
  // directory is the root's .keel for the lanes as it is for the Action. Outside a repository, the file's folder.
  const base = findRepoRoot(dirname(resolve(path))) ?? dirname(resolve(path));
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const stateDir = at(parsed.data.stateDir);
  return {
    ...parsed.data,
    stateDir,
    lanes: parsed.data.lanes.map((lane) => ({
      ...lane,
      queueFile: at(lane.queueFile),
      queueStateFile: at(lane.queueStateFile),
      pauseFlag:
        lane.pauseFlag !== undefined
          ? at(lane.pauseFlag)
          : stateLayout(resolve(stateDir)).lane(lane.name).pauseFlag,
    })),
  };
}

/**
 * Each lane's `endpoints` against the configuration's endpoint ids: a lane naming one that keel.yml does not
 * declare (a typo: "olama") is a configuration error before anything starts, as an unknown endpoint in a role
 * is — not a lane whose health floor silently never counts it.
 */
export function checkLaneEndpoints(path: string, lanes: LanesFile, declared: readonly string[]): void {
  const problems: string[] = [];
  lanes.lanes.forEach((lane, i) =>
    lane.endpoints.forEach((id, j) => {
      if (!declared.includes(id))
        problems.push(
          `${path}: lanes.${i}.endpoints.${j}: unknown endpoint "${id}" (declared: ${declared.join(', ')})`,
        );
    }),
  );
  if (problems.length > 0) throw new LanesFileError(problems.join('\n'));
}
