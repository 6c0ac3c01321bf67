/**
 * The JSON body of one `/chat/completions` request. Its own module, free of heavy imports, because two
 * callers must produce it byte for byte alike: the endpoint client, and the early request a resumed run
 * sends before the client is even loaded (`src/cli/early-resume.ts`), whose answer the client adopts only
 * when the body it would have sent is exactly the same.
 */
import type { ChatCallOptions, ChatRequest, ResponseFormat } from './types.ts';

export function requestBody(
  request: ChatRequest,
  call: Pick<ChatCallOptions, 'model' | 'maxTokens' | 'tokenParam' | 'responseFormat'>,
  streaming: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = { model: call.model, messages: request.messages, stream: streaming };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  // The router fits the limit to the context window and picks its name (request-plan.ts); the client
  // sends only what it was given.
  if (call.maxTokens !== undefined) body[call.tokenParam ?? 'max_tokens'] = call.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = request.stop;
  const format = responseFormatBody(request, call.responseFormat ?? defaultFormat(request));
  if (format !== undefined) body.response_format = format;
  if (streaming) body.stream_options = { include_usage: true };
  return body;
}

function defaultFormat(request: ChatRequest): ResponseFormat {
  if (request.json !== true) return 'none';
  return request.jsonSchema !== undefined ? 'json_schema' : 'json_object';
}

/** A `json_schema` request without a schema of its own asks for any JSON object. */
const ANY_OBJECT = { name: 'json_answer', schema: { type: 'object' } };

/**
 * OpenAI's shape (`json_schema: {name, schema, strict}`), which vLLM, llama.cpp, Ollama and LM Studio read
 * too (the latter three only `schema`). `strict: false`: a strict schema must list every property as
 * required and forbid others, which the agents' schemas do not promise.
 */
function responseFormatBody(request: ChatRequest, format: ResponseFormat): unknown {
  switch (format) {
    case 'none':
      return undefined;
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema': {
      const { name, schema } = request.jsonSchema ?? ANY_OBJECT;
      return { type: 'json_schema', json_schema: { name, schema, strict: false } };
    }
  }
}

/**
 * What every agent asks the router for: a JSON answer (under the agent's schema when it gives one),
 * streamed (so stalls are caught early).
 */
export function agentRequest(
  messages: ChatRequest['messages'],
  jsonSchema?: ChatRequest['jsonSchema'],
): ChatRequest {
  return jsonSchema !== undefined
    ? { messages, json: true, jsonSchema, stream: true }
    : { messages, json: true, stream: true };
}

/** The chat endpoint under an endpoint's base URL. */
export function chatCompletionsUrl(baseUrl: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}/chat/completions`);
}
