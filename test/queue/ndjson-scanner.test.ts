/**
 * The NDJSON scanner on its own: which lines are plain (each marker on its own flips a line), CRLF, and
 * that the chunking never shows — any chunk size, any way the file grew, the same lines with the same
 * ends and kinds, over-long lines skipped once, and lines longer than a chunk carried whole.
 */
import { appendFile, open, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LINE_BAD_UTF8,
  LINE_CHECK,
  LINE_PLAIN,
  scanLines,
  type ScanOptions,
  type ScanPosition,
} from '../../src/queue/ndjson-scanner.ts';
import { mulberry32, tempDir, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-scan-');
});
afterEach(async () => {
  await tmp.cleanup();
});

type Event =
  | { type: 'line'; text: string; lineNo: number; end: number; kind: number }
  | { type: 'tooLong'; lineNo: number; start: number }
  | { type: 'skipped'; lineNo: number; end: number };

/** Every sink call of one scan from `position` over the file as it is now, and where the next starts. */
async function scan(
  path: string,
  options: ScanOptions,
  position: ScanPosition = { offset: 0, line: 0, skipping: false },
  events: Event[] = [],
): Promise<{ events: Event[]; position: ScanPosition }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const next = await scanLines(
      file,
      size,
      position,
      {
        line: (text, lineNo, end, kind) => events.push({ type: 'line', text, lineNo, end, kind }),
        tooLong: (lineNo, start) => events.push({ type: 'tooLong', lineNo, start }),
        skipped: (lineNo, end) => events.push({ type: 'skipped', lineNo, end }),
      },
      options,
    );
    return { events, position: next };
  } finally {
    await file.close();
  }
}

let files = 0;
async function scanContent(content: string | Buffer, options: ScanOptions = {}) {
  const path = tmp.path(`s-${files++}.ndjson`);
  await writeFile(path, content);
  return scan(path, options);
}

/** Appends `pieces` one by one and scans after each, carrying the position as a reader does. */
async function scanGrowing(pieces: (string | Buffer)[], options: ScanOptions) {
  const path = tmp.path(`g-${files++}.ndjson`);
  await writeFile(path, '');
  const events: Event[] = [];
  let position: ScanPosition = { offset: 0, line: 0, skipping: false };
  for (const piece of pieces) {
    await appendFile(path, piece);
    position = (await scan(path, options, position, events)).position;
  }
  return { events, position };
}

async function kindOf(line: string): Promise<number> {
  const { events } = await scanContent(`${line}\n`);
  expect(events).toHaveLength(1);
  return (events[0] as { kind: number }).kind;
}

const PLAIN = '{"id":"T-1","text":"Add a helper.","owner":"a","priority":3}';

describe('line kinds', () => {
  it('an ASCII line that opens with { and holds no backslash and no DEL is plain', async () => {
    expect(await kindOf(PLAIN)).toBe(LINE_PLAIN);
    expect(await kindOf('{}')).toBe(LINE_PLAIN);
    // Not JSON at all, yet plain: plain only promises what a successful parse would give.
    expect(await kindOf('{ not json')).toBe(LINE_PLAIN);
    // Nesting and hostile keys are the reader's to see, on the parsed item (plain-line.property.test.ts):
    // the bytes only vouch that keys are spelled as written and every string is printable ASCII.
    expect(await kindOf('{"id":"a","text":"x","meta":{"k":[1]}}')).toBe(LINE_PLAIN);
    expect(await kindOf('{"id":"a","text":"x","__proto__":{"constructor":1}}')).toBe(LINE_PLAIN);
  });

  it.each([
    ['a backslash', '{"id":"a","text":"a\\nb"}'],
    ['an escaped key', '{"id":"a","text":"x","\\u005f_proto__":1}'],
    ['an escaped quote', '{"id":"a","text":"say \\"hi\\""}'],
    ['a DEL', '{"id":"a","text":"x\x7fy"}'],
    ['a DEL outside a string', '{"id":"a",\x7f"text":"x"}'],
    ['a first character other than {', ' {"id":"a","text":"x"}'],
    ['an array', '[{"id":"a","text":"x"}]'],
    ['a string', '"{}"'],
    ['a blank line', ''],
    ['a whitespace line', '   '],
    ['a CR alone', '\r'],
  ])('%s makes a line not plain', async (_what, line) => {
    expect(await kindOf(line)).toBe(LINE_CHECK);
  });

  it('a marker at the very end of a line, or just before a CR, counts', async () => {
    for (const end of ['\\', '\x7f']) {
      expect(await kindOf(`{"id":"a"${end}`), end).toBe(LINE_CHECK);
      const { events } = await scanContent(`{"id":"a"${end}\r\n`);
      expect(events, end).toMatchObject([{ kind: LINE_CHECK, text: `{"id":"a"${end}` }]);
    }
  });

  it("a marker is this line's only: the lines around it stay plain", async () => {
    for (const marker of ['\\\\', '\x7f']) {
      const bad = `{"id":"b","text":"${marker}"}`;
      const content = [PLAIN, bad, PLAIN, PLAIN, bad, bad, PLAIN, `${PLAIN}${marker}`, PLAIN, ''].join('\n');
      const { events } = await scanContent(content);
      const kinds = events.map((e) => (e as { kind: number }).kind);
      const [P, C] = [LINE_PLAIN, LINE_CHECK];
      expect(kinds, JSON.stringify(marker)).toEqual([P, C, P, P, C, C, P, C, P]);
    }
  });

  it('non-ASCII is never plain; invalid UTF-8 is reported as such', async () => {
    expect(await kindOf('{"id":"a","text":"é"}')).toBe(LINE_CHECK);
    expect(await kindOf('{"id":"a","text":"😀"}')).toBe(LINE_CHECK);
    expect(await kindOf('{"id":"a","text":"\u0085"}')).toBe(LINE_CHECK);
    const bad = Buffer.concat([Buffer.from('{"id":"a","text":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const { events } = await scanContent(Buffer.concat([bad, Buffer.from(`${PLAIN}\n`)]));
    expect(events[0]).toMatchObject({ kind: LINE_BAD_UTF8, text: '{"id":"a","text":"\ufffd"}' });
    expect(events[1]).toMatchObject({ kind: LINE_CHECK, text: PLAIN });
    // A real U+FFFD is valid UTF-8.
    expect(await kindOf('{"id":"a","text":"\ufffd"}')).toBe(LINE_CHECK);
  });

  it('ASCII lines in a chunk of their own stay plain beside a non-ASCII chunk', async () => {
    const content = `${PLAIN}\n{"id":"b","text":"é"}\n${PLAIN}\n`;
    const { events } = await scanContent(content, { chunkBytes: PLAIN.length + 1 });
    expect(events.map((e) => (e as { kind: number }).kind)).toEqual([LINE_PLAIN, LINE_CHECK, LINE_PLAIN]);
  });
});

describe('CRLF', () => {
  it('strips one CR before the newline, counts it in the end, and keeps any other CR', async () => {
    const content = `${PLAIN}\r\n\r\n{"a":1}\r\r\nx\ry\n`;
    const { events, position } = await scanContent(content);
    const first = PLAIN.length + 2;
    expect(events).toEqual([
      { type: 'line', text: PLAIN, lineNo: 1, end: first, kind: LINE_PLAIN },
      { type: 'line', text: '', lineNo: 2, end: first + 2, kind: LINE_CHECK },
      { type: 'line', text: '{"a":1}\r', lineNo: 3, end: first + 12, kind: LINE_PLAIN },
      { type: 'line', text: 'x\ry', lineNo: 4, end: first + 16, kind: LINE_CHECK },
    ]);
    expect(position).toEqual({ offset: Buffer.byteLength(content), line: 4, skipping: false });
  });

  it('a CR whose newline has not been written yet waits with its line', async () => {
    const { events, position } = await scanGrowing([`${PLAIN}\r`, '\n'], {});
    expect(events).toEqual([
      { type: 'line', text: PLAIN, lineNo: 1, end: PLAIN.length + 2, kind: LINE_PLAIN },
    ]);
    expect(position.offset).toBe(PLAIN.length + 2);
    const split = await scanContent(`${PLAIN}\r\n${PLAIN}\r\n`, { chunkBytes: PLAIN.length + 1 });
    expect(split.events.map((e) => (e as { text: string }).text)).toEqual([PLAIN, PLAIN]);
  });
});

/** A mixed file: plain and marked lines, CRLF, blanks, lines longer than small chunks, one too long. */
function mixedLines(random: () => number, count: number, maxLine: number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = 'w'.repeat(Math.floor(random() * 40));
    lines.push(
      pick([
        `{"id":"t${i}","text":"${text}"}`,
        `{"id":"t${i}","text":"${text}","meta":{"k":[1]}}`,
        `{"id":"t${i}","text":"a\\\\b${text}"}`,
        `{"id":"t${i}","__proto__":1,"text":"${text}"}`,
        `{"id":"t${i}","text":"${text}\x7f"}`,
        `{"id":"constructor","text":"${text}"}\r`,
        `{"id":"t${i}","text":"${'l'.repeat(maxLine - 25)}"}`,
        `{"id":"t${i}","text":"${'L'.repeat(maxLine + Math.floor(random() * maxLine))}"}`,
        '',
        '  ',
        '\r',
        'junk',
      ]),
    );
  }
  return lines;
}

describe('chunking never shows', () => {
  it('chunks of 1–7 bytes and any growth give what one big chunk gives', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const random = mulberry32(seed * 104_729);
      const maxLine = 60 + Math.floor(random() * 60);
      const content = `${mixedLines(random, 60, maxLine).join('\n')}\n`;
      const whole = await scanContent(content, { maxLineBytes: maxLine });
      expect(whole.events.some((e) => e.type === 'tooLong')).toBe(true);
      expect(whole.events.some((e) => e.type === 'line' && e.kind === LINE_PLAIN)).toBe(true);
      for (let chunkBytes = 1; chunkBytes <= 7; chunkBytes++) {
        const chunked = await scanContent(content, { maxLineBytes: maxLine, chunkBytes });
        expect(chunked, `seed ${seed}, chunkBytes ${chunkBytes}`).toEqual(whole);
      }
      // The file growing in random pieces (cut anywhere), scanned after each one, with small chunks.
      const pieces: string[] = [];
      for (let at = 0; at < content.length;) {
        const next = Math.min(content.length, at + 1 + Math.floor(random() * 3 * maxLine));
        pieces.push(content.slice(at, next));
        at = next;
      }
      const grown = await scanGrowing(pieces, { maxLineBytes: maxLine, chunkBytes: 1 + (seed % 7) });
      expect(grown, `seed ${seed}, growing`).toEqual(whole);
    }
  });

  it('multi-byte characters cut by chunk boundaries come out whole', async () => {
    const lines = ['{"id":"a","text":"é😀中"}', PLAIN, '{"id":"b","text":"ß"}', '', '{"x":"ü"}'];
    const content = `${lines.join('\n')}\n`;
    const whole = await scanContent(content);
    expect(whole.events.map((e) => (e as { text: string }).text)).toEqual(lines);
    for (let chunkBytes = 1; chunkBytes <= 7; chunkBytes++) {
      const chunked = await scanContent(content, { chunkBytes });
      // Kinds may differ: a chunk that holds only ASCII lines may find them plain.
      const strip = (events: Event[]) => events.map((e) => ({ ...e, kind: undefined }));
      expect(strip(chunked.events), `chunkBytes ${chunkBytes}`).toEqual(strip(whole.events));
      for (const event of chunked.events)
        if (event.type === 'line' && /[\u0080-\uffff]/.test(event.text)) expect(event.kind).toBe(LINE_CHECK);
    }
  });

  it('skips a too-long line once, across chunks, with its start and end, and goes on', async () => {
    const long = `{"id":"big","text":"${'y'.repeat(200)}"}`;
    const content = `${PLAIN}\n${long}\n${PLAIN}\n`;
    const longStart = PLAIN.length + 1;
    const expected: Event[] = [
      { type: 'line', text: PLAIN, lineNo: 1, end: longStart, kind: LINE_PLAIN },
      { type: 'tooLong', lineNo: 2, start: longStart },
      { type: 'skipped', lineNo: 2, end: longStart + long.length + 1 },
      { type: 'line', text: PLAIN, lineNo: 3, end: content.length, kind: LINE_PLAIN },
    ];
    for (let chunkBytes = 1; chunkBytes <= 7; chunkBytes++) {
      const { events } = await scanContent(content, { maxLineBytes: 100, chunkBytes });
      expect(events, `chunkBytes ${chunkBytes}`).toEqual(expected);
    }
    expect((await scanContent(content, { maxLineBytes: 100 })).events).toEqual(expected);
    // Its newline written only later: reported at once, skipped when the newline comes, never twice.
    const grown = await scanGrowing(
      [`${PLAIN}\n${long.slice(0, 150)}`, long.slice(150, 190), `${long.slice(190)}\n${PLAIN}\n`],
      { maxLineBytes: 100, chunkBytes: 3 },
    );
    expect(grown.events).toEqual(expected);
    expect(grown.position).toEqual({ offset: content.length, line: 3, skipping: false });
  });

  it('the bound is inclusive: a line of exactly maxLineBytes bytes (CR included) is kept', async () => {
    const exact = `{"t":"${'x'.repeat(92)}"}`;
    expect(exact.length).toBe(100);
    for (const chunkBytes of [1, 3, 7, 64, 1000]) {
      const kept = await scanContent(`${exact}\n${exact}x\n`, { maxLineBytes: 100, chunkBytes });
      expect(
        kept.events.map((e) => e.type),
        `chunkBytes ${chunkBytes}`,
      ).toEqual(['line', 'tooLong', 'skipped']);
      const crlf = await scanContent(`${exact.slice(1)}\r\n${exact}\r\n`, { maxLineBytes: 100, chunkBytes });
      expect(
        crlf.events.map((e) => e.type),
        `chunkBytes ${chunkBytes}`,
      ).toEqual(['line', 'tooLong', 'skipped']);
    }
  });
});

describe('the carried line', () => {
  it('a line longer than a chunk but within the bound is carried over chunk after chunk', async () => {
    const long = `{"id":"long","text":"${'abcdefghij'.repeat(50)}"}`;
    const content = `${PLAIN}\n${long}\n${PLAIN}\n`;
    const ends = [PLAIN.length + 1, PLAIN.length + long.length + 2, content.length];
    const expected: Event[] = [
      { type: 'line', text: PLAIN, lineNo: 1, end: ends[0]!, kind: LINE_PLAIN },
      { type: 'line', text: long, lineNo: 2, end: ends[1]!, kind: LINE_PLAIN },
      { type: 'line', text: PLAIN, lineNo: 3, end: ends[2]!, kind: LINE_PLAIN },
    ];
    for (const chunkBytes of [1, 2, 5, 16, 64, 100, 255, 256, 257, 1000]) {
      const { events, position } = await scanContent(content, { maxLineBytes: 1000, chunkBytes });
      expect(events, `chunkBytes ${chunkBytes}`).toEqual(expected);
      expect(position).toEqual({ offset: ends[2], line: 3, skipping: false });
    }
    // Only part of the line there yet: nothing is handed out, and the next scan resumes at its start.
    const options = { maxLineBytes: 1000, chunkBytes: 16 };
    const partial = await scanGrowing([`${PLAIN}\n${long.slice(0, 300)}`], options);
    expect(partial.position).toEqual({ offset: ends[0], line: 1, skipping: false });
    const pieces = [
      `${PLAIN}\n${long.slice(0, 300)}`,
      long.slice(300, 410),
      `${long.slice(410)}\n${PLAIN}\n`,
    ];
    expect((await scanGrowing(pieces, options)).events).toEqual(expected);
  });

  it('a carried multi-byte line comes out whole, never plain', async () => {
    const wide = `{"id":"wide","text":"${'é😀'.repeat(80)}"}`;
    const content = `${PLAIN}\n${wide}\n${PLAIN}\n`;
    const end = PLAIN.length + 1 + Buffer.byteLength(wide) + 1;
    for (const chunkBytes of [1, 2, 5, 16, 64, 100, 255, 256, 257]) {
      const { events } = await scanContent(content, { maxLineBytes: 1000, chunkBytes });
      expect(events[1], `chunkBytes ${chunkBytes}`).toEqual({
        type: 'line',
        text: wide,
        lineNo: 2,
        end,
        kind: LINE_CHECK,
      });
      expect(events.map((e) => (e as { text: string }).text)).toEqual([PLAIN, wide, PLAIN]);
    }
  });

  it('a carried line that outgrows the bound becomes a skipped one', async () => {
    const long = `{"id":"long","text":"${'z'.repeat(600)}"}`;
    const content = `${PLAIN}\n${long}\n${PLAIN}\n`;
    for (const chunkBytes of [16, 200, 499, 500, 501]) {
      const { events } = await scanContent(content, { maxLineBytes: 500, chunkBytes });
      expect(
        events.map((e) => [e.type, e.lineNo]),
        `chunkBytes ${chunkBytes}`,
      ).toEqual([
        ['line', 1],
        ['tooLong', 2],
        ['skipped', 2],
        ['line', 3],
      ]);
    }
  });
});
