/**
 * Every JSON object a model wrote in its answer, where it stands, and what it says — read the way small
 * models write JSON. One lenient pass over each object finds where it ends and re-emits it as strict JSON,
 * repairing only what has one meaning:
 *
 * - `//` and `/* *\/` comments, trailing commas: dropped;
 * - single-quoted strings, unquoted keys, Python's `True`/`False`/`None`: what JSON spells `"…"`, `"key"`,
 *   `true`/`false`/`null`;
 * - raw line breaks and tabs inside a string: a raw line break can only mean a line break;
 * - `\'`: a quote;
 * - escapes JSON does not have (`\d`, `\s`, `\.`, `\(` — regexes written with one backslash): a backslash
 *   and the character. The model did not escape its backslashes, so when the same answer also holds a `\b`
 *   or `\f` (valid JSON, a backspace or form feed — or a regex's word boundary?) the reading is a guess and
 *   the object is refused instead.
 *
 * What is not repaired: an unescaped `"` inside a string (where the string ends is a guess), an object that
 * never closes (the answer was cut), anything else JSON.parse refuses after the repair. A library would not
 * do better here: json5 reads `\d` as `d` (a different regex) and knows nothing of Python literals, and
 * jsonrepair completes a cut object, which must never be taken for an answer.
 */

export interface JsonCandidate {
  /** Where the object starts and ends (exclusive) in the text. */
  start: number;
  end: number;
  /** The object, when it could be read. */
  value?: Record<string, unknown>;
  /** Why it could not be read (one sentence for the model). */
  error?: string;
  /** The object closes; an unclosed one ran to the end of the text. */
  complete: boolean;
}

/** Objects whose start is tried: bounds the work on hostile prose full of braces. */
const MAX_STARTS = 64;
const LITERALS: Record<string, string> = {
  true: 'true',
  false: 'false',
  null: 'null',
  True: 'true',
  False: 'false',
  None: 'null',
};
const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/** The top-level objects of `text`, in order. Objects nested in another are part of it, not candidates. */
export function findJsonObjects(text: string): JsonCandidate[] {
  const found: JsonCandidate[] = [];
  let starts = 0;
  for (let at = text.indexOf('{'); at !== -1 && starts < MAX_STARTS;) {
    starts++;
    const scanned = scanObject(text, at);
    if (scanned.end === -1) {
      // Cut short — or a stray brace in prose before the real object: the objects inside are tried too.
      found.push({ start: at, end: text.length, complete: false, error: CUT });
      at = text.indexOf('{', at + 1);
      continue;
    }
    const candidate: JsonCandidate = { start: at, end: scanned.end, complete: true };
    const parsed = parseRepaired(text.slice(at, scanned.end), scanned);
    if (parsed.ok) candidate.value = parsed.value;
    else candidate.error = parsed.error;
    found.push(candidate);
    // What a closed object holds is part of it, readable or not.
    at = text.indexOf('{', scanned.end);
  }
  return found;
}

/** One object as strict JSON (for tool-call arguments, which hold exactly one). */
export function readJsonObject(text: string): JsonCandidate | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  return findJsonObjects(trimmed)[0];
}

const CUT = 'the JSON object is not closed (the answer was cut short)';

interface Scanned {
  /** Index after the closing brace; -1 when the object never closes. */
  end: number;
  /** The object re-emitted as strict JSON (when the lexer could). */
  json: string;
  /** A problem met on the way that JSON.parse would not name well. */
  problem?: string;
  invalidEscapes: number;
  controlEscapes: number;
}

function parseRepaired(
  raw: string,
  scanned: Scanned,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    // The object exactly as written first: valid JSON is never touched, whatever the repair would do.
    value = JSON.parse(raw);
  } catch {
    if (scanned.problem !== undefined) return { ok: false, error: scanned.problem };
    if (scanned.invalidEscapes > 0 && scanned.controlEscapes > 0) {
      return {
        ok: false,
        error:
          'the JSON strings mix escapes JSON does not have (like \\d) with \\b or \\f: escape every backslash in code as \\\\',
      };
    }
    try {
      value = JSON.parse(scanned.json);
    } catch (error) {
      return { ok: false, error: `invalid JSON: ${(error as Error).message.slice(0, 200)}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected a JSON object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Reads the object opened at `start` leniently, to its closing brace, re-emitting strict JSON. */
function scanObject(text: string, start: number): Scanned {
  const out: string[] = [];
  const result: Scanned = { end: -1, json: '', invalidEscapes: 0, controlEscapes: 0 };
  const closers: string[] = [];
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const string = scanString(text, i, result);
      if (string.end === -1) return result;
      out.push(string.json);
      i = string.end;
      continue;
    }
    if (char === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return result;
      i = close + 2;
      continue;
    }
    if (char === '{' || char === '[') {
      closers.push(char === '{' ? '}' : ']');
      out.push(char);
      i++;
      continue;
    }
    if (char === '}' || char === ']') {
      if (closers.pop() !== char) {
        result.problem ??= `unbalanced "${char}" in the JSON object`;
        // The brace count decides where the object ends; the mismatch makes it unreadable.
      }
      dropTrailingComma(out);
      out.push(char);
      i++;
      if (closers.length === 0) {
        result.end = i;
        result.json = out.join('');
        return result;
      }
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      let j = i;
      while (j < text.length && /[\w$]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      const next = nextSignificant(text, j);
      if (text[next] === ':') out.push(JSON.stringify(word));
      else if (Object.hasOwn(LITERALS, word)) out.push(LITERALS[word]!);
      else {
        // A word right after a string: the string ended at a quote that was meant to be inside it.
        const afterString = lastSignificant(out)?.endsWith('"') === true;
        result.problem ??= afterString
          ? `a double quote inside a string is not escaped (before \`${word.slice(0, 40)}\`): write it as \\"`
          : `\`${word.slice(0, 40)}\` is not a JSON value`;
        out.push(word);
      }
      i = j;
      continue;
    }
    out.push(char);
    i++;
  }
  return result;
}

/** Index of the next character that is not white space or a comment. */
function nextSignificant(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else return i;
  }
}

function lastSignificant(out: readonly string[]): string | undefined {
  for (let k = out.length - 1; k >= 0; k--) if (!/^\s*$/.test(out[k]!)) return out[k];
  return undefined;
}

/** A comma before a closing bracket (white space between is kept out by the caller's order). */
function dropTrailingComma(out: string[]): void {
  for (let k = out.length - 1; k >= 0; k--) {
    const piece = out[k]!;
    if (/^\s*$/.test(piece)) continue;
    if (piece === ',') out.splice(k, 1);
    return;
  }
}

/** A string opened by `"` or `'` at `start`, re-emitted as a strict JSON string. */
function scanString(text: string, start: number, counts: Scanned): { end: number; json: string } {
  const quote = text[start]!;
  let json = '"';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === quote) return { end: i + 1, json: `${json}"` };
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined) return { end: -1, json };
      if (next === "'") json += "'";
      else if (VALID_ESCAPES.has(next)) {
        if (next === 'b' || next === 'f') counts.controlEscapes++;
        json += `\\${next}`;
      } else {
        counts.invalidEscapes++;
        json += next === '\n' ? '\\\\\\n' : `\\\\${next === '"' ? '\\"' : next}`;
      }
      i++;
      continue;
    }
    if (char === '"') json += '\\"';
    else if (char === '\n') json += '\\n';
    else if (char === '\r') json += '\\r';
    else if (char === '\t') json += '\\t';
    else if (char < ' ') json += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else json += char;
  }
  return { end: -1, json };
}
