/** The scripted model on its own: it recognises keel's prompts, answers what the agents accept, deterministically. */
import { describe, expect, it } from 'vitest';
import { coderMessages, plannerMessages, reviewerMessages } from '../../src/agents/prompts.ts';
import { toCodeChange } from '../../src/agents/coder.ts';
import { readCodeAnswer } from '../../src/agents/read-code.ts';
import { readPlanAnswer } from '../../src/agents/planner.ts';
import { readReviewAnswer, toReview } from '../../src/agents/reviewer.ts';
import { coderAnswerSchema } from '../../src/agents/schemas.ts';
import type { Plan, Subtask } from '../../src/agents/types.ts';
import { echoResponder } from '../../src/sim/fleet-simulator.ts';
import { functionName } from '../../src/sim/scripted-code.ts';
import { scriptedResponder, taskSentences } from '../../src/sim/scripted-model.ts';
import type { SimResponderContext } from '../../src/sim/types.ts';

const TASK =
  'Add a greeting module. Update README.md with usage; write src/util/format.js\n- impossible: divide by zero.';

function answer(messages: SimResponderContext['messages'], endpoint = 'a', model = 'm'): string {
  return scriptedResponder({ endpoint, model, messages });
}

function planFor(task: string): Plan {
  const plan = readPlanAnswer({
    content: answer(plannerMessages({ task, repoFiles: [], maxSubtasks: 12 })),
    finishReason: 'stop',
  });
  if (!plan.ok) throw new Error(plan.error);
  return plan.value;
}

describe('scripted planner', () => {
  it('makes one subtask per sentence or line, with named paths as files', () => {
    const subtasks = planFor(TASK).milestones.flatMap((m) => m.subtasks);
    expect(subtasks.map((s) => [s.id, s.files])).toEqual([
      ['add-a-greeting-module', ['src/add-a-greeting-module.js']],
      ['update-readme-md-with-usage', ['README.md']],
      ['write-src-util-format-js', ['src/util/format.js']],
      ['impossible-divide-by-zero', ['src/impossible-divide-by-zero.js']],
    ]);
    expect(subtasks[1]!.instructions).toBe('Update README.md with usage');
  });

  it('splits on sentence ends only, skips empty pieces, keeps ids unique, stops at 8', () => {
    expect(taskSentences('Use v1.2 of e.g. lodash.  ;\n\n1. First. First.')).toEqual([
      'Use v1.2 of e.g',
      'lodash',
      'First',
      'First',
    ]);
    const ids = planFor('Same. Same. Same.').milestones[0]!.subtasks.map((s) => s.id);
    expect(ids).toEqual(['same', 'same-2', 'same-3']);
    const many = Array.from({ length: 20 }, (_, i) => `Step ${i}`).join('. ');
    expect(planFor(many).milestones[0]!.subtasks).toHaveLength(8);
  });

  it('answers a valid plan even for an empty task', () => {
    expect(planFor('   ').milestones[0]!.subtasks).toHaveLength(1);
  });

  it('is deterministic and never mentions the endpoint or model', () => {
    const messages = plannerMessages({ task: TASK, repoFiles: ['x'], maxSubtasks: 12 });
    const one = answer(messages, 'lan-a', 'qwen');
    expect(answer(messages, 'hosted-b', 'gpt')).toBe(one);
    expect(one).not.toMatch(/lan-a|qwen/);
  });
});

describe('scripted coder', () => {
  const plan = planFor(TASK);
  const [greet, readme, , impossible] = plan.milestones[0]!.subtasks as [Subtask, Subtask, Subtask, Subtask];

  /** The scripted coder's answer as keel reads it (the text format by default, JSON when asked). */
  function code(subtask: Subtask, files: { path: string; content: string }[] = [], format?: 'json') {
    const raw = answer(coderMessages({ task: TASK, plan, subtask, files, ...(format ? { format } : {}) }));
    const read = readCodeAnswer({ content: raw, finishReason: 'stop' });
    return read.ok ? { ok: true as const, change: read.value, raw } : { ok: false as const, raw };
  }

  it('answers in the format the prompt asks for: edit blocks by default, the JSON shape when asked', () => {
    const text = code(greet);
    const json = code(greet, [], 'json');
    expect(text.raw).toMatch(/^FILE src\/add-a-greeting-module\.js\n```\n/);
    expect(text.raw).toMatch(/\nCOMMIT feat: Add a greeting module$/);
    const parsed = coderAnswerSchema.safeParse(JSON.parse(json.raw));
    expect(parsed.success && toCodeChange(parsed.data)).toEqual(text.ok && text.change);
  });

  it('writes a small ES module named after the subtask', () => {
    const result = code(greet);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.change.commitMessage).toBe('feat: Add a greeting module');
    expect(result.change.edits).toEqual([
      {
        kind: 'write',
        path: 'src/add-a-greeting-module.js',
        content:
          "// Add a greeting module\nexport function addAGreetingModule() {\n  return 'add-a-greeting-module';\n}\n",
      },
    ]);
  });

  it('extends a file that exists, keeping its content', () => {
    const result = code(readme, [{ path: 'README.md', content: '# Project\n\nIntro.\n' }]);
    expect(result.ok && result.change.edits).toEqual([
      {
        kind: 'write',
        path: 'README.md',
        content: '# Project\n\nIntro.\n\n## Update README.md with usage\n\nUpdate README.md with usage\n',
      },
    ]);
    const commonJs = code(greet, [
      { path: 'src/add-a-greeting-module.js', content: "const x = require('x');" },
    ]);
    expect(commonJs.ok && commonJs.change.edits[0]).toMatchObject({
      kind: 'write',
      content: expect.stringMatching(
        /^const x = require\('x'\);\n\n\/\/ .*\nmodule\.exports\.addAGreetingModule = function/,
      ) as string,
    });
  });

  it('uses search/replace on a file it saw only in part', () => {
    const lines = Array.from({ length: 8_000 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const result = code(greet, [{ path: 'src/add-a-greeting-module.js', content: lines }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [edit] = result.change.edits;
    expect(edit).toMatchObject({ kind: 'replace', path: 'src/add-a-greeting-module.js' });
    if (edit?.kind !== 'replace') return;
    expect(edit.wholeLines).toBe(true);
    expect(lines.split('\n')).toContain(edit.search.replace(/\n$/, ''));
    expect(edit.replace.startsWith(`${edit.search}\n`)).toBe(true);
  });

  it('answers prose, never JSON, for an impossible subtask', () => {
    const result = code(impossible);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.raw).toMatch(/impossible/);
    expect(result.raw).not.toContain('{');
  });

  it('names functions validly', () => {
    expect(functionName('add-a-greeting')).toBe('addAGreeting');
    expect(functionName('delete')).toBe('taskDelete');
    expect(functionName('3d-view')).toBe('task3dView');
  });
});

describe('scripted reviewer', () => {
  const plan = planFor('Do it.');
  function review(diff: string, validation: { command: string; passed: boolean; output: string }[]) {
    const raw = answer(reviewerMessages({ task: 'Do it.', plan, diff, validation }));
    const parsed = readReviewAnswer({ content: raw, finishReason: 'stop' });
    if (!parsed.ok) throw new Error(parsed.error);
    return toReview(parsed.value, validation);
  }

  it('approves a non-empty diff whose validation passed, quality from the diff size', () => {
    const small = review('--- a/x\n+++ b/x\n+one\n-two\n', [
      { command: 'npm test', passed: true, output: '' },
    ]);
    expect(small).toMatchObject({ approved: true, codeQuality: 95, comments: ['Reviewed 2 changed lines.'] });
    const big = review(Array.from({ length: 500 }, (_, i) => `+line ${i}`).join('\n'), []);
    expect(big).toMatchObject({ approved: true, codeQuality: 75 });
  });

  it('blocks an empty diff and a failed validation', () => {
    expect(review('', [])).toMatchObject({
      approved: false,
      blocking: ['The diff is empty: nothing was implemented.'],
    });
    const failed = review('+x\n', [{ command: 'npm test', passed: false, output: 'boom' }]);
    expect(failed.approved).toBe(false);
    expect(failed.blocking[0]).toBe('Validation failed: npm test');
  });
});

describe('anything else', () => {
  it('gets the echo answer', () => {
    const ctx = { endpoint: 'a', model: 'sim-model', messages: [{ role: 'user', content: 'hello' }] };
    expect(scriptedResponder(ctx)).toBe(echoResponder(ctx));
    expect(scriptedResponder(ctx)).toBe('sim(a/sim-model): hello');
  });
});
