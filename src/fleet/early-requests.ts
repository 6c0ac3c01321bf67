/**
 * Requests sent before the router existed — a resumed run's first coder request, sent while the rest of
 * keel is still loading (`src/cli/early-resume.ts`) — waiting to be adopted by the endpoint client. When
 * the client is about to send a request to the same URL with exactly the same body, it takes the early
 * request's response instead of asking again; everything else about the attempt (slot, breaker, timeouts,
 * failure handling) is the router's as usual. An early request nobody adopts within its lifetime is
 * cancelled: a wrong guess costs one request to a local model, never an effect (model calls have none).
 */
import type { IncomingMessage } from 'node:http';

export interface EarlyRequest {
  url: string;
  body: string;
  /** The response head; a rejection means the client sends the request itself. */
  response: Promise<IncomingMessage>;
  /** Cancels the request (its socket is destroyed). */
  abort(): void;
}

export interface EarlyRequestStats {
  offered: number;
  adopted: number;
  abandoned: number;
}

const waiting = new Set<EarlyRequest>();
const stats: EarlyRequestStats = { offered: 0, adopted: 0, abandoned: 0 };

export function offerEarlyRequest(request: EarlyRequest, lifetimeMs: number): void {
  waiting.add(request);
  stats.offered += 1;
  // Unref'd: a run that ends (or fails to start) before adopting it must not wait for it to expire.
  setTimeout(() => abandon(request), lifetimeMs).unref();
  // A failed early request is simply forgotten: the client will send its own.
  request.response.catch(() => abandon(request));
}

/** The early request for exactly this URL and body, removed from the waiting set; undefined if none. */
export function takeEarlyRequest(url: string, body: string): EarlyRequest | undefined {
  // Every request of a run asks; all but its first find nothing waiting.
  if (waiting.size === 0) return undefined;
  for (const request of waiting) {
    if (request.url === url && request.body === body) {
      waiting.delete(request);
      stats.adopted += 1;
      return request;
    }
  }
  return undefined;
}

/** Cancels every request still waiting (the router is closing: nothing will adopt them). */
export function abandonEarlyRequests(): void {
  for (const request of [...waiting]) abandon(request);
}

export function earlyRequestStats(): EarlyRequestStats {
  return { ...stats };
}

function abandon(request: EarlyRequest): void {
  if (!waiting.delete(request)) return;
  stats.abandoned += 1;
  request.abort();
}
