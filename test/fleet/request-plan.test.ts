/** How a request is shaped for a server: response_format by capability, the output-length parameter by family. */
import { describe, expect, it } from 'vitest';
import { LearnedShapes, readLearnedSnapshot } from '../../src/fleet/learned-shapes.ts';
import { requestBody } from '../../src/fleet/request-body.ts';
import {
  formatLadder,
  isReasoningModel,
  planRequest,
  savedScanFacts,
  type PlanInput,
} from '../../src/fleet/request-plan.ts';
import type { ChatRequest } from '../../src/fleet/types.ts';

const schema = { name: 'review', schema: { type: 'object', properties: { approved: { type: 'boolean' } } } };
const messages: ChatRequest['messages'] = [{ role: 'user', content: 'hi' }];

function input(extra: Partial<PlanInput> = {}): PlanInput {
  return {
    kind: 'local',
    model: 'qwen2.5-coder:7b',
    request: { json: true, jsonSchema: schema },
    fitted: 3_000,
    flavor: 'llamacpp',
    exactPrompt: false,
    learned: { refusedFormats: [] },
    ...extra,
  };
}

describe('formatLadder', () => {
  it('schema first when the agent gave one, JSON mode first otherwise, nothing for plain text', () => {
    expect(formatLadder({ json: true, jsonSchema: schema })).toEqual(['json_schema', 'json_object', 'none']);
    expect(formatLadder({ json: true })).toEqual(['json_object', 'json_schema', 'none']);
    expect(formatLadder({})).toEqual(['none']);
  });
});

describe('planRequest', () => {
  it('a local server gets json_schema and max_tokens fitted to its window', () => {
    expect(planRequest(input())).toEqual({
      responseFormat: 'json_schema',
      tokenParam: 'max_tokens',
      maxTokens: 3_000,
    });
  });

  it('falls down the ladder past what the endpoint refused', () => {
    expect(planRequest(input({ learned: { refusedFormats: ['json_schema'] } })).responseFormat).toBe(
      'json_object',
    );
    const both = { refusedFormats: ['json_schema', 'json_object'] as const };
    expect(planRequest(input({ learned: { refusedFormats: [...both.refusedFormats] } })).responseFormat).toBe(
      'none',
    );
    // LM Studio refuses json_object: a JSON-only request goes out as json_schema of any object.
    const lmstudio = input({ request: { json: true }, learned: { refusedFormats: ['json_object'] } });
    expect(planRequest(lmstudio).responseFormat).toBe('json_schema');
  });

  it('hosted APIs get max_completion_tokens, and a limit only when the caller asked for one', () => {
    const hosted = input({ kind: 'hosted', model: 'gpt-4o-mini', flavor: 'openai', fitted: 120_000 });
    expect(planRequest(hosted)).toEqual({
      responseFormat: 'json_schema',
      tokenParam: 'max_completion_tokens',
    });
    const asked = { ...hosted, request: { json: true, maxTokens: 2_000 }, fitted: 2_000 };
    expect(planRequest(asked)).toMatchObject({ tokenParam: 'max_completion_tokens', maxTokens: 2_000 });
  });

  it('an OpenAI reasoning model behind a local proxy gets max_completion_tokens too', () => {
    for (const model of ['gpt-5-nano', 'openai/gpt-5.1', 'o4-mini', 'o3']) {
      expect(isReasoningModel(model)).toBe(true);
      expect(planRequest(input({ model })).tokenParam).toBe('max_completion_tokens');
    }
    for (const model of ['gpt-4o-mini', 'qwen3:8b', 'ollama/o-llama', 'phi-o1x'])
      expect(isReasoningModel(model)).toBe(false);
  });

  it('vLLM gets no limit from an estimate (its default is what the window leaves), but a counted one', () => {
    expect(planRequest(input({ flavor: 'vllm' })).maxTokens).toBeUndefined();
    expect(planRequest(input({ flavor: 'vllm', exactPrompt: true })).maxTokens).toBe(3_000);
    expect(planRequest(input({ flavor: 'vllm', request: { maxTokens: 500 }, fitted: 500 })).maxTokens).toBe(
      500,
    );
  });

  it('learned and listed output caps bound the limit; a candidate that takes no limit gets none', () => {
    expect(planRequest(input({ learned: { refusedFormats: [], outputCap: 1_024 } })).maxTokens).toBe(1_024);
    expect(planRequest(input({ listedOutputCap: 2_048 })).maxTokens).toBe(2_048);
    expect(
      planRequest(input({ learned: { refusedFormats: [], tokenParam: 'none' } })).maxTokens,
    ).toBeUndefined();
    const learnedParam = input({ learned: { refusedFormats: [], tokenParam: 'max_completion_tokens' } });
    expect(planRequest(learnedParam).tokenParam).toBe('max_completion_tokens');
  });
});

describe('requestBody', () => {
  it('json_schema in the OpenAI shape, strict false; the limit under the planned name', () => {
    const body = requestBody(
      { messages, json: true, jsonSchema: schema },
      { model: 'm', maxTokens: 10, tokenParam: 'max_completion_tokens', responseFormat: 'json_schema' },
      false,
    );
    expect(body).toEqual({
      model: 'm',
      messages,
      stream: false,
      max_completion_tokens: 10,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'review', schema: schema.schema, strict: false },
      },
    });
  });

  it('json_object, none, and json_schema of any object for a request without a schema', () => {
    const json: ChatRequest = { messages, json: true };
    expect(requestBody(json, { model: 'm', responseFormat: 'json_object' }, false).response_format).toEqual({
      type: 'json_object',
    });
    expect(requestBody(json, { model: 'm', responseFormat: 'none' }, false)).not.toHaveProperty(
      'response_format',
    );
    expect(requestBody(json, { model: 'm', responseFormat: 'json_schema' }, false).response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'json_answer', schema: { type: 'object' }, strict: false },
    });
    // Unplanned (a caller without a router): the request's own best format, max_tokens.
    expect(requestBody(json, { model: 'm', maxTokens: 5 }, false)).toMatchObject({
      max_tokens: 5,
      response_format: { type: 'json_object' },
    });
  });
});

describe('LearnedShapes', () => {
  const a = { id: 'a', url: 'http://a/v1' };

  it('round-trips through its snapshot, and forgets what was learned at another URL', () => {
    const book = new LearnedShapes();
    expect(book.refuseFormat(a, 'json_object')).toBe(true);
    expect(book.refuseFormat(a, 'json_object')).toBe(false);
    book.useTokenParam(a, 'a/m', 'max_completion_tokens');
    book.capOutput(a, 'a/m', 4_096);
    const restored = new LearnedShapes(JSON.parse(JSON.stringify(book.snapshot())));
    expect(restored.facts(a, 'a/m')).toEqual({
      refusedFormats: ['json_object'],
      tokenParam: 'max_completion_tokens',
      outputCap: 4_096,
    });
    expect(restored.facts({ id: 'a', url: 'http://elsewhere/v1' }, 'a/m')).toEqual({ refusedFormats: [] });
  });

  it('reads a hostile snapshot entry by entry, never throwing', () => {
    // JSON.parse makes `__proto__` an own key, as a file on disk would.
    const snapshot = readLearnedSnapshot(
      JSON.parse(
        '{"formats":{"a":{"url":"u","refused":["json_object","rm -rf",7]},"b":"nope","__proto__":{"url":"u","refused":[]}},' +
          '"models":{"a/m":{"url":"u","tokenParam":"shell","outputCap":-1},"a/n":{"url":"u","outputCap":12}}}',
      ),
    );
    expect(snapshot.formats).toEqual({ a: { url: 'u', refused: ['json_object'] } });
    expect(snapshot.models).toEqual({ 'a/m': { url: 'u' }, 'a/n': { url: 'u', outputCap: 12 } });
    for (const junk of [null, 3, 'x', [], { formats: [], models: null }]) {
      expect(readLearnedSnapshot(junk)).toEqual({ formats: {}, models: {} });
    }
  });
});

describe('savedScanFacts', () => {
  it("reads the latest scan's flavor and output cap for the endpoint from a health snapshot", () => {
    const health = {
      scans: [
        { endpointId: 'a', flavor: 'ollama', checkedAt: 1 },
        { endpointId: 'a', flavor: 'vllm', checkedAt: 2, outputCaps: { m: 8_192 } },
        { endpointId: 'b', flavor: 'lmstudio', checkedAt: 3 },
      ],
    };
    expect(savedScanFacts(health, 'a', 'm')).toEqual({ flavor: 'vllm', outputCap: 8_192 });
    expect(savedScanFacts(health, 'a', 'other')).toEqual({ flavor: 'vllm' });
    expect(savedScanFacts({ scans: [{ endpointId: 'a', flavor: 'evil', checkedAt: 1 }] }, 'a', 'm')).toEqual(
      {},
    );
    expect(savedScanFacts(undefined, 'a', 'm')).toEqual({});
  });
});
