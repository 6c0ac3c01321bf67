/** QueueReader: formats, append-safe NDJSON, over-long lines, rewrites, cursors, documents. */
import { appendFile, rename, truncate, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import type { QueueEvent } from '../../src/queue/types.ts';
import { appendLines, line, tempDir, writeLines, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(async () => {
  await tmp.cleanup();
});

const lanes = ['a', 'b'];
function reader(path: string, options: { maxLineBytes?: number; chunkBytes?: number } = {}) {
  const events: QueueEvent[] = [];
  const r = new QueueReader({ path, lanes, displayPath: 'q', log: (e) => events.push(e), ...options });
  return { r, events };
}
const ids = (read: { tasks: { id: string }[] }) => read.tasks.map((t) => t.id);

describe('NDJSON', () => {
  it('reads on from where it stopped; a partial last line waits for its newline', async () => {
    const path = tmp.path('q.ndjson');
    await writeLines(path, [{ id: '1', text: 'one' }]);
    await appendFile(path, '{"id":"2","te');
    const { r, events } = reader(path);
    const first = await r.read();
    expect(first.format).toBe('ndjson');
    expect(ids(first)).toEqual(['1']);
    expect(first.problems).toEqual([]);
    expect(await r.read()).toMatchObject({ tasks: [], problems: [] });
    await appendFile(path, 'xt":"two"}\r\n\n   \n');
    await appendLines(path, [{ id: '3', task: 'three', lane: 'b', priority: 2 }]);
    const second = await r.read();
    expect(ids(second)).toEqual(['2', '3']);
    expect(second.tasks[0]).toMatchObject({ text: 'two', ref: 'q:2' });
    expect(second.tasks[1]).toMatchObject({ owner: 'b', priority: 2, ref: 'q:5' });
    expect(events).toEqual([]);
  });

  it('reports bad lines and duplicates, one problem each, and goes on', async () => {
    const path = tmp.path('q.ndjson');
    await writeFile(
      path,
      [
        'not json',
        line({ id: 'a', text: 'x' }).trim(),
        '[1,2]',
        line({ id: 'a', text: 'again' }).trim(),
        '{"id":"p","text":"x","__proto__":{"hacked":1}}',
        line({ id: 'o', text: 'x', owner: 'nobody' }).trim(),
        line({ id: 'b', text: 'y' }).trim(),
        '',
      ].join('\n'),
    );
    const { r, events } = reader(path);
    const read = await r.read();
    expect(ids(read)).toEqual(['a', 'b']);
    expect(read.problems.map((p) => [p.ref, p.reason.replace(/:.*/s, '')])).toEqual([
      ['q:1', 'not JSON'],
      ['q:3', 'expected a task object, got an array'],
      ['q:4', 'duplicate id "a" (first at q'],
      ['q:5', 'forbidden key "__proto__"'],
      ['q:6', 'owner "nobody" is not a configured lane'],
    ]);
    expect(events.filter((e) => e.type === 'queue_problem')).toHaveLength(5);
  });

  it('reads issue-shaped lines (title and body) beside task lines; one with neither is a bad line', async () => {
    const path = tmp.path('q.ndjson');
    await writeFile(
      path,
      [
        '{"id":"T-1","text":"Add a version constant."}',
        '{"id":"12","title":"Fix the parser","body":"It drops the last line.<!-- hidden -->"}',
        '{"id":"13","title":"Only a title","body":null}',
        '{"id":"14","labels":["bug"]}',
        '{"id":"15","title":"","body":"  "}',
        '',
      ].join('\n'),
    );
    const { r, events } = reader(path);
    const read = await r.read();
    expect(read.tasks.map((t) => [t.id, t.text, t.ref])).toEqual([
      ['T-1', 'Add a version constant.', 'q:1'],
      ['12', 'Fix the parser\n\nIt drops the last line.', 'q:2'],
      ['13', 'Only a title', 'q:3'],
    ]);
    expect(read.problems).toEqual([
      { ref: 'q:4', reason: 'missing text (text, task or prompt; or title and body)' },
      { ref: 'q:5', reason: 'empty title and body (nothing visible left in either)' },
    ]);
    expect(events.filter((e) => e.type === 'queue_problem')).toHaveLength(2);
  });

  it('skips a line over the bound without holding it, also when its newline comes later', async () => {
    const path = tmp.path('q.ndjson');
    const { r, events } = reader(path, { maxLineBytes: 1000, chunkBytes: 256 });
    await writeLines(path, [{ id: '1', text: 'x' }]);
    await appendFile(path, `{"id":"big","text":"${'y'.repeat(1500)}`);
    const first = await r.read();
    expect(ids(first)).toEqual(['1']);
    expect(first.problems).toEqual([{ ref: 'q:2', reason: 'line longer than 1000 bytes, skipped' }]);
    await appendFile(path, `${'y'.repeat(5000)}"}\n`);
    await appendLines(path, [{ id: '3', text: 'z' }]);
    const second = await r.read();
    expect(ids(second)).toEqual(['3']);
    expect(second.problems).toEqual([]);
    expect(second.tasks[0]!.ref).toBe('q:3');
    // A long line that arrives whole is reported when it is read.
    await appendFile(path, `${'z'.repeat(3000)}\n`);
    await appendLines(path, [{ id: '5', text: 'z' }]);
    const third = await r.read();
    expect(ids(third)).toEqual(['5']);
    expect(third.problems).toEqual([{ ref: 'q:4', reason: 'line longer than 1000 bytes, skipped' }]);
    expect(events.filter((e) => e.type === 'queue_problem')).toHaveLength(2);
  });

  it('reads a line longer than a chunk but within the bound whole, also while it is being written', async () => {
    const path = tmp.path('q.ndjson');
    const long = { id: 'long', text: `Long ${'l'.repeat(700)}` };
    const wide = { id: 'wide', text: `Wide ${'é😀'.repeat(150)}` };
    await writeLines(path, [{ id: '1', text: 'x' }, long, wide, { id: '4', text: 'y' }]);
    for (const chunkBytes of [1, 7, 64, 256]) {
      const read = await reader(path, { maxLineBytes: 1000, chunkBytes }).r.read();
      expect(read.problems, `chunkBytes ${chunkBytes}`).toEqual([]);
      expect(read.tasks.map((t) => [t.id, t.text, t.ref])).toEqual([
        ['1', 'x', 'q:1'],
        ['long', long.text, 'q:2'],
        ['wide', wide.text, 'q:3'],
        ['4', 'y', 'q:4'],
      ]);
    }
    await writeFile(path, line({ id: '1', text: 'x' }) + line(long).slice(0, 500));
    const { r } = reader(path, { maxLineBytes: 1000, chunkBytes: 64 });
    expect(ids(await r.read())).toEqual(['1']);
    await appendFile(path, `${line(long).slice(500)}${line({ id: '3', text: 'z' })}`);
    const rest = await r.read();
    expect(rest.tasks.map((t) => [t.id, t.text, t.ref])).toEqual([
      ['long', long.text, 'q:2'],
      ['3', 'z', 'q:3'],
    ]);
    expect(rest.problems).toEqual([]);
  });

  it('counts a skipped over-long line as settled, whether it came whole or in pieces', async () => {
    const path = tmp.path('q.ndjson');
    const long = `{"id":"big","text":"${'y'.repeat(1500)}"}\n`;
    for (const pieces of [[long], [long.slice(0, 1200), long.slice(1200)]]) {
      await writeLines(path, [{ id: '1', text: 'x' }]);
      const { r } = reader(path, { maxLineBytes: 1000, chunkBytes: 256 });
      for (const piece of pieces) {
        await appendFile(path, piece);
        await r.read();
      }
      await appendLines(path, [{ id: '3', text: 'z' }]);
      expect(ids(await r.read())).toEqual(['3']);
      const claimed = new Set(['1']);
      expect(r.consumed((id) => claimed.has(id))).toMatchObject({ line: 2, offset: 22 + long.length });
    }
  });

  it('reports invalid UTF-8 but keeps a real U+FFFD', async () => {
    const path = tmp.path('q.ndjson');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('{"id":"bad","text":"a'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}\n'),
        Buffer.from(line({ id: 'ok', text: 'keeps \ufffd' })),
      ]),
    );
    const { r } = reader(path);
    const read = await r.read();
    expect(ids(read)).toEqual(['ok']);
    expect(read.problems).toEqual([{ ref: 'q:1', reason: 'invalid UTF-8' }]);
  });

  it('starts over when the file is truncated, replaced or rewritten, deduplicating what it gave out', async () => {
    const path = tmp.path('q.ndjson');
    await writeLines(path, [
      { id: '1', text: 'x' },
      { id: '2', text: 'x' },
    ]);
    const { r, events } = reader(path);
    expect(ids(await r.read())).toEqual(['1', '2']);
    await truncate(path, 0);
    await writeLines(path, [{ id: '3', text: 'x' }]);
    const truncated = await r.read();
    expect(truncated.restarted).toMatch(/truncated/);
    expect(ids(truncated)).toEqual(['3']);
    // Replaced by a rename (new inode), old ids again plus a new one: no duplicate reports, one new task.
    await writeLines(tmp.path('next'), [
      { id: '1', text: 'x' },
      { id: '3', text: 'x' },
      { id: '4', text: 'x' },
    ]);
    await rename(tmp.path('next'), path);
    const replaced = await r.read();
    expect(replaced.restarted).toMatch(/new inode/);
    expect(ids(replaced)).toEqual(['4']);
    expect(replaced.problems).toEqual([]);
    // Same inode, same size or bigger, different head.
    await writeFile(
      path,
      line({ id: '5', text: 'y' }) + line({ id: '6', text: 'yy' }) + line({ id: '7', text: 'y' }),
    );
    const rewritten = await r.read();
    expect(rewritten.restarted).toMatch(/head changed/);
    expect(ids(rewritten)).toEqual(['5', '6', '7']);
    expect(events.filter((e) => e.type === 'queue_rewritten')).toHaveLength(3);
  });

  it('gives a cursor at the end of the settled lines that a new reader can seek to', async () => {
    const path = tmp.path('q.ndjson');
    await writeFile(path, '\ufeff' + line({ id: '1', text: 'x' }) + 'junk\n' + line({ id: '2', text: 'x' }));
    const { r } = reader(path);
    expect(ids(await r.read())).toEqual(['1', '2']);
    const claimed = new Set<string>();
    expect(r.consumed((id) => claimed.has(id))).toMatchObject({ offset: 3, line: 0 });
    claimed.add('1');
    const afterOne = r.consumed((id) => claimed.has(id))!;
    // Line 1 and the junk line 2 are settled; line 3 is not claimed yet.
    expect(afterOne).toMatchObject({ line: 2 });
    const fresh = reader(path).r;
    fresh.seek(afterOne);
    const resumed = await fresh.read();
    expect(ids(resumed)).toEqual(['2']);
    expect(resumed.tasks[0]!.ref).toBe('q:3');
    expect(resumed.restarted).toBeUndefined();
    // A cursor that does not match the file (rewritten since) makes the reader start from the top.
    await writeFile(path, line({ id: '9', text: 'other content entirely' }) + line({ id: '8', text: 'x' }));
    const stale = reader(path).r;
    stale.seek(afterOne);
    const again = await stale.read();
    expect(again.restarted).toBeDefined();
    expect(ids(again)).toEqual(['9', '8']);
  });
});

describe('JSON documents', () => {
  it('reads an array and { tasks: [...] }, again whole when changed, deduplicated by id', async () => {
    const path = tmp.path('q.json');
    await writeFile(path, JSON.stringify([{ id: '1', text: 'x' }, { id: '2', prompt: 'y' }, { nope: 1 }]));
    const { r } = reader(path);
    const first = await r.read();
    expect(first.format).toBe('json-array');
    expect(ids(first)).toEqual(['1', '2']);
    expect(first.problems).toEqual([{ ref: 'q[2]', reason: 'missing id' }]);
    expect(await r.read()).toMatchObject({ tasks: [], problems: [] });
    await writeFile(
      path,
      JSON.stringify(
        {
          tasks: [
            { id: '1', text: 'x' },
            { id: '3', text: 'z' },
            { id: '3', text: 'dup' },
          ],
        },
        null,
        2,
      ),
    );
    const second = await r.read();
    expect(second.format).toBe('json-object');
    expect(ids(second)).toEqual(['3']);
    expect(second.problems).toEqual([{ ref: 'q[2]', reason: 'duplicate id "3" (first at q[1])' }]);
  });

  it('waits for a document caught half-written, with one problem per version', async () => {
    const path = tmp.path('q.json');
    await writeFile(path, '{\n  "tasks": [\n    {"id": "1", "text": "x"},\n');
    const { r } = reader(path);
    const half = await r.read();
    expect(half.format).toBe('json-object');
    expect(half.tasks).toEqual([]);
    expect(half.problems).toHaveLength(1);
    expect(half.problems[0]!.reason).toMatch(/not valid JSON \(yet\?\)/);
    expect(await r.read()).toMatchObject({ tasks: [], problems: [] });
    await appendFile(path, '    {"id": "2", "text": "y"}\n  ]\n}\n');
    expect(ids(await r.read())).toEqual(['1', '2']);
  });

  it('tells a one-line { tasks } document from NDJSON', async () => {
    const path = tmp.path('q.json');
    await writeFile(path, `${JSON.stringify({ tasks: [{ id: '1', text: 'x' }] })}\n`);
    expect(await reader(path).r.read()).toMatchObject({ format: 'json-object', tasks: [{ id: '1' }] });
    await writeFile(path, line({ tasks: [{ id: '1', text: 'x' }] }) + line({ id: '2', text: 'y' }));
    const mixed = await reader(path).r.read();
    expect(mixed.format).toBe('ndjson');
    expect(ids(mixed)).toEqual(['2']);
    expect(mixed.problems).toEqual([{ ref: 'q:1', reason: 'missing id' }]);
  });

  it('says nothing about a missing or empty file', async () => {
    const { r } = reader(tmp.path('none'));
    expect(await r.read()).toEqual({ tasks: [], problems: [] });
    await writeFile(tmp.path('none'), '  \n');
    expect(await r.read()).toEqual({ tasks: [], problems: [] });
  });
});
