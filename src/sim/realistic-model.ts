/**
 * A "realistic" model for the simulator (`keel sim --responder realistic`, `keel demo`): the scripted
 * model's answers, dressed the way small local models and reasoning models actually answer — the styles of
 * keel's answer corpus (test/fixtures/answers/, issue 10 §14). So the demo and the drills take keel's lenient
 * paths (prose and fences around the answer, thinking, leaked end-of-turn tokens, JSON5-ish syntax, `./`
 * and `b/` paths, an echoed example, a self-correction, the answer only in the reasoning or in a tool call)
 * and its refusals (a reply cut at the limit → the next model; two options or a Markdown list → a correction
 * turn), not only the perfect one.
 *
 * Deterministic: the style depends on the endpoint, the role and the prompt, never on time or chance, so a
 * drill replays exactly; a fail-over to another endpoint usually meets another style. A correction turn is
 * always answered cleanly, as models mostly do once told what was wrong.
 */
import { createHash } from 'node:crypto';
import {
  CODER_SHAPE,
  CODER_TEXT_EXAMPLE,
  PLANNER_SHAPE,
  REVIEWER_SHAPE,
  ROLE_TAGS,
} from '../agents/prompts.ts';
import { scriptedResponder } from './scripted-model.ts';
import type { SimAnswer, SimResponderContext } from './types.ts';

export type Role = keyof typeof ROLE_TAGS;
export interface RealisticStyle {
  name: string;
  weight: number;
  /** What keel does with such an answer: uses it, asks the same model again, or asks the next model. */
  expect: 'use' | 'ask_again' | 'fail_over';
  /** The answer in this style; undefined when the style does not apply to it (the plain answer is sent). */
  dress: (answer: string, role: Role) => string | SimAnswer | undefined;
}
type Style = RealisticStyle;

export const realisticResponder = (ctx: SimResponderContext): string | SimAnswer => {
  const answer = scriptedResponder(ctx);
  const system = ctx.messages.find((message) => message.role === 'system')?.content ?? '';
  const role = (Object.keys(ROLE_TAGS) as Role[]).find((name) => system.startsWith(ROLE_TAGS[name]));
  // Not keel's prompt, or a correction turn: the plain answer.
  if (role === undefined || ctx.messages.some((message) => message.role === 'assistant')) return answer;
  const prompt = ctx.messages.find((message) => message.role === 'user')?.content ?? '';
  const styles = role === 'coder' ? (isJson(answer) ? JSON_STYLES : TEXT_STYLES) : JSON_STYLES;
  const style = pick(styles, `${ctx.endpoint}\n${role}\n${prompt}`);
  return style.dress(answer, role) ?? answer;
};

/** The style a request gets: weighted, by a hash of who is asked what. */
export function realisticStyle(endpoint: string, role: Role, prompt: string, json: boolean): string {
  const styles = role === 'coder' && !json ? TEXT_STYLES : JSON_STYLES;
  return pick(styles, `${endpoint}\n${role}\n${prompt}`).name;
}

function pick(styles: readonly Style[], key: string): Style {
  const total = styles.reduce((sum, style) => sum + style.weight, 0);
  let at = createHash('sha256').update(key).digest().readUInt32BE(0) % total;
  for (const style of styles) {
    if (at < style.weight) return style;
    at -= style.weight;
  }
  return styles[0]!;
}

function isJson(answer: string): boolean {
  return answer.trimStart().startsWith('{');
}

const EXAMPLES: Record<Role, string> = {
  planner: PLANNER_SHAPE,
  coder: CODER_SHAPE,
  reviewer: REVIEWER_SHAPE,
};

/** Styles shared by every answer. */
const WRAPPINGS: readonly Style[] = [
  { name: 'clean', expect: 'use', weight: 6, dress: (a) => a },
  {
    name: 'prose',
    expect: 'use',
    weight: 2,
    dress: (a) => `Sure! Here is what you asked for.\n\n${a}\n\nLet me know if you need anything else.`,
  },
  {
    name: 'think',
    expect: 'use',
    weight: 2,
    dress: (a) =>
      `<think>\nLet me read the task and the files first. The answer must follow the format.\n</think>\n\n${a}`,
  },
  {
    name: 'leaked-end-of-turn',
    expect: 'use',
    weight: 1,
    dress: (a) => `${a}<|im_end|>\n<|im_start|>user\nThanks! Anything else?<|im_end|>`,
  },
  { name: 'crlf', expect: 'use', weight: 1, dress: (a) => a.replace(/\n/g, '\r\n') },
  { name: 'bom', expect: 'use', weight: 1, dress: (a) => `\uFEFF${a}` },
  {
    name: 'reasoning-only',
    expect: 'use',
    weight: 1,
    dress: (a) => ({
      content: '',
      reasoning: `The answer has to follow the format of the system message.\n\n${a}`,
    }),
  },
  // Cut at the output limit before the answer ends: nothing to use, the next model is asked.
  {
    name: 'truncated',
    expect: 'fail_over',
    weight: 1,
    dress: (a) => ({ content: a.slice(0, Math.max(1, Math.floor(a.length / 2))), finishReason: 'length' }),
  },
];

/** JSON answers: the planner, the reviewer, and a coder asked for the JSON shape. */
export const JSON_STYLES: readonly Style[] = [
  ...WRAPPINGS,
  {
    name: 'json-fence',
    expect: 'use',
    weight: 2,
    dress: (a) => `Here is the JSON:\n\n\`\`\`json\n${pretty(a)}\n\`\`\``,
  },
  {
    name: 'trailing-commas',
    expect: 'use',
    weight: 1,
    dress: (a) => pretty(a).replace(/\n(\s*)([}\]])/g, ',\n$1$2'),
  },
  {
    name: 'comments',
    expect: 'use',
    weight: 1,
    dress: (a) => pretty(a).replace(/^\{\n/, '{\n  // answered by a small local model\n'),
  },
  {
    name: 'unquoted-keys',
    expect: 'use',
    weight: 1,
    dress: (a) => pretty(a).replace(/^(\s*)"(\w+)":/gm, '$1$2:'),
  },
  {
    name: 'harmony-channels',
    expect: 'use',
    weight: 1,
    dress: (a) =>
      `<|channel|>analysis<|message|>Need to answer in JSON.<|end|><|start|>assistant<|channel|>final<|message|>${a}<|return|>`,
  },
  {
    name: 'tool-call',
    expect: 'use',
    weight: 1,
    dress: (a) => ({ content: null, toolCalls: [{ name: 'submit', arguments: a }] }),
  },
  {
    name: 'echoed-example',
    expect: 'use',
    weight: 1,
    dress: (a, role) => `The answer looks like this:\n\n${EXAMPLES[role]}\n\nMy answer:\n\n${a}`,
  },
  {
    name: 'self-correction',
    expect: 'use',
    weight: 1,
    dress: (a) => {
      const draft = withDifferentValue(a);
      return draft === undefined ? undefined : `${draft}\n\nWait, that's not right. Corrected:\n\n${a}`;
    },
  },
  // A Markdown list where JSON was asked: refused, and the model asked again.
  { name: 'markdown-list', expect: 'ask_again', weight: 1, dress: (a) => markdownList(a) },
];

/** The coder's plain-text edit blocks. */
export const TEXT_STYLES: readonly Style[] = [
  ...WRAPPINGS,
  {
    name: 'dot-slash-paths',
    expect: 'use',
    weight: 2,
    dress: (a) => a.replace(/^(FILE|EDIT|DELETE) (?!\.\/)/gm, '$1 ./'),
  },
  {
    name: 'diff-prefix-paths',
    expect: 'use',
    weight: 1,
    dress: (a) => a.replace(/^EDIT (?![ab]\/)/gm, 'EDIT b/'),
  },
  {
    name: 'heading-paths',
    expect: 'use',
    weight: 1,
    dress: (a) => a.replace(/^(?:FILE|EDIT) (.+)$/gm, '### $1'),
  },
  {
    name: 'commit-message-line',
    expect: 'use',
    weight: 1,
    dress: (a) => a.replace(/^COMMIT (.+)$/m, 'Commit message: $1'),
  },
  {
    name: 'echoed-example',
    expect: 'use',
    weight: 1,
    dress: (a) =>
      `Following the format:\n\n${CODER_TEXT_EXAMPLE}\n\nNow the actual change for this subtask:\n\n${a}`,
  },
  {
    name: 'self-correction',
    expect: 'use',
    weight: 1,
    dress: (a) =>
      `${a.replace(/^COMMIT .+$/m, 'COMMIT wip')}\n\nWait, that commit message says nothing. Corrected:\n\n${a}`,
  },
  // Two complete answers and no word on which counts: the model is asked again.
  {
    name: 'two-options',
    expect: 'ask_again',
    weight: 1,
    dress: (a) =>
      `Option 1:\n\n${a}\n\nOption 2, if you prefer:\n\n${a.replace(/^COMMIT (.+)$/m, 'COMMIT $1 (variant)')}`,
  },
];

function pretty(answer: string): string {
  try {
    return JSON.stringify(JSON.parse(answer), null, 2);
  } catch {
    return answer;
  }
}

/** The same JSON with one value changed: the draft a self-correcting model withdraws. */
function withDifferentValue(answer: string): string | undefined {
  try {
    const value = JSON.parse(answer) as Record<string, unknown>;
    if (typeof value.confidence === 'number') return JSON.stringify({ ...value, confidence: 0.3 });
    if (typeof value.codeQuality === 'number') return JSON.stringify({ ...value, codeQuality: 10 });
    if (typeof value.commitMessage === 'string') return JSON.stringify({ ...value, commitMessage: 'wip' });
  } catch {
    return undefined;
  }
  return undefined;
}

/** A plan or a review as a Markdown list, the way chat-tuned models answer when they forget the format. */
function markdownList(answer: string): string | undefined {
  try {
    const value = JSON.parse(answer) as {
      milestones?: { subtasks?: { title?: string }[] }[];
      approved?: boolean;
      comments?: string[];
    };
    if (value.milestones) {
      const titles = value.milestones
        .flatMap((m) => m.subtasks ?? [])
        .map((s, i) => `${i + 1}. ${s.title ?? ''}`);
      return `Here's my plan:\n\n${titles.join('\n')}\n\nLet me know if this works!`;
    }
    if (typeof value.approved === 'boolean') {
      return value.approved
        ? 'LGTM! 🚀'
        : `I have concerns:\n\n${(value.comments ?? []).map((c) => `- ${c}`).join('\n')}`;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
