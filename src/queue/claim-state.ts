/**
 * The claim-state file's content and the pure operations on it: its zod schema (the file is shared by
 * processes and read back after crashes: untrusted), the hashed set of compacted ids, and compaction.
 *
 * THE INVARIANT (why compaction can never hand out a claimed task again): an id leaves `entries` only by
 * compaction, and compaction puts its 64-bit hash into `compacted` in the same atomic write. "Known" is
 * `entries.has(id) || compacted.has(hash(id))`, and a known id is never claimed as new — so no read order,
 * restart, cursor reset, rewritten queue file or whole re-read of the queue can issue it again. Only
 * recycling reopens tasks, and it works on entries, explicitly. Only finished entries are compacted (an
 * in-flight claim or a reopened task keeps its record), oldest first.
 *
 * What the bound bounds: `entries` — the full records, with the task text a lane needs to resume a claimed
 * task or a recycle needs to run it again. The hashes cost 8 bytes per compacted id, forever: the price of
 * "never", when a JSON array file keeps every id it ever had. A hash collision (a new id sharing the 64-bit
 * hash of one of a million compacted ids: odds ~5e-14 per id) would make that new task look claimed.
 */
import { z } from 'zod';
import { MAX_PRIORITY, MAX_TASK_TEXT_CHARS, TASK_ID_PATTERN } from './normalize.ts';
import type { ClaimOutcome, QueueCursor, QueueTask } from './types.ts';

export const CLAIM_STATE_VERSION = 1;
export const DEFAULT_MAX_CLAIMED = 10_000;
/** Recycling history kept per entry. */
const MAX_HISTORY = 10;

export type ClaimState = 'claimed' | 'open' | ClaimOutcome;

const storedTaskSchema = z.object({
  text: z.string().max(MAX_TASK_TEXT_CHARS),
  owner: z.string().max(64).optional(),
  priority: z.int().min(-MAX_PRIORITY).max(MAX_PRIORITY),
  source: z.enum(['file', 'issue']),
  ref: z.string().max(4_200),
});

const historySchema = z.object({
  at: z.number(),
  from: z.enum(['done', 'blocked', 'failed']),
  detail: z.string().max(1_000).optional(),
  reason: z.string().max(500),
});

export const claimEntrySchema = z.object({
  id: z.string().regex(TASK_ID_PATTERN),
  /** `open`: reopened by recycling, waiting to be claimed again. */
  state: z.enum(['claimed', 'open', 'done', 'blocked', 'failed']),
  lane: z.string().max(64).optional(),
  claimedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  /** The run that worked on it (`q-<id>`), the outcome's detail. */
  runId: z.string().max(100).optional(),
  detail: z.string().max(1_000).optional(),
  /** Times claimed; recycles so far. */
  attempts: z.int().min(0),
  recycles: z.int().min(0),
  recycledAt: z.number().optional(),
  history: z.array(historySchema).max(MAX_HISTORY).optional(),
  task: storedTaskSchema,
});

const cursorSchema = z.object({
  path: z.string().max(4_096),
  offset: z.int().min(0),
  line: z.int().min(0),
  ino: z.number().min(0),
  headBytes: z.int().min(0).max(4_096),
  head: z.string().regex(/^[0-9a-f]{64}$/),
});

export const claimFileSchema = z.object({
  version: z.literal(CLAIM_STATE_VERSION),
  updatedAt: z.number(),
  entries: z.array(claimEntrySchema),
  /** base64 of the sorted 8-byte hashes of every compacted id. */
  compacted: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  compactedCount: z.int().min(0),
  cursors: z.array(cursorSchema).max(1_000),
});

export type ClaimEntry = z.infer<typeof claimEntrySchema>;
export type ClaimFile = z.infer<typeof claimFileSchema>;

/** The file in memory: entries by id, hashes as 8-character latin1 strings. */
export interface ClaimData {
  entries: Map<string, ClaimEntry>;
  compacted: Set<string>;
  cursors: Map<string, QueueCursor>;
}

export function emptyClaimData(): ClaimData {
  return { entries: new Map(), compacted: new Set(), cursors: new Map() };
}

/**
 * The hash a compacted id is remembered by: 64 bits (cyrb53's two 32-bit lanes, both kept whole) as an
 * 8-character latin1 string. Not cryptographic, on purpose: it runs for every queued task a lane looks at,
 * and sha256 there cost as much as parsing the task. Collisions between honest ids are as rare as 64 bits
 * make them; an id crafted to collide can only hide its own producer's task.
 */
export function idHash(id: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String.fromCharCode(
    h1 >>> 24,
    (h1 >>> 16) & 255,
    (h1 >>> 8) & 255,
    h1 & 255,
    h2 >>> 24,
    (h2 >>> 16) & 255,
    (h2 >>> 8) & 255,
    h2 & 255,
  );
}

export function isKnown(data: ClaimData, id: string): boolean {
  if (data.entries.has(id)) return true;
  return data.compacted.size > 0 && data.compacted.has(idHash(id));
}

export function fromFile(file: ClaimFile): ClaimData {
  const compacted = new Set<string>();
  const bytes = Buffer.from(file.compacted, 'base64');
  for (let at = 0; at + 8 <= bytes.length; at += 8) compacted.add(bytes.toString('latin1', at, at + 8));
  return {
    entries: new Map(file.entries.map((entry) => [entry.id, entry])),
    compacted,
    cursors: new Map(file.cursors.map(({ path, ...cursor }) => [path, cursor])),
  };
}

export function toFile(data: ClaimData, now: number): ClaimFile {
  const hashes = [...data.compacted].sort();
  return {
    version: CLAIM_STATE_VERSION,
    updatedAt: now,
    entries: [...data.entries.values()],
    compacted: Buffer.from(hashes.join(''), 'latin1').toString('base64'),
    compactedCount: hashes.length,
    cursors: [...data.cursors].map(([path, cursor]) => ({ path, ...cursor })),
  };
}

export function storedTask(task: QueueTask): ClaimEntry['task'] {
  return {
    text: task.text,
    ...(task.owner !== undefined ? { owner: task.owner } : {}),
    priority: task.priority,
    source: task.source,
    ref: task.ref,
  };
}

export function taskOf(entry: ClaimEntry): QueueTask {
  return { id: entry.id, ...entry.task };
}

export function isFinished(state: ClaimState): state is ClaimOutcome {
  return state === 'done' || state === 'blocked' || state === 'failed';
}

export interface Compaction {
  removed: number;
  /** In-flight and reopened entries left over the bound (never compacted). */
  overBound: boolean;
}

/**
 * Brings `entries` to at most `maxClaimed` by moving the oldest finished entries into the hashed set; with
 * some slack below the bound, so that a store at its bound does not compact on every single claim.
 */
export function compact(data: ClaimData, maxClaimed: number): Compaction {
  if (data.entries.size <= maxClaimed) return { removed: 0, overBound: false };
  const target = maxClaimed - Math.floor(maxClaimed / 10);
  const finished = [...data.entries.values()]
    .filter((entry) => isFinished(entry.state))
    .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0) || (a.id < b.id ? -1 : 1));
  let removed = 0;
  for (const entry of finished) {
    if (data.entries.size <= target) break;
    data.compacted.add(idHash(entry.id));
    data.entries.delete(entry.id);
    removed++;
  }
  return { removed, overBound: data.entries.size > maxClaimed };
}

/** Appends to an entry's recycling history, keeping the last few. */
export function withHistory(
  history: ClaimEntry['history'],
  item: NonNullable<ClaimEntry['history']>[number],
): NonNullable<ClaimEntry['history']> {
  return [...(history ?? []), item].slice(-MAX_HISTORY);
}
