/** The simulator's public shapes, in one place so that the server modules and the entry share them. */
import type { HostedListing, SimFlavor, SimMode } from './modes.ts';

export interface SimEndpointSpec {
  name: string;
  /** 0 or absent: pick a free port. The port stays the endpoint's for the simulator's whole life. */
  port?: number;
  /** Default `ok`. */
  mode?: SimMode;
  /** Delay before answering (every answering mode), or the gap between trickled pieces in `slow` (default 200). */
  latencyMs?: number;
  /** Default `vllm`. Decides which probe routes the endpoint answers. */
  flavor?: SimFlavor;
  /** Models served; default `["sim-model"]`. */
  models?: string[];
  /** Served context window in tokens. When set, chat requests that do not fit get `context_length_exceeded`. */
  contextWindow?: number;
  /** `flaky`: share of chat requests answered with a 500; default 0.5. */
  failRate?: number;
  /** `flaky`: PRNG seed; default 1. */
  seed?: number;
  /**
   * Requests the server runs at once; the rest wait in its queue (no response head until their turn).
   * Default per flavor (`defaultServerSlots`): Ollama 1, llama.cpp and LM Studio 4, vLLM/OpenAI no queue.
   */
  slots?: number;
  /** The model's output cap (OpenAI flavor): a larger limit gets "max_tokens is too large". */
  outputCap?: number;
  /** Models loaded at start (Ollama, LM Studio, llama.cpp router); default all. Others load on first use. */
  loadedModels?: string[];
  /** How long loading a model takes on first use, ms; default 0. */
  loadMs?: number;
  /**
   * Whose `/v1/models` listing a hosted (`openai` flavor) endpoint gives: `openai` (default: no window at
   * all), or a gateway's, which names the window its own way (`probe-hosted.ts`).
   */
  listing?: HostedListing;
  /**
   * A reverse proxy in front of the server refusing chat bodies larger than this many bytes with its own
   * 413 page (nginx's `client_max_body_size`, 1m by default): one server's limit, not a bad request.
   */
  proxyMaxBodyBytes?: number;
}

export interface SimResponderContext {
  endpoint: string;
  model: string;
  messages: { role: string; content: string }[];
  maxTokens?: number;
}

/**
 * An answer with more than content, as reasoning models and tool-trained models give them: the thinking in
 * `reasoning_content`, the answer as a tool call, or cut at the output limit.
 */
export interface SimAnswer {
  /** `null` is sent as `content: null` (what servers send beside tool calls). */
  content: string | null;
  /** Sent as `reasoning_content` (llama.cpp's and vLLM's name for it). */
  reasoning?: string;
  /** Sent as OpenAI `tool_calls`; `arguments` is the JSON string the model wrote. */
  toolCalls?: { name: string; arguments: string }[];
  /** Default `stop` (`tool_calls` when there are tool calls); `length` says the model was cut at its limit. */
  finishReason?: 'stop' | 'length' | 'tool_calls';
}

/**
 * Produces the assistant's answer for one chat request: its content, or a {@link SimAnswer}. Must be
 * synchronous and should be deterministic.
 */
export type SimResponder = (ctx: SimResponderContext) => string | SimAnswer;

export interface SimulatorOptions {
  endpoints: SimEndpointSpec[];
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  responder?: SimResponder;
  /** Port of the control server; default 0 (pick). */
  controlPort?: number;
}

/** Knobs of `flaky` that can change with a mode switch (`POST /__sim/mode` accepts them too). */
export interface SimModeTuning {
  failRate?: number;
  seed?: number;
}

export interface SimEndpointStats {
  /** Every request on the endpoint's port except the `/__sim/` control routes. */
  requests: number;
  chatRequests: number;
  probeRequests: number;
  /** Chat requests received and not yet finished (hung ones included). */
  inflight: number;
  maxInflight: number;
  /** Of those, waiting in the server's queue for a slot (servers with `slots`). */
  waiting: number;
  maxWaiting: number;
  /** Chat outcomes by mode name (`ok`, `e500` …, plus `model_not_found`, `bad_request` …); probes as `probe_*`. */
  byOutcome: Record<string, number>;
}

export interface SimEndpointInfo {
  name: string;
  port: number;
  /** `http://HOST:PORT/v1`: what goes into a keel endpoint's `url`. */
  url: string;
  /** `http://HOST:PORT`: where the flavor's native probe routes live. */
  baseUrl: string;
}

export interface FleetSimulator {
  endpoints: SimEndpointInfo[];
  controlUrl: string;
  /**
   * Applies to requests that arrive afterwards; requests already being answered keep their mode. Switching to
   * `refuse` stops listening and drops every open socket; switching back re-listens on the same port. Either way
   * the switch is complete when the promise resolves. `latencyMs` omitted means the new mode's default.
   */
  setMode(name: string, mode: SimMode, latencyMs?: number, tuning?: SimModeTuning): Promise<void>;
  stats(): Record<string, SimEndpointStats>;
  /** Zeroes the counters; `inflight` stays true to what is in flight and `maxInflight` restarts from it. */
  resetStats(): void;
  /** Closes every server, destroys every open socket (hung ones too) and clears every timer. */
  close(): Promise<void>;
}
