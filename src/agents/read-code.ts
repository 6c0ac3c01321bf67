/**
 * The coder's answer, in whichever of the two shapes it came: the plain-text edit format (what the prompt
 * asks for by default, `edit-format.ts`) or the JSON edit shape (`schemas.ts`; models trained on it answer
 * so whatever they are asked). Both are read from every reply, in the order they stand, and the one that
 * counts is chosen by the shared rules (`choose-answer.ts`).
 *
 * Only shape and size are checked here; whether a path is safe to write, and whether a search text is in
 * the file, is decided where edits are applied (`src/git/safe-edits.ts`), once, for every source.
 */
import type { Edit } from '../git/edit.ts';
import type { Found, Reading } from './choose-answer.ts';
import { readTextAnswers } from './edit-format.ts';
import { findJsonObjects } from './json-candidates.ts';
import { describeIssues } from './parse-json.ts';
import { CODER_SHAPE, CODER_TEXT_EXAMPLE } from './prompts.ts';
import { readAnswer } from './read-answer.ts';
import type { ModelReply } from './reply.ts';
import { CODE_LIMITS, coderAnswerSchema, type CoderAnswer } from './schemas.ts';
import type { CodeChange } from './types.ts';

/** Keys of the JSON shape: an object with none of them is not a coder answer. */
const JSON_KEYS = ['edits', 'commitMessage'] as const;

export function readCodeAnswer(reply: ModelReply): Reading<CodeChange> {
  const reading = readAnswer(reply, {
    find: findCodeAnswers,
    isExample: (change) => EXAMPLES().some((example) => sameChange(example, change)),
    same: sameChange,
    noAnswer:
      'no edits found in the answer: answer with FILE/EDIT/DELETE blocks and a COMMIT line as the system message shows',
  });
  // Cut at the output limit inside the commit body: the subject line was complete, the rest is not worth keeping.
  if (reading.ok && reply.finishReason === 'length') {
    return { ok: true, value: { ...reading.value, commitMessage: subject(reading.value.commitMessage) } };
  }
  return reading;
}

/** Every coder answer in a text, JSON objects and edit blocks alike, in the order they stand. */
export function findCodeAnswers(text: string): Found<CodeChange>[] {
  const found: Found<CodeChange>[] = [];
  let masked = text;
  for (const candidate of findJsonObjects(text)) {
    const raw = text.slice(candidate.start, candidate.end);
    const answerLike =
      candidate.value !== undefined
        ? JSON_KEYS.some((key) => Object.hasOwn(candidate.value!, key))
        : JSON_KEYS.some((key) => raw.includes(`${key}`));
    if (!answerLike) continue;
    // The object's text is not read again as edit blocks (its strings may hold code that looks like them).
    masked = masked.slice(0, candidate.start) + raw.replace(/[^\n]/g, ' ') + masked.slice(candidate.end);
    const { start, end, complete } = candidate;
    if (candidate.value === undefined) {
      found.push({ start, end, complete, error: candidate.error! });
      continue;
    }
    const checked = coderAnswerSchema.safeParse(candidate.value, { reportInput: true });
    found.push(
      checked.success
        ? checkedChange(toCodeChange(checked.data), start, end)
        : { start, end, complete, error: describeIssues(checked.error.issues) },
    );
  }
  const reading = readTextAnswers(masked);
  const offsets = lineOffsets(reading.lines);
  for (const answer of reading.answers) {
    const start = offsets[answer.firstLine]!;
    const end = offsets[answer.lastLine]! + reading.lines[answer.lastLine]!.length;
    if (answer.unfinished !== undefined) {
      found.push({ start, end, complete: false, error: answer.unfinished });
    } else if (answer.problem !== undefined) {
      found.push({ start, end, complete: true, error: answer.problem });
    } else if (answer.commitMessage === undefined) {
      found.push({
        start,
        end,
        complete: false,
        error: 'the answer has no COMMIT line: end it with "COMMIT <message>"',
      });
    } else {
      found.push(checkedChange({ edits: answer.edits, commitMessage: answer.commitMessage }, start, end));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function toCodeChange(answer: CoderAnswer): CodeChange {
  const edits = answer.edits.map((edit): Edit => {
    if (edit.content !== undefined) return { kind: 'write', path: edit.path, content: edit.content };
    if (edit.search !== undefined) {
      return { kind: 'replace', path: edit.path, search: edit.search, replace: edit.replace ?? '' };
    }
    return { kind: 'delete', path: edit.path };
  });
  return { edits, commitMessage: answer.commitMessage };
}

/** The bounds of the JSON schema, for both shapes; and no edit copied from the prompt's examples. */
function checkedChange(change: CodeChange, start: number, end: number): Found<CodeChange> {
  const at = { start, end, complete: true };
  const message = change.commitMessage.trim();
  if (message === '') return { ...at, error: 'the commit message is empty' };
  if (message.length > CODE_LIMITS.commitMessage) {
    return { ...at, error: `the commit message is longer than ${CODE_LIMITS.commitMessage} characters` };
  }
  if (change.edits.length === 0) return { ...at, error: 'the answer has no edits' };
  if (change.edits.length > CODE_LIMITS.edits) {
    return { ...at, error: `at most ${CODE_LIMITS.edits} edits, got ${change.edits.length}` };
  }
  for (const edit of change.edits) {
    if (edit.path.length > CODE_LIMITS.path)
      return { ...at, error: `a path is longer than ${CODE_LIMITS.path} characters` };
    const size =
      edit.kind === 'write'
        ? edit.content.length
        : edit.kind === 'replace'
          ? edit.search.length + edit.replace.length
          : 0;
    if (size > CODE_LIMITS.content)
      return { ...at, error: `the edit of ${edit.path} is larger than ${CODE_LIMITS.content} characters` };
  }
  const value = { edits: change.edits, commitMessage: message };
  // The whole example is dropped by the caller; one of its edits inside a real answer is refused here.
  if (!EXAMPLES().some((example) => sameChange(example, value))) {
    const copied = change.edits.find((edit) => EXAMPLE_EDITS().has(editKey(edit)));
    if (copied !== undefined) {
      return {
        ...at,
        error: `the edit of ${copied.path} is the format's example, not part of this change: leave it out`,
      };
    }
  }
  return { ...at, value };
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  return offsets;
}

function subject(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}

/** Two changes that do the same: the same edits and the same commit subject (a body may differ). */
export function sameChange(a: CodeChange, b: CodeChange): boolean {
  return (
    subject(a.commitMessage) === subject(b.commitMessage) &&
    a.edits.length === b.edits.length &&
    a.edits.every((edit, i) => editKey(edit) === editKey(b.edits[i]!))
  );
}

function editKey(edit: Edit): string {
  switch (edit.kind) {
    case 'write':
      return JSON.stringify(['write', edit.path, edit.content.trimEnd()]);
    case 'replace':
      return JSON.stringify(['replace', edit.path, edit.search.trimEnd(), edit.replace.trimEnd()]);
    case 'delete':
      return JSON.stringify(['delete', edit.path]);
  }
}

let examples: CodeChange[] | undefined;
let exampleEdits: Set<string> | undefined;

/** The prompts' two examples as changes (read once, with the readers everyone's answers go through). */
function EXAMPLES(): CodeChange[] {
  if (examples === undefined) {
    const text = readTextAnswers(CODER_TEXT_EXAMPLE).answers[0]!;
    const json = coderAnswerSchema.parse(JSON.parse(CODER_SHAPE));
    examples = [{ edits: text.edits, commitMessage: text.commitMessage! }, toCodeChange(json)];
  }
  return examples;
}

function EXAMPLE_EDITS(): Set<string> {
  exampleEdits ??= new Set(EXAMPLES().flatMap((example) => example.edits.map(editKey)));
  return exampleEdits;
}
