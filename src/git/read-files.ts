/**
 * Files of keel's worktree for a prompt, bounded: `maxBytes` is shared by all the files (small files whole,
 * the rest of the budget split evenly among the larger ones). A cut file ends with a `…[N bytes omitted]…`
 * line, so the coder knows not to rewrite it whole. Paths come from a model: anything outside the worktree
 * (`..`, absolute, through a symlink) or inside `.git` is skipped, as are missing files.
 */
import { lstat, open, realpath } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { omittedMarker, utf8PrefixEnd } from '../exec/capture.ts';
import { isInside } from './proc-scan.ts';
import type { WorkBranch } from './workspace-guards.ts';

export interface FileContent {
  path: string;
  content: string;
  totalBytes: number;
  truncated: boolean;
}

const BINARY_SNIFF_BYTES = 8000;

export async function readFiles(
  ws: Pick<WorkBranch, 'worktree'>,
  paths: readonly string[],
  maxBytes: number,
): Promise<FileContent[]> {
  const root = await realpath(ws.worktree);
  const found: { path: string; full: string; size: number }[] = [];
  for (const path of new Set(paths)) {
    const full = await safePath(root, path);
    if (full === undefined) continue;
    const stat = await lstat(full).catch(() => undefined);
    if (stat?.isFile()) found.push({ path, full, size: stat.size });
  }
  const shares = budgetShares(
    found.map((f) => f.size),
    Math.max(0, maxBytes),
  );
  return Promise.all(found.map((f, i) => readBounded(f.path, f.full, f.size, shares[i]!)));
}

/** The real path of `path` inside `root`, or undefined when it is not a plain path there. */
async function safePath(root: string, path: string): Promise<string | undefined> {
  if (path === '' || path.includes('\0') || isAbsolute(path) || path.includes('\\')) return undefined;
  const parts = path.split('/');
  if (parts.some((p) => p === '..' || p.toLowerCase() === '.git')) return undefined;
  const real = await realpath(join(root, path)).catch(() => undefined);
  if (real === undefined || real === root || !isInside(real, root)) return undefined;
  return real
    .slice(root.length + 1)
    .split(sep)
    .includes('.git')
    ? undefined
    : real;
}

/** Water-filling: files smaller than an even share get all they need; the rest share what is left. */
export function budgetShares(sizes: readonly number[], budget: number): number[] {
  const shares = new Array<number>(sizes.length).fill(0);
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  let left = budget;
  order.forEach(({ size, index }, rank) => {
    const even = Math.floor(left / (order.length - rank));
    shares[index] = Math.min(size, even);
    left -= shares[index];
  });
  return shares;
}

async function readBounded(path: string, full: string, size: number, share: number): Promise<FileContent> {
  const handle = await open(full, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, Math.max(share, Math.min(size, BINARY_SNIFF_BYTES))));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return { path, content: `[binary file, ${size} bytes, not shown]`, totalBytes: size, truncated: true };
    }
    if (size <= share) return { path, content: bytes.toString('utf8'), totalBytes: size, truncated: false };
    const head = bytes.subarray(0, Math.min(share, bytes.length));
    const kept = head.subarray(0, utf8PrefixEnd(head));
    const content = kept.toString('utf8') + omittedMarker(size - kept.length).trimEnd();
    return { path, content, totalBytes: size, truncated: true };
  } finally {
    await handle.close();
  }
}
