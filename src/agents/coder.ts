/**
 * The coder: one subtask becomes edits (whole-file writes, search/replace, deletions) and a commit message.
 * Only shape and size are checked here; whether a path is safe to write (inside the workspace, not `.git/`,
 * no symlink escape …) is decided where edits are applied (`src/git/safe-edits.ts`), once, for every source.
 *
 * Its degraded fallback produces no code: the subtask becomes an issue asking for a manual implementation.
 */
import { callAgent, type AgentCallOptions, type AgentRouter } from './call-agent.ts';
import { parseAnswer, shorten } from './parse-json.ts';
import { coderMessages, planOutline } from './prompts.ts';
import { coderAnswerSchema, type CoderAnswer } from './schemas.ts';
import type { Edit } from '../git/edit.ts';
import type { AgentResult, CodeChange, Plan, Subtask } from './types.ts';

export interface CodeInput {
  task: string;
  plan: Plan;
  subtask: Subtask;
  /** Current contents of the files the subtask touches (those that exist); the prompt bounds them. */
  files: { path: string; content: string }[];
}

export async function codeSubtask(
  router: AgentRouter,
  input: CodeInput,
  opts: AgentCallOptions = {},
): Promise<AgentResult<CodeChange>> {
  return callAgent(
    router,
    'coder',
    coderMessages(input),
    (raw) => {
      const answer = parseAnswer(raw, coderAnswerSchema);
      return answer.ok ? { ok: true, value: toCodeChange(answer.value) } : answer;
    },
    opts,
  );
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
