/**
 * The corpus of realistic model answers (test/fixtures/answers/): loaded, checked for shape, and turned into
 * what the simulator serves. Shared by the corpus test and `npm run bench -- agents`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { SimAnswer } from '../../src/sim/types.ts';

export const CORPUS_DIR = resolve(import.meta.dirname, '../fixtures/answers');
export const ROLES = ['coder', 'planner', 'reviewer'] as const;
export type CorpusRole = (typeof ROLES)[number];
export type Outcome = 'use' | 'ask_again' | 'fail_over' | 'never_approve';

export interface CorpusAnswer {
  id: string;
  role: CorpusRole;
  style: string;
  description: string;
  scenario: string;
  format?: 'text' | 'json' | 'other';
  response: {
    content: string | null;
    reasoning_content?: string;
    finish_reason?: 'stop' | 'length' | 'tool_calls';
    tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
  };
  transform?: { crlf?: boolean; bom?: boolean };
  expect: {
    outcome: Outcome;
    subtasks?: string[];
    files?: Record<string, string>;
    deleted?: string[];
    commit?: string;
    approved?: boolean;
    blocking_count?: number;
    notes?: string;
  };
}

export interface Scenario {
  task: string;
  files: Record<string, string>;
  plan: {
    milestones: {
      id: string;
      title: string;
      subtasks: { id: string; title: string; files: string[]; instructions: string }[];
    }[];
    confidence: number;
  };
  subtask: string;
  diff?: string;
  validation?: { command: string; passed: boolean; output: string }[];
}

export function loadScenarios(): Record<string, Scenario> {
  const read = (name: string) =>
    parse(readFileSync(join(CORPUS_DIR, name), 'utf8')) as Record<string, Scenario>;
  return { ...read('scenarios.yaml'), ...read('scenarios-pr.yaml') };
}

export function loadAnswers(role?: CorpusRole): CorpusAnswer[] {
  const answers: CorpusAnswer[] = [];
  for (const each of role ? [role] : ROLES) {
    const dir = join(CORPUS_DIR, each);
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()) {
      const answer = parse(readFileSync(join(dir, file), 'utf8')) as CorpusAnswer;
      if (answer.role !== each || answer.id !== `${each}-${file.replace(/\.yaml$/, '')}`) {
        throw new Error(`${each}/${file}: id or role does not match the file`);
      }
      answers.push(answer);
    }
  }
  return answers;
}

/** The answer as the simulator serves it: the transforms applied, the tool calls in its shape. */
export function servedAnswer(answer: CorpusAnswer): SimAnswer {
  let content = answer.response.content;
  if (content !== null && answer.transform?.crlf) content = content.replace(/\n/g, '\r\n');
  if (content !== null && answer.transform?.bom) content = `\uFEFF${content}`;
  const served: SimAnswer = { content, finishReason: answer.response.finish_reason ?? 'stop' };
  if (answer.response.reasoning_content !== undefined) served.reasoning = answer.response.reasoning_content;
  if (answer.response.tool_calls !== undefined) {
    served.toolCalls = answer.response.tool_calls.map((call) => ({
      name: call.function.name,
      arguments: call.function.arguments,
    }));
  }
  return served;
}
