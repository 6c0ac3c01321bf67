/**
 * The endpoint client: one attempt at one OpenAI-compatible `/chat/completions` endpoint, ending in an
 * answer or in a classified, redacted `Failure` (it never throws for a failed call). Failing over, retrying,
 * breakers and cooldowns belong to the router; this file only makes the attempt exact and bounded.
 *
 * Hot path: everything that does not depend on the request (URL, headers, secrets, Agent) is prepared once
 * per endpoint (`endpoint-wiring.ts`); a request costs one JSON.stringify, one undici request, three timers
 * and one JSON.parse of the answer (or one per SSE chunk).
 */
import { request as undiciRequest, type Agent, type Dispatcher } from 'undici';
import type { EndpointConfig } from '../config/schema.ts';
import { AttemptGuard, guardMessage } from './attempt-guard.ts';
import { classifyErrorPayload, classifyHttpError, classifyTransportError } from './classify-failure.ts';
import { buildWiring, createAgent, wiringChanged, type EndpointWiring } from './endpoint-wiring.ts';
import { readBounded, readErrorText } from './read-body.ts';
import { quoteServer } from '../base/secrets.ts';
import { unusableResponse } from './response-shape.ts';
import { requestBody } from './request-body.ts';
import { abandonEarlyRequests, takeEarlyRequest, type EarlyRequest } from './early-requests.ts';
import { ToolCallPieces, reasoningOf } from './answer-extras.ts';
import {
  DeltaCallbackError,
  readChatStream,
  usageOf,
  type CompletionBody,
  type StreamOutcome,
} from './sse-stream.ts';
import type { ChatCallOptions, ChatOutcome, ChatRequest, EndpointClient, Failure } from './types.ts';

export interface EndpointClientOptions {
  /** Where `apiKeyEnv` names are looked up; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Responses (plain or streamed) larger than this end as `too_large`; `policy.maxResponseBytes`, 8 MiB by default. */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Enough of an error body to classify it (codes can sit after a long message) and quote its start. */
const ERROR_TEXT_BYTES = 16 * 1024;

type ResponseData = Dispatcher.ResponseData;

type Completion = CompletionBody<'message'>;

export function createEndpointClient(options: EndpointClientOptions = {}): EndpointClient {
  const env = options.env ?? process.env;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const wirings = new Map<string, EndpointWiring>();
  /** Agents given up by `resetConnections`, still finishing their in-flight requests. */
  const retiring = new Set<Agent>();

  function wiringFor(endpoint: EndpointConfig): EndpointWiring {
    const known = wirings.get(endpoint.id);
    if (known && known.source === endpoint) return known;
    if (known && !wiringChanged(known, endpoint)) {
      known.source = endpoint;
      return known;
    }
    if (known?.agent) retire(known.agent);
    const wiring = buildWiring(endpoint, env);
    wirings.set(endpoint.id, wiring);
    return wiring;
  }

  /**
   * `close()` rather than `destroy()`: idle keep-alive sockets go at once (the point: a moved host is looked
   * up and connected afresh), while other requests in flight on the old pool, possibly healthy streams,
   * finish instead of failing for a fault that was not theirs.
   */
  function retire(agent: Agent): void {
    retiring.add(agent);
    const forget = (): void => {
      retiring.delete(agent);
    };
    agent.close().then(forget, forget);
  }

  async function chat(
    endpoint: EndpointConfig,
    request: ChatRequest,
    call: ChatCallOptions,
  ): Promise<ChatOutcome> {
    const startedAt = performance.now();
    const wiring = wiringFor(endpoint);
    if (wiring.missingKeyEnv !== undefined) {
      const message = `API key variable ${wiring.missingKeyEnv} is empty or not set; request not sent`;
      return failed({ kind: 'auth', message }, startedAt);
    }
    if (call.signal?.aborted) return failed({ kind: 'aborted', message: 'aborted by the caller' }, startedAt);

    const streaming = request.stream === true;
    const body = JSON.stringify(requestBody(request, call, streaming));
    // A cold model load or a server-side queue may stretch the wait for the first token (the router says).
    const timeouts =
      call.firstTokenMs !== undefined
        ? { ...endpoint.timeouts, firstTokenMs: call.firstTokenMs }
        : endpoint.timeouts;
    const guard = new AttemptGuard(timeouts, call.signal);
    let afterHead = false;
    try {
      const early = takeEarlyRequest(wiring.target.href, body);
      const response =
        (early && (await adoptEarly(early, guard.signal))) ??
        (await undiciRequest(wiring.target, {
          dispatcher: (wiring.agent ??= createAgent(endpoint.timeouts.connectMs)),
          method: 'POST',
          headers: streaming ? wiring.streamHeaders : wiring.plainHeaders,
          body,
          signal: guard.signal,
        }));
      afterHead = true;
      guard.headArrived(streaming);
      const outcome = await readResponse(response, streaming, guard, wiring.secrets, call.onDelta, startedAt);
      if (!outcome.ok) return failed(outcome.failure, startedAt);
      return { ...outcome, latencyMs: performance.now() - startedAt };
    } catch (err) {
      if (err instanceof DeltaCallbackError) throw err.cause;
      const failure: Failure = guard.fired
        ? { kind: guard.fired, message: guardMessage(guard.fired, timeouts, streaming) }
        : classifyTransportError(err, afterHead, endpoint.timeouts.connectMs, wiring.secrets);
      return failed(failure, startedAt);
    } finally {
      guard.dispose();
    }
  }

  async function readResponse(
    response: ResponseData,
    streaming: boolean,
    guard: AttemptGuard,
    secrets: readonly string[],
    onDelta: ((text: string) => void) | undefined,
    startedAt: number,
  ): Promise<StreamOutcome> {
    const { statusCode, headers, body } = response;
    if (statusCode < 200 || statusCode >= 300) {
      const text = await readErrorText(body, Math.min(ERROR_TEXT_BYTES, maxBytes), guard);
      const failure = classifyHttpError({
        status: statusCode,
        body: text,
        retryAfter: headerValue(headers['retry-after']),
        retryAfterMs: headerValue(headers['retry-after-ms']),
        secrets,
      });
      return { ok: false, failure };
    }
    // A web page, or a body compressed by a proxy: said for what it is, never read as an answer.
    const unusable = unusableResponse(statusCode, headers);
    if (unusable) {
      // Dropped unread; the abort that destroying it raises is expected, not an error of anyone's.
      body.on('error', () => undefined);
      body.destroy();
      return { ok: false, failure: unusable };
    }
    // Refuse a declared oversize body before reading a byte of it.
    if (Number(headerValue(headers['content-length'])) > maxBytes) {
      body.destroy();
      return tooLarge();
    }
    // A server that ignores `stream: true` answers with plain JSON: accept it as the plain answer it is.
    const isJson = headerValue(headers['content-type'])?.startsWith('application/json') === true;
    if (streaming && !isJson) return readChatStream(body, { guard, maxBytes, startedAt, secrets, onDelta });
    if (streaming) guard.firstTokenArrived();
    const read = await readBounded(body, maxBytes, guard);
    if (!read.ok) return tooLarge();
    return parseCompletion(read.bytes.toString('utf8'), statusCode, secrets);
  }

  function tooLarge(): StreamOutcome {
    return { ok: false, failure: { kind: 'too_large', message: `response larger than ${maxBytes} bytes` } };
  }

  return {
    chat,
    resetConnections(endpointId: string): void {
      const wiring = wirings.get(endpointId);
      if (!wiring?.agent) return;
      retire(wiring.agent);
      wiring.agent = undefined;
    },
    async close(): Promise<void> {
      // Nothing adopts an early request after the router is gone.
      abandonEarlyRequests();
      const agents = [...retiring];
      for (const wiring of wirings.values()) {
        if (wiring.agent) agents.push(wiring.agent);
        wiring.agent = undefined;
      }
      retiring.clear();
      await Promise.all(agents.map((agent) => agent.destroy().catch(() => undefined)));
    },
  };
}

/**
 * The response of a request sent early (see early-requests.ts) as the client reads responses; undefined
 * when it failed before its head arrived, and the client then sends the request itself. The attempt's
 * guard owns it from here: a timeout or a cancellation destroys it like any other.
 */
async function adoptEarly(early: EarlyRequest, signal: AbortSignal): Promise<ResponseData | undefined> {
  const abort = (): void => early.abort();
  signal.addEventListener('abort', abort, { once: true });
  if (signal.aborted) early.abort();
  try {
    const message = await early.response;
    // The reader needs the status, the headers and a readable body: an IncomingMessage has all three.
    return {
      statusCode: message.statusCode ?? 0,
      headers: message.headers,
      body: message,
    } as unknown as ResponseData;
  } catch {
    signal.removeEventListener('abort', abort);
    return undefined;
  }
}

function parseCompletion(text: string, status: number, secrets: readonly string[]): StreamOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return malformed(`HTTP ${status}: body is not JSON: ${quoteServer(text, secrets)}`);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return malformed(`HTTP ${status}: body is not a JSON object: ${quoteServer(text, secrets)}`);
  }
  const completion = parsed as Completion;
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  const message = choice?.message;
  if (typeof message !== 'object' || message === null) {
    if (completion.error !== undefined && completion.error !== null) {
      return { ok: false, failure: classifyErrorPayload(completion, text, secrets, `HTTP ${status}`) };
    }
    return malformed(`HTTP ${status}: no choices[0].message: ${quoteServer(text, secrets)}`);
  }
  const finishReason = typeof choice?.finish_reason === 'string' ? choice.finish_reason : null;
  // `content: null` (a refusal, or a tool call: read below) is an empty answer, not a broken one.
  const content = typeof message.content === 'string' ? message.content : '';
  const outcome: StreamOutcome = { ok: true, content, finishReason };
  const reasoning = reasoningOf(message);
  if (reasoning !== undefined) outcome.reasoning = reasoning;
  const toolCalls = new ToolCallPieces();
  toolCalls.add(message.tool_calls);
  if (toolCalls.calls().length > 0) outcome.toolCalls = toolCalls.calls();
  if (completion.usage) outcome.usage = usageOf(completion.usage);
  return outcome;
}

function malformed(message: string): StreamOutcome {
  return { ok: false, failure: { kind: 'malformed', message } };
}

function failed(failure: Failure, startedAt: number): ChatOutcome {
  return { ok: false, failure, latencyMs: performance.now() - startedAt };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
