/**
 * The NDJSON reader's state that the ingest path touches for every line: the lines after its consumed
 * point, and the ids handed out, for dedupe (see `QueueReader`'s line sink).
 */
import type { QueueTask } from './types.ts';

/**
 * Lines read after the consumed point, in order: where each ends and which id (if any) must be claimed
 * before it counts as settled. Parallel arrays, not objects: a big queue has one per line. Every line the
 * scanner finishes is pushed, in order, so line numbers need no array: entry `i` is line `firstLine + i`.
 *
 * The arrays are appended to and compacted in place, never replaced: a read's line sink holds on to them
 * (as locals) for the whole read, and `QueueReader.consumed` may drop entries meanwhile.
 */
export class PendingLines {
  readonly ends: number[] = [];
  readonly ids: (string | undefined)[] = [];
  start = 0;
  /** The line number of entry 0: one past the line the consumed point follows. */
  firstLine: number;

  constructor(firstLine: number) {
    this.firstLine = firstLine;
  }

  lineOf(index: number): number {
    return this.firstLine + index;
  }

  /** Forgets everything before `index` (amortised: only once it is most of the arrays). */
  drop(index: number): void {
    this.start = index;
    if (index > 1024 && index * 2 > this.ends.length) {
      compact(this.ends, index);
      compact(this.ids, index);
      this.firstLine += index;
      this.start = 0;
    }
  }
}

function compact<T>(array: T[], from: number): void {
  array.copyWithin(0, from);
  array.length -= from;
}

/**
 * The ids handed out from one version of a file, each with the ref of its first occurrence, for dedupe:
 * keyed by `idKey(id)`, a number, except an id whose number another id had first, keyed by itself. A
 * number key is matched without reading the key back; a string key means reading the stored string, for a
 * queue of 100,000 ids mostly a cache miss on every lookup (a third of bench `queue ingest`'s time went
 * there). Ids that share a number, even made to on purpose, cost what a Map keyed by the ids would: no
 * worse. Each entry holds the id (which settles a shared number) and the ref, not the task: the reader
 * lives as long as its lane, and would otherwise keep every task's text.
 */
export type SeenIds = Map<number | string, FirstSeen>;

interface FirstSeen {
  readonly id: string;
  readonly ref: string;
}

/** FNV-1a over the UTF-16 code units, cut to 30 bits (a small integer: no heap number per key). */
export function idKey(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 2;
}

/** The ref of the first occurrence of `id`, if it was handed out. */
export function firstRef(seen: SeenIds, id: string): string | undefined {
  const byNumber = seen.get(idKey(id));
  return (byNumber === undefined || byNumber.id === id ? byNumber : seen.get(id))?.ref;
}

/**
 * Dedupe by id: undefined when `task` is new — then it is recorded and handed out (pushed on `tasks`),
 * unless an earlier version of the file handed it out already (a rewritten file or a changed document
 * repeats ids legitimately: not new, and not a duplicate) — else the ref of its first occurrence.
 */
export function firstOccurrence(
  seen: SeenIds,
  earlier: ReadonlyMap<string, string>,
  tasks: QueueTask[],
  task: QueueTask,
): string | undefined {
  const id = task.id;
  const key = idKey(id);
  const byNumber = seen.get(key);
  const first = byNumber === undefined || byNumber.id === id ? byNumber : seen.get(id);
  if (first !== undefined) return first.ref;
  seen.set(byNumber === undefined ? key : id, { id, ref: task.ref });
  if (earlier.size === 0 || !earlier.has(id)) tasks.push(task);
  return undefined;
}
