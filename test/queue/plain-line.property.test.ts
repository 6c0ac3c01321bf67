/**
 * The ingest fast path (`LINE_PLAIN` lines go through `plainLineTask`: no text cleaning, and the hostile-key
 * walk cut to one pass over the item's keys) against the slow one: for random and adversarial lines, whatever the reader makes of a
 * line is exactly what `normalizeTask` makes of the same parsed item — the same task or the same problem,
 * then deduplicated by id. And what the scanner calls plain really is what `LINE_PLAIN` promises.
 * Seeded: a failure names its seed and line.
 */
import { open, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/base/errors.ts';
import {
  findHostileKey,
  judgedByZod,
  normalizeTask,
  plainLineTask,
  type NormalizeResult,
} from '../../src/queue/normalize.ts';
import { LINE_PLAIN, scanLines, type ScanOptions } from '../../src/queue/ndjson-scanner.ts';
import { QueueReader } from '../../src/queue/queue-reader.ts';
import type { QueueProblem, QueueTask } from '../../src/queue/types.ts';
import { mulberry32, tempDir, type TempDir } from './helpers.ts';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await tempDir('keel-plain-');
});
afterEach(async () => {
  await tmp.cleanup();
});

const LANES = ['local', 'hosted'];
const LANE_SET = new Set(LANES);

/** JSON texts of values, as a producer (or an attacker) might write them: raw, not via JSON.stringify. */
const IDS = [
  '"T-1"',
  '"job:7"',
  '"a.b_c:d-9"',
  '"a b"',
  '""',
  `"${'x'.repeat(128)}"`,
  `"${'x'.repeat(129)}"`,
  '"constructor"',
  '"prototype"',
  '"__proto__"',
  '"Constructor"',
  '"é"',
  '"\\u0041"',
  '"a\\nb"',
  '"a/b"',
  '"a{b"',
  '42',
  '0',
  '-1',
  '1.5',
  '1e2',
  '-0',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
];
const TEXTS = [
  '"Add a helper."',
  '"x"',
  '""',
  '" "',
  '"   "',
  '"\\t\\n"',
  '"\\u0020"',
  '"\\u00a0"',
  '"a\\u0000b"',
  '"ctl\\u0007\\u001f\\u009f"',
  '"\\ud800lone"',
  '"\\ud83d\\ude00 pair"',
  '"é ünïcödé 😀"',
  '"\u0085 raw C1"',
  '"\u00a0"',
  '"\u2028"',
  '"a\x7fb"',
  '"\x7f"',
  '"a{b"',
  '"a[b]"',
  '"a\\\\b"',
  '"say \\"hi\\""',
  '"protocol"',
  '"the constructor"',
  '"}"',
  `"${'p'.repeat(20_000)}"`,
  `"${'p'.repeat(20_001)}"`,
  `"${'q '.repeat(15_000)}"`,
  `"${' '.repeat(20_001)}"`,
  '5',
  'null',
  'true',
  '["a"]',
  '{"t":"a"}',
];
const OWNERS = [
  '"local"',
  '"hosted"',
  '"LOCAL"',
  '"gamma"',
  '""',
  `"${'l'.repeat(65)}"`,
  '"__proto__"',
  '"constructor"',
  '"loc\\u0061l"',
  'null',
  '1',
  'false',
  '["local"]',
];
const PRIORITIES = [
  '0',
  '-0',
  '7',
  '-1',
  '1.5',
  '5.0',
  '1E2',
  '1e6',
  '1000000',
  '1000001',
  '-1000000',
  '-1000001',
  '1152921504606846976',
  '1e400',
  '-1e400',
  '"1"',
  'null',
  'true',
  '[1]',
  '{"p":1}',
];
const META = [
  '"anything"',
  '1',
  '{"k":1}',
  '[1,{"deep":true}]',
  '{"constructor":{"prototype":1}}',
  '{"a":[{"__proto__":1}]}',
  `${'['.repeat(40)}${']'.repeat(40)}`,
  `${'{"a":'.repeat(20)}1${'}'.repeat(20)}`,
];
/** Keys as written in the line: canonical, aliases, hostile, escaped, and harmless look-alikes. */
const KEYS: [string, readonly string[]][] = [
  ['"id"', IDS],
  ['"text"', TEXTS],
  ['"task"', TEXTS],
  ['"prompt"', TEXTS],
  ['"owner"', OWNERS],
  ['"lane"', OWNERS],
  ['"priority"', PRIORITIES],
  ['"meta"', META],
  ['"__proto__"', META],
  ['"constructor"', META],
  ['"prototype"', META],
  ['"\\u005f_proto__"', META],
  ['"i\\u0064"', IDS],
  ['"te\\u0078t"', TEXTS],
  ['"PROTO"', META],
  ['"x"', META],
];
const WHOLE_LINES = [
  '',
  ' ',
  '\t',
  '   \t ',
  'not json',
  '{',
  '{}',
  '{"id":"a","text":"b"',
  '{"id":"a","text":"b"} x',
  '{"id":"a","text":"b"},',
  '[1,2]',
  '[{"id":"x","text":"y"}]',
  '"a string"',
  '42',
  'null',
  'true',
  ' {"id":"lead","text":"space first"}',
  '{"id":"trail","text":"space after"}   ',
  '\t{"id":"tab","text":"tab first"}',
  '{"id":"dupkey","text":"one","text":"two"}',
  '{"id":"dupid","id":"other","text":"t"}',
];

/** `ascii`: how often a non-ASCII choice stands (one such line makes its whole chunk not plain). */
function generateLine(random: () => number, n: number, earlierIds: string[], ascii: number): string {
  const anyOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pick = (list: readonly string[]): string => {
    let value = anyOf(list);
    while (/[\u0080-\uffff]/.test(value) && random() >= ascii) value = anyOf(list);
    return value;
  };
  if (random() < 0.08) return pick(WHOLE_LINES);
  const space = () => (random() < 0.15 ? anyOf([' ', '  ', '\t']) : '');
  const members: string[] = [];
  // Mostly the shape producers write, with a fresh (or a repeated) id, so the fast path has work to do.
  if (random() < 0.75) {
    const id =
      earlierIds.length > 0 && random() < 0.05
        ? anyOf(earlierIds)
        : `${pick(['t', 'T.', 'job:', 'a_b-'])}${n}`;
    members.push(`"id":${JSON.stringify(id)}`);
    if (random() < 0.7) members.push(`"text":${random() < 0.7 ? `"Do task ${n}."` : pick(TEXTS)}`);
  }
  for (let extra = random() < 0.5 ? 0 : 1 + Math.floor(random() * 3); extra > 0; extra--) {
    const [key, values] = anyOf(KEYS);
    members.push(`${key}${space()}:${space()}${pick(values)}`);
  }
  // Shuffled: a key's position (first, last, after a look-alike) must not matter.
  for (let i = members.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [members[i], members[j]] = [members[j]!, members[i]!];
  }
  return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`;
}

/**
 * `normalizeTask`, checked against its own slow path: the hostile-key walk, then zod for every object. So
 * a shortcut that vouches for too much fails here even though `normalizeTask` takes the shortcut too.
 */
function normalized(raw: unknown, ref: string): NormalizeResult {
  const result = normalizeTask(raw, ref, { lanes: LANES });
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && findHostileKey(raw, 0) === undefined)
    expect(result, ref).toEqual(judgedByZod(raw as Record<string, unknown>, ref, LANE_SET, 'file'));
  // And against the documented rule itself (the shortcut and zod share the blank test).
  if (result.ok) expect(result.task.text.trim(), ref).not.toBe('');
  return result;
}

/** What the reader must make of `lines`: `normalizeTask` on each parsed line, then dedupe by id. */
function expectedRead(lines: string[], display: string): { tasks: QueueTask[]; problems: QueueProblem[] } {
  const tasks: QueueTask[] = [];
  const problems: QueueProblem[] = [];
  const seen = new Map<string, string>();
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const ref = `${display}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push({ ref, reason: `not JSON: ${errorMessage(error).slice(0, 200)}` });
      return;
    }
    const result = normalized(raw, ref);
    if (!result.ok) return problems.push(result.problem);
    const first = seen.get(result.task.id);
    if (first !== undefined)
      return problems.push({ ref, reason: `duplicate id "${result.task.id}" (first at ${first})` });
    seen.set(result.task.id, ref);
    tasks.push(result.task);
  });
  return { tasks, problems };
}

/** The scanner's verdict for each line of the file (by line number). */
async function plainLines(path: string, options: ScanOptions): Promise<Set<number>> {
  const plain = new Set<number>();
  const file = await open(path, 'r');
  try {
    const sink = {
      line: (_text: string, lineNo: number, _end: number, kind: number) => {
        if (kind === LINE_PLAIN) plain.add(lineNo);
      },
      tooLong: () => undefined,
      skipped: () => undefined,
    };
    await scanLines(file, (await file.stat()).size, { offset: 0, line: 0, skipping: false }, sink, options);
  } finally {
    await file.close();
  }
  return plain;
}

/** What `LINE_PLAIN` promises of a line that parses: an object whose strings, nested ones too, are printable ASCII. */
function checkPlainPromise(raw: unknown, where: string): void {
  expect(raw !== null && typeof raw === 'object' && !Array.isArray(raw), where).toBe(true);
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)])
        : [];
  for (const text of strings(raw)) expect(text, where).toMatch(/^[\x20-\x7e]*$/);
}

describe('the plain-line fast path', () => {
  for (let seed = 1; seed <= 8; seed++) {
    it(`seed ${seed}: the reader's tasks and problems are normalizeTask's, line for line`, async () => {
      const random = mulberry32(seed * 65_537);
      // Seeds 1–4 read in one big chunk, so their lines are ASCII (any other byte would make the whole
      // chunk not plain); the others in small chunks, and now and then a non-ASCII line.
      const big = seed <= 4;
      const lines = ['{"id":"first","text":"An NDJSON queue, not a document."}'];
      const ids: string[] = [];
      for (let n = 1; n < 3000; n++) {
        const line = generateLine(random, n, ids, big ? 0 : 0.05);
        lines.push(line);
        const id = /^\{"id":"([^"\\]*)"/.exec(line)?.[1];
        if (id !== undefined) ids.push(id);
      }
      const crlf = seed % 2 === 0;
      const path = tmp.path(`p-${seed}.ndjson`);
      await writeFile(path, lines.map((line) => `${line}${crlf && random() < 0.5 ? '\r' : ''}\n`).join(''));
      const options: ScanOptions = big ? {} : { chunkBytes: 256 + Math.floor(random() * 4096) };
      const read = await new QueueReader({ path, lanes: LANES, displayPath: 'q', ...options }).read();
      const expected = expectedRead(lines, 'q');
      expect(read.tasks, `seed ${seed}`).toEqual(expected.tasks);
      expect(read.problems, `seed ${seed}`).toEqual(expected.problems);

      // Per line, the promise the fast path rests on, and the fast path itself.
      const plain = await plainLines(path, options);
      let vouched = 0;
      let refused = 0;
      for (const lineNo of plain) {
        const text = lines[lineNo - 1]!;
        const where = `seed ${seed}, line ${lineNo}: ${text.slice(0, 200)}`;
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          continue;
        }
        checkPlainPromise(raw, where);
        const fast = plainLineTask(raw, `q:${lineNo}`, LANE_SET);
        const slow = normalized(raw, `q:${lineNo}`);
        if (fast === undefined) refused++;
        else {
          vouched++;
          expect(slow, where).toEqual({ ok: true, task: fast, notes: [] });
        }
      }
      // The test only means something if the fast path both took and turned down many lines.
      expect(plain.size, `seed ${seed}`).toBeGreaterThan(lines.length / 3);
      expect(vouched, `seed ${seed}`).toBeGreaterThan(lines.length / 8);
      expect(refused, `seed ${seed}`).toBeGreaterThan(lines.length / 8);
    });
  }
});
