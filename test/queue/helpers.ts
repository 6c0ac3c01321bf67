/** Temp directories and queue-file writers for the queue tests. */
import { appendFile, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/base/clock.ts';

export { mulberry32 } from '../config/helpers.ts';

export interface TempDir {
  dir: string;
  path(name: string): string;
  cleanup(): Promise<void>;
}

export async function tempDir(prefix = 'keel-queue-'): Promise<TempDir> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  return {
    dir,
    path: (name) => join(dir, name),
    cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

export function line(task: Record<string, unknown>): string {
  return `${JSON.stringify(task)}\n`;
}

export async function appendLines(path: string, tasks: Record<string, unknown>[]): Promise<void> {
  await appendFile(path, tasks.map(line).join(''));
}

export async function writeLines(path: string, tasks: Record<string, unknown>[]): Promise<void> {
  await writeFile(path, tasks.map(line).join(''));
}

/** A clock that only moves when told; `sleep` resolves at once (and moves time forward by the wait). */
export function manualClock(start = Date.UTC(2025, 0, 1)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted');
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
