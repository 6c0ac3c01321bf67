/** A child's log file: appended in order, rotated by size, bounded on disk. */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SupervisedLog } from '../../src/daemon/supervised-log.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-child-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('child log', () => {
  it('rotates by size and keeps at most `keep` old files', async () => {
    const log = new SupervisedLog({ path: join(dir, 'logs', 'lane-a.log'), maxBytes: 100, keep: 2 });
    const lines = Array.from({ length: 40 }, (_, i) => `line ${String(i).padStart(3, '0')} ........\n`);
    await Promise.all(lines.map((line) => log.write(line)));
    await log.flush();
    expect((await readdir(join(dir, 'logs'))).sort()).toEqual(['lane-a.1.log', 'lane-a.2.log', 'lane-a.log']);
    for (const name of ['lane-a.log', 'lane-a.1.log', 'lane-a.2.log']) {
      expect((await stat(join(dir, 'logs', name))).size).toBeLessThanOrEqual(100);
    }
    // The newest lines are in the current file, in order.
    const current = await readFile(join(dir, 'logs', 'lane-a.log'), 'utf8');
    expect(current.endsWith(lines.at(-1)!)).toBe(true);
    const older = await readFile(join(dir, 'logs', 'lane-a.1.log'), 'utf8');
    expect(older + current).toBe(lines.slice(-((older + current).length / lines[0]!.length)).join(''));
  });

  it('keeps the end of a chunk larger than a whole file', async () => {
    const log = new SupervisedLog({ path: join(dir, 'big.log'), maxBytes: 10, keep: 1 });
    await log.write('0123456789abcdef');
    expect(await readFile(join(dir, 'big.log'), 'utf8')).toBe('6789abcdef');
  });

  it('reports a failure once and never rejects', async () => {
    const warnings: string[] = [];
    // A directory cannot be created under a file.
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a directory');
    const log = new SupervisedLog({ path: join(blocker, 'x', 'y.log'), warn: (m) => warnings.push(m) });
    await log.write('one\n');
    await log.write('two\n');
    expect(warnings).toHaveLength(1);
  });
});
