/**
 * The JSON body of one `/chat/completions` request. Its own module, free of heavy imports, because two
 * callers must produce it byte for byte alike: the endpoint client, and the early request a resumed run
 * sends before the client is even loaded (`src/cli/early-resume.ts`), whose answer the client adopts only
 * when the body it would have sent is exactly the same.
 */
import type { ChatCallOptions, ChatRequest } from './types.ts';

export function requestBody(
  request: ChatRequest,
  call: Pick<ChatCallOptions, 'model' | 'maxTokens'>,
  streaming: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = { model: call.model, messages: request.messages, stream: streaming };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  // The router fits max_tokens to the context window; the client sends only what it was given.
  if (call.maxTokens !== undefined) body.max_tokens = call.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = request.stop;
  if (request.json === true) body.response_format = { type: 'json_object' };
  if (streaming) body.stream_options = { include_usage: true };
  return body;
}

/** What every agent asks the router for: a JSON answer, streamed (so stalls are caught early). */
export function agentRequest(messages: ChatRequest['messages']): ChatRequest {
  return { messages, json: true, stream: true };
}

/** The chat endpoint under an endpoint's base URL. */
export function chatCompletionsUrl(baseUrl: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
}
