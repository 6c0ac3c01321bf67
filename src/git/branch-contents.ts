/**
 * What a work branch holds, read without touching its work tree: the patch since the base, the files of a
 * commit (remembered per process: a commit's tree never changes), the files tracked at the branch's head.
 */
import { headOfText } from '../exec/capture.ts';
import type { Git } from './git-runner.ts';
import { gitFullOutput, SHA, type WorkBranch } from './workspace-guards.ts';

/**
 * What the run committed since the base, as a patch bounded to `maxBytes` (head and tail kept, a marker
 * between). Uncommitted files are not included: a step's work counts once committed. No external diff or
 * textconv programs run.
 */
export async function diffSinceBase(git: Git, ws: WorkBranch, maxBytes: number): Promise<string> {
  const args = [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    ws.baseSha,
    `refs/heads/${ws.branch}`,
    '--',
  ];
  const result = await git.run(args, { cwd: ws.repoRoot, maxOutputBytes: maxBytes });
  // The capture's marker line can push it a few bytes over.
  return headOfText(result.stdout.text, maxBytes);
}

const MAX_FILE_LIST_BYTES = 16 << 20;

/**
 * The files of a commit, as `ls-files` lists them in a fresh checkout of it (same paths, same byte order):
 * the planner's view of the repository, which needs no work tree and so can be asked for before one exists.
 *
 * Remembered per process for the last few commits: a commit's tree never changes (the sha names its
 * content), and a lane runs task after task from the same base — one `ls-tree` per base, not per run.
 */
export async function filesAtCommit(git: Git, repoRoot: string, sha: string): Promise<string[]> {
  const key = `${repoRoot}\0${sha}`;
  const known = SHA.test(sha) ? filesByCommit.get(key) : undefined;
  if (known) {
    filesByCommit.delete(key);
    filesByCommit.set(key, known);
    return [...known];
  }
  const args = ['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha];
  const text = await gitFullOutput(git, args, repoRoot, MAX_FILE_LIST_BYTES);
  const files = text.split('\0').filter((p) => p !== '');
  // Only full shas: `HEAD` or a branch name would name another tree tomorrow.
  if (SHA.test(sha)) {
    filesByCommit.delete(key);
    filesByCommit.set(key, files);
    for (const oldest of filesByCommit.keys()) {
      if (filesByCommit.size <= FILE_LISTS_KEPT) break;
      filesByCommit.delete(oldest);
    }
  }
  return [...files];
}

const FILE_LISTS_KEPT = 4;
/** Insertion-ordered: the first key is the least recently listed. */
const filesByCommit = new Map<string, string[]>();

/** Files tracked at the work branch's head (worktree-relative, `/`-separated). */
export async function trackedFiles(git: Git, ws: WorkBranch): Promise<string[]> {
  const text = await gitFullOutput(git, ['ls-files', '-z'], ws.worktree, MAX_FILE_LIST_BYTES);
  return text.split('\0').filter((p) => p !== '');
}
