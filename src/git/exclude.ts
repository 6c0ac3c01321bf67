/**
 * A worktree placed inside the user's checkout must not show up in their `git status`: its path goes into
 * `.git/info/exclude` (local to the clone, never committed), once.
 */
import { mkdir, readFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function addToExclude(commonDir: string, relativePath: string): Promise<void> {
  const file = join(commonDir, 'info', 'exclude');
  const line = `/${escapePattern(relativePath.split('\\').join('/'))}/`;
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current.split('\n').includes(line)) return;
  await mkdir(join(commonDir, 'info'), { recursive: true });
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# keel worktree\n${line}\n`);
}

/** gitignore treats `*?[\` as pattern syntax and `!`/`#` at the start specially; a backslash makes each literal. */
function escapePattern(path: string): string {
  return path.replace(/[*?[\]\\!# ]/g, (c) => `\\${c}`);
}
