/**
 * Reads an OpenAI-compatible `chat/completions` SSE stream into an answer, or into the failure that ended
 * it. A stream is complete only when it says so (`[DONE]` or a `finish_reason`): one that simply stops is
 * `stream_cut`, never a shorter answer.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { AttemptGuard } from './attempt-guard.ts';
import { classifyErrorPayload } from './classify-failure.ts';
import { quoteServer } from '../base/secrets.ts';
import { ToolCallPieces, reasoningOf } from './answer-extras.ts';
import type { AnswerExtras, Failure, Usage } from './types.ts';

export interface StreamContext {
  guard: AttemptGuard;
  maxBytes: number;
  /** `performance.now()` at the start of the attempt, for `firstTokenMs`. */
  startedAt: number;
  secrets: readonly string[];
  onDelta: ((text: string) => void) | undefined;
}

export type StreamOutcome =
  | ({
      ok: true;
      content: string;
      finishReason: string | null;
      usage?: Usage;
      firstTokenMs?: number;
    } & AnswerExtras)
  | { ok: false; failure: Failure };

/** The caller's `onDelta` threw: a bug on the caller's side, not an endpoint fault, so it is rethrown as is. */
export class DeltaCallbackError extends Error {
  constructor(cause: unknown) {
    super('onDelta threw', { cause });
  }
}

/**
 * The parts of an OpenAI-style completion we read — `message` in a whole answer, `delta` in a stream chunk;
 * optional everywhere because the server is not trusted.
 */
export interface CompletionBody<Part extends 'message' | 'delta'> {
  error?: unknown;
  choices?: ({
    [key in Part]?: {
      content?: unknown;
      reasoning_content?: unknown;
      reasoning?: unknown;
      tool_calls?: unknown;
    } | null;
  } & { finish_reason?: unknown })[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
}

type StreamChunk = CompletionBody<'delta'>;

export async function readChatStream(
  body: AsyncIterable<Buffer>,
  context: StreamContext,
): Promise<StreamOutcome> {
  const reader = new ChatStreamReader(context);
  const parser = createParser({ onEvent: (event) => reader.onEvent(event) });
  const decoder = new TextDecoder();
  let received = 0;
  for await (const chunk of body) {
    context.guard.chunkArrived();
    received += chunk.length;
    if (received > context.maxBytes) {
      return {
        ok: false,
        failure: { kind: 'too_large', message: `response larger than ${context.maxBytes} bytes` },
      };
    }
    parser.feed(decoder.decode(chunk, { stream: true }));
    // Leaving the loop destroys the body and its socket: nothing after a failure is worth reading.
    if (reader.failure) return { ok: false, failure: reader.failure };
    // Nothing after [DONE] matters, and a server that holds the response open after it must not turn a
    // complete answer into an idle timeout. The socket survives when the response had ended with [DONE].
    if (reader.done) break;
  }
  return reader.result();
}

class ChatStreamReader {
  failure: Failure | undefined;
  readonly #context: StreamContext;
  readonly #pieces: string[] = [];
  readonly #reasoning: string[] = [];
  readonly #toolCalls = new ToolCallPieces();
  #finishReason: string | null = null;
  #usage: Usage | undefined;
  #firstTokenMs: number | undefined;
  /** `[DONE]` arrived. */
  done = false;

  constructor(context: StreamContext) {
    this.#context = context;
  }

  onEvent(event: EventSourceMessage): void {
    // Several events can arrive in one chunk: none after a failure or [DONE] counts.
    if (this.failure || this.done) return;
    const data = event.data;
    if (data === '[DONE]') {
      this.done = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      this.failure =
        event.event === 'error'
          ? { kind: 'server_error', message: `stream error: ${this.#quote(data)}` }
          : { kind: 'malformed', message: `stream data is not JSON: ${this.#quote(data)}` };
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) {
      this.failure = { kind: 'malformed', message: `stream data is not an object: ${this.#quote(data)}` };
      return;
    }
    const chunk = parsed as StreamChunk;
    if (chunk.error !== undefined && chunk.error !== null) {
      this.failure = classifyErrorPayload(chunk, data, this.#context.secrets, 'stream error');
      return;
    }
    this.#takeChoice(chunk);
    if (chunk.usage) this.#usage = usageOf(chunk.usage);
  }

  result(): StreamOutcome {
    if (!this.done && this.#finishReason === null) {
      return {
        ok: false,
        failure: { kind: 'stream_cut', message: 'stream ended without [DONE] or a finish_reason' },
      };
    }
    const outcome: StreamOutcome = {
      ok: true,
      content: this.#pieces.join(''),
      finishReason: this.#finishReason,
    };
    if (this.#reasoning.length > 0) outcome.reasoning = this.#reasoning.join('');
    const toolCalls = this.#toolCalls.calls();
    if (toolCalls.length > 0) outcome.toolCalls = toolCalls;
    if (this.#usage) outcome.usage = this.#usage;
    if (this.#firstTokenMs !== undefined) outcome.firstTokenMs = this.#firstTokenMs;
    return outcome;
  }

  #takeChoice(chunk: StreamChunk): void {
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    if (!choice) return;
    const delta = choice.delta;
    if (delta) {
      const text = delta.content;
      if (typeof text === 'string' && text.length > 0) {
        this.#markFirstToken();
        this.#pieces.push(text);
        this.#emit(text);
      } else {
        const reasoning = reasoningOf(delta);
        // A reasoning model thinking out loud is generating, not stalled: it meets the first-token deadline.
        if (reasoning !== undefined) {
          this.#markFirstToken();
          this.#reasoning.push(reasoning);
        }
      }
      if (delta.tool_calls !== undefined && this.#toolCalls.add(delta.tool_calls)) this.#markFirstToken();
    }
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') {
      this.#finishReason = choice.finish_reason;
    }
  }

  #markFirstToken(): void {
    if (this.#firstTokenMs !== undefined) return;
    this.#firstTokenMs = performance.now() - this.#context.startedAt;
    this.#context.guard.firstTokenArrived();
  }

  #emit(text: string): void {
    const onDelta = this.#context.onDelta;
    if (!onDelta) return;
    try {
      onDelta(text);
    } catch (err) {
      throw new DeltaCallbackError(err);
    }
  }

  #quote(text: string): string {
    return quoteServer(text, this.#context.secrets);
  }
}

export function usageOf(raw: { prompt_tokens?: unknown; completion_tokens?: unknown }): Usage {
  const usage: Usage = {};
  if (typeof raw.prompt_tokens === 'number') usage.promptTokens = raw.prompt_tokens;
  if (typeof raw.completion_tokens === 'number') usage.completionTokens = raw.completion_tokens;
  return usage;
}
