/**
 * What a rejected answer is told: every rejection is one short sentence addressed to the model, because it
 * is quoted back to it in the retry ("`edits[2].path`: expected a string"). Finding the answer in a reply is
 * `read-answer.ts`'s.
 */
import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MAX_ISSUES = 6;
const MAX_ERROR_CHARS = 1_500;

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
