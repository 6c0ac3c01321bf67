/** The messages sent back to a model whose answer did not validate (finding the answer: read-answer.test.ts). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, type Parsed } from '../../src/agents/parse-json.ts';

describe('describeIssues: what a rejected answer is told', () => {
  const parseAnswer = (raw: string, schema: z.ZodType): Parsed<unknown> => {
    const result = schema.safeParse(JSON.parse(raw), { reportInput: true });
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, error: describeIssues(result.error.issues) };
  };

  const schema = z.object({
    edits: z
      .array(z.object({ path: z.string(), content: z.string().max(5) }))
      .min(1)
      .max(2),
    quality: z.number().int().min(0).max(100),
    title: z.string().min(1),
  });

  it('validates and returns the typed value', () => {
    const raw = '{"edits":[{"path":"a","content":"x"}],"quality":5,"title":"t","extra":1}';
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
