import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectMarker } from '../../src/run/effects.ts';
import { LockTimeoutError } from '../../src/base/file-lock.ts';
import { LocalEffects, markerStep, type IssueRecord } from '../../src/run/local-effects.ts';
import { deadPid, recordingClock } from './fixtures/states.ts';

let runDir: string;
beforeEach(async () => {
  runDir = await mkdtemp(join(tmpdir(), 'keel-effects-'));
});
afterEach(async () => {
  await rm(runDir, { recursive: true, force: true });
});

const issue = (marker: string, body = 'body') => ({
  marker,
  title: `title ${marker}`,
  body,
  labels: ['keel'],
});

describe('LocalEffects', () => {
  it('ensureIssue twice with the same marker creates one record', async () => {
    const effects = new LocalEffects({ runDir });
    const marker = effectMarker('r1', 'code:a');
    const first = await effects.ensureIssue(issue(marker));
    const second = await effects.ensureIssue(issue(marker, 'another body'));
    expect(first).toMatchObject({ created: true, id: join(runDir, 'effects', 'issues', '1.json') });
    expect(first.url).toBe(`file://${first.id}`);
    expect(second).toEqual({ ...first, created: false });
    const records = await effects.issues();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ number: 1, marker, body: 'body', state: 'open', comments: [] });
  });

  it('matches markers exactly: a marker that contains another is a different effect', async () => {
    const effects = new LocalEffects({ runDir });
    await effects.ensureIssue(issue(effectMarker('r1', 'code:a')));
    const longer = await effects.ensureIssue(issue(effectMarker('r1', 'code:ab')));
    expect(longer.created).toBe(true);
    expect((await effects.issues()).map((i) => i.number)).toEqual([1, 2]);
  });

  it('20 parallel ensureIssue calls with distinct markers get 20 distinct numbers', async () => {
    const effects = new LocalEffects({ runDir });
    const refs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => effects.ensureIssue(issue(`<!-- m${i} -->`))),
    );
    expect(refs.every((r) => r.created)).toBe(true);
    const numbers = (await effects.issues()).map((i) => i.number);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(refs.map((r) => r.id)).size).toBe(20);
  });

  it('two instances (two processes after a crash) in parallel on the same markers never duplicate', async () => {
    const a = new LocalEffects({ runDir });
    const b = new LocalEffects({ runDir });
    const refs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        a.ensureIssue(issue(`<!-- m${i} -->`)),
        b.ensureIssue(issue(`<!-- m${i} -->`)),
      ]).flat(),
    );
    expect(refs.filter((r) => r.created)).toHaveLength(10);
    expect(await a.issues()).toHaveLength(10);
  });

  it('a temp file left by a killed writer is neither a record nor a reason to create a duplicate', async () => {
    const marker = effectMarker('r1', 'code:a');
    const issues = join(runDir, 'effects', 'issues');
    await mkdir(issues, { recursive: true });
    // Killed after writing its temp file, before the rename: the record does not exist.
    const orphan = '1.json.4242-0123456789ab.tmp';
    const half: IssueRecord = {
      number: 1,
      marker,
      title: 't',
      body: 'b',
      labels: [],
      state: 'open',
      comments: [],
      createdAt: 0,
      updatedAt: 0,
    };
    await writeFile(join(issues, orphan), JSON.stringify(half).slice(0, 40));
    // …and a lock left by the dead process.
    await writeFile(
      join(runDir, 'effects', '.lock'),
      JSON.stringify({ pid: deadPid(), host: hostname(), at: Date.now(), token: 'dead' }),
    );

    const effects = new LocalEffects({ runDir });
    expect((await effects.ensureIssue(issue(marker))).created).toBe(true);
    expect((await effects.ensureIssue(issue(marker))).created).toBe(false);
    expect(await readdir(issues)).toEqual(['1.json']);
    expect(await effects.issues()).toHaveLength(1);
  });

  it('upsertIssue rewrites the body; closeIssue comments and closes once', async () => {
    const { clock, advance } = recordingClock();
    const effects = new LocalEffects({ runDir, clock });
    const marker = effectMarker('r1', 'review');
    expect(await effects.closeIssue(marker, 'nothing to close')).toBeUndefined();
    expect((await effects.upsertIssue(issue(marker, 'v1'))).created).toBe(true);
    advance(1_000);
    expect((await effects.upsertIssue(issue(marker, 'v2'))).created).toBe(false);
    const closed = await effects.closeIssue(marker, 'done in run r2');
    const again = await effects.closeIssue(marker, 'done again');
    expect(closed).toMatchObject({ created: false });
    expect(again).toEqual(closed);
    const [record] = await effects.issues();
    expect(record).toMatchObject({ body: 'v2', state: 'closed', comments: [{ body: 'done in run r2' }] });
    expect(record!.updatedAt).toBeGreaterThan(record!.createdAt);
  });

  it('upsertComment edits one comment in place; pull requests share numbering with issues', async () => {
    const effects = new LocalEffects({ runDir });
    const tracking = effectMarker('r1', 'tracking');
    const c1 = await effects.upsertComment(tracking, 'step 1 of 3');
    const c2 = await effects.upsertComment(tracking, 'step 2 of 3');
    expect([c1.created, c2.created]).toEqual([true, false]);
    expect(await effects.comments()).toMatchObject([{ number: 1, body: 'step 2 of 3' }]);

    await effects.ensureIssue(issue(effectMarker('r1', 'code:a')));
    const pr = {
      marker: effectMarker('r1', 'publish'),
      title: 'keel: r1',
      body: 'b',
      head: 'keel/r1',
      base: 'main',
      draft: true,
      labels: ['needs-human-review'],
    };
    const p1 = await effects.ensurePullRequest(pr);
    const p2 = await effects.ensurePullRequest(pr);
    expect([p1.created, p2.created]).toEqual([true, false]);
    expect(await effects.pulls()).toMatchObject([{ number: 2, draft: true, state: 'open' }]);
  });

  it('redacts what it writes, but never the marker', async () => {
    const effects = new LocalEffects({
      runDir,
      redact: (text) => text.replaceAll('canary-secret', '[REDACTED]'),
    });
    const marker = effectMarker('r1', 'code:a');
    await effects.ensureIssue({
      marker,
      title: 'canary-secret in title',
      body: 'key=canary-secret',
      labels: [],
    });
    await effects.closeIssue(marker, 'closing canary-secret');
    const text = await readFile(join(runDir, 'effects', 'issues', '1.json'), 'utf8');
    expect(text).not.toContain('canary-secret');
    expect(text).toContain(JSON.stringify(marker));
  });

  it('renders the recovery issue to recovery.md', async () => {
    const effects = new LocalEffects({ runDir });
    const marker = effectMarker('r1', 'recovery');
    expect(markerStep(marker)).toBe('recovery');
    await effects.upsertIssue({
      marker,
      title: 'keel: run r1 stopped',
      body: `resume with keel run --resume r1\n\n${marker}`,
      labels: ['keel-recovery'],
    });
    let text = await readFile(join(runDir, 'recovery.md'), 'utf8');
    expect(text).toMatch(/^# keel: run r1 stopped\n/);
    expect(text).toContain('State: open');
    expect(text.split(marker)).toHaveLength(2);
    await effects.closeIssue(marker, 'completed in the next run');
    text = await readFile(join(runDir, 'recovery.md'), 'utf8');
    expect(text).toContain('State: closed');
    expect(text).toContain('completed in the next run');
  });

  it('throws LockTimeoutError when another live process holds the effects lock', async () => {
    const { clock, sleeps } = recordingClock();
    await mkdir(join(runDir, 'effects'), { recursive: true });
    await writeFile(
      join(runDir, 'effects', '.lock'),
      JSON.stringify({ pid: process.ppid, host: hostname(), at: Date.now(), token: 'other' }),
    );
    const effects = new LocalEffects({ runDir, clock: { ...clock, now: () => Date.now() } });
    await expect(effects.ensureIssue(issue('<!-- x -->'))).rejects.toBeInstanceOf(LockTimeoutError);
    expect(sleeps).toEqual([100, 200, 400, 800]);
  });
});
