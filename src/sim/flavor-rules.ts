/**
 * What each server does with a chat request before it answers: which `response_format` and output-length
 * parameters it takes, how it refuses the rest, and what it does with a prompt its window cannot hold. One
 * function per server, each naming the version it models (facts and citations: /work/notes research, see
 * the README's router section). Pure: the decision is testable without sockets.
 */
import { isLlamaCpp, type SimFlavor } from './modes.ts';
import { tokensForChars } from './openai-responses.ts';
import { lmStudioStringError, llamaCppError, ollamaError, openAiError, vllmError } from './server-errors.ts';

export interface ChatFacts {
  model: string;
  messages: { role: string; content: string }[];
  /** `max_tokens` as sent. */
  maxTokens?: number;
  /** `max_completion_tokens` as sent. */
  maxCompletionTokens?: number;
  /** `response_format.type` as sent; undefined when there is no `response_format`. */
  responseFormat?: string;
}

export interface FlavorSubject {
  readonly flavor: SimFlavor;
  readonly contextWindow: number | undefined;
  readonly outputCap: number | undefined;
}

export type FlavorVerdict =
  | { kind: 'refuse'; outcome: string; status: number; body: string }
  | {
      kind: 'serve';
      /** The messages the model sees (Ollama drops the oldest that do not fit). */
      messages: ChatFacts['messages'];
      promptTokens: number;
      /** The output limit the server applies: the one it read, bounded by what the window leaves. */
      limit?: number;
    };

/** The simulator's tokenizer: 4 characters a token, over the messages' text (what /tokenize reports too). */
export function promptTokensOf(messages: readonly { content: string }[]): number {
  return tokensForChars(messages.reduce((sum, message) => sum + message.content.length, 0));
}

/** OpenAI's reasoning families (o-series, gpt-5*), which refuse `max_tokens`. */
const REASONING = /(?:^|\/)(?:o[1-9](?:-|$)|gpt-5)/i;

export function applyFlavorRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  switch (subject.flavor) {
    case 'openai':
      return openAiRules(subject, facts);
    case 'vllm':
      return vllmRules(subject, facts);
    case 'llamacpp':
    case 'llamacpp-router':
      return llamaCppRules(subject, facts);
    case 'lmstudio':
      return lmStudioRules(subject, facts);
    case 'ollama':
      return ollamaRules(subject, facts);
  }
}

/** The flavor's "prompt does not fit" answer, for the rules and for the forced `ctxlen` mode. */
export function overflow(
  flavor: SimFlavor,
  window: number,
  promptTokens: number,
  limit: number | undefined,
): Extract<FlavorVerdict, { kind: 'refuse' }> {
  const refuse = (status: number, body: string) => ({
    kind: 'refuse' as const,
    outcome: 'ctxlen',
    status,
    body,
  });
  if (flavor === 'vllm') {
    // vllm/renderers/params.py (vLLM ~0.30, 2026): one check on prompt + limit, `param: input_tokens`.
    const output = limit ?? 0;
    const message =
      `This model's maximum context length is ${window} tokens. However, you requested ${output} output ` +
      `tokens and your prompt contains ${promptTokens} input tokens, for a total of ${promptTokens + output} ` +
      'tokens. Please reduce the length of the input prompt or the number of requested output tokens. ' +
      `(parameter=input_tokens, value=${promptTokens})`;
    return refuse(400, vllmError(message, 'BadRequestError', 'input_tokens', 400));
  }
  if (isLlamaCpp(flavor)) {
    // tools/server/server-context.cpp at 00dd081: the prompt alone, `n_tokens >= n_ctx`.
    const message = `request (${promptTokens} tokens) exceeds the available context size (${window} tokens), try increasing it`;
    return refuse(
      400,
      llamaCppError(400, message, 'exceed_context_size_error', {
        n_prompt_tokens: promptTokens,
        n_ctx: window,
      }),
    );
  }
  if (flavor === 'lmstudio') {
    // LM Studio 0.4.x GGUF engine (Gitlawb/openclaude #353, 2026-04): a plain string.
    return refuse(
      400,
      lmStudioStringError(
        `The number of tokens to keep from the initial prompt is greater than the context length (n_keep: ` +
          `${promptTokens}>= n_ctx: ${window}). Try to load the model with a larger context length, or provide a shorter input.`,
      ),
    );
  }
  if (flavor === 'ollama') {
    // Ollama ≥ v0.30.9 (bbb40a0a6): a last message longer than the window, with context shift off.
    return refuse(
      400,
      ollamaError(
        400,
        'the prompt is longer than the context length currently available to the model; shorten the prompt, ' +
          'adjust the context length in settings, or use a model with a longer context length',
      ),
    );
  }
  const requested = promptTokens + (limit ?? 0);
  const message =
    `This model's maximum context length is ${window} tokens. However, you requested ${requested} tokens ` +
    `(${promptTokens} in the messages, ${limit ?? 0} in the completion). ` +
    'Please reduce the length of the messages or completion.';
  return refuse(400, openAiError(message, 'invalid_request_error', 'messages', 'context_length_exceeded'));
}

function refused(status: number, body: string): FlavorVerdict {
  return { kind: 'refuse', outcome: 'refused', status, body };
}

/** Serves, with the limit bounded by what the window leaves when the server generates into its window. */
function serve(
  subject: FlavorSubject,
  messages: ChatFacts['messages'],
  promptTokens: number,
  limit: number | undefined,
): FlavorVerdict {
  const window = subject.contextWindow;
  const room = window === undefined ? undefined : Math.max(0, window - promptTokens);
  const bounded = limit === undefined ? room : room === undefined ? limit : Math.min(limit, room);
  return { kind: 'serve', messages, promptTokens, ...(bounded !== undefined ? { limit: bounded } : {}) };
}

/**
 * OpenAI (api.openai.com, 2025–2026 bodies as users captured them): reasoning models refuse `max_tokens`
 * with `unsupported_parameter`; a limit above the model's output cap is "too large" (`invalid_value`).
 */
function openAiRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  const format = facts.responseFormat;
  if (format !== undefined && !['text', 'json_object', 'json_schema'].includes(format)) {
    return refused(
      400,
      openAiError(
        `Invalid value: '${format}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
        'invalid_request_error',
        'response_format.type',
        'invalid_value',
      ),
    );
  }
  if (REASONING.test(facts.model) && facts.maxTokens !== undefined) {
    return refused(
      400,
      openAiError(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'invalid_request_error',
        'max_tokens',
        'unsupported_parameter',
      ),
    );
  }
  const param = facts.maxCompletionTokens !== undefined ? 'max_completion_tokens' : 'max_tokens';
  const limit = facts.maxCompletionTokens ?? facts.maxTokens;
  const cap = subject.outputCap;
  if (limit !== undefined && cap !== undefined && limit > cap) {
    const message = `${param} is too large: ${limit}. This model supports at most ${cap} completion tokens, whereas you provided ${limit}.`;
    return refused(400, openAiError(message, 'invalid_request_error', param, 'invalid_value'));
  }
  const promptTokens = promptTokensOf(facts.messages);
  const window = subject.contextWindow;
  if (window !== undefined && promptTokens + (limit ?? 0) > window)
    return overflow('openai', window, promptTokens, limit);
  return serve(subject, facts.messages, promptTokens, limit);
}

/**
 * vLLM (OpenAI server, ~0.2x–0.30): `response_format` text, json_object, json_schema, structural_tag;
 * `max_completion_tokens` over `max_tokens`; prompt + limit checked against `max_model_len`; no limit means
 * what the window leaves (vllm/entrypoints/utils.py `get_max_tokens`).
 */
function vllmRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  const format = facts.responseFormat;
  if (format !== undefined && !['text', 'json_object', 'json_schema', 'structural_tag'].includes(format)) {
    const message = `1 validation error: response_format.type: Input should be 'text', 'json_object', 'json_schema' or 'structural_tag'`;
    return refused(400, vllmError(message, 'BadRequestError', 'response_format', 400));
  }
  const limit = facts.maxCompletionTokens ?? facts.maxTokens;
  const promptTokens = promptTokensOf(facts.messages);
  const window = subject.contextWindow;
  if (window !== undefined && promptTokens + (limit ?? 0) > window)
    return overflow('vllm', window, promptTokens, limit);
  return serve(subject, facts.messages, promptTokens, limit);
}

/**
 * llama.cpp server (00dd081; server-common.cpp `oaicompat_chat_params_parse` at 006639c): json_object and
 * json_schema (only `json_schema.schema` read), anything but text refused; `max_tokens` and
 * `max_completion_tokens` are both aliases of `n_predict`; only the prompt is checked, `>=` the per-slot
 * window; generation stops when the slot is full.
 */
function llamaCppRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  const format = facts.responseFormat;
  if (format !== undefined && format !== '' && !['text', 'json_object', 'json_schema'].includes(format)) {
    return refused(
      400,
      llamaCppError(
        400,
        `response_format type must be one of "text" or "json_object", but got: ${format}`,
        'invalid_request_error',
      ),
    );
  }
  const limit = facts.maxTokens ?? facts.maxCompletionTokens;
  const promptTokens = promptTokensOf(facts.messages);
  const window = subject.contextWindow;
  if (window !== undefined && promptTokens >= window)
    return overflow(subject.flavor, window, promptTokens, limit);
  return serve(subject, facts.messages, promptTokens, limit);
}

/**
 * LM Studio 0.4.x: `json_object` refused with a plain-string 400 (0.3.0–0.3.9 said only "must be
 * 'json_schema'"; bug-tracker #169, #189 still open); overflow as the n_keep string.
 */
function lmStudioRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  const format = facts.responseFormat;
  if (format !== undefined && format !== 'json_schema' && format !== 'text') {
    return refused(400, lmStudioStringError("'response_format.type' must be 'json_schema' or 'text'"));
  }
  const limit = facts.maxTokens ?? facts.maxCompletionTokens;
  const promptTokens = promptTokensOf(facts.messages);
  const window = subject.contextWindow;
  if (window !== undefined && promptTokens >= window)
    return overflow('lmstudio', window, promptTokens, limit);
  return serve(subject, facts.messages, promptTokens, limit);
}

/**
 * Ollama (fb30760, ≥ v0.30): `/v1` reads `max_tokens` only (no `max_completion_tokens` anywhere in the
 * repository: silently ignored), takes json_object and json_schema and ignores other formats. A prompt
 * longer than the window loses its oldest non-system messages, silently (server/prompt.go `chatPrompt`);
 * when the last message alone does not fit, the 400 of v0.30.9.
 */
function ollamaRules(subject: FlavorSubject, facts: ChatFacts): FlavorVerdict {
  const limit = facts.maxTokens;
  const window = subject.contextWindow;
  let messages = facts.messages;
  let promptTokens = promptTokensOf(messages);
  if (window !== undefined && promptTokens > window) {
    // Oldest first, never a system message, never the last one.
    messages = [...messages];
    for (;;) {
      const oldest = messages.findIndex((m, i) => m.role !== 'system' && i < messages.length - 1);
      if (oldest === -1 || promptTokens <= window) break;
      messages.splice(oldest, 1);
      promptTokens = promptTokensOf(messages);
    }
    if (promptTokens > window) return overflow('ollama', window, promptTokens, limit);
  }
  return serve(subject, messages, promptTokens, limit);
}
