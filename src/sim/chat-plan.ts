/**
 * Decides what one chat request gets: validation, the context check, the fault of the current mode and the
 * content. Pure apart from the endpoint's PRNG and id counter, so the decision is testable without sockets; the
 * route (`chat-route.ts`) only times and writes what is planned here.
 *
 * Order, as real servers do it: faults of the server as a whole (auth, 500, 429, hang) come before the request is
 * even looked at; then the body is validated (400), the model looked up (404), the context checked (400); only a
 * request that would succeed can be hit by the faults of answering (flaky, cut, malformed, slow).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { jsonHeadersFor } from './http-util.ts';
import type { SimMode } from './modes.ts';
import {
  SSE_HEADERS,
  closingEvents,
  completionBody,
  contentEvents,
  errorBody,
  malformedBody,
  malformedEvents,
  splitPieces,
  tokensForChars,
  type Completion,
} from './openai-responses.ts';
import { checkAnswer, type CheckedAnswer } from './sim-answer.ts';
import type { SimResponder, SimResponderContext } from './types.ts';
import { applyFlavorRules, overflow, type ChatFacts, type FlavorSubject } from './flavor-rules.ts';
import { BUSY_BODY, LOADING_BODY, QUOTA_BODY, modelNotFound } from './server-errors.ts';

/** Streams and trickles use at most this many content pieces: "several chunks", and `slow` lasts ~8 gaps. */
export const MAX_PIECES = 8;

export type SimReply =
  /** A complete answer with a known length. */
  | { kind: 'json'; status: number; headers: OutgoingHttpHeaders; body: string }
  /** A complete SSE stream, written at once. */
  | { kind: 'stream'; body: string }
  /** Headers and `data`, then the socket is destroyed. */
  | { kind: 'cut'; headers: OutgoingHttpHeaders; data: string }
  /** Headers at once, then one piece per gap. */
  | { kind: 'trickle'; headers: OutgoingHttpHeaders; pieces: string[] }
  | { kind: 'hang' };

export interface ChatPlan {
  /** Counted in `byOutcome`. */
  outcome: string;
  reply: SimReply;
  /** Set for an answer: the model that must be loaded, and a server slot free, before it starts. */
  model?: string;
}

/** The parts of an endpoint the decision reads. */
export interface ChatSubject extends FlavorSubject {
  readonly name: string;
  readonly models: ReadonlySet<string>;
  readonly contextWindow: number | undefined;
  readonly failRate: number;
  readonly responder: SimResponder;
  drawRandom(): number;
  nextCompletionId(): string;
}

function jsonReply(outcome: string, status: number, body: string, extra?: OutgoingHttpHeaders): ChatPlan {
  return { outcome, reply: { kind: 'json', status, headers: { ...jsonHeadersFor(body), ...extra }, body } };
}

function badRequest(message: string): ChatPlan {
  return jsonReply('bad_request', 400, errorBody(message, 'invalid_request_error', null));
}

const SERVER_FAULTS: Partial<Record<SimMode, () => ChatPlan>> = {
  hang: () => ({ outcome: 'hang', reply: { kind: 'hang' } }),
  auth: () =>
    jsonReply(
      'auth',
      401,
      errorBody('Incorrect API key provided (simulated).', 'invalid_request_error', 'invalid_api_key'),
    ),
  e500: () =>
    jsonReply(
      'e500',
      500,
      errorBody('The server had an error processing your request (simulated).', 'server_error', null),
    ),
  e429: () =>
    jsonReply(
      'e429',
      429,
      errorBody('Rate limit reached for requests (simulated).', 'rate_limit_error', 'rate_limit_exceeded'),
      { 'retry-after': '1' },
    ),
  // The faults of issue 10, in the bodies of the servers that answer them (server-errors.ts).
  loading: () => jsonReply('loading', 503, LOADING_BODY),
  quota: () => jsonReply('quota', 429, QUOTA_BODY),
  busy: () => jsonReply('busy', 503, BUSY_BODY),
};

/**
 * The answer of a server-wide fault (`hang`, `auth`, `e500`, `e429`, `loading`, `quota`, `busy`); undefined
 * for the other modes.
 */
export function serverFault(mode: SimMode): ChatPlan | undefined {
  return SERVER_FAULTS[mode]?.();
}

interface ParsedChat extends ChatFacts {
  stream: boolean;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  // Content parts (`[{ type: 'text', text }]`): only the text counts, like a server's tokenizer would see it.
  if (Array.isArray(content)) {
    return content
      .map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : ''))
      .join('');
  }
  return content == null ? '' : JSON.stringify(content);
}

function parseChat(raw: string): ParsedChat | string {
  let request: unknown;
  try {
    request = JSON.parse(raw);
  } catch {
    return 'request body is not valid JSON';
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return 'request body must be a JSON object';
  }
  const body = request as Record<string, unknown>;
  if (typeof body.model !== 'string' || body.model === '') return '"model" is required';
  if (!Array.isArray(body.messages)) return '"messages" must be an array';
  const messages: ParsedChat['messages'] = [];
  for (const message of body.messages as unknown[]) {
    if (typeof message !== 'object' || message === null) return 'each message must be an object';
    const { role, content } = message as { role?: unknown; content?: unknown };
    messages.push({ role: typeof role === 'string' ? role : '', content: textOf(content) });
  }
  const parsed: ParsedChat = { model: body.model, messages, stream: body.stream === true };
  const maxTokens = positiveCount(body.max_tokens);
  if (maxTokens !== undefined) parsed.maxTokens = maxTokens;
  const maxCompletionTokens = positiveCount(body.max_completion_tokens);
  if (maxCompletionTokens !== undefined) parsed.maxCompletionTokens = maxCompletionTokens;
  const format = body.response_format;
  if (typeof format === 'object' && format !== null) {
    const type = (format as { type?: unknown }).type;
    parsed.responseFormat = typeof type === 'string' ? type.trim().toLowerCase() : '';
  }
  return parsed;
}

function positiveCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

export function planChat(subject: ChatSubject, mode: SimMode, raw: string): ChatPlan {
  const fault = serverFault(mode);
  if (fault) return fault;

  const parsed = parseChat(raw);
  if (typeof parsed === 'string') return badRequest(parsed);
  const { model, stream } = parsed;
  if (!subject.models.has(model)) {
    const notFound = modelNotFound(subject.flavor, model);
    if (notFound) return jsonReply('model_not_found', notFound.status, notFound.body);
  }

  const verdict = applyFlavorRules(subject, parsed);
  if (verdict.kind === 'refuse') return jsonReply(verdict.outcome, verdict.status, verdict.body);
  const { messages, promptTokens, limit: maxTokens } = verdict;
  if (mode === 'ctxlen') {
    // Forced without a configured window: claim a window just below the request, so the message stays coherent.
    const claimed = Math.max(0, promptTokens + (maxTokens ?? 0) - 1);
    const forced = overflow(subject.flavor, claimed, promptTokens, maxTokens);
    return jsonReply('ctxlen', forced.status, forced.body);
  }
  if (mode === 'flaky' && subject.drawRandom() < subject.failRate) return serverFault('e500')!;

  const context: SimResponderContext = { endpoint: subject.name, model, messages };
  if (maxTokens !== undefined) context.maxTokens = maxTokens;
  let produced: CheckedAnswer;
  try {
    produced = checkAnswer(subject.responder(context));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return jsonReply(
      'responder_error',
      500,
      errorBody(`sim responder failed: ${reason}`, 'server_error', null),
    );
  }
  // Like a real server, stop at max_tokens and say so, rather than returning more than was asked for.
  let { content, finishReason } = produced;
  if (content !== null && maxTokens !== undefined && tokensForChars(content.length) > maxTokens) {
    content = content.slice(0, maxTokens * 4);
    finishReason = 'length';
  }
  const completion: Completion = {
    id: subject.nextCompletionId(),
    created: Math.floor(Date.now() / 1000),
    model,
    content,
    finishReason,
    promptTokens,
    completionTokens: tokensForChars((content ?? '').length + (produced.reasoning ?? '').length),
  };
  if (produced.reasoning !== undefined) completion.reasoning = produced.reasoning;
  if (produced.toolCalls !== undefined) completion.toolCalls = produced.toolCalls;
  return { outcome: mode === 'flaky' ? 'ok' : mode, reply: answer(mode, completion, stream), model };
}

/** The shape of a request that gets an answer: healthy, or bent by one of the answering faults. */
function answer(mode: SimMode, completion: Completion, stream: boolean): SimReply {
  if (!stream) {
    const body = mode === 'malformed' ? malformedBody(completion) : completionBody(completion);
    const headers = jsonHeadersFor(body);
    if (mode === 'cut') return { kind: 'cut', headers, data: splitPieces(body, 2, 1)[0]! };
    if (mode === 'slow') return { kind: 'trickle', headers, pieces: splitPieces(body, MAX_PIECES, 1) };
    return { kind: 'json', status: 200, headers, body };
  }
  if (mode === 'malformed') return { kind: 'stream', body: malformedEvents(completion) };
  const events = contentEvents(completion, splitPieces(completion.content ?? '', MAX_PIECES));
  if (mode === 'cut') {
    return {
      kind: 'cut',
      headers: SSE_HEADERS,
      data: events.slice(0, Math.ceil(events.length / 2)).join(''),
    };
  }
  if (mode === 'slow') {
    return { kind: 'trickle', headers: SSE_HEADERS, pieces: [...events, closingEvents(completion)] };
  }
  return { kind: 'stream', body: events.join('') + closingEvents(completion) };
}
