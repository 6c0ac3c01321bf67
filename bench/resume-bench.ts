/**
 * resume — from process start to the first model request when `keel run --resume` picks up a run of
 * 1,000 subtasks (999 finished, one pending), against `node -e ''` start-up in the same run. The keel
 * process is the built bundle (`dist/cli`, what the bin and the Action run); the "model" is a loopback
 * server that notes when the first chat request arrives and then the process is killed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampleRepo } from '../src/cli/demo/sample-project.ts';
import { TaskStateStore } from '../src/run/state-store.ts';
import type { RunState } from '../src/run/state.ts';
import { emit, percentileOf, round } from './lib/measure.ts';

const BUNDLE = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const RUN_ID = 'bench-resume';

export async function resume(dir: string, iterations: number, state: RunState): Promise<void> {
  const repo = join(dir, 'repo');
  const stateDir = join(repo, '.keel');
  await mkdir(repo, { recursive: true });
  await createSampleRepo(repo);
  const baseSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();

  let firstRequest: (() => void) | undefined;
  const server = createServer((request, response) => {
    if (request.url?.endsWith('/chat/completions')) firstRequest?.();
    // Never answer: the process is killed once the request has arrived.
    request.resume();
    response.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await writeFile(
    join(repo, 'keel.yml'),
    `version: 1\nendpoints:\n  - { id: m, url: "http://127.0.0.1:${port}/v1", kind: local, contextWindow: 32768 }\n` +
      'roles:\n  planner: [m/sim-model]\n  coder: [m/sim-model]\n  reviewer: [m/sim-model]\n',
  );

  const pending = resumableState(state, repo, stateDir, baseSha);
  const store = new TaskStateStore({ runDir: join(stateDir, 'runs', RUN_ID) });
  const resumeOnce = async (): Promise<number> => {
    await store.save(pending);
    return timeUntil([BUNDLE, 'run', '--resume', RUN_ID, '--repo', repo], (done) => {
      firstRequest = done;
    });
  };
  const nodeOnce = (): Promise<number> => timeUntil(['-e', ''], undefined);

  try {
    // The first resume creates the work tree and warms the compile cache, as any earlier run would have.
    await resumeOnce();
    await nodeOnce();
    const keel: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < iterations; i++) {
      keel.push(await resumeOnce());
      node.push(await nodeOnce());
    }
    const k50 = percentileOf(keel, 50);
    const n50 = percentileOf(node, 50);
    emit({
      scenario: 'resume',
      subtasks: Object.keys(pending.steps).length - 1,
      iterations,
      keelToFirstRequest: {
        p50Ms: round(k50),
        p99Ms: round(percentileOf(keel, 99)),
      },
      nodeStartup: {
        p50Ms: round(n50),
        p99Ms: round(percentileOf(node, 99)),
      },
      p50Ratio: round(k50 / n50),
      target: 'p50Ratio <= 2.0',
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Spawns node and resolves with the ms until `arm`'s callback fires (or, without `arm`, until exit). */
function timeUntil(args: string[], arm: ((done: () => void) => void) | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let elapsed: number | undefined;
    arm?.(() => {
      elapsed ??= performance.now() - started;
      child.kill('SIGKILL');
    });
    child.once('exit', () => {
      if (!arm) elapsed = performance.now() - started;
      if (elapsed === undefined) reject(new Error(`keel exited before its first model request:\n${stderr}`));
      else resolve(elapsed);
    });
  });
}

/** The benchmark's 1,000-subtask state, placed in this repository with its last subtask still to do. */
function resumableState(state: RunState, repo: string, stateDir: string, baseSha: string): RunState {
  const copy = structuredClone(state);
  copy.runId = RUN_ID;
  copy.status = 'interrupted';
  copy.repo = {
    root: repo,
    baseBranch: 'main',
    baseSha,
    workBranch: `keel/${RUN_ID}`,
    worktree: join(stateDir, 'worktrees', RUN_ID),
  };
  copy.batches = [];
  delete copy.fleet;
  const last = Object.values(copy.steps)
    .filter((s) => s.id.startsWith('code:'))
    .at(-1)!;
  copy.steps[last.id] = { id: last.id, status: 'pending', attempts: 0 };
  for (const step of Object.values(copy.steps)) if (step.status === 'failed') step.status = 'done';
  return copy;
}
