/** Pause flag files: what pauses a lane, how a flag is dated and attributed, and what clearing leaves behind. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { laneSchema, type LaneConfig } from '../../src/lanes/lanes-file.ts';
import { filePauseFlags, isPauseStale, parsePauseFlag, writePauseFlag } from '../../src/lanes/pause-flags.ts';
import { HOUR, START } from './guard-fixtures.ts';

let dir: string;
let lane: LaneConfig;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-pause-'));
  lane = laneSchema.parse({
    name: 'a',
    queueFile: 'q',
    queueStateFile: 's',
    pauseFlag: join(dir, 'paused.flag'),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pause flag files', () => {
  it('reads no pause when there is no flag', async () => {
    expect(await filePauseFlags().read(lane)).toBeUndefined();
  });

  it('reads { at, by, reason } with at as epoch ms or an ISO date', async () => {
    await writePauseFlag(lane.pauseFlag!, { at: START, by: 'alice', reason: 'upgrade' });
    expect(await filePauseFlags().read(lane)).toEqual({ at: START, by: 'alice', reason: 'upgrade' });
    expect(parsePauseFlag({ at: new Date(START).toISOString(), by: 'bob' })).toEqual({
      at: START,
      by: 'bob',
      reason: '',
    });
    expect(parsePauseFlag({ at: 'yesterday' })).toBeUndefined();
    expect(parsePauseFlag({ at: -1 })).toBeUndefined();
  });

  it.each([
    ['empty (touch paused.flag)', ''],
    ['not JSON', 'paused!'],
    ['JSON of another shape', '{"paused": true}'],
  ])('still pauses when the flag is %s, dated by the file', async (_what, content) => {
    await writeFile(lane.pauseFlag!, content);
    const mtime = new Date(START - 3 * HOUR);
    await utimes(lane.pauseFlag!, mtime, mtime);
    const flag = await filePauseFlags().read(lane);
    expect(flag).toMatchObject({ at: START - 3 * HOUR, by: 'unknown' });
  });

  it('clears a flag by removing it and keeping it, with who cleared it, beside it as .cleared', async () => {
    const flag = { at: START - 9 * HOUR, by: 'carol', reason: 'weekend' };
    await writePauseFlag(lane.pauseFlag!, flag);
    const note = { at: START, by: 'keel guard', reason: 'stale' };
    await filePauseFlags().clear(lane, flag, note);
    expect(existsSync(lane.pauseFlag!)).toBe(false);
    expect(JSON.parse(await readFile(`${lane.pauseFlag!}.cleared`, 'utf8'))).toEqual({
      ...flag,
      cleared: note,
    });
    // A flag someone removed in the meantime is no error.
    await filePauseFlags().clear(lane, flag, note);
  });

  it('calls a pause stale only once it is older than the threshold', () => {
    const flag = { at: START - 6 * HOUR, by: 'x', reason: '' };
    expect(isPauseStale(flag, START, 6 * HOUR)).toBe(false);
    expect(isPauseStale(flag, START + 1, 6 * HOUR)).toBe(true);
    // A flag dated in the future (a clock running ahead) is fresh, not stale.
    expect(isPauseStale({ ...flag, at: START + HOUR }, START, 6 * HOUR)).toBe(false);
  });
});
