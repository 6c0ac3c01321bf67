/**
 * Fuzz: seeded random comment bodies built from command words, run ids good and bad, spaces of every kind,
 * line breaks and hostile characters. For every body:
 * - parsing never throws and yields undefined or one of the six command kinds;
 * - only the first line decides the kind (the same first line with any other rest parses to the same kind,
 *   and for everything but `run`, to the same command);
 * - a run's task is sanitised (a fixed point of `sanitizeUntrusted`, no comment opener, no CR);
 * - a resume's run id matches the run id pattern; an invalid command's reason is one short printable line.
 *
 * Replay a failure with KEEL_COMMANDS_FUZZ_SEED=<seed> (KEEL_COMMANDS_FUZZ_RUNS to change the run length).
 */
import { expect, it } from 'vitest';
import { parseCommand } from '../../src/github/triggers/commands.ts';
import { sanitizeUntrusted } from '../../src/base/sanitize-untrusted.ts';
import { RUN_ID_PATTERN } from '../../src/base/run-id.ts';
import { mulberry32 } from '../config/helpers.ts';

const SEED = Number(process.env.KEEL_COMMANDS_FUZZ_SEED ?? 0x6b636d64);
const RUNS = Number(process.env.KEEL_COMMANDS_FUZZ_RUNS ?? 4000);

const FIRST_LINE_PIECES = [
  '/keel',
  '/KEEL',
  '/Keel',
  '/keel ',
  'keel',
  '/',
  'run',
  'RUN',
  'resume',
  'status',
  'pause',
  'unpause',
  'deploy',
  'abc',
  '20260101-120000-a1b2c3',
  '../x',
  'a/b',
  '-x',
  'x'.repeat(90),
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\u202e',
  '\u2066',
  '\u{e0041}',
  '<!--',
  '-->',
  '<!-- x -->',
  '&lt;!-- keel:run=a --&gt;',
  '\u0000',
  '\u001b',
  '"',
  '`',
  '$(id)',
  ';',
  '>',
  'fix the bug',
  '\u0301',
  '\ud800',
];
const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085'];
const REST_PIECES = [...FIRST_LINE_PIECES, ...BREAKS, '/keel run other', '/keel resume zzz', '/keel status'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function build(random: () => number, pieces: readonly string[], max: number): string {
  const length = Math.floor(random() * max);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, pieces);
  return text;
}

function firstLine(random: () => number): string {
  // Most bodies start like a command, so that the interesting branches are reached.
  const start = random() < 0.8 ? pick(random, ['/keel ', '/KEEL  ', ' /keel\t', '/keel']) : '';
  return (start + build(random, FIRST_LINE_PIECES, 6)).replace(/[\r\n\u2028\u2029\u0085]/g, ' ');
}

it(`holds its contract on ${RUNS} seeded random comments (seed ${SEED})`, () => {
  const random = mulberry32(SEED);
  const kinds = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    const first = firstLine(random);
    const rest = build(random, REST_PIECES, 12);
    const other = build(random, REST_PIECES, 12);
    const body = random() < 0.3 ? first : `${first}${pick(random, BREAKS)}${rest}`;
    const where = `run ${run}: ${JSON.stringify(body)}`;

    const command = parseCommand(body);
    kinds.set(command?.kind ?? 'none', (kinds.get(command?.kind ?? 'none') ?? 0) + 1);
    const alone = parseCommand(first);
    const withOther = parseCommand(`${first}\n${other}`);
    expect(command?.kind, where).toBe(alone?.kind);
    expect(command?.kind, where).toBe(withOther?.kind);
    if (command?.kind !== 'run') expect(command, where).toEqual(alone);

    if (command === undefined) continue;
    switch (command.kind) {
      case 'run':
        if (command.task !== undefined) {
          expect(command.task, where).not.toBe('');
          expect(sanitizeUntrusted(command.task), where).toBe(command.task);
          expect(command.task.includes('<!--') || command.task.includes('\r'), where).toBe(false);
        }
        break;
      case 'resume':
        if (command.runId !== undefined) expect(RUN_ID_PATTERN.test(command.runId), where).toBe(true);
        break;
      case 'invalid':
        expect(command.reason.length, where).toBeLessThanOrEqual(200);
        expect(/\p{Cc}|[\u200b-\u200f\u202a-\u202e\u2060-\u206f]/u.test(command.reason), where).toBe(false);
        break;
      default:
        expect(['status', 'pause', 'unpause'], where).toContain(command.kind);
    }
  }
  // The generator reaches every outcome, or the properties above say little.
  for (const kind of ['none', 'run', 'resume', 'status', 'pause', 'unpause', 'invalid']) {
    expect(kinds.get(kind) ?? 0, `${kind} in ${JSON.stringify([...kinds])}`).toBeGreaterThan(10);
  }
});
