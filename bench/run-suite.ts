/**
 * `npm run bench -- run [checkpoint] [resume] [capture] [--iterations N] [--dir PATH]`: the run's persistence
 * and its command runner, one JSON line per scenario, targets printed beside the figures (never asserted).
 *
 * checkpoint — `TaskStateStore.save` (lock with pid + token, temp file, fsync, rename, directory fsync,
 * unlock) against a bare `open(temp) + write + fsync + rename` of the same state, on a realistic state of
 * 1,000 subtasks. `JSON.stringify` is inside BOTH timings (the store serialises on its write path, so the
 * bare writer does too): the ratio is what the store's safety costs on top of a plain atomic write.
 * The two alternate iteration by iteration, so drift in the machine's load hits both alike.
 *
 * resume — see resume-bench.ts.
 *
 * capture — see capture-bench.ts.
 */
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskStateStore } from '../src/run/state-store.ts';
import { runStateSchema, RUN_STATE_VERSION, type RunState, type StepRecord } from '../src/run/state.ts';
import { capture } from './capture-bench.ts';
import { emit, percentileOf, round } from './lib/measure.ts';
import { resume } from './resume-bench.ts';

const SUBTASKS = 1_000;

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  const wanted = (name: string): boolean => options.only.size === 0 || options.only.has(name);
  const base = options.dir ?? (await mkdtemp(join(tmpdir(), 'keel-bench-run-')));
  try {
    if (wanted('checkpoint')) await checkpoint(join(base, 'checkpoint'), options.iterations);
    if (wanted('resume'))
      await resume(join(base, 'resume'), Math.min(options.iterations, 20), realisticState(SUBTASKS));
    if (wanted('capture')) await capture(Math.min(options.iterations, 5));
  } finally {
    if (options.dir === undefined) await rm(base, { recursive: true, force: true });
  }
}

async function checkpoint(dir: string, iterations: number): Promise<void> {
  const state = realisticState(SUBTASKS);
  const bytes = Buffer.byteLength(`${JSON.stringify(state)}\n`);
  const store = new TaskStateStore({ runDir: join(dir, 'store') });
  const bareDir = join(dir, 'bare');
  await mkdir(bareDir, { recursive: true });
  const bare = (): Promise<void> => bareWrite(join(bareDir, 'state.json'), state);
  const saveStore = (): Promise<void> => store.save(state);

  const warmup = Math.max(5, Math.floor(iterations / 10));
  for (let i = 0; i < warmup; i++) {
    await saveStore();
    await bare();
  }
  const timings = { store: [] as number[], bare: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    // Alternate which goes first as well, so neither always follows the other's fsync.
    const order = i % 2 === 0 ? (['store', 'bare'] as const) : (['bare', 'store'] as const);
    for (const name of order) {
      const t0 = performance.now();
      await (name === 'store' ? saveStore() : bare());
      timings[name].push(performance.now() - t0);
    }
  }
  const store50 = percentileOf(timings.store, 50);
  const store99 = percentileOf(timings.store, 99);
  const bare50 = percentileOf(timings.bare, 50);
  const bare99 = percentileOf(timings.bare, 99);
  emit({
    scenario: 'checkpoint',
    subtasks: SUBTASKS,
    bytes,
    iterations,
    serialization: 'JSON.stringify inside both timings',
    store: { p50Ms: round(store50), p99Ms: round(store99) },
    bare: { p50Ms: round(bare50), p99Ms: round(bare99) },
    p50Ratio: round(store50 / bare50),
    p99Ratio: round(store99 / bare99),
    target: 'p50Ratio <= 1.5',
  });
}

/** The baseline: what any careful program does to replace a file, and nothing more. */
async function bareWrite(path: string, state: RunState): Promise<void> {
  const json = `${JSON.stringify(state)}\n`;
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(json);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/**
 * A run late in its life: a plan of `subtasks` subtasks in 10 milestones, a `code:*` step per subtask
 * (most done with a commit, every 12th failed with a redacted error), batches, issues for the failures,
 * and a fleet state. Validated once, so the bench measures a state the engine could really write.
 */
export function realisticState(subtasks: number): RunState {
  const start = Date.UTC(2025, 0, 1);
  const perMilestone = Math.ceil(subtasks / 10);
  const ids = Array.from({ length: subtasks }, (_, i) => `sub-${String(i).padStart(4, '0')}`);
  const steps: Record<string, StepRecord> = {
    plan: {
      id: 'plan',
      status: 'done',
      attempts: 1,
      startedAt: start,
      endedAt: start + 9_000,
      model: 'lan-a/qwen2.5-coder:7b',
    },
  };
  const effects: RunState['effects'] = {};
  ids.forEach((id, i) => {
    const stepId = `code:${id}`;
    const failed = i % 12 === 11;
    steps[stepId] = {
      id: stepId,
      status: failed ? 'failed' : 'done',
      attempts: failed ? 3 : 1 + (i % 5 === 0 ? 1 : 0),
      startedAt: start + 10_000 + i * 1_000,
      endedAt: start + 10_000 + i * 1_000 + 45_000,
      model: i % 7 === 0 ? 'openai/gpt-5-nano' : `lan-${i % 2 ? 'a' : 'b'}/qwen2.5-coder:7b`,
      ...(failed
        ? {
            error: `coder: every candidate failed for ${stepId} (attempts: lan-a/qwen2.5-coder:7b timeout, lan-b/qwen2.5-coder:7b stream_cut, openai/gpt-5-nano rate_limited) — last server message: ${'upstream busy; '.repeat(12)}`,
          }
        : { commit: hex(i, 40), result: { filesChanged: 1 + (i % 4), linesAdded: 10 + (i % 90) } }),
    };
    if (failed) {
      const marker = `<!-- keel:run=bench-run step=${stepId} -->`;
      effects[`issue:${stepId}`] = {
        kind: 'issue',
        marker,
        ref: `https://github.com/o/r/issues/${100 + i}`,
        createdAt: start + i,
      };
    }
  });
  const state: RunState = {
    version: RUN_STATE_VERSION,
    runId: 'bench-run',
    task: {
      text: `Migrate the service layer to the new storage API. ${'Keep behaviour identical; add tests. '.repeat(20)}`,
      source: 'cli',
    },
    status: 'running',
    createdAt: start,
    updatedAt: start + 2_000_000,
    repo: {
      root: '/home/runner/work/repo/repo',
      baseBranch: 'main',
      baseSha: hex(1, 40),
      workBranch: 'keel/bench-run',
      worktree: '/home/runner/work/repo/repo/.keel/worktrees/bench-run',
    },
    plan: {
      milestones: Array.from({ length: 10 }, (_, m) => ({
        id: `m${m + 1}`,
        title: `Milestone ${m + 1}: storage layer part ${m + 1}`,
        subtasks: ids.slice(m * perMilestone, (m + 1) * perMilestone).map((id, k) => ({
          id,
          title: `Port ${id} to the new storage API`,
          files: [
            `src/services/${id}.ts`,
            `test/services/${id}.test.ts`,
            ...(k % 3 === 0 ? ['src/storage/index.ts'] : []),
          ],
          instructions: `Replace the legacy calls in src/services/${id}.ts with the StorageClient API. ${'Handle NotFound as undefined, keep the retry semantics, and update the unit tests accordingly. '.repeat(3)}`,
        })),
      })),
      confidence: 0.82,
      degraded: false,
    },
    steps,
    batches: [
      {
        attempt: 1,
        baseSha: hex(2, 40),
        succeeded: 917,
        total: 1_000,
        decision: 'accepted',
        decidedAt: start + 1_900_000,
      },
    ],
    effects,
    fleet: {
      version: 1,
      savedAt: start + 2_000_000,
      breakers: { 'lan-a/qwen2.5-coder:7b': { state: 'closed', failures: [start + 1_000, start + 2_000] } },
      cooldowns: { 'lan-b': { until: start + 2_060_000, strikes: 2 } },
    },
    resumes: 1,
  };
  return runStateSchema.parse(state);
}

function hex(seed: number, length: number): string {
  let out = '';
  let x = (seed + 1) * 2_654_435_761;
  while (out.length < length) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    out += x.toString(16);
  }
  return out.slice(0, length);
}

function parseArgs(args: string[]): { only: Set<string>; iterations: number; dir?: string } {
  const only = new Set<string>();
  let iterations = 200;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--iterations') iterations = Math.max(10, Number(args[++i]) || 200);
    else if (arg === '--dir') dir = args[++i];
    else only.add(arg);
  }
  return { only, iterations, ...(dir !== undefined ? { dir } : {}) };
}
