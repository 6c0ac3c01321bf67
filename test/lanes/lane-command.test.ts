/** `keel lane` argument handling, in process (the runs themselves are in lane-processes.test.ts). */
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/index.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { tempDir, type TempDir } from '../queue/helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-lane-cli-');
});
afterEach(async () => {
  await tmp.cleanup();
});

describe('keel lane', () => {
  it('prints its usage with --help and is listed by keel --help', async () => {
    const help = captureIO();
    expect(await runCli(['lane', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/^usage: keel lane --queue-file F --queue-state-file S/);
    expect(help.stdout()).toMatch(/KEEL_TASK_QUEUE_MAX_CLAIMED/);
    const top = captureIO();
    await runCli(['--help'], top.io);
    expect(top.stdout()).toMatch(/^ {2}lane +drain a task queue/m);
  });

  it.each([
    [['--queue-state-file', 's.json'], /--queue-file is required/],
    [['--queue-file', 'q.ndjson'], /--queue-state-file is required/],
    [['--queue-file', 'q', '--queue-state-file', 's', '--poll-ms', '5'], /--poll-ms expects an integer ≥ 10/],
    [['--queue-file', 'q', '--queue-state-file', 's', '--max-tasks', 'x'], /--max-tasks expects an integer/],
    [['--queue-file', 'q', '--queue-state-file', 's', '--lane', '../x'], /--lane "\.\.\/x"/],
    [['--queue-file', 'q', '--queue-state-file', 's', '--bogus'], /Unknown option '--bogus'/],
    [
      ['--queue-file', 'q', '--queue-state-file', 's', '--concurrency', '0'],
      /--concurrency expects a whole number from 1 to 64 or "auto", got "0"/,
    ],
    [['--queue-file', 'q', '--queue-state-file', 's', '--concurrency', '2.5'], /--concurrency expects/],
    [['--queue-file', 'q', '--queue-state-file', 's', '--concurrency', 'many'], /--concurrency expects/],
  ])('refuses %j with exit 2', async (args, message) => {
    const { io, stderr } = captureIO({}, tmp.dir);
    expect(await runCli(['lane', ...args], io)).toBe(2);
    expect(stderr()).toMatch(message);
  });

  it('needs its lane to be in the lanes file it is given', async () => {
    const lanes = tmp.path('lanes.yml');
    await writeFile(
      lanes,
      stringify({ version: 1, lanes: [{ name: 'a', queueFile: 'q.ndjson', queueStateFile: 's.json' }] }),
    );
    const { io, stderr } = captureIO({}, tmp.dir);
    expect(await runCli(['lane', '--lanes', lanes, '--lane', 'b'], io)).toBe(2);
    expect(stderr()).toMatch(/--lane b: no such lane in/);
  });

  it('names a bad concurrency in the lanes file, and refuses N > 1 without shared slots', async () => {
    const lanes = tmp.path('lanes.yml');
    const lane = { name: 'a', queueFile: 'q.ndjson', queueStateFile: 's.json' };
    await writeFile(lanes, stringify({ version: 1, lanes: [{ ...lane, concurrency: 'lots' }] }));
    // Thrown as an expected error: the entry prints it as one line, no stack.
    await expect(
      runCli(['lane', '--lanes', lanes, '--lane', 'a'], captureIO({}, tmp.dir).io),
    ).rejects.toThrow(/lanes\.yml: lanes\.0\.concurrency: expected a whole number from 1 to 64, or "auto"/);

    await writeFile(lanes, stringify({ version: 1, lanes: [lane] }));
    const config = tmp.path('keel.yml');
    await writeFile(
      config,
      stringify({
        version: 1,
        endpoints: [{ id: 'a', url: 'http://127.0.0.1:9/v1', kind: 'local' }],
        roles: { coder: ['a/m'] },
      }),
    );
    const off = captureIO({ KEEL_SHARED_SLOTS: '0' }, tmp.dir);
    const args = ['lane', '--lanes', lanes, '--lane', 'a', '--config', config, '--repo', tmp.dir];
    expect(await runCli([...args, '--concurrency', '2'], off.io)).toBe(2);
    expect(off.stderr()).toMatch(/--concurrency 2 needs shared slots \(KEEL_SHARED_SLOTS=0/);
  });

  describe('a queue it cannot use is loud (issue 11 §8)', () => {
    const CONFIG =
      'version: 1\nendpoints:\n  - { id: a, url: "http://127.0.0.1:9/v1", kind: local }\nroles:\n  coder: [a/m]\n';
    const args = ['lane', '--queue-file', 'q.ndjson', '--queue-state-file', 's.json', '--effects', 'local'];

    it('a missing queue file: one line naming it, exit 1', async () => {
      await writeFile(tmp.path('keel.yml'), CONFIG);
      const { io, stdout, stderr } = captureIO({}, tmp.dir);
      expect(await runCli(args, io)).toBe(1);
      expect(stderr()).toBe(`keel lane: the queue file ${tmp.path('q.ndjson')} does not exist\n`);
      expect(stdout()).not.toMatch(/stopped: drained/);
    });

    it('lines but no task: the first reasons on the console, the count, exit 1', async () => {
      await writeFile(tmp.path('keel.yml'), CONFIG);
      const lines = [
        '{"text": "no id"}',
        'not json at all',
        '{"id": "a..b", "text": "a ref name git refuses"}',
        '{"id": "x", "text": ""}',
        '[1, 2]',
      ];
      await writeFile(tmp.path('q.ndjson'), `${lines.join('\n')}\n`);
      const { io, stdout, stderr } = captureIO({}, tmp.dir);
      expect(await runCli(args, io)).toBe(1);
      const shown = stdout().match(/^\[lane default\] queue problem: .*$/gm) ?? [];
      expect(shown).toHaveLength(3);
      expect(shown[0]).toMatch(/q\.ndjson:1: .*id/);
      expect(shown[1]).toMatch(/q\.ndjson:2: not JSON/);
      expect(stderr()).toMatch(/^keel lane: no task could be read from the queue: 5 problem\(s\), e\.g\. /);
    });
  });
});
