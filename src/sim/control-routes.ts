/**
 * `/__sim/*`: drive the simulator over HTTP (for `keel sim` drills, from curl or another process). Answered on the
 * control server and on every endpoint's port.
 *
 *   POST /__sim/mode   {"endpoint":"a","mode":"hang","latencyMs":50,"failRate":0.3,"seed":7}
 *   GET  /__sim/stats  → stats() as JSON
 *   POST /__sim/reset  → resetStats() (modes are left as they are)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { readBody, sendJson } from './http-util.ts';
import { SimInputError } from './modes.ts';
import { errorBody } from './openai-responses.ts';
import type { SimEndpointStats } from './types.ts';

const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/** A mode change as it arrives from outside: every field unchecked until the simulator validates it. */
export interface ModeChangeInput {
  endpoint?: unknown;
  mode?: unknown;
  latencyMs?: unknown;
  failRate?: unknown;
  seed?: unknown;
}

export interface SimControlTarget {
  /** Validates (throwing `SimInputError`) and applies; resolves to the settings now in force. */
  applyModeChange(input: ModeChangeInput, spare?: Socket): Promise<Record<string, unknown>>;
  stats(): Record<string, SimEndpointStats>;
  resetStats(): void;
}

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, errorBody(message, 'invalid_request_error', 'sim_bad_request'));
}

export function serveControl(
  target: SimControlTarget,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  const route = `${req.method} ${path}`;
  if (route === 'GET /__sim/stats') {
    sendJson(res, 200, JSON.stringify(target.stats()));
    return;
  }
  if (route === 'POST /__sim/reset') {
    target.resetStats();
    sendJson(res, 200, JSON.stringify({ reset: true }));
    return;
  }
  if (route === 'POST /__sim/mode') {
    readBody(req, MAX_CONTROL_BODY_BYTES, (raw) => changeMode(target, req.socket, res, raw));
    return;
  }
  const message = `no control route ${route}; try POST /__sim/mode, GET /__sim/stats, POST /__sim/reset`;
  sendJson(res, 404, errorBody(message, 'invalid_request_error', 'not_found'));
}

function changeMode(
  target: SimControlTarget,
  socket: Socket,
  res: ServerResponse,
  raw: string | undefined,
): void {
  let input: unknown;
  try {
    input = JSON.parse(raw ?? '');
  } catch {
    badRequest(res, 'body must be JSON such as {"endpoint":"a","mode":"hang","latencyMs":50}');
    return;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    badRequest(res, 'body must be a JSON object such as {"endpoint":"a","mode":"hang"}');
    return;
  }
  target.applyModeChange(input as ModeChangeInput, socket).then(
    (applied) => {
      // After a switch to `refuse` this socket may be the last of a server that has stopped listening: let it go.
      const close = applied.mode === 'refuse' ? { connection: 'close' } : undefined;
      sendJson(res, 200, JSON.stringify(applied), close);
    },
    (error: unknown) => {
      if (error instanceof SimInputError) badRequest(res, error.message);
      else
        sendJson(
          res,
          500,
          errorBody(error instanceof Error ? error.message : String(error), 'server_error', null),
        );
    },
  );
}
