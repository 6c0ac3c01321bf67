/** Small HTTP helpers shared by the chat, probe and control routes. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** The path without the query string; cheaper than `new URL` on the hot path. */
export function pathOf(url: string | undefined): string {
  if (url === undefined) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The query string without its `?` (empty when there is none). */
export function queryOf(url: string | undefined): string {
  const query = url?.indexOf('?') ?? -1;
  return query === -1 || url === undefined ? '' : url.slice(query + 1);
}

/** Headers of a JSON body whose full length is announced, so that a client can tell when it is cut short. */
export function jsonHeadersFor(body: string): OutgoingHttpHeaders {
  return { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
}

/** `body` is already serialised, so that callers decide once how it is built (and how long it is). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  extra?: OutgoingHttpHeaders,
): void {
  res.writeHead(status, { ...jsonHeadersFor(body), ...extra });
  res.end(body);
}

/**
 * Reads the whole request body, then calls `done` with it, or with `undefined` when it exceeded `limit` bytes
 * (the rest is drained, not kept, so the connection stays usable). Never called when the client goes away first:
 * the response's `close` event is where callers clean up.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  done: (body: string | undefined) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  req.on('end', () => done(size <= limit ? Buffer.concat(chunks, size).toString('utf8') : undefined));
  // A client that disconnects mid-body makes the request emit `error`; the response's `close` handles the rest.
  req.on('error', () => {});
}
