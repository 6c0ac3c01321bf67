/**
 * Exact prompt sizes from the servers that count them, for prompts near a window, where keel's estimate
 * (context-budget.ts) could make the difference between fitting and being refused:
 * - llama.cpp: `POST /v1/chat/completions/input_tokens` applies the chat template exactly as chat does and
 *   answers `{"input_tokens":N}` (tools/server `handle_count_tokens`, at 00dd081). Its `/tokenize` applies
 *   no template, so it is only the fallback, with the template's overhead estimated.
 * - vLLM: `POST /tokenize` with `messages` applies the chat template → `{count, max_model_len, tokens}`
 *   (vllm/entrypoints/serve/tokenize, 030ea52); outside `/v1`, like `/metrics`.
 * Anything else, or any failure: undefined, and the estimate stands.
 */
import type { EndpointConfig } from '../config/schema.ts';
import { REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE } from './context-budget.ts';
import type { DetectedFlavor } from './context-discovery.ts';
import { joinUrl, requestJson, serverRoot, type ProbeHttpDeps } from './probe-http.ts';
import type { ChatMessage } from './types.ts';

/** Flavors whose servers count tokens. */
export function countsTokens(flavor: DetectedFlavor | undefined): boolean {
  return flavor === 'llamacpp' || flavor === 'vllm';
}

export async function countPromptTokens(
  endpoint: Pick<EndpointConfig, 'url'>,
  flavor: DetectedFlavor | undefined,
  model: string,
  messages: readonly ChatMessage[],
  http: ProbeHttpDeps,
): Promise<number | undefined> {
  const root = serverRoot(endpoint.url);
  if (flavor === 'vllm') {
    const answer = await requestJson(joinUrl(root, '/tokenize'), http, {
      method: 'POST',
      body: { model, messages, add_generation_prompt: true },
    });
    return answer.ok ? count((answer.body as { count?: unknown } | null)?.count) : undefined;
  }
  if (flavor !== 'llamacpp') return undefined;
  const templated = await requestJson(joinUrl(root, '/v1/chat/completions/input_tokens'), http, {
    method: 'POST',
    body: { model, messages },
  });
  if (templated.ok) return count((templated.body as { input_tokens?: unknown } | null)?.input_tokens);
  // An older llama-server: raw tokens of the text, plus what the template adds, as the estimate has it.
  if (templated.status === undefined) return undefined;
  const raw = await requestJson(joinUrl(root, '/tokenize'), http, {
    method: 'POST',
    body: { content: messages.map((message) => message.content).join('\n') },
  });
  const tokens = raw.ok ? (raw.body as { tokens?: unknown } | null)?.tokens : undefined;
  if (!Array.isArray(tokens)) return undefined;
  return tokens.length + TOKENS_PER_MESSAGE * messages.length + REPLY_PRIMING_TOKENS;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
