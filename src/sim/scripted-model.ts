/**
 * A scripted "model" for the simulator: it recognises keel's planner, coder and reviewer prompts by the role
 * tag of their system message and answers in the asked format (the coder: edit blocks, or JSON when the
 * prompt asks for JSON) for any task, so that the demo, `keel sim` and the
 * end-to-end tests run the whole pipeline without a real model.
 *
 * Deterministic by construction: an answer depends only on the first user message of the conversation (the
 * prompt keel built), never on the endpoint, the model name, the correction turn of a retry or anything of
 * the run. Failover between endpoints therefore yields the same plan and the same files.
 *
 * Anything it does not recognise gets the echo responder's answer, which the simulator's own tests rely on.
 */
import { formatTextAnswer } from '../agents/edit-format.ts';
import { readBlocks, type ReadBlock } from '../agents/prompt-blocks.ts';
import { CODER_TEXT_EXAMPLE, ROLE_TAGS } from '../agents/prompts.ts';
import type { Edit } from '../git/edit.ts';
import { slugify, uniqueSlug } from '../agents/slug.ts';
import { echoResponder } from './fleet-simulator.ts';
import { scriptedEdits, type ShownFile } from './scripted-code.ts';
import type { SimResponderContext } from './types.ts';

const MAX_SUBTASKS = 8;

export const scriptedResponder: (ctx: SimResponderContext) => string = (ctx) => {
  const system = ctx.messages.find((message) => message.role === 'system')?.content ?? '';
  const prompt = ctx.messages.find((message) => message.role === 'user')?.content ?? '';
  if (system.startsWith(ROLE_TAGS.planner)) return scriptedPlan(readBlocks(prompt));
  if (system.startsWith(ROLE_TAGS.coder)) {
    return scriptedCode(readBlocks(prompt), system.includes(CODER_TEXT_EXAMPLE));
  }
  if (system.startsWith(ROLE_TAGS.reviewer)) return scriptedReview(readBlocks(prompt));
  return echoResponder(ctx);
};

function contentOf(blocks: ReadBlock[], name: string): string {
  return blocks.find((found) => found.name === name)?.content ?? '';
}

// ---------------------------------------------------------------------------------------------------------
// Planner: one subtask per sentence or line of the task

// A path the sentence names: `README.md`, `src/x.js`, `docs/guide/intro.md` (not "e.g." or "v1.2").
const NAMED_PATH =
  /(?<![\w./-])((?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.(?:js|mjs|cjs|ts|jsx|tsx|json|md|txt|yml|yaml|css|html|py|sh))(?![\w/-])/g;

export function taskSentences(task: string): string[] {
  return task
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))
    .flatMap((line) => line.split(/[.;](?=\s|$)/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => slugify(sentence) !== '')
    .slice(0, MAX_SUBTASKS);
}

function scriptedPlan(blocks: ReadBlock[]): string {
  const sentences = taskSentences(contentOf(blocks, 'task'));
  const taken = new Set<string>();
  const subtasks = (sentences.length > 0 ? sentences : ['Task']).map((sentence) => {
    const id = uniqueSlug([sentence], taken, 'task');
    const named = [...new Set([...sentence.matchAll(NAMED_PATH)].map((match) => match[1]!))];
    return {
      id,
      title: sentence.slice(0, 200),
      files: named.length > 0 ? named : [`src/${id}.js`],
      instructions: sentence.slice(0, 8_000),
    };
  });
  return JSON.stringify({
    milestones: [{ id: 'main', title: 'Implement the task', subtasks }],
    confidence: 0.8,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Coder: a small deterministic file per path of the subtask

interface PromptSubtask {
  id: string;
  title: string;
  files: string[];
  instructions: string;
}

function readSubtask(blocks: ReadBlock[]): PromptSubtask | undefined {
  try {
    const value = JSON.parse(contentOf(blocks, 'subtask')) as Partial<PromptSubtask>;
    if (typeof value.id !== 'string' || typeof value.instructions !== 'string') return undefined;
    return {
      id: value.id,
      title: typeof value.title === 'string' ? value.title : value.id,
      files: Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : [],
      instructions: value.instructions,
    };
  } catch {
    return undefined;
  }
}

function scriptedCode(blocks: ReadBlock[], asksForText: boolean): string {
  const subtask = readSubtask(blocks);
  if (!subtask) return 'I could not find the subtask in your message.';
  // The demo's subtask that fails: prose every time, which no retry or failover can fix.
  if (/\bimpossible\b/i.test(subtask.instructions)) {
    return `I am sorry, but I cannot implement "${subtask.title}": it is impossible as described.`;
  }
  const shown = new Map<string, ShownFile>();
  for (const found of blocks) {
    if (found.name !== 'file' || found.attributes.path === undefined) continue;
    shown.set(found.attributes.path, {
      content: found.content,
      truncated: found.attributes.truncated === 'true',
    });
  }
  const paths = subtask.files.length > 0 ? subtask.files.slice(0, MAX_SUBTASKS) : [`src/${subtask.id}.js`];
  const edits = paths.map((path) => scriptedEdits(path, subtask, shown.get(path)));
  const commitMessage = `feat: ${subtask.title.replace(/[\r\n]+/g, ' ')}`.slice(0, 72);
  if (!asksForText) return JSON.stringify({ edits, commitMessage });
  // The format the prompt asks for by default: edit blocks, code never escaped into JSON.
  return formatTextAnswer(
    edits.map((edit): Edit =>
      'content' in edit
        ? { kind: 'write', path: edit.path, content: edit.content }
        : { kind: 'replace', path: edit.path, search: edit.search, replace: edit.replace },
    ),
    commitMessage,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Reviewer: approves a non-empty diff whose validation passed

function scriptedReview(blocks: ReadBlock[]): string {
  const diff = contentOf(blocks, 'diff');
  const changed = diff
    .split('\n')
    .filter((line) => /^[+-]/.test(line) && !/^(?:\+\+\+|---)(?:\s|$)/.test(line)).length;
  const failed = blocks
    .filter((found) => found.name === 'validation' && found.attributes.result !== 'passed')
    .map((found) => found.attributes.command ?? 'a validation command');
  const blocking = [
    ...(diff.trim() === '' ? ['The diff is empty: nothing was implemented.'] : []),
    ...failed.map((command) => `Validation failed: ${command}`),
  ];
  const approved = blocking.length === 0;
  return JSON.stringify({
    approved,
    // Smaller changes are easier to trust; a fixed function of the diff keeps reruns identical.
    codeQuality: approved ? Math.max(60, 95 - Math.floor(changed / 25)) : 40,
    comments: [`Reviewed ${changed} changed line${changed === 1 ? '' : 's'}.`],
    blocking,
  });
}
