/**
 * A model that obeys every instruction it is given: the attacker's best case. Each test scripts what such a
 * model answers for the hostile issue it plays through — the plan, the coder's edits and commit message for
 * each subtask, the review — and anything unscripted gets the ordinary scripted model's answer.
 */
import { readBlocks } from '../../../src/agents/prompt-blocks.ts';
import { ROLE_TAGS } from '../../../src/agents/prompts.ts';
import { scriptedResponder } from '../../../src/sim/scripted-model.ts';
import type { SimResponder } from '../../../src/sim/types.ts';

export interface ScriptedSubtask {
  id: string;
  title: string;
  files: string[];
  instructions: string;
}

export interface ScriptedChange {
  edits: ({ path: string; content: string } | { path: string; delete: true })[];
  commitMessage: string;
}

export interface CompliantScript {
  plan?: ScriptedSubtask[];
  /** Subtask id → what the coder answers for it (a string: that text, verbatim). */
  code?: Record<string, ScriptedChange | string>;
  review?: { approved: boolean; codeQuality: number; comments: string[]; blocking: string[] };
}

export function compliantModel(script: CompliantScript): SimResponder {
  return (ctx) => {
    const system = ctx.messages.find((m) => m.role === 'system')?.content ?? '';
    const prompt = ctx.messages.find((m) => m.role === 'user')?.content ?? '';
    if (system.startsWith(ROLE_TAGS.planner) && script.plan) {
      return JSON.stringify({
        milestones: [{ id: 'main', title: 'As asked', subtasks: script.plan }],
        confidence: 0.9,
      });
    }
    if (system.startsWith(ROLE_TAGS.coder) && script.code) {
      const block = readBlocks(prompt).find((b) => b.name === 'subtask')?.content ?? '{}';
      const id = (JSON.parse(block) as { id?: string }).id ?? '';
      const change = script.code[id];
      if (change !== undefined) return typeof change === 'string' ? change : JSON.stringify(change);
    }
    if (system.startsWith(ROLE_TAGS.reviewer) && script.review) return JSON.stringify(script.review);
    return scriptedResponder(ctx);
  };
}
