/**
 * Unified diffs in a coder's answer (`--- a/x` / `+++ b/x` / `@@`), read into the same items as the text
 * format's blocks (`edit-format.ts`): each hunk a whole-line search and replace that must apply exactly.
 */
import type { Edit } from '../git/edit.ts';

export const DIFF_OLD = /^--- (\S.*?)(?:\t.*)?\s*$/;
export const DIFF_NEW = /^\+\+\+ (\S.*?)(?:\t.*)?\s*$/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** What reading an answer finds, in order: edits, the COMMIT line, and what is wrong with it. */
export type Item =
  | { kind: 'edit'; edit: Edit; line: number }
  | { kind: 'commit'; message: string; line: number }
  | { kind: 'problem'; problem: string; line: number }
  | { kind: 'unfinished'; problem: string; line: number };

export function joinLines(lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * One file's unified diff starting at its `---` line; returns the index after it. A hunk becomes a
 * whole-line search (context and removed lines) and replace (context and added lines); `/dev/null` on one
 * side makes a new file or a deletion.
 */
export function readDiff(lines: string[], at: number, to: number, items: Item[]): number {
  const oldPath = DIFF_OLD.exec(lines[at]!)![1]!;
  const newPath = DIFF_NEW.exec(lines[at + 1]!)![1]!;
  const prefixed = /^a\//.test(oldPath) && /^b\//.test(newPath);
  const strip = (path: string, prefix: string): string =>
    prefixed || path === '/dev/null' ? path.replace(new RegExp(`^${prefix}/`), '') : path;
  const from = oldPath === '/dev/null' ? undefined : strip(oldPath, 'a');
  const target = newPath === '/dev/null' ? undefined : strip(newPath, 'b');
  let i = at + 2;
  const added: string[] = [];
  while (i < to) {
    const hunk = HUNK.exec(lines[i]!);
    if (!hunk) break;
    let oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
    let newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
    const search: string[] = [];
    const replace: string[] = [];
    for (i++; i < to && (oldLeft > 0 || newLeft > 0); i++) {
      const line = lines[i]!;
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      const mark = line === '' ? ' ' : line[0];
      const body = line.slice(1);
      if (mark === ' ') {
        search.push(body);
        replace.push(body);
        oldLeft--;
        newLeft--;
      } else if (mark === '-') {
        search.push(body);
        oldLeft--;
      } else if (mark === '+') {
        replace.push(body);
        added.push(body);
        newLeft--;
      } else break;
    }
    while (i < to && lines[i]!.startsWith('\\')) i++;
    if (from === undefined || target === undefined) continue;
    if (search.length === 0) {
      items.push({
        kind: 'problem',
        problem: `a diff hunk for ${target} has no context lines to place it by`,
        line: at,
      });
    } else {
      items.push({
        kind: 'edit',
        edit: {
          kind: 'replace',
          path: target,
          search: joinLines(search),
          replace: joinLines(replace),
          wholeLines: true,
        },
        line: at,
      });
    }
  }
  if (target === undefined && from !== undefined)
    items.push({ kind: 'edit', edit: { kind: 'delete', path: from }, line: at });
  if (from === undefined && target !== undefined) {
    items.push({ kind: 'edit', edit: { kind: 'write', path: target, content: joinLines(added) }, line: at });
  }
  if (from !== undefined && target !== undefined && from !== target) {
    items.push({
      kind: 'problem',
      problem: `a diff renames ${from} to ${target}: write the new file and delete the old one`,
      line: at,
    });
  }
  return i;
}
