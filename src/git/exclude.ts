/**
 * A worktree placed inside the user's checkout must not show up in their `git status`: its path goes into
 * `.git/info/exclude` (local to the clone, never committed), once — and out again when keel removes the
 * worktree, so the file does not grow a line per run for ever.
 */
import { mkdir, readFile, appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARKER = '# keel worktree';

export async function addToExclude(commonDir: string, relativePath: string): Promise<void> {
  const file = join(commonDir, 'info', 'exclude');
  const line = excludeLine(relativePath);
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current.split('\n').includes(line)) return;
  await mkdir(join(commonDir, 'info'), { recursive: true });
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}${MARKER}\n${line}\n`);
}

/**
 * Takes a removed worktree's line (and the marker keel wrote above it) out of `info/exclude`; every other
 * line stays as it was. True when there was one.
 */
export async function removeFromExclude(commonDir: string, relativePath: string): Promise<boolean> {
  const file = join(commonDir, 'info', 'exclude');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === undefined) return false;
  const line = excludeLine(relativePath);
  const lines = current.split('\n');
  const kept: string[] = [];
  let removed = false;
  for (const candidate of lines) {
    if (candidate !== line) {
      kept.push(candidate);
      continue;
    }
    removed = true;
    if (kept.at(-1) === MARKER) kept.pop();
  }
  if (removed) await writeFile(file, kept.join('\n'));
  return removed;
}

function excludeLine(relativePath: string): string {
  return `/${escapePattern(relativePath.split('\\').join('/'))}/`;
}

/** gitignore treats `*?[\` as pattern syntax and `!`/`#` at the start specially; a backslash makes each literal. */
function escapePattern(path: string): string {
  return path.replace(/[*?[\]\\!# ]/g, (c) => `\\${c}`);
}
