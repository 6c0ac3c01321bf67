/**
 * The coder's plain-text edit format, read the way models write it. Code stays out of JSON (issue 10 §11:
 * models, small ones most, break code when they have to escape it into JSON strings). What the prompt asks
 * for:
 *
 *   FILE <path>            then a fenced block: the whole new content of the file
 *   EDIT <path>            then SEARCH/REPLACE blocks (`<<<<<<< SEARCH` … `=======` … `>>>>>>> REPLACE`)
 *   DELETE <path>
 *   COMMIT <message>       one line, optionally followed by body lines
 *
 * What models write instead, and is read here because it has one meaning: the path as a heading
 * (`### path`, `**path**`, `` `path` ``, `path:`, a bare path line) over a fence or SEARCH/REPLACE blocks; the
 * path in the fence's info string (```` ```js src/x.js ````); SEARCH/REPLACE blocks inside a fence (aider's
 * layout); markers of 5 to 9 characters (aider accepts those too); the whole answer inside one outer fence;
 * `Commit message: …`; unified diffs (`--- a/x` / `+++ b/x` / `@@`), whose hunks become whole-line search
 * and replace (they must apply exactly like any search).
 *
 * An answer ends at its COMMIT line: a model that corrects itself writes a second complete answer after the
 * first, and which one counts is decided by the caller (`choose-answer.ts`), not here. Prose between items
 * is ignored; a fence that never closes or a SEARCH block without its end is a problem of the answer.
 */
import type { Edit } from '../git/edit.ts';
import { DIFF_NEW, DIFF_OLD, joinLines, readDiff, type Item } from './edit-format-diff.ts';

export interface TextAnswer {
  edits: Edit[];
  /** The COMMIT line's message with its body; undefined when the answer has none. */
  commitMessage?: string;
  /** First and last line (inclusive) of the answer in the text. */
  firstLine: number;
  lastLine: number;
  /** A problem that makes the answer unusable as written (a block without a path …). */
  problem?: string;
  /** The answer runs to the end of the text unfinished: a fence or a SEARCH/REPLACE block never closes. */
  unfinished?: string;
}

export interface TextReading {
  /** Answers in order; the last one may lack its COMMIT line (cut short, or forgotten). */
  answers: TextAnswer[];
  /** Lines of the text, for the prose between answers. */
  lines: string[];
}

const PATH = String.raw`(?:[\w.@+~-]+/)*[\w.@+~-]*[\w@+~-](?:\.[\w-]+)?`;
const KEYWORD = /^(FILE|EDIT|DELETE|COMMIT)[ \t]+(.*?)\s*$/;
const SEARCH_MARK = /^\s*<{5,9}\s*SEARCH\b.*$/;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE_MARK = /^\s*>{5,9}\s*REPLACE\b.*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(?:\s+(\S+))?\s*$/;
const HEADING_PATHS = [
  new RegExp(
    `^#{1,6}\\s+(?:(?:File|Path):\\s*)?\`?(${PATH})\`?\\s*(?:\\((?:new|new file|created|updated|modified)\\))?:?\\s*$`,
    'i',
  ),
  new RegExp(`^\\*\\*\`?(${PATH})\`?\\*\\*:?\\s*$`),
  new RegExp(`^\`(${PATH})\`:?\\s*$`),
  new RegExp(`^(${PATH}):?\\s*$`),
];
const COMMIT_LINE =
  /^\s*(?:[-*]\s*)?(?:\*\*|__)?(?:suggested\s+)?commit(?:\s+message)?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;

/** Reads every answer in `text` (already unwrapped: LF line breaks, no thinking). */
export function readTextAnswers(text: string): TextReading {
  const lines = text.split('\n');
  const items: Item[] = [];
  readItems(lines, 0, lines.length, items);
  return { answers: group(items), lines };
}

/** Groups items into answers: each COMMIT closes the edits before it. */
function group(items: Item[]): TextAnswer[] {
  const answers: TextAnswer[] = [];
  let current: TextAnswer | undefined;
  const commits = items.filter((item) => item.kind === 'commit');
  for (const item of items) {
    if (item.kind === 'commit') {
      if (current) {
        current.commitMessage = item.message;
        current.lastLine = item.line;
        answers.push(current);
        current = undefined;
      } else if (commits.length === 1 && answers.length === 0) {
        // The only commit message, written before the edits (`Commit message: …` above a diff).
        current = { edits: [], commitMessage: item.message, firstLine: item.line, lastLine: item.line };
      }
      continue;
    }
    current ??= { edits: [], firstLine: item.line, lastLine: item.line };
    current.lastLine = item.line;
    if (item.kind === 'edit') current.edits.push(item.edit);
    else if (item.kind === 'unfinished') current.unfinished ??= item.problem;
    else current.problem ??= item.problem;
  }
  if (current) answers.push(current);
  return answers.filter(
    (answer) => answer.edits.length > 0 || answer.problem !== undefined || answer.unfinished !== undefined,
  );
}

/** Reads lines [from, to) into items. */
function readItems(lines: string[], from: number, to: number, items: Item[]): void {
  /** The path SEARCH/REPLACE blocks and a following fence belong to. */
  let path: string | undefined;
  /** FILE, or a path heading: the next fence is that file's new content. */
  let pendingWrite: string | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const keyword = KEYWORD.exec(line);
    if (keyword) {
      const [, word, rest] = keyword;
      if (word === 'COMMIT') {
        const body = commitBody(lines, i + 1, to);
        items.push({ kind: 'commit', message: [rest!, ...body.lines].join('\n').trim(), line: i });
        i = body.end - 1;
        path = pendingWrite = undefined;
      } else if (rest === '') {
        items.push({ kind: 'problem', problem: `"${word}" without a path`, line: i });
      } else if (word === 'DELETE') {
        items.push({ kind: 'edit', edit: { kind: 'delete', path: cleanPath(rest!) }, line: i });
      } else {
        path = cleanPath(rest!);
        pendingWrite = word === 'FILE' ? path : undefined;
      }
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = closingFence(lines, i + 1, to, fence[1]!.length, fence[2]!);
      if (close === -1) {
        items.push({
          kind: 'unfinished',
          problem: `the code fence opened on line ${i + 1} is never closed`,
          line: i,
        });
        return;
      }
      readFence(lines, i, close, fence[3]!, fence[4], { path, pendingWrite }, items);
      if (fence[4] !== undefined && pathLike(fence[4])) path = cleanPath(fence[4]);
      pendingWrite = undefined;
      i = close;
      continue;
    }
    if (SEARCH_MARK.test(line)) {
      const block = readBlock(lines, i, to, path, items);
      pendingWrite = undefined;
      i = block;
      continue;
    }
    const diffOld = DIFF_OLD.exec(line);
    if (diffOld && DIFF_NEW.test(lines[i + 1] ?? '')) {
      i = readDiff(lines, i, to, items) - 1;
      path = pendingWrite = undefined;
      continue;
    }
    const commit = COMMIT_LINE.exec(line);
    if (commit) {
      let message = stripQuotes(commit[1]!);
      if (message === '') {
        // The message on the next line, maybe fenced.
        let next = i + 1;
        while (next < to && lines[next]!.trim() === '') next++;
        const fenced = next < to && FENCE.test(lines[next]!);
        if (fenced) next++;
        message = stripQuotes((lines[next] ?? '').trim());
        if (message !== '') i = fenced ? Math.min(next + 1, to - 1) : next;
      }
      if (message !== '') items.push({ kind: 'commit', message, line: i });
      continue;
    }
    const heading = headingPath(lines, i, to);
    if (heading !== undefined) {
      path = pendingWrite = heading;
      continue;
    }
  }
}

/** Chat sign-offs addressed to the user, not to the history: they end a commit body. */
const SIGN_OFF =
  /\b(?:let me know|hope (?:this|that) helps|feel free|happy to help|if you (?:need|want|have|would like)|would you like)\b/i;

/**
 * Body lines after a COMMIT line: up to the next line that starts another item, or a paragraph that talks
 * to the user ("Let me know if …"), which is the model chatting, not part of the message.
 */
function commitBody(lines: string[], from: number, to: number): { lines: string[]; end: number } {
  let end = from;
  while (end < to && !startsItem(lines, end, to)) end++;
  let body = lines.slice(from, end);
  const chat = body.findIndex((line) => SIGN_OFF.test(line));
  if (chat !== -1) {
    let paragraph = chat;
    while (paragraph > 0 && body[paragraph - 1]!.trim() !== '') paragraph--;
    body = body.slice(0, paragraph);
  }
  while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
  return { lines: body, end };
}

function startsItem(lines: string[], at: number, to: number): boolean {
  const line = lines[at]!;
  return (
    KEYWORD.test(line) ||
    SEARCH_MARK.test(line) ||
    FENCE.test(line) ||
    (DIFF_OLD.test(line) && DIFF_NEW.test(lines[at + 1] ?? '')) ||
    headingPath(lines, at, to) !== undefined
  );
}

/** A path heading counts only right above what it names: a fence or a SEARCH/REPLACE block. */
function headingPath(lines: string[], at: number, to: number): string | undefined {
  const line = lines[at]!;
  let found: string | undefined;
  for (const pattern of HEADING_PATHS) {
    const match = pattern.exec(line);
    if (match && pathLike(match[1]!)) {
      found = match[1]!;
      break;
    }
  }
  if (found === undefined) return undefined;
  let next = at + 1;
  while (next < to && lines[next]!.trim() === '') next++;
  if (next >= to) return undefined;
  return FENCE.test(lines[next]!) || SEARCH_MARK.test(lines[next]!) ? cleanPath(found) : undefined;
}

/** A file path rather than a word: it has a directory or an extension. */
function pathLike(text: string): boolean {
  return new RegExp(`^${PATH}$`).test(text) && (text.includes('/') || /\.[\w-]+$/.test(text));
}

function cleanPath(raw: string): string {
  return stripQuotes(raw.trim())
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^`(.*)`$/, '$1');
}

function stripQuotes(text: string): string {
  const trimmed = text.trim();
  const match = /^([`"'*]+)(.*?)\1$/.exec(trimmed);
  return match ? match[2]!.trim() : trimmed;
}

/** Index of the line closing a fence opened with `marker`, or -1. */
function closingFence(lines: string[], from: number, to: number, indent: number, marker: string): number {
  const closing = new RegExp(`^\\s{0,${indent + 3}}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let i = from; i < to; i++) if (closing.test(lines[i]!)) return i;
  return -1;
}

function readFence(
  lines: string[],
  open: number,
  close: number,
  language: string,
  infoPath: string | undefined,
  context: { path: string | undefined; pendingWrite: string | undefined },
  items: Item[],
): void {
  const body = lines.slice(open + 1, close);
  const indent = /^(\s*)/.exec(lines[open]!)![1]!.length;
  const unindented = indent > 0 ? body.map((line) => dedent(line, indent)) : body;
  const named = infoPath !== undefined && pathLike(infoPath) ? cleanPath(infoPath) : undefined;
  if (unindented.some((line) => KEYWORD.test(line))) {
    // The whole answer wrapped in a fence, as JSON answers come in ```json.
    const nested: Item[] = [];
    readItems(unindented, 0, unindented.length, nested);
    for (const item of nested) items.push({ ...item, line: item.line + open + 1 });
    return;
  }
  if (unindented.some((line) => SEARCH_MARK.test(line))) {
    const target = named ?? context.path;
    for (let i = 0; i < unindented.length; i++) {
      if (SEARCH_MARK.test(unindented[i]!))
        i = readBlock(unindented, i, unindented.length, target, items, open + 1);
    }
    return;
  }
  if (
    /^(?:diff|patch|udiff)$/i.test(language) ||
    (DIFF_OLD.test(body[0] ?? '') && DIFF_NEW.test(body[1] ?? ''))
  ) {
    const nested: Item[] = [];
    for (let i = 0; i < unindented.length;) {
      const next = DIFF_OLD.test(unindented[i]!) ? readDiff(unindented, i, unindented.length, nested) : i + 1;
      i = Math.max(next, i + 1);
    }
    for (const item of nested) items.push({ ...item, line: item.line + open + 1 });
    return;
  }
  const target = named ?? context.pendingWrite;
  if (target === undefined) return; // an example or an illustration in prose, not an edit
  const content = unindented.length > 0 ? `${unindented.join('\n')}\n` : '';
  items.push({ kind: 'edit', edit: { kind: 'write', path: target, content }, line: open });
}

function dedent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

/** One SEARCH/REPLACE block starting at `at`; returns the index of its last line. */
function readBlock(
  lines: string[],
  at: number,
  to: number,
  path: string | undefined,
  items: Item[],
  offset = 0,
): number {
  let divider = -1;
  let end = -1;
  for (let i = at + 1; i < to; i++) {
    if (divider === -1 && DIVIDER.test(lines[i]!)) divider = i;
    else if (divider !== -1 && REPLACE_MARK.test(lines[i]!)) {
      end = i;
      break;
    } else if (SEARCH_MARK.test(lines[i]!)) break;
  }
  if (end === -1) {
    items.push({ kind: 'unfinished', problem: 'a SEARCH/REPLACE block is not closed', line: at + offset });
    return to - 1;
  }
  if (path === undefined) {
    items.push({
      kind: 'problem',
      problem: 'a SEARCH/REPLACE block has no path: put "EDIT <path>" above it',
      line: at + offset,
    });
    return end;
  }
  const search = lines.slice(at + 1, divider);
  const replace = lines.slice(divider + 1, end);
  items.push({
    kind: 'edit',
    edit: { kind: 'replace', path, search: joinLines(search), replace: joinLines(replace), wholeLines: true },
    line: at + offset,
  });
  return end;
}

/** Whole lines, each with its line break: an empty list removes the lines it replaces. */
/**
 * A change written in the text format, as the prompt asks for it (the scripted and realistic models of
 * the simulator answer with it). Fences are longer than any backtick run in the content, so a file that
 * holds a fence of its own reads back whole; a search of whole lines stays whole lines.
 */
export function formatTextAnswer(edits: readonly Edit[], commitMessage: string): string {
  const parts: string[] = [];
  for (const edit of edits) {
    if (edit.kind === 'delete') parts.push(`DELETE ${edit.path}`);
    else if (edit.kind === 'write') {
      const fence = '`'.repeat(Math.max(3, longestRun(edit.content) + 1));
      const body = edit.content.endsWith('\n') ? edit.content : `${edit.content}\n`;
      parts.push(`FILE ${edit.path}\n${fence}\n${body}${fence}`);
    } else {
      const lines = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
      parts.push(
        `EDIT ${edit.path}\n<<<<<<< SEARCH\n${lines(edit.search)}=======\n${lines(edit.replace)}>>>>>>> REPLACE`,
      );
    }
  }
  parts.push(`COMMIT ${commitMessage}`);
  return parts.join('\n\n');
}

function longestRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
}
