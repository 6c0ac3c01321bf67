/**
 * Model answers are untrusted text: bounded before anything else, the JSON object dug out of the wrapping
 * models put around it, then validated with zod. Every rejection is one short sentence addressed to the
 * model, because it is quoted back to it in the retry ("`edits[2].path`: expected a string").
 */
import type { z } from 'zod';

/** Longer answers are rejected unread: nothing keel asks for is this large, and parsing costs memory. */
export const MAX_ANSWER_CHARS = 256 * 1024;

/** How many `{` positions the scanner tries before giving up: bounds the work on hostile prose. */
const MAX_OBJECT_STARTS = 32;
const MAX_ISSUES = 6;
const MAX_ERROR_CHARS = 1_500;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Bounded parse and validation: what every agent does with a raw answer. */
export function parseAnswer<S extends z.ZodType>(
  raw: string,
  schema: S,
  maxChars: number = MAX_ANSWER_CHARS,
): Parsed<z.output<S>> {
  const json = extractJson(raw, maxChars);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: describeIssues(result.error.issues) };
}

/** The JSON object in an answer, or why there is none. Never parses more than `maxChars`. */
export function extractJson(raw: string, maxChars: number = MAX_ANSWER_CHARS): Parsed<unknown> {
  if (raw.length > maxChars) {
    return {
      ok: false,
      error: `the answer is ${raw.length} characters long, over the limit of ${maxChars}: answer with a smaller JSON object`,
    };
  }
  // The well-behaved case first, so that an object whose strings mention fences or <think> is taken as is.
  const whole = tryObject(raw.trim());
  if (whole.ok) return whole;

  const text = stripReasoning(raw).trim();
  if (text === '') return { ok: false, error: 'the answer is empty: answer with one JSON object' };
  const direct = tryObject(text);
  if (direct.ok) return direct;

  for (const body of fencedBlocks(text)) {
    const fenced = tryObject(body.trim());
    if (fenced.ok) return fenced;
  }
  let firstError: string | undefined;
  let starts = 0;
  for (let at = text.indexOf('{'); at !== -1 && starts < MAX_OBJECT_STARTS; at = text.indexOf('{', at + 1)) {
    starts++;
    const end = matchingBrace(text, at);
    if (end === -1) {
      firstError ??= 'the JSON object is not closed (the answer may have been cut short)';
      continue;
    }
    const found = tryObject(text.slice(at, end + 1));
    if (found.ok) return found;
    firstError ??= found.error;
  }
  if (starts === 0) {
    return direct.error === NOT_AN_OBJECT
      ? direct
      : { ok: false, error: 'no JSON object found in the answer: answer with one JSON object and no prose' };
  }
  return { ok: false, error: firstError ?? 'no valid JSON object found in the answer' };
}

const NOT_AN_OBJECT = 'the answer must be a JSON object ({ … }), not an array or a single value';

function tryObject(text: string): Parsed<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${shorten((error as Error).message, 200)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: NOT_AN_OBJECT };
  }
  return { ok: true, value };
}

const REASONING_TAGS = 'think|thinking|reasoning';
const LEADING_REASONING = new RegExp(`^\\s*<(${REASONING_TAGS})>[\\s\\S]*?</\\1>`, 'i');
const ORPHAN_CLOSE = new RegExp(`</(?:${REASONING_TAGS})>`, 'i');
const UNCLOSED_OPEN = new RegExp(`^\\s*<(?:${REASONING_TAGS})>`, 'i');

/**
 * Reasoning models put their thoughts before the answer: `<think>…</think>{…}`. Some chat templates open the
 * block themselves, so only `…</think>{…}` arrives. A block that never closes was cut while thinking.
 */
function stripReasoning(raw: string): string {
  let text = raw;
  for (let match = LEADING_REASONING.exec(text); match; match = LEADING_REASONING.exec(text)) {
    text = text.slice(match.index + match[0].length);
  }
  if (UNCLOSED_OPEN.test(text)) return '';
  const orphan = ORPHAN_CLOSE.exec(text);
  if (orphan) text = text.slice(orphan.index + orphan[0].length);
  return text;
}

/** Bodies of Markdown code fences (```json … ```), in order. */
function fencedBlocks(text: string): string[] {
  const bodies: string[] = [];
  for (const match of text.matchAll(/```[A-Za-z0-9_+-]*[^\S\n]*\n([\s\S]*?)```/g)) bodies.push(match[1]!);
  return bodies;
}

/** Index of the `}` closing the object opened at `start`, skipping braces inside strings; -1 when unclosed. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Zod issues as a short message for the model: at most a few, paths in backticks, no input values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `\`${formatPath(issue.path)}\`: ${explain(issue)}`);
  const more = issues.length - MAX_ISSUES;
  if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
  return shorten(lines.join('; '), MAX_ERROR_CHARS);
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the answer)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function explain(issue: z.core.$ZodIssue): string {
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return input === undefined
        ? `missing (expected ${expected})`
        : `expected ${expected}, got ${kindOf(input)}`;
    }
    case 'too_big':
      return `${limit('at most', issue.maximum, issue.origin)}${got(input)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return `${limit('at least', issue.minimum, issue.origin)}${got(input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return shorten(issue.message, 300);
  }
}

function limit(bound: string, value: number | bigint, origin: string): string {
  const n = Number(value);
  if (origin === 'string') return `${bound} ${n} character${n === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${bound} ${n} item${n === 1 ? '' : 's'}`;
  return `${bound} ${n}`;
}

function got(input: unknown): string {
  if (typeof input === 'string') return `, got ${input.length}`;
  if (Array.isArray(input)) return `, got ${input.length}`;
  if (typeof input === 'number') return `, got ${input}`;
  return '';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
