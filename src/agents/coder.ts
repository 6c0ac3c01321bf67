/**
 * The coder: one subtask becomes edits (whole-file writes, search/replace, deletions) and a commit message,
 * asked for in the plain-text edit format by default (`edit-format.ts`), the JSON edit shape accepted too
 * (`read-code.ts`). Only shape and size are checked here; whether a path is safe to write and whether a
 * search text is in the file is decided where edits are applied (`src/git/safe-edits.ts`).
 *
 * `implementSubtask` also puts the answer to use (the engine applies and commits it): edits that cannot be
 * applied go back to the model once with exactly what failed, then to the next model (issue 10 §13).
 *
 * Its degraded fallback produces no code: the subtask becomes an issue asking for a manual implementation.
 */
import type { EditProblem } from '../git/safe-edits.ts';
import {
  callAgent,
  type AgentCall,
  type AgentCallOptions,
  type AgentRouter,
  type Used,
} from './call-agent.ts';
import { shorten } from './parse-json.ts';
import {
  coderRequest,
  correctionMessage,
  planOutline,
  refusedEditsMessage,
  REJECTED_ANSWER_CHARS,
  type CoderFormat,
} from './prompts.ts';
import { readCodeAnswer } from './read-code.ts';
import type { AgentResult, CodeChange, Plan, Subtask } from './types.ts';

export { toCodeChange } from './read-code.ts';

export interface CodeInput {
  task: string;
  plan: Plan;
  subtask: Subtask;
  /** Current contents of the files the subtask touches (those that exist); the prompt bounds them. */
  files: { path: string; content: string }[];
  /** How the coder is asked to answer; default `text`. Both formats are accepted either way. */
  format?: CoderFormat;
}

/** Asks for a change and reads it, without applying it (a resume's prefetch, a fan-out coder job). */
export async function codeSubtask(
  router: AgentRouter,
  input: CodeInput,
  opts: AgentCallOptions = {},
): Promise<AgentResult<CodeChange>> {
  return callAgent(router, coderCall(input), opts);
}

/** The coder's call: its request, how its answer is read, and the correction turn in its format. */
function coderCall(input: CodeInput): AgentCall<CodeChange> {
  const format = input.format ?? 'text';
  return {
    role: 'coder',
    request: coderRequest(input),
    read: readCodeAnswer,
    correction: (error) => correctionMessage(error, format),
  };
}

/** A change obtained before the call (prefetched, or from a fan-out job), tried first. */
export interface CodeSeed {
  change: CodeChange;
  /** The model that produced it. */
  model: string;
  /** Its answer as written, when known. */
  answer?: string;
}

/**
 * Asks for a change and applies it with `apply`; a refusal (`editsRefused`) goes back to the model once,
 * then the next model is asked. Resolves with what `apply` produced (the commit).
 */
export async function implementSubtask<R>(
  router: AgentRouter,
  input: CodeInput,
  apply: (change: CodeChange) => Promise<Used<R>>,
  opts: AgentCallOptions & { seed?: CodeSeed } = {},
): Promise<AgentResult<R>> {
  const { seed } = opts;
  return callAgent(
    router,
    {
      ...coderCall(input),
      use: apply,
      ...(seed
        ? {
            seed: {
              value: seed.change,
              key: seed.model,
              content: seed.answer ?? shorten(JSON.stringify(seed.change), REJECTED_ANSWER_CHARS),
            },
          }
        : {}),
    },
    opts,
  );
}

/** What `apply` answers for edits that could not be applied: the model is shown every problem. */
export function editsRefused(problems: readonly EditProblem[], format: CoderFormat = 'text'): Used<never> {
  const error = `edits refused: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`;
  return {
    ok: false,
    error,
    message: refusedEditsMessage(
      problems.map((p) => ({
        path: p.path === '' ? '(the change as a whole)' : p.path,
        reason: p.reason,
        ...(p.detail !== undefined ? { detail: p.detail } : {}),
      })),
      format,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Degraded: a human implements it

/** GitHub refuses longer titles. */
const MAX_TITLE = 256;
/** GitHub's body limit is 65 536; room is left for the marker and links the engine adds. */
const MAX_BODY = 60_000;

export interface ManualIssueInput {
  task: string;
  plan: Plan;
  subtask: Subtask;
  /** Why no model produced the code; already redacted by the caller. */
  reason: string;
}

/**
 * The issue that replaces a subtask no coder model could implement. Untrusted text (task, plan, reason) sits in
 * code fences, where Markdown, mentions and links stay inert, and cannot forge keel's hidden markers.
 */
export function manualImplementationIssue(input: ManualIssueInput): { title: string; body: string } {
  const { subtask } = input;
  const title = shorten(`Manual implementation required: ${oneLine(subtask.title)}`, MAX_TITLE);
  const files =
    subtask.files.length > 0
      ? subtask.files
          .slice(0, 50)
          .map((file) => `- \`${shorten(oneLine(file), 300)}\``)
          .join('\n')
      : '(none named)';
  const body = [
    'keel could not implement this subtask: no coder model produced a usable change. It needs a human.',
    '',
    '### Why',
    fenced(shorten(input.reason, 4_000)),
    '',
    `### Subtask \`${subtask.id}\`: instructions`,
    fenced(shorten(subtask.instructions, 8_000)),
    '',
    '### Files',
    files,
    '',
    '### Plan',
    fenced(shorten(planOutline(input.plan, subtask.id), 12_000)),
    '',
    '### Task',
    fenced(shorten(input.task, 16_000)),
    '',
    'When it is done, commit it on the run’s work branch, or close this issue if the subtask is not needed.',
  ].join('\n');
  // Every part is bounded so that the sum stays under MAX_BODY: this cut is a safety net that never cuts.
  return { title, body: shorten(body, MAX_BODY) };
}

function oneLine(text: string): string {
  return neutraliseMarkers(text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'"));
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${neutraliseMarkers(text)}\n${fence}`;
}

/** keel finds its own issues by `<!-- keel:… -->` markers; quoted text must never contain one. */
function neutraliseMarkers(text: string): string {
  return text.replace(/<!--/g, '<!\u200b--');
}
