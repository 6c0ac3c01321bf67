/**
 * The rules an edit's path and the change set's size must keep (`EditPolicy`), and the check of one path
 * as the model meant it (`lenient-path.ts`): the lexical rules, the owner's protected paths, and what is
 * on disk (no links on the way, the target missing or a regular file).
 */
import nodePath from 'node:path';
import { inspectTarget, resolveWorkspaceSync } from './edit-fs.ts';
import { checkPathSyntax } from './edit-path.ts';
import { repairPath } from './lenient-path.ts';
import type { ProtectedPaths } from './protected-paths.ts';

export interface EditPolicy {
  /** Allow edits under `.github/workflows/`; a token without the `workflows` scope cannot push them anyway. */
  allowWorkflows: boolean;
  /** Paths no edit (write, replace or delete) may touch: `run.protectedPaths` unless the owner opted in. */
  protectedPaths?: ProtectedPaths;
  /** UTF-8 bytes per resulting file. */
  maxFileBytes: number;
  /** UTF-8 bytes the change set writes in all. */
  maxTotalBytes: number;
  maxEdits: number;
}

export const DEFAULT_EDIT_POLICY: EditPolicy = Object.freeze({
  allowWorkflows: false,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 5 * 1024 * 1024,
  maxEdits: 200,
});

export type PathCheck = { ok: true; relative: string; absolute: string } | { ok: false; reason: string };

/**
 * Whether an edit may touch `path` (as the model meant it: `lenient-path.ts`): the lexical rules plus what is on disk (no links on the way, the target
 * missing or a regular file). `relative` is the NFC form that would be written; `absolute` is under the
 * workspace's real path.
 */
export function checkEditPath(workspace: string, path: string, policy: EditPolicy): PathCheck {
  const root = resolveWorkspaceSync(workspace);
  if (!root.ok) return root;
  const syntax = checkPathSyntax(repairPath(root.value, path, workspace).path, policy.allowWorkflows);
  if (!syntax.ok) return syntax;
  const guarded = protectedReason(syntax.relative, policy);
  if (guarded !== undefined) return { ok: false, reason: guarded };
  const target = inspectTarget(root.value, syntax.segments);
  if (!target.ok) return target;
  return { ok: true, relative: syntax.relative, absolute: joinUnder(root.value, syntax.segments) };
}

export function resolvePolicy(partial: Partial<EditPolicy> | undefined): EditPolicy {
  const policy: EditPolicy = {
    allowWorkflows: partial?.allowWorkflows ?? DEFAULT_EDIT_POLICY.allowWorkflows,
    ...(partial?.protectedPaths ? { protectedPaths: partial.protectedPaths } : {}),
    maxFileBytes: partial?.maxFileBytes ?? DEFAULT_EDIT_POLICY.maxFileBytes,
    maxTotalBytes: partial?.maxTotalBytes ?? DEFAULT_EDIT_POLICY.maxTotalBytes,
    maxEdits: partial?.maxEdits ?? DEFAULT_EDIT_POLICY.maxEdits,
  };
  // The policy comes from keel's own validated configuration: a bad one is a bug, not a model problem.
  for (const key of ['maxFileBytes', 'maxTotalBytes', 'maxEdits'] as const) {
    if (!Number.isSafeInteger(policy[key]) || policy[key] < 0) {
      throw new RangeError(`edit policy ${key} must be a non-negative integer, got ${policy[key]}`);
    }
  }
  return policy;
}

export function protectedReason(relative: string, policy: EditPolicy): string | undefined {
  const pattern = policy.protectedPaths?.match(relative);
  return pattern === undefined
    ? undefined
    : `path is protected (run.protectedPaths: ${pattern}); a change here needs a human, or run.allowProtectedEdits`;
}

/** The segments are checked (no `.`, `..` or empty ones), so joining cannot climb out of `root`. */
export function joinUnder(root: string, segments: readonly string[]): string {
  return nodePath.join(root, ...segments);
}

/** A file's text as it would be written: at most `maxFileBytes` of UTF-8, no NUL bytes, well-formed. */
export function checkText(
  text: string,
  label: string,
  maxFileBytes: number,
): { ok: true; bytes: number } | { ok: false; reason: string } {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused without measuring it.
  if (text.length > maxFileBytes) {
    return {
      ok: false,
      reason: `${label} is at least ${text.length} bytes, more than maxFileBytes (${maxFileBytes})`,
    };
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxFileBytes) {
    return { ok: false, reason: `${label} is ${bytes} bytes, more than maxFileBytes (${maxFileBytes})` };
  }
  if (text.includes('\0'))
    return { ok: false, reason: `${label} contains NUL bytes (binary content is refused)` };
  // A lone surrogate would be written as U+FFFD: the file would not hold what was checked.
  if (!text.isWellFormed())
    return { ok: false, reason: `${label} is not well-formed Unicode (lone surrogate)` };
  return { ok: true, bytes };
}
