/**
 * The repository a command works on when none is named: the nearest directory, from `start` upwards, that
 * holds a `.git` (a directory in a clone, a file in a worktree or submodule) — what `git rev-parse
 * --show-toplevel` would say, without spawning git, so `keel status` in `src/deep/dir` finds `<root>/.keel`
 * and `<root>/.github/keel.yml` like it does at the root.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function findRepoRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
