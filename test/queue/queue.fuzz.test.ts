/**
 * Queue fuzz (issue 5): random bytes, huge lines, partial lines, duplicate ids, hostile keys, mixed formats,
 * invalid UTF-8 — appended in random pieces (cut anywhere, mid-line and mid-character) and read after each
 * piece. No crash; exactly one problem per bad item, on its line; nothing lost: every valid task comes out
 * exactly once. Seeded: a failure prints its seed.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import type { QueueCursor, QueueProblem } from '../../src/queue/types.ts';
import { mulberry32, tempDir, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-fuzz-');
});
afterEach(async () => {
  await tmp.cleanup();
});

const LANES = ['alpha', 'beta'];
type Kind =
  | 'valid'
  | 'blank'
  | 'bytes'
  | 'huge'
  | 'hostile'
  | 'utf8'
  | 'non-object'
  | 'bad-id'
  | 'bad-owner'
  | 'duplicate'
  | 'cut-json';
interface Item {
  kind: Kind;
  bytes: Buffer;
  id?: string;
}

function generate(random: () => number, count: number, maxLine: number): Item[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const items: Item[] = [];
  const valid: Item[] = [];
  let next = 0;
  const text = (): string =>
    pick(['Add a helper.', 'Fix ünïcödé 😀 handling.', 'x', 'multi\nline', '"quoted"']);
  for (let i = 0; i < count; i++) {
    const roll = random();
    let item: Item;
    if (roll < 0.45 || valid.length === 0) {
      const id = `${pick(['t', 'T.', 'job:', 'a_b-'])}${next++}`;
      const task: Record<string, unknown> = { id, [pick(['text', 'task', 'prompt'])]: text() };
      if (random() < 0.3) task[pick(['owner', 'lane'])] = pick(LANES);
      if (random() < 0.3) task.priority = Math.floor(random() * 20) - 10;
      if (random() < 0.2) task.meta = { note: 'ok', list: [1, { deep: true }] };
      item = { kind: 'valid', id, bytes: Buffer.from(JSON.stringify(task)) };
      valid.push(item);
    } else {
      const kind = pick([
        'blank',
        'bytes',
        'huge',
        'hostile',
        'utf8',
        'non-object',
        'bad-id',
        'bad-owner',
        'duplicate',
        'cut-json',
      ] as const);
      item = { kind, bytes: badBytes(kind, random, pick, valid, maxLine, next++) };
    }
    items.push(item);
  }
  return items;
}

function badBytes(
  kind: Exclude<Kind, 'valid'>,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  valid: Item[],
  maxLine: number,
  n: number,
): Buffer {
  switch (kind) {
    case 'blank':
      return Buffer.from(pick(['', '   ', '\t']));
    case 'bytes': {
      const bytes = Buffer.alloc(1 + Math.floor(random() * 200));
      for (let i = 0; i < bytes.length; i++) {
        let byte = Math.floor(random() * 256);
        while (byte === 10) byte = Math.floor(random() * 256);
        bytes[i] = byte;
      }
      bytes[0] = 0x21 + Math.floor(random() * 0x5a); // a visible first character: never a blank line
      if (bytes[0] === 0x7b) bytes[0] = 0x7a;
      return bytes;
    }
    case 'huge':
      return Buffer.from(
        `{"id":"huge-${n}","text":"${'y'.repeat(maxLine + Math.floor(random() * 3 * maxLine))}"}`,
      );
    case 'hostile':
      return Buffer.from(
        pick([
          `{"id":"h-${n}","text":"x","__proto__":{"admin":true}}`,
          `{"id":"h-${n}","text":"x","meta":{"a":[{"constructor":{"prototype":1}}]}}`,
          `{"id":"h-${n}","text":"x","prototype":null}`,
          `{"id":"h-${n}","text":"x","\\u005f\\u005fproto\\u005f\\u005f":1}`,
        ]),
      );
    case 'utf8':
      return Buffer.concat([
        Buffer.from(`{"id":"u-${n}","text":"bad `),
        Buffer.from(pick([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0x28]])),
        Buffer.from('"}'),
      ]);
    case 'non-object':
      return Buffer.from(pick(['[1,2]', '"a string"', '42', 'null', 'true', '[{"id":"x","text":"y"}]']));
    case 'bad-id':
      return Buffer.from(
        JSON.stringify({ id: pick(['has space', '', 'x'.repeat(129), 'é', 'constructor']), text: 'x' }),
      );
    case 'bad-owner':
      return Buffer.from(
        JSON.stringify({ id: `o-${n}`, text: 'x', owner: pick(['gamma', 'ALPHA', '__proto__']) }),
      );
    case 'duplicate':
      return Buffer.from(JSON.stringify({ id: pick(valid).id, text: 'the same id again' }));
    case 'cut-json':
      return Buffer.from(`{"id":"c-${n}","text":"never closed`);
  }
}

/** Cuts `data` at random points (anywhere: mid-line, mid-character) into 1–40 pieces. */
function pieces(data: Buffer, random: () => number): Buffer[] {
  const cuts = new Set<number>();
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i++) cuts.add(Math.floor(random() * data.length));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let start = 0;
  for (const cut of [...sorted, data.length]) {
    if (cut > start) out.push(data.subarray(start, cut));
    start = cut;
  }
  return out;
}

function lineOf(problem: QueueProblem): number {
  return Number(/:(\d+)$/.exec(problem.ref)![1]);
}

describe('NDJSON fuzz', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: no crash, one problem per bad item on its line, every valid task exactly once`, async () => {
      const random = mulberry32(seed * 7919);
      const maxLine = seed <= 3 ? 1024 * 1024 : 512 + Math.floor(random() * 4096);
      const items = generate(random, seed <= 3 ? 40 : 60 + Math.floor(random() * 200), maxLine);
      const data = Buffer.concat(
        items.flatMap((item) => [item.bytes, Buffer.from(random() < 0.2 ? '\r\n' : '\n')]),
      );
      const path = tmp.path(`q-${seed}.ndjson`);
      await writeFile(path, '');
      const chunkBytes = seed <= 3 ? undefined : 64 + Math.floor(random() * 8192);
      const reader = new QueueReader({
        path,
        lanes: LANES,
        ...(seed <= 3 ? {} : { maxLineBytes: maxLine }),
        ...(chunkBytes ? { chunkBytes } : {}),
      });
      const tasks: string[] = [];
      const problems: QueueProblem[] = [];
      for (const piece of pieces(data, random)) {
        await appendFile(path, piece);
        for (let reads = 1 + Math.floor(random() * 2); reads > 0; reads--) {
          const read = await reader.read();
          expect(read.restarted).toBeUndefined();
          tasks.push(...read.tasks.map((t) => t.id));
          problems.push(...read.problems);
        }
      }
      const expectedTasks = items.filter((i) => i.kind === 'valid').map((i) => i.id);
      expect(tasks, `seed ${seed}`).toEqual(expectedTasks);
      const badLines = items.flatMap((item, index) =>
        item.kind === 'valid' || item.kind === 'blank' ? [] : [index + 1],
      );
      expect(problems.map(lineOf), `seed ${seed}: ${JSON.stringify(problems.slice(0, 5))}`).toEqual(badLines);
      const hugeLines = items.flatMap((item, index) => (item.kind === 'huge' ? [index + 1] : []));
      for (const line of hugeLines)
        expect(problems.find((p) => lineOf(p) === line)?.reason).toMatch(
          /line longer than \d+ bytes, skipped/,
        );
    });
  }

  it('restarts from the persisted cursor lose nothing and repeat nothing', async () => {
    for (let seed = 100; seed < 110; seed++) {
      const random = mulberry32(seed);
      const items = generate(random, 150, 2048);
      const data = Buffer.concat(items.flatMap((item) => [item.bytes, Buffer.from('\n')]));
      const path = tmp.path(`r-${seed}.ndjson`);
      await writeFile(path, '');
      const claimed = new Set<string>();
      const order: string[] = [];
      let cursor: QueueCursor | undefined;
      let reader = new QueueReader({ path, lanes: LANES, maxLineBytes: 2048 });
      for (const piece of pieces(data, random)) {
        await appendFile(path, piece);
        if (random() < 0.3) {
          // A lane restart: a new reader from what the claim store would have persisted.
          reader = new QueueReader({ path, lanes: LANES, maxLineBytes: 2048 });
          reader.seek(cursor);
        }
        const read = await reader.read();
        for (const task of read.tasks) {
          // The claim store's filter: a task from before a restart that comes round again is known.
          if (claimed.has(task.id)) continue;
          claimed.add(task.id);
          order.push(task.id);
        }
        cursor = reader.consumed((id) => claimed.has(id)) ?? cursor;
      }
      const expected = items.filter((i) => i.kind === 'valid').map((i) => i.id!);
      expect(order, `seed ${seed}`).toEqual(expected);
    }
  });
});

describe('documents and mixed formats fuzz', () => {
  it('random documents, random bytes and format switches: no crash, tasks exactly once, bad items reported', async () => {
    for (let seed = 200; seed < 240; seed++) {
      const random = mulberry32(seed);
      const path = tmp.path(`d-${seed}.json`);
      const reader = new QueueReader({ path, lanes: LANES, maxLineBytes: 4096 });
      const seen = new Set<string>();
      const versions = 1 + Math.floor(random() * 4);
      for (let v = 0; v < versions; v++) {
        const items = generate(random, 20, 4096).filter((i) => i.kind !== 'blank');
        const shape = Math.floor(random() * 4);
        let content: Buffer;
        if (shape === 3) {
          content = Buffer.alloc(Math.floor(random() * 3000));
          for (let i = 0; i < content.length; i++) content[i] = Math.floor(random() * 256);
        } else {
          const body = Buffer.concat(
            items.flatMap((item, i) => [i > 0 ? Buffer.from(',') : Buffer.alloc(0), item.bytes]),
          );
          const array = Buffer.concat([Buffer.from('['), body, Buffer.from(']')]);
          content =
            shape === 0
              ? array
              : shape === 1
                ? Buffer.concat([Buffer.from('{"tasks":'), array, Buffer.from('}')])
                : Buffer.concat(items.flatMap((item) => [item.bytes, Buffer.from('\n')]));
        }
        await writeFile(path, content);
        const read = await reader.read();
        for (const task of read.tasks) {
          expect(seen.has(task.id), `seed ${seed}: ${task.id} twice`).toBe(false);
          seen.add(task.id);
        }
        for (const problem of read.problems) expect(problem.reason.length).toBeGreaterThan(0);
        const bad = items.filter((i) => i.kind !== 'valid' && i.kind !== 'duplicate').length;
        if (
          shape !== 3 &&
          v === 0 &&
          !items.some(
            (i) => i.kind === 'cut-json' || i.kind === 'bytes' || i.kind === 'huge' || i.kind === 'utf8',
          )
        )
          expect(read.problems.length, `seed ${seed}`).toBeGreaterThanOrEqual(bad);
      }
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
