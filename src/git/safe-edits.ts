/**
 * Applies a coder's edits to the workspace. Model output is untrusted, so the whole change set is validated
 * before anything is written: one bad edit and nothing changes, and the caller gets every problem at once
 * (the coder can fix them all in one retry instead of one per round trip).
 *
 * Decisions worth knowing:
 * - Edits to the same path apply in order to an in-memory copy (a write then a replace works); the disk is
 *   touched only once per path, with the final result.
 * - Deleting a missing file is a no-op, not an error: the state asked for already holds. It is not listed
 *   in `changed`. The path still has to pass every rule.
 * - A write whose content equals the file on disk is not a change: it is not written and not listed.
 * - `maxTotalBytes` bounds the bytes this change set would put on disk (the sum of every path's current
 *   result), checked after each edit, so a change set that ever holds more is refused even if a later edit
 *   would shrink it.
 * - Existing files edited by `replace` must be UTF-8 text without NUL bytes and at most `maxFileBytes`.
 * - After validation only I/O can fail (a full disk, a race with another process). Then the first failure
 *   is reported and the workspace may be partly changed; the reason says how far it got. Keel works in a
 *   throwaway worktree, where git restores the rest.
 */
import type { Edit } from './edit.ts';
import {
  ensureParentDirectory,
  inspectTarget,
  readFileBounded,
  removeFile,
  resolveWorkspace,
  writeFileAtomic,
  type Existing,
} from './edit-fs.ts';
import { checkPathSyntax, displayPath } from './edit-path.ts';
import { findElision } from './elision.ts';
import { replaceOnce } from './lenient-match.ts';
import { repairPath } from './lenient-path.ts';
import { checkText, joinUnder, protectedReason, resolvePolicy, type EditPolicy } from './edit-rules.ts';

/**
 * `index` is the edit's position (-1 for the change set as a whole); `path` is safe to print. `detail` is
 * what the model needs to fix it (the search text, the nearest lines of the file); it quotes the model and
 * the file, so it goes back to the model, not into logs.
 */
export type EditProblem = {
  index: number;
  path: string;
  reason: string;
  detail?: string;
  /** The file system failed (reading or writing), not the edit: asking a model again would not help. */
  io?: true;
};

export type ApplyResult = { ok: true; changed: string[] } | { ok: false; problems: EditProblem[] };

/** What a path holds after the edits so far: untouched on disk, gone, or new text. */
type Current = { kind: 'disk' } | { kind: 'absent' } | { kind: 'text'; text: string; bytes: number };

interface Entry {
  relative: string;
  segments: string[];
  existing: Existing;
  current: Current;
  /** The last edit that touched the path, and its path as given: where an I/O failure is reported. */
  lastIndex: number;
  shown: string;
  /** The first invalid edit to this path: later edits to it cannot be judged and are not applied. */
  brokenBy?: number;
  /** The file on disk, once read. */
  diskBytes?: Buffer;
}

type Change = { entry: Entry; action: 'write'; text: string } | { entry: Entry; action: 'delete' };

export interface ApplyHooks {
  /** Called before each file is written or deleted; a throw stops there and is rethrown (a run's fence). */
  beforeWrite?: () => void;
}

export async function applyEdits(
  workspace: string,
  edits: readonly Edit[],
  policy?: Partial<EditPolicy>,
  hooks: ApplyHooks = {},
): Promise<ApplyResult> {
  const limits = resolvePolicy(policy);
  if (!Array.isArray(edits)) return problem(-1, '', 'edits must be an array');
  if (edits.length > limits.maxEdits) {
    // Checked before anything else: validating a flood would be the denial of service the bound prevents.
    const first = edits[limits.maxEdits] as unknown;
    return problem(
      limits.maxEdits,
      displayPath(isRecord(first) ? first.path : undefined),
      `too many edits: ${edits.length}, the policy allows ${limits.maxEdits}`,
    );
  }
  const root = await resolveWorkspace(workspace);
  if (!root.ok) return problem(-1, '', root.reason);

  const planned = await plan(root.value, edits, limits, workspace);
  if (!planned.ok) return planned;
  const changes = await settle(root.value, planned.entries);
  if (!changes.ok) return changes;
  return write(root.value, changes.changes, hooks);
}

type Planned = { ok: true; entries: Map<string, Entry> } | { ok: false; problems: EditProblem[] };

/** Runs every edit against the in-memory state, collecting every problem. Reads, never writes. */
async function plan(
  root: string,
  edits: readonly Edit[],
  policy: EditPolicy,
  workspace: string,
): Promise<Planned> {
  const entries = new Map<string, Entry>();
  /** Directories that writes in this change set need, with the first edit that needs each. */
  const directories = new Map<string, number>();
  const problems: EditProblem[] = [];
  let totalBytes = 0;
  let totalReported = false;

  for (const [index, raw] of edits.entries()) {
    const edit = raw as unknown;
    const shown = displayPath(isRecord(edit) ? edit.path : undefined);
    const report = (reason: string, entry?: Entry, detail?: string): void => {
      problems.push({ index, path: shown, reason, ...(detail !== undefined ? { detail } : {}) });
      if (entry && entry.brokenBy === undefined) entry.brokenBy = index;
    };

    const shape = checkShape(edit);
    if (!shape.ok) {
      report(shape.reason);
      continue;
    }
    // `./x`, diff prefixes, an absolute path inside the work tree: the path the model meant, then every rule.
    const syntax = checkPathSyntax(repairPath(root, shape.edit.path, workspace).path, policy.allowWorkflows);
    if (!syntax.ok) {
      report(syntax.reason);
      continue;
    }
    const guarded = protectedReason(syntax.relative, policy);
    if (guarded !== undefined) {
      report(guarded);
      continue;
    }
    let entry = entries.get(syntax.relative);
    if (!entry) {
      const target = inspectTarget(root, syntax.segments);
      if (!target.ok) {
        report(target.reason);
        continue;
      }
      entry = {
        relative: syntax.relative,
        segments: syntax.segments,
        existing: target.value,
        current: target.value.kind === 'file' ? { kind: 'disk' } : { kind: 'absent' },
        lastIndex: index,
        shown,
      };
      entries.set(syntax.relative, entry);
    }
    if (entry.brokenBy !== undefined) {
      report(`not checked: edit #${entry.brokenBy} to the same path is invalid`);
      continue;
    }

    const before = entry.current.kind === 'text' ? entry.current.bytes : 0;
    const next = await nextState(root, entry, shape.edit, policy);
    if (!next.ok) {
      report(next.reason, entry, next.detail);
      continue;
    }
    if (next.current.kind === 'text') {
      const conflict = layoutConflict(entry, entries, directories);
      if (conflict !== undefined) {
        report(conflict, entry);
        continue;
      }
      for (let depth = 1; depth < entry.segments.length; depth++) {
        const directory = entry.segments.slice(0, depth).join('/');
        if (!directories.has(directory)) directories.set(directory, index);
      }
    }
    entry.current = next.current;
    entry.lastIndex = index;
    entry.shown = shown;
    totalBytes += (next.current.kind === 'text' ? next.current.bytes : 0) - before;
    if (totalBytes > policy.maxTotalBytes && !totalReported) {
      totalReported = true;
      report(`the change set writes more than maxTotalBytes (${totalBytes} > ${policy.maxTotalBytes} bytes)`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

/** A path cannot be both a file and a directory within one change set. */
function layoutConflict(
  entry: Entry,
  entries: ReadonlyMap<string, Entry>,
  directories: ReadonlyMap<string, number>,
): string | undefined {
  const needed = directories.get(entry.relative);
  if (needed !== undefined) return `path is a directory that edit #${needed} writes into`;
  for (let depth = 1; depth < entry.segments.length; depth++) {
    const parent = entries.get(entry.segments.slice(0, depth).join('/'));
    if (parent?.current.kind === 'text') {
      return `parent "${displayPath(parent.relative)}" is written as a file by edit #${parent.lastIndex}`;
    }
  }
  return undefined;
}

const EDIT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  write: ['path', 'content'],
  replace: ['path', 'search', 'replace'],
  delete: ['path'],
};

type Shaped = { ok: true; edit: Edit } | { ok: false; reason: string };

/** The agent schema already checks shapes; this keeps a bypass (or a future caller) from writing garbage. */
function checkShape(edit: unknown): Shaped {
  if (!isRecord(edit)) return { ok: false, reason: 'edit must be an object' };
  const kind = typeof edit.kind === 'string' ? edit.kind : '';
  const required = Object.hasOwn(EDIT_FIELDS, kind) ? EDIT_FIELDS[kind] : undefined;
  if (required === undefined) return { ok: false, reason: 'edit kind must be write, replace or delete' };
  for (const field of required) {
    if (typeof edit[field] !== 'string')
      return { ok: false, reason: `${kind} edit: ${field} must be a string` };
  }
  return { ok: true, edit: edit as Edit };
}

type Next = { ok: true; current: Current } | { ok: false; reason: string; detail?: string };

async function nextState(root: string, entry: Entry, edit: Edit, policy: EditPolicy): Promise<Next> {
  switch (edit.kind) {
    case 'write': {
      // A placeholder for code left out would delete that code from a file that has it (elision.ts).
      const elided = entry.current.kind !== 'absent' ? findElision(edit.content) : undefined;
      if (elided !== undefined) {
        return {
          ok: false,
          reason: `whole-file write of an existing file holds a placeholder for left-out code (line ${elided.line}: "${elided.text}"): it would delete that code`,
          detail: 'Write every line of the file, or change it with SEARCH/REPLACE blocks instead.',
        };
      }
      const checked = checkText(edit.content, 'content', policy.maxFileBytes);
      return checked.ok
        ? { ok: true, current: { kind: 'text', text: edit.content, bytes: checked.bytes } }
        : checked;
    }
    case 'delete':
      return { ok: true, current: { kind: 'absent' } };
    case 'replace': {
      // An empty search on a file that does not exist yet creates it (aider's convention for new files).
      if (edit.search.length === 0 && entry.current.kind === 'absent' && entry.existing.kind === 'absent') {
        return nextState(root, entry, { kind: 'write', path: edit.path, content: edit.replace }, policy);
      }
      const base = await currentText(root, entry, policy.maxFileBytes);
      if (!base.ok) return base;
      if (edit.search.length === 0) {
        return {
          ok: false,
          reason: 'search text is empty: where the replacement goes would be a guess',
          detail: 'Search for the lines the new text goes after, and repeat them in the replacement.',
        };
      }
      const found = replaceOnce(base.text, edit.search, edit.replace, edit.wholeLines === true);
      if (!found.ok) return found;
      const checked = checkText(found.text, 'result', policy.maxFileBytes);
      return checked.ok
        ? { ok: true, current: { kind: 'text', text: found.text, bytes: checked.bytes } }
        : checked;
    }
  }
}

async function currentText(
  root: string,
  entry: Entry,
  maxFileBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  if (entry.current.kind === 'text') return { ok: true, text: entry.current.text };
  if (entry.current.kind === 'absent') {
    const reason =
      entry.existing.kind === 'file' ? 'file is deleted by an earlier edit' : 'file does not exist';
    return { ok: false, reason };
  }
  const bytes = await diskBytes(root, entry, maxFileBytes);
  if (!bytes.ok) return bytes;
  if (bytes.value.includes(0))
    return { ok: false, reason: 'file contains NUL bytes (binary files are not edited)' };
  try {
    // `ignoreBOM` keeps a byte-order mark in the text, so rewriting the file keeps it too.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.value) };
  } catch {
    return { ok: false, reason: 'file is not valid UTF-8 text' };
  }
}

async function diskBytes(
  root: string,
  entry: Entry,
  maxFileBytes: number,
): Promise<{ ok: true; value: Buffer } | { ok: false; reason: string }> {
  if (entry.diskBytes) return { ok: true, value: entry.diskBytes };
  const read = await readFileBounded(joinUnder(root, entry.segments), maxFileBytes);
  if (read.ok) entry.diskBytes = read.value;
  return read;
}

type Settled = { ok: true; changes: Change[] } | { ok: false; problems: EditProblem[] };

/** The disk operations the final state needs, in path order; unchanged paths drop out. */
async function settle(root: string, entries: ReadonlyMap<string, Entry>): Promise<Settled> {
  const changes: Change[] = [];
  const problems: EditProblem[] = [];
  for (const entry of [...entries.values()].sort((a, b) => compare(a.relative, b.relative))) {
    const { current, existing } = entry;
    if (current.kind === 'disk') continue;
    if (current.kind === 'absent') {
      if (existing.kind === 'file') changes.push({ entry, action: 'delete' });
      continue;
    }
    if (existing.kind === 'file' && existing.size === current.bytes) {
      const bytes = await diskBytes(root, entry, current.bytes);
      if (!bytes.ok) {
        problems.push({ index: entry.lastIndex, path: entry.shown, reason: bytes.reason, io: true });
        continue;
      }
      if (bytes.value.equals(Buffer.from(current.text, 'utf8'))) continue;
    }
    changes.push({ entry, action: 'write', text: current.text });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

async function write(root: string, changes: readonly Change[], hooks: ApplyHooks): Promise<ApplyResult> {
  const changed: string[] = [];
  for (const change of changes) {
    const { entry } = change;
    hooks.beforeWrite?.();
    const done = await applyChange(root, change);
    if (!done.ok) {
      const progress = `write failed after ${changed.length} of ${changes.length} files were changed`;
      return {
        ok: false,
        problems: [
          { index: entry.lastIndex, path: entry.shown, reason: `${progress}: ${done.reason}`, io: true },
        ],
      };
    }
    changed.push(entry.relative);
  }
  return { ok: true, changed };
}

async function applyChange(
  root: string,
  change: Change,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { entry } = change;
  if (change.action === 'delete') return removeFile(joinUnder(root, entry.segments));
  const directory = await ensureParentDirectory(root, entry.segments);
  if (!directory.ok) return directory;
  const executable = entry.existing.kind === 'file' && entry.existing.executable;
  return writeFileAtomic(directory.value, entry.segments.at(-1)!, change.text, executable);
}

/** Code-unit order, the same everywhere (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function problem(index: number, path: string, reason: string): { ok: false; problems: EditProblem[] } {
  return { ok: false, problems: [{ index, path, reason }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
