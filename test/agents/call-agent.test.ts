/**
 * The shared discipline of one agent call, against a plain fake router: retry once on the same model with the
 * validation error, then fail over excluding the models that answered invalid output, bounded by `maxModels`;
 * router errors end the call.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callAgent } from '../../src/agents/call-agent.ts';
import { parseAnswer } from '../../src/agents/parse-json.ts';
import { RouterError } from '../../src/fleet/router-types.ts';
import type { ChatMessage } from '../../src/fleet/types.ts';
import { fakeRouter, lastUser, sequence } from './fake-router.ts';

const schema = z.object({ answer: z.number().int() });
const parse = (raw: string) => parseAnswer(raw, schema);
const messages: ChatMessage[] = [
  { role: 'system', content: '[keel:planner] rules' },
  { role: 'user', content: 'question' },
];
const KEYS = ['a/m', 'b/m', 'c/m', 'd/m'];

describe('callAgent', () => {
  it('returns the first valid answer, streamed and in JSON mode', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": 42}'));
    const result = await callAgent(router, 'planner', messages, parse);
    expect(result).toEqual({
      ok: true,
      value: { answer: 42 },
      provenance: { model: 'a/m', attempts: 1, invalidAnswers: 0 },
    });
    expect(router.calls).toHaveLength(1);
    expect(router.calls[0]!.request).toEqual({ messages, json: true, stream: true });
    expect(router.calls[0]!.role).toBe('planner');
  });

  it('retries an invalid answer once on the same model, quoting the validation error', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": "many"}', '{"answer": 7}'));
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: true, value: { answer: 7 } });
    expect(result.provenance).toEqual({ model: 'a/m', attempts: 2, invalidAnswers: 1 });
    const retry = router.calls[1]!;
    expect(retry.options.prefer).toBe('a/m');
    expect(retry.options.exclude ?? []).toEqual([]);
    // The conversation goes on: the original prompt, the bad answer, and the error.
    expect(retry.request.messages.slice(0, 2)).toEqual(messages);
    expect(retry.request.messages[2]).toEqual({ role: 'assistant', content: '{"answer": "many"}' });
    expect(lastUser(retry)).toContain('`answer`: expected a number, got a string');
  });

  it('truncates a long bad answer in the retry conversation', async () => {
    const long = `no json here ${'x'.repeat(50_000)}`;
    const router = fakeRouter(KEYS, sequence(long, '{"answer": 1}'));
    await callAgent(router, 'coder', messages, parse);
    const echoed = router.calls[1]!.request.messages[2]!.content;
    expect(echoed.length).toBeLessThanOrEqual(4_000);
    expect(long.startsWith(echoed.slice(0, -1))).toBe(true);
  });

  it('fails over after two invalid answers, excluding the model that gave them', async () => {
    const router = fakeRouter(KEYS, (key) => (key === 'a/m' ? 'Sure! The answer is 42.' : '{"answer": 42}'));
    const result = await callAgent(router, 'reviewer', messages, parse);
    expect(result).toMatchObject({ ok: true, value: { answer: 42 } });
    expect(result.provenance).toEqual({ model: 'b/m', attempts: 3, invalidAnswers: 2 });
    expect(router.calls.map((call) => call.key)).toEqual(['a/m', 'a/m', 'b/m']);
    const failover = router.calls[2]!;
    expect(failover.options.exclude).toEqual(['a/m']);
    expect(failover.options.prefer).toBeUndefined();
    // From scratch: the failed conversation is not shown to the next model.
    expect(failover.request.messages).toEqual(messages);
  });

  it('excludes both models when the retry landed elsewhere', async () => {
    // The preferred model was taken: the fake serves the retry from b (as a busy router would).
    const router = fakeRouter(KEYS, (key, call) => {
      if (call.options.prefer === 'a/m') call.key = 'b/m';
      return key === 'c/m' ? '{"answer": 3}' : 'nope';
    });
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: true, value: { answer: 3 }, provenance: { model: 'c/m' } });
    expect(router.calls.map((call) => call.key)).toEqual(['a/m', 'b/m', 'c/m']);
    expect(router.calls[2]!.options.exclude).toEqual(['a/m', 'b/m']);
  });

  it('gives up as invalid after maxModels models answered invalid output', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": null}'));
    const result = await callAgent(router, 'coder', messages, parse, { maxModels: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toBe('invalid');
    expect(result.reason).toMatch(
      /no valid answer from 2 models: 4 invalid answers \(last: `answer`: expected a number, got null\)/,
    );
    expect(result.provenance).toEqual({ model: 'b/m', attempts: 4, invalidAnswers: 4 });
    expect(router.calls.map((call) => call.key)).toEqual(['a/m', 'a/m', 'b/m', 'b/m']);
  });

  it('defaults to three models', async () => {
    const router = fakeRouter(KEYS, sequence('[]'));
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    expect(new Set(router.calls.map((call) => call.key))).toEqual(new Set(['a/m', 'b/m', 'c/m']));
  });

  it('reports invalid when every model left answered invalid output', async () => {
    const router = fakeRouter(['a/m', 'b/m'], sequence('prose'));
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    if (result.ok) return;
    expect(result.reason).toMatch(/no model left to ask: 4 invalid answers/);
    expect(result.provenance.invalidAnswers).toBe(4);
  });

  it('ends with the router reason when no candidate is left', async () => {
    const exhausted = new RouterError(
      'exhausted',
      'coder',
      [{ key: 'a/m', endpointId: 'a', model: 'm', tier: 1, outcome: 'server_error', latencyMs: 3 }],
      'every candidate failed or is unavailable',
    );
    const router = fakeRouter(KEYS, sequence(exhausted));
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: false, failure: 'exhausted' });
    if (result.ok) return;
    expect(result.reason).toMatch(/^exhausted: coder: every candidate failed/);
    expect(result.provenance).toEqual({ model: 'none', attempts: 1, invalidAnswers: 0 });
    expect(router.calls).toHaveLength(1);
  });

  it('mentions earlier invalid answers when the router gives up afterwards', async () => {
    const router = fakeRouter(
      KEYS,
      sequence('bad', 'bad', new RouterError('saturated', 'coder', [], 'every candidate stayed busy')),
    );
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: false, failure: 'saturated' });
    if (result.ok) return;
    expect(result.reason).toMatch(/^saturated: .*; before that, 2 invalid answers/);
  });

  it('ends as aborted when the router is cancelled mid-call', async () => {
    const router = fakeRouter(KEYS, sequence('bad', new RouterError('aborted', 'coder', [], 'cancelled')));
    const result = await callAgent(router, 'coder', messages, parse);
    expect(result).toMatchObject({ ok: false, failure: 'aborted', provenance: { invalidAnswers: 1 } });
    if (result.ok) return;
    expect(result.reason).toMatch(/^aborted: /);
  });

  it('asks nothing when the signal is already aborted, and passes the signal on otherwise', async () => {
    const router = fakeRouter(KEYS, sequence('{"answer": 1}'));
    const result = await callAgent(router, 'coder', messages, parse, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, failure: 'aborted' });
    expect(router.calls).toHaveLength(0);

    const controller = new AbortController();
    await callAgent(router, 'coder', messages, parse, { signal: controller.signal });
    expect(router.calls[0]!.options.signal).toBe(controller.signal);
  });

  it('stops between attempts when the signal aborts during the call', async () => {
    const controller = new AbortController();
    const router = fakeRouter(KEYS, () => {
      controller.abort();
      return 'bad';
    });
    const result = await callAgent(router, 'coder', messages, parse, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, failure: 'aborted' });
    expect(router.calls).toHaveLength(1);
  });

  it('lets a bug (anything but a RouterError) propagate', async () => {
    const router = {
      complete: () => Promise.reject(new TypeError('router is closed')),
    };
    await expect(callAgent(router, 'coder', messages, parse)).rejects.toThrow(TypeError);
  });
});
