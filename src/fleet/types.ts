/**
 * The vocabulary shared by the endpoint client, the router and the simulator: what a chat request is,
 * what an attempt can end in, and how each kind of failure is treated. Outcomes are unions; exceptions
 * exist only at the library edge (`RouterError`).
 */
import type { EndpointConfig } from '../config/schema.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  /** Upper bound on output tokens; the router lowers it to what the context window leaves. */
  maxTokens?: number;
  /**
   * Ask for JSON: `response_format` `json_schema` (with `jsonSchema`) or `json_object`, or what the
   * endpoint takes of them (`request-plan.ts`).
   */
  json?: boolean;
  /**
   * The answer's JSON Schema, for servers that take `response_format: { type: "json_schema" }` (with
   * `json: true`). Where an endpoint refuses a format, the router falls back for that endpoint to
   * `json_object`, then to no `response_format`, and remembers what it learned in the fleet state.
   */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  stop?: string[];
  /** Stream the response (SSE). Streams let first-token and idle timeouts detect a stall early. */
  stream?: boolean;
}

/** Every way one attempt at one endpoint can fail. */
export type FailureKind =
  | 'connect_refused'
  | 'connect_reset'
  | 'dns'
  | 'timeout_connect'
  | 'timeout_first_token'
  | 'timeout_queued'
  | 'timeout_idle'
  | 'timeout_total'
  | 'rate_limited'
  | 'quota'
  | 'loading'
  | 'server_error'
  | 'malformed'
  | 'stream_cut'
  | 'too_large'
  | 'context_length'
  | 'auth'
  | 'model_not_found'
  | 'client_error'
  | 'aborted';

export interface Failure {
  kind: FailureKind;
  /** Human-readable and already redacted: never contains an API key or a request body. */
  message: string;
  status?: number;
  /** From `Retry-After` on 429/503, in milliseconds. */
  retryAfterMs?: number;
  /**
   * For a refused request (`client_error`): the part of the request the server named, when keel can send
   * it differently (another `response_format`, the other output-length parameter, a lower limit).
   */
  refusal?: Refusal;
}

/**
 * What a server said it would not take, in a form the router can act on. Each is a property of one
 * server or model, not of the request: the same request, shaped as the server wants, is fine.
 */
export type Refusal =
  /** The `response_format` sent (LM Studio refuses `json_object`; some models refuse `json_schema`). */
  | { kind: 'response_format' }
  /** The output-length parameter named (OpenAI reasoning models refuse `max_tokens`). */
  | { kind: 'token_param'; param: TokenParam }
  /** The output limit was above the model's output cap ("max_tokens is too large … at most CAP …"). */
  | { kind: 'output_cap'; cap: number };

/** The name under which a request carries its output limit. */
export type TokenParam = 'max_tokens' | 'max_completion_tokens';

/** The `response_format` a request goes out with: a schema, JSON mode, or nothing. */
export type ResponseFormat = 'json_schema' | 'json_object' | 'none';

export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
}

/**
 * A function call the model made in place of (or beside) an answer in `content`. keel offers no tools, but
 * models trained on tool use put their answer into one anyway; the agents decide what such a call is worth.
 */
export interface ToolCall {
  name: string;
  /** The arguments as the model wrote them: a JSON string, unchecked. */
  arguments: string;
}

/** What a model said besides `content`; absent when empty. */
export interface AnswerExtras {
  /** `reasoning_content` (llama.cpp, vLLM, DeepSeek) or `reasoning` (Ollama, OpenRouter): the thinking. */
  reasoning?: string;
  toolCalls?: ToolCall[];
}

export interface ChatSuccess extends AnswerExtras {
  ok: true;
  content: string;
  finishReason: string | null;
  usage?: Usage;
  latencyMs: number;
  /** Milliseconds to the first streamed token (streams only). */
  firstTokenMs?: number;
}

export type ChatOutcome = ChatSuccess | { ok: false; failure: Failure; latencyMs: number };

export interface ChatCallOptions {
  model: string;
  /** The output limit to send, already fitted to the context window; omitted when undefined. */
  maxTokens?: number;
  /** The parameter `maxTokens` goes out as; `max_tokens` by default. */
  tokenParam?: TokenParam;
  /**
   * The `response_format` to send. Default: `json_schema` when the request has a `jsonSchema`, else
   * `json_object` when it asks for `json`. The router lowers it for servers that refused the default.
   */
  responseFormat?: ResponseFormat;
  /** Overrides the endpoint's `timeouts.firstTokenMs` for this attempt (a cold model load, a queue). */
  firstTokenMs?: number;
  /** The caller's cancellation (shutdown, deadline). Ends the attempt with kind `aborted`. */
  signal?: AbortSignal;
  /** Called with each streamed piece of content, for live display. A restarted request starts over. */
  onDelta?: (text: string) => void;
}

/** Speaks OpenAI-compatible `/chat/completions` to one endpoint. Never throws for a failed call. */
export interface EndpointClient {
  chat(endpoint: EndpointConfig, request: ChatRequest, options: ChatCallOptions): Promise<ChatOutcome>;
  /** Drop pooled keep-alive sockets to an endpoint (after connection errors: the host may have moved). */
  resetConnections(endpointId: string): void;
  close(): Promise<void>;
}

/** How the router treats a failure kind. */
export interface FailurePolicy {
  /** Try the next candidate (true), or give up on the request at once (false). */
  failover: boolean;
  /** Counts toward the endpoint+model circuit breaker. */
  tripsBreaker: boolean;
  /** Puts the endpoint into (exponential) cooldown. */
  cools: boolean;
  /** Drop keep-alive sockets: the host may have moved or restarted. */
  resetsConnections: boolean;
}

const endpointFault: FailurePolicy = {
  failover: true,
  tripsBreaker: true,
  cools: true,
  resetsConnections: false,
};
const connectionFault: FailurePolicy = { ...endpointFault, resetsConnections: true };

export const FAILURE_POLICY: Record<FailureKind, FailurePolicy> = {
  connect_refused: connectionFault,
  connect_reset: connectionFault,
  dns: connectionFault,
  timeout_connect: connectionFault,
  timeout_first_token: endpointFault,
  // No first token while the request stood in the server's own queue (Ollama serves OLLAMA_NUM_PARALLEL=1
  // request at a time and queues the rest without limit, llm/llama_server.go's semaphore): the server is
  // busy, not broken. Another candidate may serve; the breaker and the cooldown are left alone.
  timeout_queued: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  timeout_idle: endpointFault,
  timeout_total: endpointFault,
  // Throttling is not brokenness: honour Retry-After through the cooldown, leave the breaker alone.
  rate_limited: { failover: true, tripsBreaker: false, cools: true, resetsConnections: false },
  // Billing (`insufficient_quota`): retrying never helps; the router disables the endpoint for the run.
  quota: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  // llama.cpp loading its model: not ready, not broken. The router holds the endpoint until `/health`
  // answers 200 (and then re-scans it), without a cooldown strike or a breaker count.
  loading: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  server_error: endpointFault,
  malformed: endpointFault,
  stream_cut: endpointFault,
  too_large: endpointFault,
  // The prompt does not fit this model: another candidate may have a larger window. Nothing is wrong with it.
  context_length: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  // Handled by disabling the endpoint (auth) or the candidate (model_not_found) for the rest of the run.
  auth: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  model_not_found: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  // A refused request (400, 413, 422 …). In a mixed fleet that is usually one server's limitation (a
  // response_format, a parameter, a proxy's size limit): the router tries the next candidate, keeps this
  // one away from requests of that shape, and gives up only when every candidate refused.
  client_error: { failover: true, tripsBreaker: false, cools: false, resetsConnections: false },
  aborted: { failover: false, tripsBreaker: false, cools: false, resetsConnections: false },
};
