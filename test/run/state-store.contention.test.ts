/**
 * The store's lock across real processes: eight writers hammering one run directory while a reader checks
 * every snapshot it can catch, and a holder that never lets go.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskStateStore, TaskStateStoreLockError } from '../../src/run/state-store.ts';
import { runStateSchema } from '../../src/run/state.ts';
import { makeState } from './fixtures/states.ts';

const WORKER = fileURLToPath(new URL('./fixtures/store-worker.ts', import.meta.url));
const WRITERS = 8;
const SAVES = 20;

interface Worker {
  child: ChildProcess;
  lines: AsyncIterator<string>;
}

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-contention-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  await rm(dir, { recursive: true, force: true });
});

function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, lines };
}

async function nextLine(worker: Worker): Promise<string> {
  const next = await worker.lines.next();
  if (next.done) throw new Error(`worker ${worker.child.pid} ended without output`);
  return next.value;
}

describe('TaskStateStore under contention', () => {
  it('8 processes × 20 saves: every snapshot read is whole, every save completes or throws the lock error', async () => {
    const runDir = join(dir, 'runs', 'contention');
    const workers = Array.from({ length: WRITERS }, (_, w) =>
      startWorker(['save', runDir, String(w), String(SAVES)]),
    );
    for (const worker of workers) expect(await nextLine(worker)).toBe('ready');
    for (const worker of workers) worker.child.stdin!.write('go\n');

    const results = Promise.all(
      workers.map(async (worker) => {
        const line = await nextLine(worker);
        worker.child.stdin!.end();
        return JSON.parse(line) as {
          worker: number;
          saved: number[];
          lockErrors: number[];
          otherErrors: string[];
        };
      }),
    );
    let finished = false;
    void results.finally(() => (finished = true));

    // Read as fast as we can while they write: every snapshot that exists must parse and validate.
    let reads = 0;
    const torn: string[] = [];
    while (!finished) {
      let text: string;
      try {
        text = await readFile(join(runDir, 'state.json'), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      reads++;
      try {
        runStateSchema.parse(JSON.parse(text));
      } catch (error) {
        torn.push(String(error));
      }
    }
    const reports = await results;

    expect(torn).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const saved = reports.reduce((n, r) => n + r.saved.length, 0);
    const lockErrors = reports.reduce((n, r) => n + r.lockErrors.length, 0);
    // Every save is accounted for: completed, or refused with TaskStateStoreLockError — nothing else.
    expect(reports.flatMap((r) => r.otherErrors)).toEqual([]);
    expect(saved + lockErrors).toBe(WRITERS * SAVES);
    expect(saved).toBeGreaterThan((WRITERS * SAVES) / 2);

    // The last snapshot is exactly one of the states a writer reported as saved.
    const final = JSON.parse(await readFile(join(runDir, 'state.json'), 'utf8')) as unknown;
    const label = /task (w(\d+)-s(\d+))$/.exec((final as { task: { text: string } }).task.text);
    expect(label).not.toBeNull();
    const [, name, worker, index] = label!;
    expect(reports.find((r) => r.worker === Number(worker))!.saved).toContain(Number(index));
    expect(final).toEqual(makeState(name!, { runId: 'contention' }));

    // Nothing left behind: no lock, no temp files.
    expect((await readdir(runDir)).sort()).toEqual(['state.json']);
  });

  it('throws TaskStateStoreLockError while a live process holds the lock and never releases it', async () => {
    const runDir = join(dir, 'runs', 'held');
    const holder = startWorker(['hold', runDir]);
    expect(await nextLine(holder)).toBe('locked');

    const store = new TaskStateStore({ runDir });
    const error = await store.save(makeState('blocked')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaskStateStoreLockError);
    expect((error as TaskStateStoreLockError).attempts).toBe(5);
    expect((error as TaskStateStoreLockError).holder?.pid).toBe(holder.child.pid);
    expect(await readdir(runDir)).not.toContain('state.json');
  });

  it('processes ensuring the same markers create one issue per marker, numbered without gaps', async () => {
    const runDir = join(dir, 'runs', 'effects');
    const workers = Array.from({ length: 4 }, (_, w) => startWorker(['effects', runDir, String(w), '10']));
    for (const worker of workers) expect(await nextLine(worker)).toBe('ready');
    for (const worker of workers) worker.child.stdin!.write('go\n');
    const reports = await Promise.all(
      workers.map(async (worker) => JSON.parse(await nextLine(worker)) as { created: number; found: number }),
    );
    expect(reports.reduce((n, r) => n + r.created, 0)).toBe(10);
    expect(reports.reduce((n, r) => n + r.found, 0)).toBe(30);
    const files = (await readdir(join(runDir, 'effects', 'issues'))).sort(
      (a, b) => parseInt(a) - parseInt(b),
    );
    expect(files).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}.json`));
  });
});
