/** Bounded parsing of model answers: the wrappings models use, the bound, and the messages sent back. */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MAX_ANSWER_CHARS, describeIssues, extractJson, parseAnswer } from '../../src/agents/parse-json.ts';

const object = { edits: [{ path: 'a.js', content: 'x {"y"} }' }], note: 'braces } { in strings' };
const json = JSON.stringify(object);

describe('extractJson', () => {
  it.each([
    ['bare', json],
    ['padded', `\n\n  ${json}  \n`],
    ['a ```json fence', '```json\n' + json + '\n```'],
    ['a bare fence', '```\n' + json + '\n```'],
    ['leading prose', `Sure! Here is the change you asked for:\n${json}`],
    ['trailing prose', `${json}\n\nLet me know if you need anything else. {Cheers}`],
    ['prose and a fence', `Here you go:\n\n\`\`\`json\n${json}\n\`\`\`\nHope it helps.`],
    ['a think block', `<think>The user wants {edits}. Let me think… "}"</think>\n${json}`],
    ['two think blocks', `<think>a</think><think>b {</think>${json}`],
    ['an orphan closing think tag', `reasoning with {braces} that never opened</think>\n\n${json}`],
    ['a thinking block and a fence', `<thinking>hmm</thinking>\n\`\`\`json\n${json}\n\`\`\``],
  ])('finds the object in %s', (_name, raw) => {
    expect(extractJson(raw)).toEqual({ ok: true, value: object });
  });

  it('finds a fenced object whose strings hold a fence of their own', () => {
    const inner = { content: '# Usage\n\n```js\nrun()\n```\n' };
    expect(extractJson('```json\n' + JSON.stringify(inner) + '\n```')).toEqual({ ok: true, value: inner });
  });

  it('keeps an object whose strings mention think tags and fences', () => {
    const tricky = { content: '<think>not reasoning</think> ```json\n{}\n```' };
    expect(extractJson(JSON.stringify(tricky))).toEqual({ ok: true, value: tricky });
  });

  it.each([
    ['empty', '', /empty/],
    ['only reasoning', '<think>still thinking about {it}', /empty/],
    ['prose only', 'I cannot do that.', /no JSON object/],
    ['an array', '[1, 2, 3]', /must be a JSON object/],
    ['a string', '"hello"', /must be a JSON object/],
    ['a cut object', '{"edits": [{"path": "a"', /not closed/],
    ['broken JSON', '{"edits": [1, 2,]}', /invalid JSON/],
  ])('rejects %s with a useful error', (_name, raw, message) => {
    const found = extractJson(raw);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.error).toMatch(message);
  });

  it('rejects an oversize answer without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const huge = `{"content": "${'x'.repeat(MAX_ANSWER_CHARS)}"}`;
      const found = extractJson(huge);
      expect(found).toEqual({
        ok: false,
        error: expect.stringMatching(/over the limit of 262144/) as string,
      });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('accepts an answer right at the bound', () => {
    const body = `{"c":"${'x'.repeat(MAX_ANSWER_CHARS - 8)}"}`;
    expect(body.length).toBe(MAX_ANSWER_CHARS);
    expect(extractJson(body).ok).toBe(true);
  });

  it('gives up on hostile prose after a bounded number of attempts', () => {
    const raw = '{ '.repeat(10_000);
    const found = extractJson(raw);
    expect(found.ok).toBe(false);
  });
});

describe('parseAnswer and its messages', () => {
  const schema = z.object({
    edits: z
      .array(z.object({ path: z.string(), content: z.string().max(5) }))
      .min(1)
      .max(2),
    quality: z.number().int().min(0).max(100),
    title: z.string().min(1),
  });

  it('validates and returns the typed value', () => {
    const raw = '```json\n{"edits":[{"path":"a","content":"x"}],"quality":5,"title":"t","extra":1}\n```';
    expect(parseAnswer(raw, schema)).toEqual({
      ok: true,
      value: { edits: [{ path: 'a', content: 'x' }], quality: 5, title: 't' },
    });
  });

  it('names the path and what was expected, without quoting values', () => {
    const raw = JSON.stringify({
      edits: [
        { path: 'a', content: 'x' },
        { path: 7, content: 'secret-long-value' },
      ],
      quality: -3,
      title: '',
    });
    const parsed = parseAnswer(raw, schema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('`edits[1].path`: expected a string, got a number');
    expect(parsed.error).toContain('`edits[1].content`: at most 5 characters, got 17');
    expect(parsed.error).toContain('`quality`: at least 0, got -3');
    expect(parsed.error).toContain('`title`: must not be empty');
    expect(parsed.error).not.toContain('secret-long-value');
  });

  it('says when a field is missing and when a list is too long', () => {
    const parsed = parseAnswer('{"edits":[{},{},{}]}', schema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain('`edits`: at most 2 items, got 3');
    expect(parsed.error).toContain('`quality`: missing (expected a number)');
  });

  it('lists a few issues and counts the rest', () => {
    const many = z.object(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, z.string()])));
    const result = many.safeParse({}, { reportInput: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    const message = describeIssues(result.error.issues);
    expect(message.match(/missing/g)).toHaveLength(6);
    expect(message).toMatch(/and 4 more problems$/);
  });
});
