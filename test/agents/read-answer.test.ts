/**
 * Reading answers as models give them (issue 10 §11–12), role by role, without a run: the wrapping that is
 * stripped, the JSON that is repaired and the JSON that is not, the coder's text format and its deviations,
 * which of several answers counts, and when a review is an approval. The corpus test plays the same
 * situations, and many more, through real runs.
 */
import { describe, expect, it } from 'vitest';
import { chooseAnswer } from '../../src/agents/choose-answer.ts';
import { formatTextAnswer, readTextAnswers } from '../../src/agents/edit-format.ts';
import { findJsonObjects } from '../../src/agents/json-candidates.ts';
import { readPlanAnswer } from '../../src/agents/planner.ts';
import { CODER_SHAPE, CODER_TEXT_EXAMPLE, REVIEWER_SHAPE } from '../../src/agents/prompts.ts';
import { readCodeAnswer } from '../../src/agents/read-code.ts';
import { readReply, type ModelReply } from '../../src/agents/reply.ts';
import { readReviewAnswer } from '../../src/agents/reviewer.ts';

const reply = (content: string, extra: Partial<ModelReply> = {}): ModelReply => ({
  content,
  finishReason: 'stop',
  ...extra,
});
const REVIEW = '{"approved": true, "codeQuality": 90, "comments": [], "blocking": []}';
const REJECT = '{"approved": false, "codeQuality": 60, "comments": [], "blocking": ["a bug"]}';
const PLAN =
  '{"milestones":[{"title":"M","subtasks":[{"title":"Do it","instructions":"Do it."}]}],"confidence":0.8}';
const EDIT = 'EDIT src/a.js\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n\nCOMMIT fix: a';

describe('readReply: the text that may hold the answer', () => {
  it('strips BOM, CRLF, thoughts, harmony channels and leaked end-of-turn tokens', () => {
    const texts = (content: string) => readReply(reply(content)).texts.map((t) => t.text.trim());
    expect(texts('\uFEFF{"a":1}\r\n')).toEqual(['{"a":1}']);
    expect(texts('<think>plan {"a":0}</think>\n{"a":1}')).toEqual(['{"a":1}']);
    expect(texts('only the end</think>{"a":1}')).toEqual(['{"a":1}']);
    expect(
      texts(
        '<|channel|>analysis<|message|>hmm {"a":0}<|end|><|start|>assistant<|channel|>final<|message|>{"a":1}<|return|>',
      ),
    ).toEqual(['{"a":1}']);
    expect(texts('{"a":1}<|im_end|>\n<|im_start|>user\nThanks! {"a":2}')).toEqual(['{"a":1}']);
    expect(texts('{"a":1}\n</s>')).toEqual(['{"a":1}']);
    // An HTML tag inside a line is not an end of sequence.
    expect(texts('<s>x</s> and {"a":1}')).toEqual(['<s>x</s> and {"a":1}']);
  });

  it('a thought that never closes is no answer; the reasoning counts only when the content is empty', () => {
    expect(readReply(reply('<think>first {"a":1}'))).toMatchObject({ texts: [], thinkingCut: true });
    expect(readReply(reply('', { reasoning: 'so {"a":1}' })).texts).toEqual([
      { source: 'reasoning', text: 'so {"a":1}' },
    ]);
    expect(readReply(reply('{"a":2}', { reasoning: '{"a":1}' })).texts).toEqual([
      { source: 'content', text: '{"a":2}' },
    ]);
    expect(readReply(reply('', { toolCalls: [{ name: 'f', arguments: '{"a":1}' }] }))).toMatchObject({
      texts: [{ source: 'tool-call', text: '{"a":1}' }],
      toolCallsOnly: true,
    });
  });
});

describe('findJsonObjects: JSON as small models write it', () => {
  const value = (text: string) => findJsonObjects(text)[0];

  it('repairs what has one meaning', () => {
    expect(value(`{'a': True, b: None, // note\n "c": [1, 2,], /* x */ "d": 'it\\'s'}`)?.value).toEqual({
      a: true,
      b: null,
      c: [1, 2],
      d: "it's",
    });
    expect(value('{"code": "line 1\nline 2"}')?.value).toEqual({ code: 'line 1\nline 2' });
    expect(value('{"re": "/\\d+\\s/"}')?.value).toEqual({ re: '/\\d+\\s/' });
    expect(value('{"url": "https://x.test/a"} // comment')?.value).toEqual({ url: 'https://x.test/a' });
  });

  it('refuses what would be a guess, and says so', () => {
    expect(value('{"re": "\\bword\\d"}')?.error).toMatch(/mix escapes JSON does not have/);
    expect(value('{"code": "say "hi" now"}')?.error).toMatch(
      /a double quote inside a string is not escaped \(before `hi`\)/,
    );
    expect(value('{"a": undefined}')?.error).toMatch(/`undefined` is not a JSON value/);
    expect(value('{"a": [1, 2')).toMatchObject({ complete: false });
  });

  it('finds every top-level object in order, past a stray brace in prose', () => {
    const found = findJsonObjects('Use { like this. {"a":1} then {"b":{"c":2}}');
    expect(found.filter((c) => c.value).map((c) => c.value)).toEqual([{ a: 1 }, { b: { c: 2 } }]);
  });
});

describe('the coder’s text format', () => {
  it('reads FILE, EDIT, DELETE and COMMIT, and writes them back the same', () => {
    const [answer] = readTextAnswers(CODER_TEXT_EXAMPLE).answers;
    expect(answer!.edits).toEqual([
      {
        kind: 'write',
        path: 'src/greeting.js',
        content: 'export function greet(name) {\n  return `Hello, ${name}!`;\n}\n',
      },
      {
        kind: 'replace',
        path: 'src/index.js',
        search: "console.log('hi');\n",
        replace: "import { greet } from './greeting.js';\nconsole.log(greet('world'));\n",
        wholeLines: true,
      },
      { kind: 'delete', path: 'src/obsolete.js' },
    ]);
    expect(answer!.commitMessage).toBe('feat: add a greeting module');
    const again = readTextAnswers(formatTextAnswer(answer!.edits, answer!.commitMessage!)).answers[0]!;
    expect(again.edits).toEqual(answer!.edits);
  });

  it('reads the deviations models write: headings, bold and bare paths, a path in the fence, aider blocks, an outer fence', () => {
    const variants = [
      '### src/a.js\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n\nCommit message: fix: a',
      '**src/a.js**\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n**Commit message:** `fix: a`',
      'src/a.js:\n<<<<<<< SEARCH\nold\n========\nnew\n>>>>>>>> REPLACE\n\nCOMMIT fix: a',
      'src/a.js\n```js\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n```\n\nCOMMIT fix: a',
      '```\nEDIT src/a.js\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n\nCOMMIT fix: a\n```',
      'Here you go:\n\n```diff\n--- a/src/a.js\n+++ b/src/a.js\n@@ -1,1 +1,1 @@\n-old\n+new\n```\n\nCommit message: fix: a',
    ];
    for (const text of variants) {
      const read = readCodeAnswer(reply(text));
      expect(read, text).toEqual({
        ok: true,
        value: {
          edits: [{ kind: 'replace', path: 'src/a.js', search: 'old\n', replace: 'new\n', wholeLines: true }],
          commitMessage: 'fix: a',
        },
      });
    }
    const named = readCodeAnswer(reply('```js src/b.js\nb\n```\n\nCOMMIT feat: b'));
    expect(named).toMatchObject({
      ok: true,
      value: { edits: [{ kind: 'write', path: 'src/b.js', content: 'b\n' }] },
    });
  });

  it('ignores a fence with no path (an example in prose), and asks again for a block without a path or a COMMIT', () => {
    expect(readCodeAnswer(reply(`Usage:\n\n\`\`\`js\nslugify('x')\n\`\`\`\n\n${EDIT}`))).toMatchObject({
      ok: true,
    });
    expect(
      readCodeAnswer(reply('<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\nCOMMIT fix')),
    ).toMatchObject({
      ok: false,
      next: 'ask_again',
      error: expect.stringMatching(/has no path/) as string,
    });
    expect(readCodeAnswer(reply(EDIT.replace('\n\nCOMMIT fix: a', '')))).toMatchObject({
      ok: false,
      next: 'ask_again',
      error: expect.stringMatching(/no COMMIT line/) as string,
    });
  });

  it('a reply cut before the COMMIT line fails over; cut in the commit body it is used, subject only', () => {
    expect(
      readCodeAnswer(reply(EDIT.replace('\n\nCOMMIT fix: a', ''), { finishReason: 'length' })),
    ).toMatchObject({
      ok: false,
      next: 'fail_over',
    });
    expect(
      readCodeAnswer(reply(`${EDIT}\n\nThe body was cut in the mid`, { finishReason: 'length' })),
    ).toMatchObject({
      ok: true,
      value: { commitMessage: 'fix: a' },
    });
  });

  it('takes the JSON edit shape too, and never the prompts’ examples', () => {
    const json = '{"edits":[{"path":"src/a.js","search":"old","replace":"new"}],"commitMessage":"fix: a"}';
    expect(readCodeAnswer(reply(json))).toMatchObject({
      ok: true,
      value: { edits: [{ search: 'old', replace: 'new' }] },
    });
    for (const example of [CODER_TEXT_EXAMPLE, CODER_SHAPE]) {
      expect(readCodeAnswer(reply(example)), example).toMatchObject({
        ok: false,
        next: 'ask_again',
        error: expect.stringMatching(/repeats the example/) as string,
      });
      expect(readCodeAnswer(reply(`${example}\n\nNow the real change:\n\n${EDIT}`))).toMatchObject({
        ok: true,
        value: { commitMessage: 'fix: a' },
      });
    }
  });
});

describe('which answer counts', () => {
  it('the last one after a correction; two without one, or alternatives, are asked again', () => {
    const second = EDIT.replaceAll('new', 'newer');
    expect(readCodeAnswer(reply(`${EDIT}\n\nWait, that's wrong. Corrected:\n\n${second}`))).toMatchObject({
      ok: true,
      value: { edits: [{ replace: 'newer\n' }] },
    });
    for (const between of ['\n\nOr:\n\n', '\n\nAlternatively, a fix that is also correct:\n\n']) {
      expect(readCodeAnswer(reply(`${EDIT}${between}${second}`))).toMatchObject({
        ok: false,
        next: 'ask_again',
        error: expect.stringMatching(/2 different answers/) as string,
      });
    }
    expect(readCodeAnswer(reply(`${EDIT}\n\nFinal answer:\n\n${EDIT}`))).toMatchObject({ ok: true });
  });

  it('never skips an unfinished last answer to use an earlier one', () => {
    const found = [
      { start: 0, end: 5, value: 1, complete: true },
      { start: 10, end: 20, error: 'not closed', complete: false },
    ];
    const options = { isExample: () => false, same: (a: number, b: number) => a === b, noAnswer: 'none' };
    expect(chooseAnswer(found, 'x'.repeat(20), { ...options, truncated: true })).toMatchObject({
      ok: false,
      next: 'fail_over',
    });
    expect(chooseAnswer(found, 'x'.repeat(20), { ...options, truncated: false })).toMatchObject({
      ok: false,
      next: 'ask_again',
      error: 'not closed',
    });
  });
});

describe('the planner’s answer', () => {
  it('reads a plan in any wrapping, with a numeric string confidence, and refuses what is a guess', () => {
    expect(readPlanAnswer(reply(`Plan:\n\`\`\`json\n${PLAN}\n\`\`\``))).toMatchObject({ ok: true });
    expect(readPlanAnswer(reply(PLAN.replace('0.8', '"0.8"')))).toMatchObject({
      ok: true,
      value: { confidence: 0.8 },
    });
    for (const confidence of ['80', '"85%"']) {
      expect(readPlanAnswer(reply(PLAN.replace('0.8', confidence)))).toMatchObject({
        ok: false,
        next: 'ask_again',
      });
    }
    expect(readPlanAnswer(reply('1. Add the module\n2. Test it'))).toMatchObject({
      ok: false,
      next: 'ask_again',
    });
  });
});

describe('the reviewer’s verdict', () => {
  it('is an approval only when the one answer says so unambiguously', () => {
    expect(readReviewAnswer(reply(`Here is my review:\n${REVIEW}\nThe tests pass.`))).toMatchObject({
      ok: true,
      value: { approved: true },
    });
    const notApprovals = [
      'LGTM!',
      REVIEW.replace('true', '"true"'),
      REVIEW.replace('"approved": true', '"approve": "yes"'),
      `${REVIEW}\n\nWait — there's a bug: page 1 returns the second page.`,
      `${REVIEW}\n\nHowever, I would not merge this until the tests run.`,
      `${REVIEW}\n\n${REJECT}`,
      `${REJECT}\n\nOn second thought, it is fine. Revised:\n${REVIEW}`,
      REVIEWER_SHAPE,
    ];
    for (const text of notApprovals) {
      const read = readReviewAnswer(reply(text));
      expect(read.ok && read.value.approved, text).toBe(false);
    }
  });

  it('takes a withdrawn approval’s correction when it rejects, and a string codeQuality that is a number', () => {
    expect(
      readReviewAnswer(reply(`${REVIEW}\n\nActually, wait. Corrected review:\n${REJECT}`)),
    ).toMatchObject({ ok: true, value: { approved: false } });
    expect(readReviewAnswer(reply(REVIEW.replace('90', '"85"')))).toMatchObject({
      ok: true,
      value: { codeQuality: 85 },
    });
    expect(readReviewAnswer(reply(REVIEW.replace('90', '"8/10"')))).toMatchObject({
      ok: false,
      next: 'ask_again',
    });
  });
});
