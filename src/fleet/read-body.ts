/**
 * Bounded reading of a response body. A model server can send without end (a runaway generation, a proxy
 * serving a file); reading stops the moment the bound is passed instead of buffering first and checking after.
 */
import type { Readable } from 'node:stream';
import type { AttemptGuard } from './attempt-guard.ts';

export type BoundedBody = { ok: true; bytes: Buffer } | { ok: false; receivedBytes: number };

/**
 * Reads the whole body, restarting the idle gap on every chunk. Returns `ok: false` as soon as more than
 * `maxBytes` arrived.
 * Transport errors and guard aborts are thrown to the caller, which knows the phase and the fired deadline.
 */
export function readBounded(body: Readable, maxBytes: number, guard: AttemptGuard): Promise<BoundedBody> {
  // Event listeners rather than `for await`: the async iterator costs a promise per chunk, which shows
  // in the router's overhead benchmark for small, fast answers.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = (): void => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      guard.chunkArrived();
      received += chunk.length;
      if (received > maxBytes) {
        cleanup();
        // Destroying the stream aborts the request and its socket; the abort error it emits is expected.
        body.on('error', () => undefined);
        body.destroy();
        resolve({ ok: false, receivedBytes: received });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received) });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}

/**
 * The body of an error response, for classification and the failure message. Reading it keeps the
 * keep-alive socket usable; only the first `maxBytes` matter. A body that fails or stalls mid-way still
 * yields what arrived: the status already says what happened.
 */
export async function readErrorText(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  guard: AttemptGuard,
): Promise<string> {
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of body) {
      guard.chunkArrived();
      chunks.push(chunk);
      received += chunk.length;
      // Leaving the loop destroys the stream (and that socket): a huge error body is not worth reading.
      if (received >= maxBytes) break;
    }
  } catch {
    // Keep what arrived.
  }
  return Buffer.concat(chunks, received).subarray(0, maxBytes).toString('utf8');
}
