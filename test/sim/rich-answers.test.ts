/**
 * Answers with more than content — reasoning, tool calls, `content: null`, a cut at the limit — as a
 * responder gives them, served by the simulator and read back by keel's own endpoint client, plain and
 * streamed: what reaches the agents is what the responder said.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { endpointConfig } from '../../src/config/normalize.ts';
import { createEndpointClient } from '../../src/fleet/endpoint-client.ts';
import type { SimAnswer } from '../../src/sim/fleet-simulator.ts';
import { chatBody, postChat, readJson, useSimulators, type ErrorBody } from './sim-test-helpers.ts';

const start = useSimulators();
const client = createEndpointClient({ env: {} });
afterAll(() => client.close());

const ANSWERS: Record<string, SimAnswer> = {
  reasoning: { content: '{"a":1}', reasoning: 'I think the answer is one.' },
  'reasoning only': { content: null, reasoning: 'thought {"a":2}' },
  'tool call': { content: null, toolCalls: [{ name: 'submit', arguments: '{"edits":[]}' }] },
  cut: { content: '{"a":', finishReason: 'length' },
};

describe('a responder answering with reasoning, tool calls or a cut', () => {
  for (const stream of [false, true]) {
    for (const [name, answer] of Object.entries(ANSWERS)) {
      it(`${name}, ${stream ? 'streamed' : 'plain'}: the client reads back what the responder said`, async () => {
        const sim = await start({ endpoints: [{ name: 'a' }], responder: () => answer });
        const endpoint = endpointConfig({ id: 'a', url: sim.endpoints[0]!.url, kind: 'local' });
        const outcome = await client.chat(
          endpoint,
          { messages: [{ role: 'user', content: 'q' }], stream },
          { model: 'sim-model' },
        );
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.content).toBe(answer.content ?? '');
        expect(outcome.reasoning).toBe(answer.reasoning);
        expect(outcome.toolCalls).toEqual(answer.toolCalls);
        expect(outcome.finishReason).toBe(answer.finishReason ?? (answer.toolCalls ? 'tool_calls' : 'stop'));
      });
    }
  }

  it('answers 500 naming the problem when a responder returns a malformed answer', async () => {
    const sim = await start({
      endpoints: [{ name: 'a' }],
      responder: () => ({ content: 'x', finishReason: 'done' }) as unknown as SimAnswer,
    });
    const response = await postChat(sim, chatBody());
    expect(response.status).toBe(500);
    expect((await readJson<ErrorBody>(response)).error.message).toContain(
      'answer.finishReason must be stop, length or tool_calls',
    );
  });
});
