import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redact } from '../../src/base/secrets.ts';
import { EventLog, readEvents, rotatedPath } from '../../src/telemetry/event-log.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keel-events-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noRedact = (text: string): string => text;

describe('EventLog', () => {
  it('writes one { at, type, … } object per line', async () => {
    let now = 1_000;
    const log = new EventLog({
      path: join(dir, 'events.ndjson'),
      redact: noRedact,
      clock: { now: () => now++, sleep: async () => undefined },
    });
    await log.append({ type: 'step_started', step: 'plan' });
    await log.append({ type: 'step_done', step: 'plan', at: 'ignored', nested: { list: [1, 'two'] } });
    const text = await readFile(join(dir, 'events.ndjson'), 'utf8');
    expect(text.split('\n')).toEqual([
      '{"at":1000,"type":"step_started","step":"plan"}',
      '{"at":1001,"type":"step_done","step":"plan","nested":{"list":[1,"two"]}}',
      '',
    ]);
  });

  it('never tears or interleaves lines under 100 concurrent appends', async () => {
    const path = join(dir, 'events.ndjson');
    const log = new EventLog({ path, redact: noRedact });
    const big = 'x'.repeat(20_000);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => log.append({ type: 'attempt', i, payload: `${i}:${big}` })),
    );
    const { events, badLines } = await readEvents(path);
    expect(badLines).toBe(0);
    // One promise chain: written in call order.
    expect(events.map((e) => e.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(events.every((e) => e.payload === `${String(e.i)}:${big}`)).toBe(true);
  });

  it('rotates by size: events.ndjson → events.1.ndjson …, keeping `keep` old files', async () => {
    const path = join(dir, 'events.ndjson');
    const log = new EventLog({ path, redact: noRedact, maxBytes: 1_000, keep: 2 });
    for (let i = 0; i < 50; i++) void log.append({ type: 'tick', i, pad: 'p'.repeat(100) });
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual(['events.1.ndjson', 'events.2.ndjson', 'events.ndjson']);
    const files = [rotatedPath(path, 2), rotatedPath(path, 1), path];
    const all: number[] = [];
    for (const file of files) {
      const size = (await readFile(file)).byteLength;
      expect(size).toBeLessThanOrEqual(1_000);
      const { events, badLines } = await readEvents(file);
      expect(badLines).toBe(0);
      all.push(...events.map((e) => e.i as number));
    }
    // The newest events, contiguous and in order; the oldest were dropped with the file beyond `keep`.
    expect(all.at(-1)).toBe(49);
    expect(all).toEqual(Array.from({ length: all.length }, (_, k) => 50 - all.length + k));
  });

  it('continues an existing file and counts its size (a resumed run)', async () => {
    const path = join(dir, 'events.ndjson');
    await writeFile(path, `${JSON.stringify({ at: 1, type: 'old', pad: 'o'.repeat(900) })}\n`);
    const log = new EventLog({ path, redact: noRedact, maxBytes: 1_000 });
    await log.append({ type: 'new', pad: 'n'.repeat(200) });
    expect((await readEvents(path)).events.map((e) => e.type)).toEqual(['new']);
    expect((await readEvents(rotatedPath(path, 1))).events.map((e) => e.type)).toEqual(['old']);
  });

  it('redacts a canary secret everywhere in the event, keys included', async () => {
    const canary = 'canary-7f3a9c1e5b';
    const path = join(dir, 'events.ndjson');
    const log = new EventLog({ path, redact: (text) => redact(text, [canary]) });
    await log.append({
      type: 'router_attempt',
      message: `401 from server: Authorization: Bearer ${canary}`,
      nested: { headers: [`x-api-key: ${canary}`], [canary]: 1 },
      error: new Error(`bad key ${canary}`),
      cut: `…ends with ${canary.slice(0, 10)}`,
    });
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(canary);
    expect(text).not.toContain(canary.slice(0, 10));
    expect(text).toContain('[REDACTED]');
    expect((await readEvents(path)).badLines).toBe(0);
  });

  it('never throws into the caller; the first failure goes to stderr once', async () => {
    const warnings: string[] = [];
    const log = new EventLog({
      path: dir, // a directory: every append fails
      redact: noRedact,
      warn: (message) => warnings.push(message),
    });
    await expect(log.append({ type: 'a' })).resolves.toBeUndefined();
    await expect(log.append({ type: 'b', big: 10n })).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/event log .* failed/);
  });

  it('logs the event as it was when appended, not when the queue reached it', async () => {
    const path = join(dir, 'events.ndjson');
    const log = new EventLog({ path, redact: noRedact });
    const step = { id: 'code:a', status: 'running' };
    const first = log.append({ type: 'step', step });
    step.status = 'done';
    await Promise.all([first, log.append({ type: 'step', step })]);
    expect((await readEvents(path)).events.map((e) => (e.step as { status: string }).status)).toEqual([
      'running',
      'done',
    ]);
  });

  it('creates its directory when it is missing', async () => {
    const path = join(dir, 'runs', 'r1', 'events.ndjson');
    await new EventLog({ path, redact: noRedact }).append({ type: 'first' });
    expect((await readEvents(path)).events.map((e) => e.type)).toEqual(['first']);
  });

  it('reads a missing file as no events', async () => {
    expect(await readEvents(join(dir, 'none.ndjson'))).toEqual({ events: [], badLines: 0 });
    expect(rotatedPath('/x/events.ndjson', 3)).toBe('/x/events.3.ndjson');
    expect(rotatedPath('/x.d/events', 1)).toBe('/x.d/events.1');
  });
});
