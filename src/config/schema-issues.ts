/**
 * Turning zod's issues into messages a person fixing a YAML file can act on:
 * `endpoints[1].maxParallel: expected a number ≥ 1 (got 0)`, `endpoints[0].maxParalel: unknown key (did you
 * mean "maxParallel"?)`.
 *
 * Messages written in the schema itself (`expected version: 1`) are kept; the error map below only fills in
 * the ones zod would otherwise word generically. Either way the offending value is appended, shortened, and
 * never for fields that may hold credentials.
 */
import { z } from 'zod';
import type { PathSegment, RawIssue } from './errors.ts';
import { isPlainObject } from './scan.ts';
import { isSecretAdjacentKey } from './secrets.ts';

type ZodIssue = z.core.$ZodIssue;

const MAX_QUOTED_LENGTH = 40;

const EXPECTED_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  null: 'null',
};

/** Per-parse error map: zod consults it only for issues whose schema carries no message of its own. */
export const schemaErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return boundMessage(issue.origin, true, issue.inclusive === false ? '>' : '≥', issue.minimum);
    case 'too_big':
      return boundMessage(issue.origin, false, issue.inclusive === false ? '<' : '≤', issue.maximum);
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'a value of the documented form' : issue.format}`;
    default:
      return undefined;
  }
};

function boundMessage(origin: string, lower: boolean, sign: string, bound: number | bigint): string {
  const n = String(bound);
  const atLeastOrMost = lower ? 'at least' : 'at most';
  if (origin === 'array' || origin === 'set')
    return `expected ${atLeastOrMost} ${n} item${n === '1' ? '' : 's'}`;
  if (origin === 'string') return `expected ${atLeastOrMost} ${n} character${n === '1' ? '' : 's'}`;
  return `expected a number ${sign} ${n}`;
}

/** Flatten zod issues into path + message pairs, one per problem. */
export function describeSchemaIssues(
  issues: readonly ZodIssue[],
  schema: z.ZodType,
  raw: unknown,
): RawIssue[] {
  const out: RawIssue[] = [];
  const visit = (issue: ZodIssue, prefix: PathSegment[]): void => {
    const path = [...prefix, ...issue.path.map(toSegment)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: unknownKeyMessage(schema, path, key) });
      return;
    }
    if (issue.code === 'invalid_union') {
      const branch = closestBranch(issue.errors);
      if (branch) return branch.forEach((inner) => visit(inner, path));
    }
    // A refinement receives the whole object it checks; the field it blames is what the user should see.
    if (issue.code === 'custom') {
      const value = valueAt(raw, path);
      // An absent field took its default, so "(missing)" would mislead.
      out.push({ path, message: `${issue.message}${value === undefined ? '' : describeGot(value, path)}` });
    } else out.push({ path, message: `${issue.message}${describeGot(issue.input, path)}` });
  };
  for (const issue of issues) visit(issue, []);
  return out;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key);
}

/**
 * A union reports every branch's failure. When exactly one branch got past the type check (a tier given as
 * a list whose second entry is wrong), its issues say what is wrong; otherwise the union's own message does.
 */
function closestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const typeMatched = branches.filter(
    (branch) => branch.length > 0 && !branch.every((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  return typeMatched.length === 1 ? typeMatched[0] : undefined;
}

/** ` (got 0)`, ` (got "lokal")`, ` (missing)` — or nothing when the value is not worth showing. */
export function describeGot(value: unknown, path: readonly PathSegment[]): string {
  if (value === undefined) return ' (missing)';
  if (value === null) return ' (got null)';
  if (typeof value === 'string') {
    const last = path.at(-1);
    if (typeof last === 'string' && isSecretAdjacentKey(last))
      return ` (got a string of ${value.length} characters)`;
    const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
    return ` (got ${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return ` (got ${String(value)})`;
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? ' (got an empty list)'
      : ` (got a list of ${value.length} item${value.length === 1 ? '' : 's'})`;
  }
  if (isPlainObject(value)) return ' (got a mapping)';
  return ` (got ${typeof value === 'object' ? 'an object' : `a ${typeof value}`})`;
}

function unknownKeyMessage(schema: z.ZodType, path: readonly PathSegment[], key: string): string {
  if (key === '<<')
    return 'unknown key: YAML merge keys ("<<") are not supported here; repeat the fields instead';
  const allowed = allowedKeysAt(schema, path);
  if (allowed.length === 0) return 'unknown key';
  const suggestion = closestKey(key, allowed);
  if (suggestion !== undefined) return `unknown key (did you mean "${suggestion}"?)`;
  return `unknown key; allowed here: ${allowed.join(', ')}`;
}

/** The keys the object schema at `path` declares, found by walking the schema the way zod walked the data. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let nodes: z.ZodType[] = [schema];
  for (const segment of path) {
    nodes = nodes.flatMap(unwrap).flatMap((node): z.ZodType[] => {
      if (typeof segment === 'number' && node instanceof z.ZodArray) return [node.element as z.ZodType];
      if (typeof segment === 'string' && node instanceof z.ZodObject) {
        const child = (node.shape as Record<string, z.ZodType | undefined>)[segment];
        return child ? [child] : [];
      }
      return [];
    });
  }
  const keys = nodes
    .flatMap(unwrap)
    .flatMap((node) => (node instanceof z.ZodObject ? Object.keys(node.shape) : []));
  return [...new Set(keys)];
}

/** Look through optional/default/prefault wrappers and into union branches. */
function unwrap(node: z.ZodType): z.ZodType[] {
  if (node instanceof z.ZodOptional || node instanceof z.ZodNullable)
    return unwrap(node.unwrap() as z.ZodType);
  if (node instanceof z.ZodDefault || node instanceof z.ZodPrefault)
    return unwrap(node.unwrap() as z.ZodType);
  if (node instanceof z.ZodUnion) return (node.options as z.ZodType[]).flatMap(unwrap);
  return [node];
}

function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  // `max_parallel`, `MaxParallel`, `max-parallel` are the same mistake.
  const same = allowed.find((candidate) => squash(candidate) === squash(key));
  if (same !== undefined) return same;
  if (key.length > 64) return undefined;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= Math.min(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) {
      best = { key: candidate, distance };
    }
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
