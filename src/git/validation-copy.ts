/**
 * Where validation commands run: a throwaway copy of the work branch's tip, not keel's worktree. A linked
 * worktree shares the repository's `.git/config` — where actions/checkout v4/v5 put the token
 * (`http.<url>.extraheader`), and where v6+ includes it from `$RUNNER_TEMP/git-credentials-*.config` for the
 * repository and every `worktrees/*` (upstream-github.md §6) — and its refs: a command run there can read the
 * token with `git config`, commit to the work branch or push. The copy is a shallow clone over `file://`
 * (one commit's tree, no history) whose only remote is removed: its config names no credential, no include,
 * no remote, and nothing done in it reaches keel's branch. keel diffs it afterwards only to report.
 *
 * Around validation, `fingerprintRepository` takes what model-written code could change in the real
 * repository to make keel do something else later — every ref, the HEADs, the effective git configuration
 * (with its includes, the global and system files: a `core.fsmonitor` or a credential helper runs as keel),
 * the hooks, keel's worktree's status — and `fingerprintChanges` names what moved. Without a sandbox this is a
 * tripwire, not a wall: code running as keel's user can also change what it does not check.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Git } from './git-runner.ts';
import { gitFullOutput, type WorkBranch } from './workspace-guards.ts';

/** Clones the work branch's tip into `dir` (which must not exist or be empty), without a remote. */
export async function makeValidationCopy(git: Git, ws: WorkBranch, dir: string): Promise<void> {
  const source = `file://${ws.repoRoot}`;
  const args = ['clone', '--quiet', '--depth', '1', '--no-tags', '--single-branch', '--branch', ws.branch];
  // Run beside the copy: nothing is done in the user's checkout but reading it (through upload-pack).
  await git.run([...args, '--', source, dir], { cwd: dirname(dir), timeoutMs: 10 * 60_000 });
  await git.run(['remote', 'remove', 'origin'], { cwd: dir });
}

/**
 * What validation changed in the copy against the commit it was made from (`base`), committed or not, for
 * the report: the tracked files its working tree has changed since `base`, then the new untracked ones. Reads
 * only; at most `max` paths.
 */
export async function copyChanges(git: Git, dir: string, base: string, max = 50): Promise<string[]> {
  const options = { cwd: dir, allowFailure: true, maxOutputBytes: 1 << 20 };
  const tracked = await git.run(['diff', '--name-only', '--no-renames', '-z', base, '--'], options);
  const untracked = await git.run(['ls-files', '--others', '--exclude-standard', '-z'], options);
  if (tracked.exitCode !== 0 || untracked.exitCode !== 0) return ['(the copy is no longer a git repository)'];
  return `${tracked.stdout.text}${untracked.stdout.text}`
    .split('\0')
    .filter((path) => path !== '')
    .slice(0, max);
}

export type RepositoryFingerprint = Record<string, string>;

/** What, of the repository keel publishes from, validation must leave as it was. */
export async function fingerprintRepository(git: Git, ws: WorkBranch): Promise<RepositoryFingerprint> {
  const { gitDir, commonDir } = await worktreeDirs(ws.worktree);
  const refs = await gitFullOutput(
    git,
    ['for-each-ref', '--format=%(objectname) %(refname)'],
    ws.worktree,
    64 << 20,
  );
  const config = await git.run(['config', '--list', '--show-origin', '-z'], {
    cwd: ws.worktree,
    maxOutputBytes: 16 << 20,
    allowFailure: true,
  });
  const status = await git.run(['status', '--porcelain=v2', '--untracked-files=all', '--ignored=no'], {
    cwd: ws.worktree,
    maxOutputBytes: 1 << 20,
  });
  return {
    refs: digest(refs),
    HEAD: digest(
      (await readText(join(commonDir, 'HEAD'))) +
        (await readText(join(gitDir, 'HEAD'))) +
        (await readText(join(ws.worktree, '.git'))),
    ),
    'git configuration': digest(`${config.exitCode}\0${config.stdout.text}`),
    hooks: await directoryDigest(join(commonDir, 'hooks')),
    "keel's worktree": digest(status.stdout.text),
  };
}

/**
 * keel's worktree's git dir and the repository's common dir, from the files git keeps them in (`.git`:
 * `gitdir: <path>`, then `<gitdir>/commondir`): no command needed. Empty when unreadable — then what they
 * would have covered counts as changed if they become readable, and the refs and config still count.
 */
async function worktreeDirs(worktree: string): Promise<{ gitDir: string; commonDir: string }> {
  const pointer = /^gitdir:\s*(.+)$/m.exec(await readText(join(worktree, '.git')))?.[1]?.trim();
  if (pointer === undefined) return { gitDir: join(worktree, '.git'), commonDir: join(worktree, '.git') };
  const gitDir = resolve(worktree, pointer);
  const common = (await readText(join(gitDir, 'commondir'))).trim();
  return { gitDir, commonDir: common === '' ? gitDir : resolve(gitDir, common) };
}

/** The parts of `before` that `after` does not match, by name. */
export function fingerprintChanges(before: RepositoryFingerprint, after: RepositoryFingerprint): string[] {
  return Object.keys(before).filter((key) => before[key] !== after[key]);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** Names, sizes and contents of the files directly in `dir` (hooks live there, not deeper). */
async function directoryDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return digest('');
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    hash.update(`${name}\0${info?.mode ?? 0}\0${info?.isFile() ? await readText(path) : ''}\0`);
  }
  return hash.digest('hex');
}
