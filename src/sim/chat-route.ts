/**
 * `POST /v1/chat/completions`: counts the request, reads it, asks `planChat` what to answer and delivers that on
 * time. Every timer of a request lives in its `Exchange` and dies with the response's `close`, which fires both
 * after a normal end and when the socket is destroyed (client gone, `refuse`, `close()`): nothing outlives it.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { planChat, type ChatSubject, type SimReply } from './chat-plan.ts';
import { readBody, sendJson } from './http-util.ts';
import { DEFAULT_SLOW_GAP_MS, type SimMode } from './modes.ts';
import { SSE_HEADERS, errorBody } from './openai-responses.ts';
import type { SimEndpointStats } from './types.ts';

/** Far above any real prompt; only here so that a runaway client cannot make the simulator buffer without end. */
const MAX_CHAT_BODY_BYTES = 32 * 1024 * 1024;

export interface ChatEndpoint extends ChatSubject {
  readonly mode: SimMode;
  /** A reverse proxy's body limit in front of the server; undefined: no proxy. */
  readonly proxyMaxBodyBytes?: number | undefined;
  readonly latencyMs: number | undefined;
  readonly stats: SimEndpointStats;
  countOutcome(outcome: string): void;
  /** Runs `go` once the server would start on a request for `model` (its queue, a model load). */
  serve(model: string, res: ServerResponse, go: () => void): void;
}

/**
 * nginx's own page for a body above `client_max_body_size` (1m by default; ngx_http_core_module, and the
 * page from src/http/ngx_http_special_response.c, nginx 1.2x): HTML, not JSON, naming nothing in the
 * request. The server behind it never sees the request.
 */
const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
  '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** One request's pending timer, cleared when the response closes for any reason. */
class Exchange {
  closed = false;
  #timer: NodeJS.Timeout | undefined;

  /** Runs `fn` after `ms`, or right away for 0 (no timer at all on the fast path), unless closed by then. */
  after(ms: number, fn: () => void): void {
    if (this.closed) return;
    if (ms <= 0) {
      fn();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.closed) fn();
    }, ms);
  }

  close(): void {
    this.closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

export function serveChat(endpoint: ChatEndpoint, req: IncomingMessage, res: ServerResponse): void {
  const { stats } = endpoint;
  stats.chatRequests += 1;
  stats.inflight += 1;
  if (stats.inflight > stats.maxInflight) stats.maxInflight = stats.inflight;
  const exchange = new Exchange();
  res.once('close', () => {
    // `stats` is mutated in place by resetStats, so this decrement always lands on the live counters.
    stats.inflight -= 1;
    exchange.close();
  });
  // The mode that counts is the one in force when the request arrived, not when its body finished arriving.
  const { mode, latencyMs } = endpoint;
  readBody(req, MAX_CHAT_BODY_BYTES, (raw) => {
    if (exchange.closed) return;
    if (raw === undefined) {
      endpoint.countOutcome('too_large');
      sendJson(res, 413, errorBody('request body too large', 'invalid_request_error', null));
      return;
    }
    const limit = endpoint.proxyMaxBodyBytes;
    if (limit !== undefined && Buffer.byteLength(raw) > limit) {
      endpoint.countOutcome('proxy_413');
      res.writeHead(413, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(NGINX_413) });
      res.end(NGINX_413);
      return;
    }
    const plan = planChat(endpoint, mode, raw);
    endpoint.countOutcome(plan.outcome);
    // Refusals come at once; an answer waits for the server's slot and model, sending nothing meanwhile.
    if (plan.model === undefined) deliver(plan.reply, res, exchange, latencyMs);
    else endpoint.serve(plan.model, res, () => deliver(plan.reply, res, exchange, latencyMs));
  });
}

function deliver(
  reply: SimReply,
  res: ServerResponse,
  exchange: Exchange,
  latencyMs: number | undefined,
): void {
  switch (reply.kind) {
    case 'hang':
      // Never answer: the response closes when the client gives up or the simulator closes.
      return;
    case 'trickle':
      trickle(res, exchange, reply.headers, reply.pieces, latencyMs ?? DEFAULT_SLOW_GAP_MS);
      return;
    case 'json':
      exchange.after(latencyMs ?? 0, () => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
      });
      return;
    case 'stream':
      exchange.after(latencyMs ?? 0, () => {
        res.writeHead(200, SSE_HEADERS);
        res.end(reply.body);
      });
      return;
    case 'cut':
      exchange.after(latencyMs ?? 0, () => {
        res.writeHead(200, reply.headers);
        // Destroy only once the partial data is handed to the kernel, so the client really receives a part.
        res.write(reply.data, () => res.destroy());
      });
      return;
  }
}

/** Headers at once, then one piece per gap: a live but crawling server, for idle-timeout drills. */
function trickle(
  res: ServerResponse,
  exchange: Exchange,
  headers: OutgoingHttpHeaders,
  pieces: string[],
  gapMs: number,
): void {
  res.writeHead(200, headers);
  res.flushHeaders();
  let next = 0;
  const step = (): void => {
    res.write(pieces[next]);
    next += 1;
    if (next === pieces.length) res.end();
    else exchange.after(gapMs, step);
  };
  exchange.after(gapMs, step);
}
