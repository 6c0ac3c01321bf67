/**
 * Paths as models write them, made workspace-relative where that has one meaning (issue 10 §13):
 *
 * - `./src/x.js` → `src/x.js`;
 * - `a/src/x.js`, `b/src/x.js` (the prefixes of a git diff) → `src/x.js`, when the repository has no `a/` or
 *   `b/` directory of its own and the rest of the path exists (a file, or for a new file its directory):
 *   keel never commits `b/src/…`;
 * - an absolute path inside the work tree → the path under it.
 *
 * Everything else is left as written, for `edit-path.ts` to accept or refuse. The result only says what
 * path the model meant; every safety rule still applies to it.
 */
import { lstatSync, type Stats } from 'node:fs';
import nodePath from 'node:path';

export interface RepairedPath {
  path: string;
  /** What was changed, when anything was. */
  note?: string;
}

/**
 * The path `raw` stands for, under the workspace `root` (its real path) or `given` (the path it was
 * named by, which may differ through symbolic links above it).
 */
export function repairPath(root: string, raw: string, given: string = root): RepairedPath {
  if (typeof raw !== 'string' || raw === '') return { path: raw };
  let path = raw;
  const notes: string[] = [];
  if (path.startsWith('/')) {
    const inside = [root, given].map((base) => relativeInside(base, path)).find((rel) => rel !== undefined);
    if (inside === undefined) return { path: raw };
    path = inside;
    notes.push('absolute path inside the work tree');
  }
  if (path.startsWith('./')) {
    path = path.replace(/^(?:\.\/)+/, '');
    notes.push('"./" dropped');
  }
  // Only when the rest exists: `b/lib/new.js` in a repository with neither `b/` nor `lib/` stays as written.
  const prefix = /^([ab])\/(.+)$/.exec(path);
  if (
    prefix &&
    kindOf(nodePath.join(root, prefix[1]!)) === 'missing' &&
    existsOrHasDirectory(root, prefix[2]!)
  ) {
    path = prefix[2]!;
    notes.push(`diff prefix "${prefix[1]}/" dropped`);
  }
  return notes.length > 0 ? { path, note: notes.join(', ') } : { path };
}

function relativeInside(base: string, absolute: string): string | undefined {
  const normal = nodePath.posix.normalize(absolute);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return normal.startsWith(prefix) && normal.length > prefix.length ? normal.slice(prefix.length) : undefined;
}

/** The rest of a prefixed path names something real: a file, or a new file in an existing directory. */
function existsOrHasDirectory(root: string, rest: string): boolean {
  if (rest.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return false;
  const target = nodePath.join(root, rest);
  if (kindOf(target) === 'file') return true;
  const directory = nodePath.dirname(rest);
  // A new file at the top (`b/NOTES.md`) or in a directory that exists (`b/src/new.js`).
  return directory === '.' || kindOf(nodePath.join(root, directory)) === 'directory';
}

function kindOf(path: string): 'file' | 'directory' | 'missing' | 'other' {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return 'missing';
  }
  if (stats.isFile()) return 'file';
  return stats.isDirectory() ? 'directory' : 'other';
}
