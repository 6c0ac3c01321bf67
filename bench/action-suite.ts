/**
 * `npm run bench -- action [--baseline REF]`: the Action's cold start — from spawning a step's
 * `dist/<step>/index.js` (as the runner does) to the first request it makes to the GitHub API — and the size
 * of the committed bundles. With `--baseline REF` the same is measured, in the same run and interleaved, for
 * the dist/ committed at that git ref (e.g. the commit before a build change), so the ratio compares like
 * with like on a noisy machine.
 *
 * Each iteration is a real `main` step on a fresh runner (the end-to-end world of test/action: a bare origin,
 * the simulated fleet, the fake GitHub API), run to its end so the next starts from a quiet machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createWorld,
  commentEvent,
  ROOT,
  startStep,
  waitFor,
  type World,
} from '../test/action/helpers/action-harness.ts';
import { emit, percentileOf, round } from './lib/measure.ts';

const ITERATIONS = 9;

export async function run(args: string[]): Promise<void> {
  const baselineRef = valueOf(args, '--baseline');
  const baseline = baselineRef === undefined ? undefined : checkoutDist(baselineRef);
  const world = await createWorld({ latencyMs: 5, github: { collaborators: { dev: 'write' } } });
  try {
    const current: number[] = [];
    const before: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      current.push(await coldStart(world, join(ROOT, 'dist'), `c${i}`));
      if (baseline) before.push(await coldStart(world, baseline, `b${i}`));
    }
    emit({
      scenario: 'cold-start',
      step: 'main',
      iterations: ITERATIONS,
      measured: 'spawn of dist/main/index.js on a /keel status comment → first GitHub API request',
      current: {
        p50Ms: round(percentileOf(current, 50)),
        maxMs: round(Math.max(...current)),
        distMB: mb(ROOT),
      },
      ...(baseline
        ? {
            baseline: {
              ref: baselineRef,
              p50Ms: round(percentileOf(before, 50)),
              maxMs: round(Math.max(...before)),
              distMB: mb(join(baseline, '..')),
            },
            p50Ratio: round(percentileOf(current, 50) / percentileOf(before, 50)),
          }
        : {}),
      target: 'committed dist/ <= 15 MB; cold start no slower than the baseline',
    });
  } finally {
    await world.close();
    if (baseline) rmSync(join(baseline, '..'), { recursive: true, force: true });
  }
}

async function coldStart(world: World, distDir: string, name: string): Promise<number> {
  const runner = await world.runner(name);
  world.github.firstRequestAt = undefined;
  const started = performance.now();
  const step = startStep({
    world,
    runner,
    entry: 'main',
    distDir,
    // A collaborator's `/keel status`: the first thing keel does is ask GitHub for the commenter's permission.
    event: commentEvent({
      body: '/keel status',
      login: 'dev',
      association: 'COLLABORATOR',
      issue: { number: 1, title: 'Status please' },
    }),
  });
  const first = await waitFor('the first API request', () => world.github.firstRequestAt, 30_000, 1);
  await step.done;
  await world.discard(runner);
  return first - started;
}

/** The dist/ committed at `ref`, unpacked into a temporary directory: returns `<tmp>/dist`. */
function checkoutDist(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keel-bench-dist-'));
  const archive = execFileSync('git', ['archive', '--format=tar', ref, 'dist'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return join(dir, 'dist');
}

function mb(root: string): number {
  let bytes = 0;
  const dist = join(root, 'dist');
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return round(bytes / 1e6);
}

function valueOf(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}
