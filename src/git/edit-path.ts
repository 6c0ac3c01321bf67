/**
 * Lexical rules for a workspace-relative path that came from a model. Pure: no file system here, so every
 * rule can be tested exhaustively; `edit-fs.ts` adds what only the disk can tell (symlinks, file kinds).
 *
 * The path is hostile until proven otherwise. It is checked as given *and* after NFC normalisation, and
 * names are also compared in a folded form (NFKC, both case directions, Windows aliases stripped) so that
 * `.GIT`, `.git.`, `.git::$INDEX_ALLOCATION`, `git~1` and `．ｇｉｔ` all count as `.git`: keel runs on Linux,
 * macOS and Windows runners, and each of those file systems aliases names differently.
 */

export const MAX_PATH_BYTES = 4096;
export const MAX_SEGMENT_BYTES = 255;
/** Code points shown in a problem report before the path is cut. */
const DISPLAY_CODE_POINTS = 120;

export type PathSyntax = { ok: true; relative: string; segments: string[] } | { ok: false; reason: string };

/**
 * Control characters (C0, DEL, C1), invisible formatting characters (zero-width joiners, bidi overrides —
 * the "Trojan Source" set, and the code points HFS+ silently ignores) and line/paragraph separators.
 * None belongs in a file name a reviewer has to read.
 */
const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;
const DRIVE = /^[A-Za-z]:/;

export function checkPathSyntax(raw: unknown, allowWorkflows: boolean): PathSyntax {
  if (typeof raw !== 'string') return { ok: false, reason: 'path must be a string' };
  if (raw.length === 0) return { ok: false, reason: 'path is empty' };
  // A lone surrogate would be written as U+FFFD: the file on disk would not be the one that was checked.
  if (!raw.isWellFormed()) return { ok: false, reason: 'path is not well-formed Unicode (lone surrogate)' };
  if (raw.includes('\0')) return { ok: false, reason: 'path contains a NUL character' };
  const control = CONTROL.exec(raw);
  if (control) return { ok: false, reason: `path contains control character ${codePoint(control[0])}` };
  const invisible = INVISIBLE.exec(raw);
  if (invisible) return { ok: false, reason: `path contains invisible character ${codePoint(invisible[0])}` };
  if (raw.startsWith('/') || raw.startsWith('\\')) return { ok: false, reason: 'path is absolute' };
  if (DRIVE.test(raw)) return { ok: false, reason: 'path is absolute (drive letter)' };
  // Backslashes are separators on Windows and ordinary bytes on POSIX: either reading lets a path mean two
  // things, so they are refused rather than translated.
  if (raw.includes('\\')) return { ok: false, reason: 'path contains a backslash (only "/" separates)' };

  // Raw segments first, so `a/../../x` is refused for its `..` whatever normalisation would make of it.
  // Lengths are measured on the NFC form only: that is the name that gets written.
  const rawProblem = checkSegments(raw.split('/'), allowWorkflows, false);
  if (rawProblem !== undefined) return { ok: false, reason: rawProblem };

  const relative = raw.normalize('NFC');
  const bytes = Buffer.byteLength(relative, 'utf8');
  if (bytes > MAX_PATH_BYTES) {
    return { ok: false, reason: `path is ${bytes} bytes, more than ${MAX_PATH_BYTES}` };
  }
  const segments = relative.split('/');
  const problem = checkSegments(segments, allowWorkflows, true);
  if (problem !== undefined) return { ok: false, reason: problem };
  return { ok: true, relative, segments };
}

function checkSegments(
  segments: readonly string[],
  allowWorkflows: boolean,
  measure: boolean,
): string | undefined {
  for (const [index, segment] of segments.entries()) {
    const problem = checkSegment(segment, index === segments.length - 1, measure);
    if (problem !== undefined) return problem;
  }
  if (!allowWorkflows && segments.length >= 2) {
    const [first, second] = segments;
    if (fold(first!) === '.github' && fold(second!) === 'workflows') {
      return 'path is under .github/workflows/ (workflow edits are not allowed by the policy)';
    }
  }
  return undefined;
}

function checkSegment(segment: string, last: boolean, measure: boolean): string | undefined {
  if (segment.length === 0) return last ? 'path ends with "/"' : 'path has an empty segment ("//")';
  const bytes = measure ? Buffer.byteLength(segment, 'utf8') : 0;
  if (bytes > MAX_SEGMENT_BYTES) {
    return `path segment is ${bytes} bytes, more than ${MAX_SEGMENT_BYTES}`;
  }
  if (segment === '..') return 'path contains a ".." segment';
  if (segment === '.') return 'path contains a "." segment (write the path without it)';
  const compat = segment.normalize('NFKC');
  // `...` and `. .` are `.`/`..` to Win32 once trailing dots and spaces go; `．．` and `‥` are `..` to
  // anything that applies compatibility normalisation.
  if (/^[. ]+$/.test(compat)) return `path segment "${displayPath(segment)}" is made of dots`;
  if (/[. ]$/.test(segment)) {
    return `path segment "${displayPath(segment)}" ends with a dot or space (Windows drops them)`;
  }
  if (isGitName(segment)) {
    return `path touches the git directory ("${displayPath(segment)}" is treated as .git)`;
  }
  return undefined;
}

/** `.git` under any alias a runner's file system might apply. */
function isGitName(segment: string): boolean {
  const folded = fold(segment);
  if (folded === '.git' || folded === 'git~1') return true;
  // Upper-casing catches what lower-casing misses: `ı` (dotless i) upper-cases to `I`, as NTFS does.
  return stripWindowsAliases(segment.normalize('NFKC').toUpperCase()) === '.GIT';
}

/** The name as a case-insensitive, compatibility-normalising, Win32 file system would see it. */
export function fold(segment: string): string {
  return stripWindowsAliases(segment.normalize('NFKC').toLowerCase());
}

/** NTFS alternate data streams (`name:stream`) and trailing dots and spaces all alias the bare name. */
function stripWindowsAliases(name: string): string {
  const colon = name.indexOf(':');
  const base = colon === -1 ? name : name.slice(0, colon);
  return base.replace(/[. ]+$/, '');
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The path as given, safe to print: control and invisible characters escaped (a newline cannot forge a
 * log line, a bidi override cannot reorder what a reviewer reads), backslashes doubled so the escapes stay
 * unambiguous, and cut after a bounded number of code points without walking a huge string to its end.
 */
export function displayPath(raw: unknown): string {
  if (typeof raw !== 'string') return `<${raw === null ? 'null' : typeof raw}>`;
  let shown = '';
  let count = 0;
  for (const char of raw) {
    if (count === DISPLAY_CODE_POINTS) {
      return `${shown}… (${raw.length} UTF-16 units in all)`;
    }
    shown += escapeChar(char);
    count += 1;
  }
  return shown;
}

function escapeChar(char: string): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
  }
  const lone = char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
  if (lone || CONTROL.test(char) || INVISIBLE.test(char)) {
    return `\\u{${char.codePointAt(0)!.toString(16)}}`;
  }
  return char;
}
