/**
 * The router's memory across runs: breaker and cooldown state with wall-clock times, plus the latest probe
 * results. Saved with every checkpoint and in a fleet-state file, so that a scheduled run does not
 * rediscover a dead endpoint by hammering it. Parsing is lenient: a damaged or foreign file costs the
 * saved knowledge, never the run.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../base/atomic-file.ts';

const timestamp = z.number().finite().nonnegative();

const breakerSnapshotSchema = z.object({
  state: z.enum(['closed', 'open', 'halfOpen']),
  failures: z.array(timestamp).max(10_000),
  openedAt: timestamp.optional(),
});

export const fleetStateSchema = z.object({
  version: z.literal(1),
  savedAt: timestamp,
  breakers: z.record(z.string().max(512), breakerSnapshotSchema),
  cooldowns: z.record(
    z.string().max(128),
    z.object({ until: timestamp, strikes: z.number().int().min(0).max(64) }),
  ),
  /** The health book's own snapshot; it validates its part itself. */
  health: z.unknown().optional(),
  /** What servers refused (`learned-shapes.ts`), which validates its part itself. */
  learned: z.unknown().optional(),
});

export type FleetState = z.infer<typeof fleetStateSchema>;

/** A valid fleet state, or undefined (with the reason) when the input is not one. */
export function parseFleetState(input: unknown): { state?: FleetState; problem?: string } {
  if (input === undefined || input === null) return {};
  const parsed = fleetStateSchema.safeParse(input);
  if (parsed.success) return { state: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

export async function readFleetStateFile(path: string): Promise<{ state?: FleetState; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `${path}: ${(error as Error).message}` };
  }
  try {
    const result = parseFleetState(JSON.parse(text));
    return result.problem ? { problem: `${path}: ${result.problem}` } : result;
  } catch (error) {
    return { problem: `${path}: not JSON (${(error as Error).message})` };
  }
}

/** Atomic replace (temp file, fsync, rename, directory fsync): a crash leaves old or new, never half. */
export async function writeFleetStateFile(path: string, state: FleetState): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(state)}\n`);
}
