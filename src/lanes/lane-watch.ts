/**
 * Wakes an idle persistent lane as soon as its queue file changes, so that a task appended while the lane
 * waits starts at once rather than at the next poll. An optimisation only: the poll stays the guarantee
 * (inotify misses changes on network file systems, and a watch can fail to start at all — then this never
 * wakes anyone and the poll carries on alone).
 *
 * The directory is watched, not the file: producers may create the file late, or replace it by a rename.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface QueueWatch {
  /** Resolves at the next change of the file, or when `signal` aborts. */
  wake(signal: AbortSignal): Promise<void>;
  close(): void;
}

export function createQueueWatch(path: string): QueueWatch {
  const name = basename(path);
  const waiting = new Set<() => void>();
  let watcher: FSWatcher | undefined;
  const fire = (): void => {
    for (const resolve of [...waiting]) resolve();
    waiting.clear();
  };
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      // Some platforms do not say which file changed: then any change wakes.
      if (file === null || String(file) === name) fire();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
  }
  return {
    wake: (signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const done = (): void => {
          waiting.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        waiting.add(done);
        signal.addEventListener('abort', done, { once: true });
      }),
    close: () => {
      watcher?.close();
      watcher = undefined;
      fire();
    },
  };
}
