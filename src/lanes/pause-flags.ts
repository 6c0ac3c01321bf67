/**
 * Pause flags: an operator's "leave this lane alone". Locally a file (`paused.flag`, the lanes file's
 * `pauseFlag`) holding `{ at, by, reason }`; in Actions the `keel:paused` label on the lane's tracking
 * issue (`guard-github.ts`). The guard only reads them and clears stale ones; who set one and when stays
 * on record (`<flag>.cleared` beside the file, a comment on the issue).
 *
 * Presence is what pauses, as the lanes file promises: `touch paused.flag` must work, so a flag whose
 * content is empty or garbage still pauses, dated by the file's mtime and attributed to nobody in
 * particular — never ignored, never thrown about.
 */
import { stat, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { errorCode } from '../base/errors.ts';
import { readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import type { LaneConfig } from './lanes-file.ts';

export interface PauseFlag {
  /** Wall-clock ms when the pause was set. */
  at: number;
  /** Who set it (a login, `user@host`, or `unknown`). */
  by: string;
  reason: string;
}

/** Who cleared a pause, when and why: kept beside the old flag so the operator can see what happened. */
export interface PauseClearNote {
  at: number;
  by: string;
  reason: string;
}

export interface PauseFlags {
  /** The lane's pause, or undefined when it is not paused. */
  read(lane: LaneConfig): Promise<PauseFlag | undefined>;
  clear(lane: LaneConfig, flag: PauseFlag, note: PauseClearNote): Promise<void>;
}

const MAX_TEXT = 500;
const flagSchema = z.object({
  at: z.union([z.number(), z.string()]),
  by: z.string().optional(),
  reason: z.string().optional(),
});

/** Flag files (the lanes file's `pauseFlag`, resolved by `loadLanesFile`). */
export function filePauseFlags(): PauseFlags {
  return {
    async read(lane) {
      const path = lane.pauseFlag;
      if (path === undefined) return undefined;
      const read = await readJsonFile(path);
      if (!read.ok && read.reason === 'missing') return undefined;
      const parsed = read.ok ? parsePauseFlag(read.value) : undefined;
      if (parsed) return parsed;
      // Present but not a flag we understand: still a pause, dated by the file itself.
      const at = await mtimeOf(path);
      if (at === undefined) return undefined; // removed between the two reads
      return {
        at,
        by: 'unknown',
        reason: read.ok ? 'unreadable pause flag' : 'empty or non-JSON pause flag',
      };
    },
    async clear(lane, flag, note) {
      const path = lane.pauseFlag;
      if (path === undefined) return;
      const record = { ...flag, cleared: note };
      await writeFileAtomic(`${path}.cleared`, `${JSON.stringify(record, null, 2)}\n`);
      await unlink(path).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    },
  };
}

/** `{ at, by, reason }` with `at` as epoch ms or an ISO date; undefined when it is neither. */
export function parsePauseFlag(value: unknown): PauseFlag | undefined {
  const parsed = flagSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const at = typeof parsed.data.at === 'number' ? parsed.data.at : Date.parse(parsed.data.at);
  if (!Number.isFinite(at) || at < 0) return undefined;
  return {
    at,
    by: (parsed.data.by ?? 'unknown').slice(0, MAX_TEXT),
    reason: (parsed.data.reason ?? '').slice(0, MAX_TEXT),
  };
}

/** Writes a pause flag (the CLI or an operator script pauses a lane with it). */
export async function writePauseFlag(path: string, flag: PauseFlag): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(flag)}\n`);
}

/** A pause older than `staleMs` is stale: a pause nobody lifted for that long was forgotten, not meant. */
export function isPauseStale(flag: PauseFlag, now: number, staleMs: number): boolean {
  return now - flag.at > staleMs;
}

async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}
