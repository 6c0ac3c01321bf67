/**
 * Where a model's search text goes in a file, when the model did not copy it byte for byte (issue 10 §13).
 * Only differences with one meaning are forgiven, in this order, and the first rule that finds exactly one
 * place wins:
 *
 * 1. exact: the text occurs once (for whole-line edits, once where a line starts);
 * 2. line endings and trailing white space: the lines match once `\r` and trailing blanks are ignored
 *    (the replacement is written with the file's line ending);
 * 3. indentation: the lines match once their leading white space is read as columns and one constant
 *    offset is allowed — 2 spaces more or less on every line, or tabs written as 2, 4 or 8 spaces. The
 *    replacement is moved by the same offset and written in the file's indentation (tabs stay tabs).
 *
 * Two places, or none, are a refusal the model is shown: for "not found", the nearest lines of the file, so
 * that it can copy them exactly next time. Nothing here guesses between candidates.
 */

export type MatchKind = 'exact' | 'line-endings' | 'indentation';

export type Located =
  { ok: true; text: string; how: MatchKind } | { ok: false; reason: string; detail?: string };

/** Lines shown of a nearest match, at most. */
const NEAREST_LINES = 30;
const NEAREST_CHARS = 2_000;
/** Tab widths tried when the search and the file indent differently. */
const TAB_WIDTHS = [4, 2, 8] as const;

/** `text` with the one place of `search` replaced by `replace`, or why not. */
export function replaceOnce(text: string, search: string, replace: string, wholeLines: boolean): Located {
  const exact = occurrences(text, search, wholeLines);
  if (exact.length === 1) {
    const at = exact[0]!;
    // Slicing, not String.replace: `$&` and friends in model text must stay literal.
    return { ok: true, how: 'exact', text: text.slice(0, at) + replace + text.slice(at + search.length) };
  }
  const file = splitFile(text);
  if (exact.length > 1)
    return ambiguous(
      exact.map((at) => lineOf(text, at)),
      search,
    );

  const wanted = toLines(search);
  if (wanted.every((line) => line.trim() === '')) {
    return { ok: false, reason: 'search text not found (it is only white space)' };
  }
  const loose = windows(file.lines, wanted, (a, b) => a.trimEnd() === b.trimEnd());
  if (loose.length === 1) {
    const lines = toLines(replace).map((line) => line.replace(/\r$/, ''));
    return { ok: true, how: 'line-endings', text: splice(file, loose[0]!, wanted.length, lines) };
  }
  if (loose.length > 1) return ambiguous(loose, search);

  for (const width of TAB_WIDTHS) {
    const found = shiftedWindows(file.lines, wanted, width);
    if (found.length > 1)
      return ambiguous(
        found.map((match) => match.start),
        search,
      );
    if (found.length === 1) {
      const { start, delta } = found[0]!;
      const style = file.lines.slice(start, start + wanted.length).some((line) => /^ *\t/.test(line))
        ? 'tabs'
        : 'spaces';
      const lines: string[] = [];
      for (const line of toLines(replace)) {
        const moved = reindent(line.replace(/\r$/, ''), delta, width, style);
        if (moved === undefined) {
          return {
            ok: false,
            reason: `the search text matches only with a different indentation, and the replacement cannot be moved by the same ${Math.abs(delta)} columns`,
          };
        }
        lines.push(moved);
      }
      return { ok: true, how: 'indentation', text: splice(file, start, wanted.length, lines) };
    }
  }
  return notFound(file.lines, wanted, search);
}

/** Offsets where `search` occurs; for whole lines, only where a line starts. Overlapping ones count. */
function occurrences(text: string, search: string, wholeLines: boolean): number[] {
  const found: number[] = [];
  if (search === '') return found;
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + 1)) {
    if (!wholeLines || at === 0 || text[at - 1] === '\n') found.push(at);
  }
  return found;
}

interface FileLines {
  lines: string[];
  eol: '\n' | '\r\n';
  /** The text ends with a line break. */
  final: boolean;
}

function splitFile(text: string): FileLines {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const final = text.endsWith('\n');
  const body = final ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text;
  return { lines: body === '' && !final ? [] : body.split(/\r?\n/), eol, final };
}

/** A search or replacement as lines: CRLF read as LF, one final line break dropped. */
function toLines(text: string): string[] {
  const normal = text.replace(/\r\n/g, '\n');
  if (normal === '') return [];
  return (normal.endsWith('\n') ? normal.slice(0, -1) : normal).split('\n');
}

function splice(file: FileLines, start: number, count: number, lines: readonly string[]): string {
  const all = [...file.lines.slice(0, start), ...lines, ...file.lines.slice(start + count)];
  if (all.length === 0) return '';
  return all.join(file.eol) + (file.final ? file.eol : '');
}

/** Window starts where every line of `wanted` matches the file's line. */
function windows(
  lines: readonly string[],
  wanted: readonly string[],
  match: (a: string, b: string) => boolean,
): number[] {
  const starts: number[] = [];
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    if (wanted.every((line, k) => match(lines[start + k]!, line))) starts.push(start);
  }
  return starts;
}

interface Indented {
  column: number;
  rest: string;
}

function indentOf(line: string, width: number): Indented {
  let column = 0;
  let k = 0;
  for (; k < line.length; k++) {
    if (line[k] === ' ') column++;
    else if (line[k] === '\t') column += width - (column % width);
    else break;
  }
  return { column, rest: line.slice(k).trimEnd() };
}

/** Windows where the lines match with one constant column offset (`delta`: file minus search). */
function shiftedWindows(
  lines: readonly string[],
  wanted: readonly string[],
  width: number,
): { start: number; delta: number }[] {
  const want = wanted.map((line) => indentOf(line, width));
  const found: { start: number; delta: number }[] = [];
  for (let start = 0; start + want.length <= lines.length; start++) {
    let delta: number | undefined;
    let fits = true;
    for (const [k, w] of want.entries()) {
      const have = indentOf(lines[start + k]!, width);
      if (w.rest === '' || have.rest === '') {
        if (w.rest !== have.rest) fits = false;
      } else if (w.rest !== have.rest) fits = false;
      else if (delta === undefined) delta = have.column - w.column;
      else if (have.column - w.column !== delta) fits = false;
      if (!fits) break;
    }
    if (fits && delta !== undefined) found.push({ start, delta });
  }
  return found;
}

/** A replacement line moved by `delta` columns and written with tabs or spaces; undefined if it cannot move. */
function reindent(line: string, delta: number, width: number, style: 'tabs' | 'spaces'): string | undefined {
  const { column, rest } = indentOf(line, width);
  if (rest === '') return '';
  const target = column + delta;
  if (target < 0) return undefined;
  const indent =
    style === 'tabs'
      ? '\t'.repeat(Math.floor(target / width)) + ' '.repeat(target % width)
      : ' '.repeat(target);
  // The line's own text is kept as written, trailing white space included.
  return indent + line.replace(/^[ \t]*/, '');
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function ambiguous(starts: readonly number[], search: string): Located {
  const lines = [...new Set(starts.map((start) => start + 1))];
  const at =
    lines.length === 1
      ? `line ${lines[0]}`
      : `lines ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ' …' : ''}`;
  return {
    ok: false,
    reason: `search text is ambiguous (${starts.length} occurrences, at ${at})`,
    detail: `The search text:\n${fenced(search)}\nAdd lines around it that make it occur only once.`,
  };
}

/** "Not found", with the file's lines nearest to the search (by the lines they share, then by likeness). */
function notFound(lines: readonly string[], wanted: readonly string[], search: string): Located {
  const reason = 'search text not found';
  if (lines.length === 0)
    return { ok: false, reason, detail: `The search text:\n${fenced(search)}\nThe file is empty.` };
  const start = nearestStart(lines, wanted);
  const count = Math.min(Math.max(wanted.length, 1), NEAREST_LINES);
  const first = Math.max(0, Math.min(start, lines.length - count));
  const shown = lines.slice(first, first + count);
  let nearest = shown.join('\n');
  if (nearest.length > NEAREST_CHARS) nearest = `${nearest.slice(0, NEAREST_CHARS)}\n[…]`;
  return {
    ok: false,
    reason,
    detail: [
      'The search text:',
      fenced(search),
      `The nearest text in the file (lines ${first + 1}–${first + shown.length}):`,
      fenced(nearest),
      'Copy the lines to change from the file exactly, white space included.',
    ].join('\n'),
  };
}

function nearestStart(lines: readonly string[], wanted: readonly string[]): number {
  const squash = (line: string): string => line.replace(/\s+/g, ' ').trim();
  const index = new Map<string, number[]>();
  for (const [at, line] of lines.entries()) {
    const key = squash(line);
    if (key === '' || key.length < 2) continue;
    const list = index.get(key) ?? [];
    if (list.length < 64) list.push(at);
    index.set(key, list);
  }
  const votes = new Map<number, number>();
  for (const [k, line] of wanted.slice(0, 200).entries()) {
    for (const at of index.get(squash(line)) ?? []) votes.set(at - k, (votes.get(at - k) ?? 0) + 1);
  }
  let best = -1;
  let bestVotes = 0;
  for (const [start, count] of votes) {
    if (count > bestVotes || (count === bestVotes && start < best)) [best, bestVotes] = [start, count];
  }
  if (best !== -1) return best;
  // No line in common: the line most like the longest searched line.
  const probe = squash([...wanted].sort((a, b) => b.length - a.length)[0] ?? '');
  let bestScore = -1;
  for (const [at, line] of lines.entries()) {
    const score = likeness(probe, squash(line));
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return Math.max(
    0,
    best -
      Math.max(
        0,
        wanted.findIndex((line) => squash(line) === probe),
      ),
  );
}

/** Dice coefficient of character bigrams: 1 for equal strings, 0 for nothing in common. */
function likeness(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++)
    grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const gram = b.slice(i, i + 2);
    const left = grams.get(gram) ?? 0;
    if (left > 0) {
      shared++;
      grams.set(gram, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/** A fence the text cannot close, so the model reads it exactly. */
function fenced(text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${body.length > NEAREST_CHARS ? `${body.slice(0, NEAREST_CHARS)}\n[…]` : body}\n${fence}`;
}
