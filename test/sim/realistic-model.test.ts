/**
 * The realistic responder (`keel sim --responder realistic`): the scripted model's answers in the styles
 * of the answer corpus. Every style is read by keel's own readers as the style says — the same value as
 * the plain answer, or a correction turn, or the next model — for the three roles and both coder formats;
 * a correction turn gets the plain answer; the choice of style is deterministic and varies.
 */
import { describe, expect, it } from 'vitest';
import { readPlanAnswer } from '../../src/agents/planner.ts';
import { coderMessages, plannerMessages, reviewerMessages } from '../../src/agents/prompts.ts';
import { readCodeAnswer } from '../../src/agents/read-code.ts';
import type { ModelReply } from '../../src/agents/reply.ts';
import { readReviewAnswer } from '../../src/agents/reviewer.ts';
import type { Reading } from '../../src/agents/choose-answer.ts';
import { JSON_STYLES, realisticResponder, TEXT_STYLES, type Role } from '../../src/sim/realistic-model.ts';
import { scriptedResponder } from '../../src/sim/scripted-model.ts';
import type { SimAnswer, SimResponderContext } from '../../src/sim/types.ts';

const TASK = 'Add a greeting module. Extend README.md with usage.';
const plan = (() => {
  const read = readPlanAnswer(
    reply(scriptedResponder(ctx(plannerMessages({ task: TASK, repoFiles: ['README.md'], maxSubtasks: 12 })))),
  );
  if (!read.ok) throw new Error(read.error);
  return read.value;
})();
const [greet, readme] = plan.milestones[0]!.subtasks;

function ctx(messages: SimResponderContext['messages'], endpoint = 'a'): SimResponderContext {
  return { endpoint, model: 'm', messages };
}

function reply(answer: string | SimAnswer): ModelReply {
  if (typeof answer === 'string') return { content: answer, finishReason: 'stop' };
  return {
    content: answer.content ?? '',
    finishReason: answer.finishReason ?? (answer.toolCalls ? 'tool_calls' : 'stop'),
    ...(answer.reasoning !== undefined ? { reasoning: answer.reasoning } : {}),
    ...(answer.toolCalls !== undefined ? { toolCalls: answer.toolCalls } : {}),
  };
}

function meant(reading: Reading<unknown>): unknown {
  return JSON.parse(JSON.stringify(reading).replace(/"path":"(?:\.\/|[ab]\/)/g, '"path":"'));
}

const PROMPTS: {
  name: string;
  role: Role;
  messages: SimResponderContext['messages'];
  read: (r: ModelReply) => Reading<unknown>;
}[] = [
  {
    name: 'planner',
    role: 'planner',
    messages: plannerMessages({ task: TASK, repoFiles: ['README.md'], maxSubtasks: 12 }),
    read: (r) => readPlanAnswer(r),
  },
  {
    name: 'coder (text)',
    role: 'coder',
    messages: coderMessages({
      task: TASK,
      plan,
      subtask: readme!,
      files: [{ path: 'README.md', content: '# Sample\n\nIntro.\n' }],
    }),
    read: readCodeAnswer,
  },
  {
    name: 'coder (json)',
    role: 'coder',
    messages: coderMessages({ task: TASK, plan, subtask: greet!, files: [], format: 'json' }),
    read: readCodeAnswer,
  },
  {
    name: 'reviewer',
    role: 'reviewer',
    messages: reviewerMessages({
      task: TASK,
      plan,
      diff: '+added\n',
      validation: [{ command: 'npm test', passed: true, output: '' }],
    }),
    read: readReviewAnswer,
  },
];

describe.each(PROMPTS)('realistic answers of the $name', ({ role, messages, read, name }) => {
  const plain = scriptedResponder(ctx(messages));
  const clean = read(reply(plain));
  const styles = name === 'coder (text)' ? TEXT_STYLES : JSON_STYLES;

  it.each(styles.map((style) => [style.name, style] as const))('%s is read as it says', (_, style) => {
    expect(clean.ok).toBe(true);
    const dressed = style.dress(plain, role);
    if (dressed === undefined) return; // the style does not apply to this answer: the plain one is sent
    const got = read(reply(dressed));
    // Paths as the model meant them: the edit application drops `./` and diff prefixes (lenient-path.ts).
    if (style.expect === 'use') expect(meant(got)).toEqual(meant(clean));
    else expect(got).toMatchObject({ ok: false, next: style.expect });
  });

  it('answers a correction turn plainly, and picks styles deterministically, several across endpoints', () => {
    const correction = [
      ...messages,
      { role: 'assistant' as const, content: 'x' },
      { role: 'user' as const, content: 'again' },
    ];
    expect(realisticResponder(ctx(correction))).toBe(plain);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const answer = realisticResponder(ctx(messages, `lan-${i}`));
      expect(realisticResponder(ctx(messages, `lan-${i}`))).toEqual(answer);
      seen.add(JSON.stringify(answer));
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
