/**
 * A queue item as written by whoever produces work (a script, another agent, a human) becomes a `QueueTask`
 * here, or a `QueueProblem` that says why not. Queue files are input from outside keel: every bound is
 * checked, nothing is trusted, and nothing throws.
 *
 * Accepted shape (unknown extra keys are ignored, so producers can carry their own metadata):
 *   { "id": "T-1", "text": "…", "owner": "lane-a", "priority": 5 }
 * Aliases, because producers differ: the text may be called `text`, `task` or `prompt`; the owner `owner` or
 * `lane`. Two aliases with different values are a problem, not a guess. A non-negative integer id is taken
 * as its decimal string. Which alias was used comes back in `notes`.
 *
 * Issue-shaped items, as an issue export writes them (`gh issue list --json number,title,body` with the
 * number as `id`), carry no text field but a `title` and a `body`: the text is then the title, a blank line
 * and the body, either of them missing (absent, null or blank) but not both. Their words are a stranger's,
 * so they go through `sanitizeUntrusted` (hidden HTML comments, keel's markers, invisible characters), as an
 * issue's do on the labelled-issue path. An item with a text field keeps it, and its title and body are
 * metadata like any other key (the plain path, which never reads them, must agree).
 *
 * Rejected: a non-object; a key `__proto__`, `constructor` or `prototype` anywhere in the item (even nested
 * in metadata keel ignores: such an item was built to attack some consumer, and keel hands items on);
 * nesting deeper than 32; an id outside `[A-Za-z0-9._:-]{1,128}` (or one of those three words), or one that
 * git's ref-name rules refuse once it names the run's branch `keel/q-<id>` (`..`, a trailing `.` or `.lock`:
 * such a task could never run, and a lane must not discover that by failing on it); empty
 * text; an owner that is not a configured lane (unsupported owners are rejected rather than guessed: a task
 * goes to the lane it names or to none); a priority that is not an integer in ±1,000,000.
 *
 * Cleaned: control characters (but tab and line breaks) and lone surrogates leave the text; a text over
 * 20,000 characters is cut with a visible `[… truncated by keel: N characters, the first M kept]`.
 *
 * zod holds the schema: an item the plain-shape check (`plainTask`, the ingest path's shortcut) does not
 * vouch for is judged by zod, which words every problem; a property test holds the two to agreeing.
 */
import { z } from 'zod';
import { issueText } from '../base/sanitize-untrusted.ts';
import type { QueueProblem, QueueTask } from './types.ts';

export const TASK_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** The bound of a task's text, marker included: the run state's and the planner prompt's bound too. */
export const MAX_TASK_TEXT_CHARS = 20_000;
export const MAX_PRIORITY = 1_000_000;
export const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

const TEXT_ALIASES = ['text', 'task', 'prompt'] as const;
const OWNER_ALIASES = ['owner', 'lane'] as const;

const taskSchema = z.object({
  id: z
    .string('id must be a string or a non-negative integer')
    .regex(TASK_ID_PATTERN, 'id must be 1–128 characters of A–Z a–z 0–9 . _ : -'),
  text: z.string('text must be a string'),
  owner: z.string('owner must be a string').max(64).nullable().optional(),
  priority: z.int('priority must be an integer').min(-MAX_PRIORITY).max(MAX_PRIORITY).optional(),
});

export interface NormalizeOptions {
  /** The configured lane names: the only owners accepted. */
  lanes: readonly string[] | ReadonlySet<string>;
  source?: QueueTask['source'];
}

export type NormalizeResult =
  | { ok: true; task: QueueTask; notes: readonly string[] }
  /** `id` when the item had a usable one, so that the problem can be tied to it. */
  | { ok: false; problem: QueueProblem; id?: string };

export function normalizeTask(raw: unknown, ref: string, options: NormalizeOptions): NormalizeResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return failure(ref, `expected a task object, got ${describeType(raw)}`);
  const hostile = findHostileKey(raw, 0);
  if (hostile !== undefined) return failure(ref, hostile);
  const lanes = options.lanes instanceof Set ? options.lanes : new Set(options.lanes);
  const item = raw as Record<string, unknown>;
  const source = options.source ?? 'file';
  const task = plainTask(item, ref, lanes, source);
  return task !== undefined ? { ok: true, task, notes: NO_NOTES } : judgedByZod(item, ref, lanes, source);
}

/**
 * The NDJSON reader's shortcut, for an item parsed from a line the scanner found plain (`LINE_PLAIN`: keys
 * as written, only printable ASCII in every string): what `normalizeTask` would accept, the same task,
 * without the text cleaning such a line cannot need, and with the hostile-key walk cut to the one pass over
 * the item's keys that also picks the fields — for a flat item that pass is the whole walk. Undefined when
 * the item nests, has a hostile key or an alias, or is not what `plainFields` vouches for: the caller then
 * asks `normalizeTask`, which says why.
 */
export function plainLineTask(raw: unknown, ref: string, lanes: ReadonlySet<string>): QueueTask | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const item = raw as Record<string, unknown>;
  let id: unknown;
  let text: unknown;
  let owner: unknown;
  let priority: unknown;
  // JSON.parse makes every key own, `"__proto__"` included, and for-in lists them all (see findHostileKey);
  // a parsed value is never undefined, so an alias key present is an alias used. One pass, and no lookups
  // of absent keys: this loop is most of the ingest path's per-item cost after JSON.parse.
  for (const key in item) {
    const value = item[key];
    if (key === 'id') id = value;
    else if (key === 'text') text = value;
    else if (key === 'owner') owner = value;
    else if (key === 'priority') priority = value;
    else if (
      (typeof value === 'object' && value !== null) ||
      key === 'task' ||
      key === 'prompt' ||
      key === 'lane' ||
      HOSTILE_KEYS.has(key)
    )
      return undefined;
  }
  // A nested value under one of the four read keys is refused by plainFields' type checks.
  return plainFields(id, text, owner, priority, ref, lanes, 'file', true);
}

/**
 * The shape nearly every producer writes — canonical keys, a string id and text, a configured owner or none,
 * an integer priority or none, a text within bounds — recognised without zod: on the ingest path zod's
 * per-item cost is most of the time (bench `queue ingest`). It only ever vouches for items the zod path
 * accepts without notes, with the same task (a property test holds them to that); everything else, and
 * every problem message, is zod's.
 */
function plainTask(
  item: Record<string, unknown>,
  ref: string,
  lanes: ReadonlySet<string>,
  source: QueueTask['source'],
): QueueTask | undefined {
  if (item.task !== undefined || item.prompt !== undefined || item.lane !== undefined) return undefined;
  return plainFields(item.id, item.text, item.owner, item.priority, ref, lanes, source, false);
}

/** `plainTask`'s checks of the four fields; `clean`: the text is known to need no cleaning. */
function plainFields(
  id: unknown,
  text: unknown,
  owner: unknown,
  priority: unknown,
  ref: string,
  lanes: ReadonlySet<string>,
  source: QueueTask['source'],
  clean: boolean,
): QueueTask | undefined {
  if (typeof id !== 'string' || typeof text !== 'string') return undefined;
  if (!isTaskId(id) || isHostileKey(id) || refNameProblem(id) !== undefined) return undefined;
  let ownerName: string | undefined;
  if (typeof owner === 'string') {
    if (owner.length > 64 || !lanes.has(owner)) return undefined;
    ownerName = owner;
  } else if (owner !== undefined && owner !== null) return undefined;
  let rank = 0;
  if (typeof priority === 'number') {
    if (!Number.isSafeInteger(priority) || Math.abs(priority) > MAX_PRIORITY) return undefined;
    rank = priority;
  } else if (priority !== undefined) return undefined;
  // Truncation (with its note) and the empty-text problem are `accepted`'s, by way of zod.
  const body = clean ? text : cleanText(text);
  if (body.length > MAX_TASK_TEXT_CHARS || isBlank(body)) return undefined;
  return ownerName === undefined
    ? { id, text: body, priority: rank, source, ref }
    : { id, text: body, owner: ownerName, priority: rank, source, ref };
}

/**
 * Why git would refuse a branch named after this id (`keel/q-<id>`, see lanes/lane-engine.ts), or undefined:
 * git-check-ref-format's rules that an id of `TASK_ID_PATTERN`'s characters can break. (`:` is not allowed in a
 * ref either; such ids get a hashed run id, so they are fine.)
 */
export function refNameProblem(id: string): string | undefined {
  if (id.includes('..')) return 'contains "..", which git refuses in a branch name (git check-ref-format)';
  if (id.endsWith('.lock'))
    return 'ends with ".lock", which git refuses in a branch name (git check-ref-format)';
  if (id.endsWith('.')) return 'ends with ".", which git refuses in a branch name (git check-ref-format)';
  return undefined;
}

/** The characters `TASK_ID_PATTERN` allows, by char code. */
const ID_CHARS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-')
  ID_CHARS[c.charCodeAt(0)] = 1;

/** The lengths of the hostile keys: a word of another length is not looked up (no hash computed for it). */
const HOSTILE_LENGTHS: readonly number[] = [...new Set([...HOSTILE_KEYS].map((key) => key.length))];

/** `HOSTILE_KEYS.has(word)`, for the id of every item on the ingest path, where dedupe needs no hash of it. */
function isHostileKey(word: string): boolean {
  return HOSTILE_LENGTHS.includes(word.length) && HOSTILE_KEYS.has(word);
}

/** `TASK_ID_PATTERN.test(id)` without a call into the regex engine, which costs more than this loop. */
function isTaskId(id: string): boolean {
  const length = id.length;
  if (length === 0 || length > 128) return false;
  for (let i = 0; i < length; i++) {
    const code = id.charCodeAt(i);
    if (code > 127 || ID_CHARS[code] === 0) return false;
  }
  return true;
}

/** Everything `plainTask` does not vouch for: aliases, numeric ids, and every item with a problem. */
export function judgedByZod(
  item: Record<string, unknown>,
  ref: string,
  lanes: ReadonlySet<string>,
  source: QueueTask['source'],
): NormalizeResult {
  const notes: string[] = [];
  const text = pickAlias(item, TEXT_ALIASES, notes);
  const owner = pickAlias(item, OWNER_ALIASES, notes);
  const idOf = typeof item.id === 'string' && TASK_ID_PATTERN.test(item.id) ? item.id : undefined;
  if (text.conflict) return failure(ref, text.conflict, idOf);
  if (owner.conflict) return failure(ref, owner.conflict, idOf);
  if (item.id === undefined) return failure(ref, 'missing id');
  if (typeof item.id === 'number' && !(Number.isSafeInteger(item.id) && item.id >= 0))
    return failure(ref, 'a numeric id must be a non-negative integer');
  let textValue = text.value;
  if (textValue === undefined) {
    const issue = issueShapedText(item);
    if (!issue.ok) return failure(ref, issue.reason, idOf);
    textValue = issue.text;
    notes.push('"title" and "body" read as "text"');
  }

  const parsed = taskSchema.safeParse({
    id: typeof item.id === 'number' ? String(item.id) : item.id,
    text: textValue,
    owner: owner.value,
    priority: item.priority,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failure(ref, `${issue.path.join('.') || 'item'}: ${issue.message}`, idOf);
  }
  const { id, priority } = parsed.data;
  if (HOSTILE_KEYS.has(id)) return failure(ref, `id "${id}" is reserved`);
  const refProblem = refNameProblem(id);
  if (refProblem !== undefined) return failure(ref, `id "${id}" ${refProblem}`);
  const ownerName = parsed.data.owner ?? undefined;
  if (ownerName !== undefined && !lanes.has(ownerName))
    return failure(ref, `owner ${JSON.stringify(ownerName)} is not a configured lane`, id);
  return accepted(id, parsed.data.text, ownerName, priority ?? 0, ref, source, notes);
}

/**
 * The text of an issue-shaped item: its title, a blank line, its body (see the header), sanitised as a
 * stranger's words. Or why there is none.
 */
function issueShapedText(
  item: Record<string, unknown>,
): { ok: true; text: string } | { ok: false; reason: string } {
  const given: Partial<Record<'title' | 'body', string>> = {};
  for (const key of ['title', 'body'] as const) {
    const value = Object.hasOwn(item, key) ? item[key] : undefined;
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { ok: false, reason: `${key} must be a string` };
    given[key] = value;
  }
  if (given.title === undefined && given.body === undefined)
    return { ok: false, reason: 'missing text (text, task or prompt; or title and body)' };
  // As the labelled-issue path makes an issue's text (github/tasks/issue-source.ts).
  const text = issueText(given.title, given.body);
  if (text === '') return { ok: false, reason: 'empty title and body (nothing visible left in either)' };
  return { ok: true, text };
}

function accepted(
  id: string,
  text: string,
  owner: string | undefined,
  priority: number,
  ref: string,
  source: QueueTask['source'],
  notes: readonly string[] = NO_NOTES,
): NormalizeResult {
  let body = cleanText(text);
  if (body.length > MAX_TASK_TEXT_CHARS) {
    const bounded = boundText(body);
    body = bounded.text;
    notes = [...notes, `text truncated from ${bounded.truncatedFrom} characters`];
  }
  if (isBlank(body)) return failure(ref, 'empty text', id);
  const task: QueueTask =
    owner === undefined
      ? { id, text: body, priority, source, ref }
      : { id, text: body, owner, priority, source, ref };
  return { ok: true, task, notes };
}

/** Nothing but whitespace (or nothing): a first character that is printable ASCII settles it at once. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first > 32 && first < 127) && text.trim() === '';
}

/** Shared by every result without notes (most of them): one allocation less per task. */
const NO_NOTES: readonly string[] = Object.freeze([]);

function failure(ref: string, reason: string, id?: string): NormalizeResult {
  return id === undefined
    ? { ok: false, problem: { ref, reason } }
    : { ok: false, problem: { ref, reason }, id };
}

/** The first alias present; a second one present with a different value is a conflict. */
function pickAlias(
  item: Record<string, unknown>,
  aliases: readonly string[],
  notes: string[],
): { value?: unknown; conflict?: string } {
  let found: string | undefined;
  let value: unknown;
  for (const name of aliases) {
    if (!Object.hasOwn(item, name) || item[name] === undefined) continue;
    if (found === undefined) {
      found = name;
      value = item[name];
    } else if (item[name] !== value) {
      return { conflict: `"${found}" and "${name}" both given, with different values` };
    }
  }
  if (found !== undefined && found !== aliases[0]) notes.push(`"${found}" read as "${aliases[0]}"`);
  return found === undefined ? {} : { value };
}

/** Depth-first over objects and arrays; a reason when a hostile key or too deep a nesting is found. */
export function findHostileKey(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const element of value) {
      const found = findHostileKey(element, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // JSON.parse makes `"__proto__"` an own property, which for-in lists (and it allocates no key array).
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (HOSTILE_KEYS.has(key)) return `forbidden key "${key}"`;
    const found = findHostileKey((value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

// Control characters (C0 and C1) but tab, newline and carriage return: a NUL in a task would end up in
// prompts and commit messages. Lone surrogates (from a producer's bad UTF-16) go too. One plain class
// says whether anything needs doing (surrogate pairs, i.e. emoji, take the slower way for nothing).
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

function cleanText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.toWellFormed().replace(CONTROLS, '');
}

/** At most MAX_TASK_TEXT_CHARS, with a visible marker saying how much there was. */
export function boundText(text: string, max = MAX_TASK_TEXT_CHARS): { text: string; truncatedFrom?: number } {
  if (text.length <= max) return { text };
  const marker = `\n\n[… truncated by keel: ${text.length} characters, the first ${max - 80} kept]`;
  let head = text.slice(0, max - 80);
  // Never half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return { text: `${head}${marker}`.slice(0, max), truncatedFrom: text.length };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
