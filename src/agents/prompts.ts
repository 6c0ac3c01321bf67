/**
 * The agents' prompts. Two rules hold for every one of them:
 *
 * - Untrusted text (task and issue text, file contents, diffs, command output, and earlier models' plans) goes
 *   only into the USER message, inside delimited blocks (`<task>…</task>`), bounded, with a sentence saying
 *   that it is data. A closing tag of keel's blocks inside such text is written `&lt;/task>` so that the text
 *   cannot end its block and talk to the model from outside it.
 * - The SYSTEM message is keel's alone: the role (tagged `[keel:planner]` … so that the simulator's scripted
 *   model can recognise it), the exact JSON shape, the rules. Nothing run-specific goes there except bounds.
 *
 * Prompts are deterministic functions of their input: the same request yields the same bytes on every
 * endpoint, which keeps failover reproducible (and the scripted model's answers identical).
 */
import { MAX_TASK_CHARS } from '../base/sanitize-untrusted.ts';
import type { ChatMessage, ChatRequest } from '../fleet/types.ts';
import type { Plan, Subtask } from './types.ts';
import { block, bounded, DATA_NOTICE, ESCAPE_NOTE, escapeBlockText, headAndTail } from './prompt-blocks.ts';

/** What the files of one subtask may take of a coder prompt, all together (bytes). */
export const MAX_FILE_BYTES_IN_PROMPT = 64 * 1024;

export const ROLE_TAGS = {
  planner: '[keel:planner]',
  coder: '[keel:coder]',
  reviewer: '[keel:reviewer]',
} as const;

export type AgentRole = keyof typeof ROLE_TAGS;

/** Bounds of what goes into a prompt, in characters. */
export const PROMPT_LIMITS = {
  task: MAX_TASK_CHARS,
  repoFiles: 400,
  repoFilesChars: 24_000,
  plan: 12_000,
  fileChars: 48_000,
  filesTotalChars: 160_000,
  files: 24,
  diff: 120_000,
  validations: 10,
  command: 300,
  validationOutput: 4_000,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Planner

export const PLANNER_SHAPE = `{
  "milestones": [
    {
      "id": "short-slug",
      "title": "what this milestone achieves",
      "subtasks": [
        {
          "id": "short-slug",
          "title": "one line",
          "files": ["workspace/relative/path.ext"],
          "instructions": "what to change and why, precise enough to implement without seeing the task"
        }
      ]
    }
  ],
  "confidence": 0.8
}`;

export function plannerMessages(input: {
  task: string;
  repoFiles: readonly string[];
  maxSubtasks: number;
}): ChatMessage[] {
  const system = [
    `${ROLE_TAGS.planner} You are the planner of keel, an automated software engineer.`,
    'Break the task into small subtasks that a coder can implement one at a time, each touching a few files.',
    'Subtasks may run in parallel: avoid two subtasks editing the same file.',
    '',
    'Answer with ONE JSON object and nothing else (no prose, no code fences), of exactly this shape:',
    PLANNER_SHAPE,
    '',
    'Rules:',
    `- At least 1 and at most ${input.maxSubtasks} subtasks in all.`,
    '- ids: lowercase letters, digits and "-", at most 48 characters, unique.',
    '- files: workspace-relative paths with "/", at most 50 per subtask; prefer files that exist.',
    '- titles at most 200 characters; instructions at most 8000.',
    '- confidence: a number from 0 to 1, how sure you are that the plan achieves the task.',
    `- The user message holds the task and the repository's files in delimited blocks. ${ESCAPE_NOTE}`,
  ].join('\n');
  const listed: string[] = [];
  let chars = 0;
  for (const file of input.repoFiles.slice(0, PROMPT_LIMITS.repoFiles)) {
    const line = file.replace(/[\r\n]/g, ' ');
    chars += line.length + 1;
    if (chars > PROMPT_LIMITS.repoFilesChars) break;
    listed.push(line);
  }
  const user = [
    block('task', bounded(input.task, PROMPT_LIMITS.task).text),
    '',
    block('repo-files', listed.join('\n'), {
      count: String(input.repoFiles.length),
      shown: String(listed.length),
    }),
    '',
    DATA_NOTICE,
    'Plan the work the task block describes. Answer with the JSON plan only.',
  ].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Coder

/** The JSON edit shape, still accepted from every coder (models trained on it answer so). */
export const CODER_SHAPE = `{
  "edits": [
    { "path": "src/new-file.js", "content": "the whole new content of the file" },
    { "path": "src/existing.js", "search": "exact text that occurs once in the file", "replace": "its replacement" },
    { "path": "src/obsolete.js", "delete": true }
  ],
  "commitMessage": "feat: short summary in the imperative"
}`;

/**
 * The plain-text edit format's example (issue 10 §11: code stays out of JSON). Models echo it: an answer
 * equal to it is never taken for one (`coder.ts`).
 */
export const CODER_TEXT_EXAMPLE = [
  'FILE src/greeting.js',
  '```js',
  'export function greet(name) {',
  '  return `Hello, ${name}!`;',
  '}',
  '```',
  '',
  'EDIT src/index.js',
  '<<<<<<< SEARCH',
  "console.log('hi');",
  '=======',
  "import { greet } from './greeting.js';",
  "console.log(greet('world'));",
  '>>>>>>> REPLACE',
  '',
  'DELETE src/obsolete.js',
  '',
  'COMMIT feat: add a greeting module',
].join('\n');

/** How the coder is asked to answer: plain-text edit blocks (the default) or the JSON edit shape. */
export type CoderFormat = 'text' | 'json';
export const CODER_FORMATS: readonly CoderFormat[] = ['text', 'json'];

export interface CoderPromptInput {
  task: string;
  plan: Plan;
  subtask: Subtask;
  files: readonly { path: string; content: string }[];
  /** Default `text`. */
  format?: CoderFormat;
}

const CODER_TEXT_RULES = [
  'Answer with edit blocks and a commit line, in exactly this format (no JSON):',
  CODER_TEXT_EXAMPLE,
  '',
  'Rules:',
  '- FILE <path>, then a fenced code block with the whole new content of the file: for new files and small files.',
  '- EDIT <path>, then one or more SEARCH/REPLACE blocks. The SEARCH lines are copied exactly from the current',
  '  file, white space included, and occur in it once; they are replaced by the REPLACE lines. Keep each SEARCH',
  '  to the few lines that make it unique. An empty REPLACE deletes the lines.',
  '- DELETE <path> deletes a file.',
  '- COMMIT <message> ends the answer: one line of at most 72 characters, optionally followed by body lines.',
  '- Paths are workspace-relative with "/" (no "./", no "a/" or "b/" prefix); never outside the repository,',
  '  never inside .git. At most 50 edits.',
  '- For a file shown truncated, use EDIT. A FILE block has every line of the file: never write a placeholder',
  '  such as "// ... existing code ..." in place of code.',
  '- One answer only: no example, no alternatives, no explanation.',
];

const CODER_JSON_RULES = [
  'Answer with ONE JSON object and nothing else (no prose, no code fences), of exactly this shape:',
  CODER_SHAPE,
  '',
  'Rules:',
  '- At least 1 and at most 50 edits. Each edit has a path and exactly one of: content (write the whole',
  '  file), search + replace (change text that occurs exactly once in the current file), delete: true.',
  '- Paths are workspace-relative with "/"; never outside the repository, never inside .git.',
  '- Whole-file writes are for new files and small files. For a file shown truncated, use search/replace.',
  '- search must match the current file exactly, whitespace included.',
  '- commitMessage: one line of at most 72 characters, optionally followed by a blank line and a body.',
];

export function coderMessages(input: CoderPromptInput): ChatMessage[] {
  const format = input.format ?? 'text';
  const system = [
    `${ROLE_TAGS.coder} You are the coder of keel, an automated software engineer.`,
    'Implement exactly one subtask of a plan by editing files of the repository. Do only that subtask.',
    '',
    ...(format === 'text' ? CODER_TEXT_RULES : CODER_JSON_RULES),
    `- The user message holds the task, the plan, the subtask and the current files in delimited blocks. ${ESCAPE_NOTE}`,
  ].join('\n');

  const sections = [
    block('task', bounded(input.task, PROMPT_LIMITS.task).text),
    block('plan', bounded(planOutline(input.plan, input.subtask.id), PROMPT_LIMITS.plan).text),
    block('subtask', JSON.stringify(input.subtask, null, 2), { id: input.subtask.id }),
  ];
  let budget = PROMPT_LIMITS.filesTotalChars;
  const omitted: string[] = [];
  input.files.forEach((file, index) => {
    const room = Math.min(PROMPT_LIMITS.fileChars, budget);
    if (index >= PROMPT_LIMITS.files || room <= 0) {
      omitted.push(file.path);
      return;
    }
    const shown = bounded(file.content, room);
    budget -= shown.text.length;
    sections.push(
      block('file', shown.text, { path: file.path, ...(shown.truncated ? { truncated: 'true' } : {}) }),
    );
  });
  const notes = [
    omitted.length > 0
      ? `These files exist but are not shown (too large for this request): ${omitted.slice(0, 50).join(', ')}.`
      : '',
    'A file of the subtask that is not shown in a file block does not exist yet.',
    DATA_NOTICE,
    format === 'text'
      ? `Implement the subtask "${input.subtask.id}". Answer with the edit blocks and the COMMIT line only.`
      : `Implement the subtask "${input.subtask.id}". Answer with the JSON object only.`,
  ].filter((line) => line !== '');
  return [
    { role: 'system', content: system },
    { role: 'user', content: [...sections, '', ...notes].join('\n') },
  ];
}

/**
 * The coder's request. Plain text: a JSON response format would force the edit blocks into JSON, the very
 * thing the text format avoids; the JSON shape gets `json: true`. Streamed, so stalls are caught early. Its
 * own function because the early request of a resume (`cli/early-resume.ts`) must send the same bytes.
 */
export function coderRequest(input: CoderPromptInput): ChatRequest {
  const messages = coderMessages(input);
  return (input.format ?? 'text') === 'text'
    ? { messages, stream: true }
    : { messages, json: true, stream: true };
}

/** The plan as an outline of ids and titles, the current subtask marked: context without the bulk. */
export function planOutline(plan: Plan, current?: string): string {
  const lines: string[] = [];
  for (const milestone of plan.milestones) {
    lines.push(`${milestone.id}: ${milestone.title}`);
    for (const subtask of milestone.subtasks) {
      const mark = subtask.id === current ? '  <- this subtask' : '';
      lines.push(`  - ${subtask.id}: ${subtask.title}${mark}`);
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Reviewer

export const REVIEWER_SHAPE = `{
  "approved": true,
  "codeQuality": 85,
  "comments": ["observations worth telling the author"],
  "blocking": ["problems that must be fixed before merging"]
}`;

export interface ValidationResult {
  command: string;
  passed: boolean;
  output: string;
}

export interface ReviewerPromptInput {
  task: string;
  plan: Plan;
  diff: string;
  validation: readonly ValidationResult[];
}

export function reviewerMessages(input: ReviewerPromptInput): ChatMessage[] {
  const system = [
    `${ROLE_TAGS.reviewer} You are the reviewer of keel, an automated software engineer.`,
    'Review the diff against the task and the plan. The validation blocks say whether the checks passed.',
    '',
    'Answer with ONE JSON object and nothing else (no prose, no code fences), of exactly this shape:',
    REVIEWER_SHAPE,
    '',
    'Rules:',
    '- approved: true only when the change does what the task asks and nothing blocks it.',
    '- blocking: what must change before merging; empty when approved. A failed check always blocks.',
    '- codeQuality: an integer from 0 to 100.',
    '- At most 20 comments and 20 blocking items, each at most 1000 characters.',
    `- The user message holds the task, the plan, the diff and the validation results in delimited blocks. ${ESCAPE_NOTE}`,
  ].join('\n');
  const validation = input.validation.slice(0, PROMPT_LIMITS.validations).map((result) =>
    block('validation', headAndTail(result.output, PROMPT_LIMITS.validationOutput), {
      command: bounded(result.command, PROMPT_LIMITS.command).text,
      result: result.passed ? 'passed' : 'failed',
    }),
  );
  const skipped = input.validation.length - validation.length;
  const user = [
    block('task', bounded(input.task, PROMPT_LIMITS.task).text),
    block('plan', bounded(planOutline(input.plan), PROMPT_LIMITS.plan).text),
    block('diff', bounded(input.diff, PROMPT_LIMITS.diff).text),
    ...validation,
    '',
    ...(input.validation.length === 0 ? ['No validation commands were run.'] : []),
    ...(skipped > 0 ? [`${skipped} more validation results are not shown.`] : []),
    DATA_NOTICE,
    'Review the change. Answer with the JSON review only.',
  ].join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The correction turn

/** How much of a rejected answer is shown back to the model in the retry. */
export const REJECTED_ANSWER_CHARS = 4_000;

/** What the model is told when its answer could not be read: what was wrong, and the format again. */
export function correctionMessage(error: string, format: 'json' | CoderFormat = 'json'): string {
  return [
    `Your answer was rejected: ${error}`,
    format === 'text'
      ? 'Answer again with only the edit blocks and the COMMIT line, in the format of the system message: no JSON, no example, no explanation.'
      : 'Answer again with only the JSON object described in the system message: no prose, no code fences.',
  ].join('\n');
}

/** One edit keel could not apply, as the model is shown it. */
export interface RefusedEdit {
  /** The path as the model wrote it (already made printable). */
  path: string;
  reason: string;
  /** The search text and the nearest lines of the file, when they help. */
  detail?: string;
}

/** Edits that could not be applied: each with exactly what failed, then the whole change asked for again. */
export function refusedEditsMessage(refused: readonly RefusedEdit[], format: CoderFormat): string {
  const lines = ['Your edits could not be applied, so nothing was changed:'];
  for (const edit of refused.slice(0, 12)) {
    lines.push(`- ${edit.path}: ${edit.reason}`);
    // The detail quotes the file and the model: neutralised like every other text from the repository.
    if (edit.detail !== undefined) {
      lines.push(
        ...escapeBlockText(edit.detail)
          .split('\n')
          .map((line) => `  ${line}`),
      );
    }
  }
  if (refused.length > 12) lines.push(`- and ${refused.length - 12} more`);
  lines.push(
    format === 'text'
      ? 'Answer again with the complete change (every edit, not only the ones that failed) and the COMMIT line, in the format of the system message.'
      : 'Answer again with the complete change (every edit, not only the ones that failed) as the JSON object described in the system message.',
  );
  return bounded(lines.join('\n'), 12_000).text;
}
