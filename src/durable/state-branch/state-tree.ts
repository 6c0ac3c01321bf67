/**
 * Git plumbing for the state branch, working on objects only: blobs from content (`hash-object -w --stdin`),
 * trees from entry lists (`mktree`), listings (`ls-tree`), reads (`cat-file`). None of it reads or writes the
 * user's working tree, index or HEAD — not even a temporary index, which the git runner would only let us
 * name through its construction-time environment.
 *
 * Every listing is text from the command runner, which redacts secrets and token-like strings in what it
 * captures and decodes as UTF-8: a foreign name could come back altered. Callers therefore check the tree
 * they built against the tip with `changedPaths` before committing it — any change outside their own paths
 * means something was altered in transit, and nothing is pushed.
 */
import type { CommandResult } from '../../exec/types.ts';
import type { GitRunOptions } from '../../git/git-runner.ts';
import { MAX_STATE_FILE_BYTES } from './state-files.ts';

/** `git.run` bound to the repository and the operation's deadline. */
export type RunGit = (args: string[], extra?: Partial<GitRunOptions>) => Promise<CommandResult>;

export interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  name: string;
}

/** Big enough for the listing of thousands of runs; a truncated listing is refused, never used. */
const LISTING_BYTES = 16 * 1024 * 1024;

export class StateTreeError extends Error {
  override name = 'StateTreeError';
}

/** The entries of a tree, or undefined when `treeish` names nothing (a run not on the branch yet). */
export async function listTree(run: RunGit, treeish: string): Promise<TreeEntry[] | undefined> {
  const result = await run(['ls-tree', '-z', treeish], { allowFailure: true, maxOutputBytes: LISTING_BYTES });
  if (result.exitCode !== 0) return undefined;
  if (result.stdout.truncated) throw new StateTreeError(`listing of ${treeish} is too large`);
  const entries: TreeEntry[] = [];
  for (const record of result.stdout.text.split('\0')) {
    if (record === '') continue;
    const match = /^(\d{6}) (\w+) ([0-9a-f]{40,64})\t(.+)$/s.exec(record);
    if (!match) throw new StateTreeError(`unexpected ls-tree output for ${treeish}`);
    entries.push({ mode: match[1]!, type: match[2]!, sha: match[3]!, name: match[4]! });
  }
  return entries;
}

export async function makeTree(run: RunGit, entries: readonly TreeEntry[]): Promise<string> {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
  const result = await run(['mktree', '-z'], { input });
  return objectId(result, 'mktree');
}

export async function writeBlob(run: RunGit, content: string): Promise<string> {
  const result = await run(['hash-object', '-w', '--stdin'], { input: content });
  return objectId(result, 'hash-object');
}

/** The commit's tree. */
export async function treeOf(run: RunGit, commit: string): Promise<string> {
  return objectId(await run(['rev-parse', '--verify', '--quiet', `${commit}^{tree}`]), 'rev-parse');
}

/**
 * A blob's content — `object` is a blob id or `<tree-ish>:<path>` — or `missing`, or `tooLarge` when over the
 * state file bound (a truncated file is never used).
 */
export async function readBlob(
  run: RunGit,
  object: string,
): Promise<{ text: string } | { missing: true } | { tooLarge: true }> {
  const result = await run(['cat-file', 'blob', object], {
    allowFailure: true,
    maxOutputBytes: MAX_STATE_FILE_BYTES,
  });
  if (result.exitCode !== 0) return { missing: true };
  if (result.stdout.truncated) return { tooLarge: true };
  return { text: result.stdout.text };
}

/** Every path (recursively) that differs between two trees; `from` undefined = the empty tree. */
export async function changedPaths(run: RunGit, from: string | undefined, to: string): Promise<string[]> {
  const args =
    from === undefined
      ? ['ls-tree', '-r', '-z', '--name-only', to]
      : ['diff-tree', '-r', '-z', '--no-renames', '--name-only', from, to];
  const result = await run(args, { maxOutputBytes: LISTING_BYTES });
  if (result.stdout.truncated) throw new StateTreeError('tree comparison too large');
  return result.stdout.text.split('\0').filter((p) => p !== '');
}

function objectId(result: CommandResult, what: string): string {
  const id = result.stdout.text.trim();
  if (!/^[0-9a-f]{40,64}$/.test(id)) throw new StateTreeError(`${what} printed no object id`);
  return id;
}
