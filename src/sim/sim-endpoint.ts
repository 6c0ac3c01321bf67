/**
 * One simulated model server: its own port, mode, counters and HTTP server. Routes each request to chat, the
 * flavor's probe routes or the shared control routes.
 *
 * `refuse` is real: the server stops listening and its sockets are destroyed, so clients get ECONNREFUSED;
 * leaving `refuse` starts a fresh server on the same port. Mode switches are queued so that two of them never
 * interleave their stop and listen.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { serverFault } from './chat-plan.ts';
import { serveChat, type ChatEndpoint } from './chat-route.ts';
import { pathOf, queryOf, readBody, sendJson } from './http-util.ts';
import {
  DEFAULT_FAIL_RATE,
  DEFAULT_SEED,
  createSeededRandom,
  defaultServerSlots,
  modeBreaksProbes,
  type HostedListing,
  type SimFlavor,
  type SimMode,
} from './modes.ts';
import { errorBody } from './openai-responses.ts';
import { LOADING_BODY } from './server-errors.ts';
import { ModelLoads, ServerQueue } from './server-queue.ts';
import {
  answerProbe,
  matchProbeRoute,
  probeNeedsBody,
  type ProbeAnswer,
  type ProbeRoute,
  type ProbeSubject,
} from './probe-routes.ts';
import { listenTracked, type TrackedServer } from './tracked-server.ts';
import type { SimEndpointSpec, SimEndpointStats, SimModeTuning, SimResponder } from './types.ts';

export const CONTROL_PREFIX = '/__sim/';
const MAX_PROBE_BODY_BYTES = 64 * 1024;

/** Serves `/__sim/*`, whichever port the request came in on. */
export type ControlHandler = (req: IncomingMessage, res: ServerResponse, path: string) => void;

export interface ModeChange {
  mode: SimMode;
  latencyMs: number | undefined;
  tuning?: SimModeTuning;
  /** The socket of a control request that must survive a switch to `refuse`, to carry its own answer. */
  spare?: Socket;
}

export class SimEndpoint implements ChatEndpoint, ProbeSubject {
  readonly name: string;
  readonly flavor: SimFlavor;
  readonly modelList: readonly string[];
  readonly models: ReadonlySet<string>;
  readonly contextWindow: number | undefined;
  readonly outputCap: number | undefined;
  readonly listing: HostedListing | undefined;
  /** A reverse proxy's body limit in front of the chat route (nginx `client_max_body_size`). */
  readonly proxyMaxBodyBytes: number | undefined;
  readonly serverSlots: number | undefined;
  readonly responder: SimResponder;
  readonly stats: SimEndpointStats = {
    requests: 0,
    chatRequests: 0,
    probeRequests: 0,
    inflight: 0,
    maxInflight: 0,
    waiting: 0,
    maxWaiting: 0,
    byOutcome: {},
  };
  mode: SimMode;
  latencyMs: number | undefined;
  failRate: number;
  seed: number;
  port = 0;

  readonly #host: string;
  readonly #requestedPort: number;
  readonly #control: ControlHandler;
  #random: () => number;
  #completions = 0;
  #server: TrackedServer | undefined;
  /** Servers stopped with a spare socket still open; finished off by `close()`. */
  readonly #retired = new Set<TrackedServer>();
  #switching: Promise<void> = Promise.resolve();
  #closed = false;
  /** The server's own slots (undefined: no queue, vLLM and hosted APIs batch). */
  readonly #queue: ServerQueue | undefined;
  readonly #loads: ModelLoads;

  constructor(spec: SimEndpointSpec, host: string, responder: SimResponder, control: ControlHandler) {
    this.name = spec.name;
    this.flavor = spec.flavor ?? 'vllm';
    this.modelList = spec.models ?? ['sim-model'];
    this.models = new Set(this.modelList);
    this.contextWindow = spec.contextWindow;
    this.outputCap = spec.outputCap;
    this.listing = spec.listing;
    this.proxyMaxBodyBytes = spec.proxyMaxBodyBytes;
    this.serverSlots = spec.slots ?? defaultServerSlots(this.flavor);
    this.#queue = this.serverSlots !== undefined ? new ServerQueue(this.serverSlots, this.stats) : undefined;
    this.#loads = new ModelLoads(spec.loadedModels ?? this.modelList, spec.loadMs ?? 0);
    this.responder = responder;
    this.mode = spec.mode ?? 'ok';
    this.latencyMs = spec.latencyMs;
    this.failRate = spec.failRate ?? DEFAULT_FAIL_RATE;
    this.seed = spec.seed ?? DEFAULT_SEED;
    this.#random = createSeededRandom(this.seed);
    this.#host = host;
    this.#requestedPort = spec.port ?? 0;
    this.#control = control;
  }

  /** Listens (also in `refuse`, briefly, so that a picked port is known and kept for later), then applies the mode. */
  async start(): Promise<void> {
    this.#server = await this.#listen(this.#requestedPort);
    this.port = this.#server.port;
    if (this.mode === 'refuse') await this.#stopListening();
  }

  drawRandom(): number {
    return this.#random();
  }

  isLoaded(model: string): boolean {
    return this.#loads.isLoaded(model, Date.now());
  }

  markLoaded(model: string): void {
    this.#loads.markLoaded(model);
  }

  get busySlots(): number {
    return this.#queue?.busy ?? Math.min(this.stats.inflight, this.serverSlots ?? Infinity);
  }

  /**
   * Runs `go` (the answer's delivery) once the server would start on the request: a free slot of its own,
   * then the model loaded. Both waits end with the response (a client that left frees its place).
   */
  serve(model: string, res: ServerResponse, go: () => void): void {
    const start = (release: () => void): void => {
      res.once('close', release);
      const wait = this.#loads.waitFor(model, Date.now());
      if (wait <= 0) {
        go();
        return;
      }
      const timer = setTimeout(() => {
        if (!res.destroyed && !res.writableEnded) go();
      }, wait);
      res.once('close', () => clearTimeout(timer));
    };
    if (this.#queue === undefined) {
      start(() => undefined);
      return;
    }
    const cancel = this.#queue.enter(start);
    res.once('close', cancel);
  }

  nextCompletionId(): string {
    this.#completions += 1;
    return `chatcmpl-sim-${this.name}-${this.#completions}`;
  }

  /** For `/metrics`: the requests in flight now, the chat requests so far. */
  readonly load = (): { inflight: number; waiting: number; served: number } => ({
    inflight: this.stats.inflight - this.stats.waiting,
    waiting: this.stats.waiting,
    served: this.stats.chatRequests,
  });

  countOutcome(outcome: string): void {
    this.stats.byOutcome[outcome] = (this.stats.byOutcome[outcome] ?? 0) + 1;
  }

  snapshot(): SimEndpointStats {
    return { ...this.stats, byOutcome: { ...this.stats.byOutcome } };
  }

  resetStats(): void {
    const { stats } = this;
    stats.requests = 0;
    stats.chatRequests = 0;
    stats.probeRequests = 0;
    stats.maxInflight = stats.inflight;
    stats.maxWaiting = stats.waiting;
    stats.byOutcome = {};
  }

  /** Queued behind any switch in progress; resolves when the new mode is fully in force. */
  switchMode(change: ModeChange): Promise<void> {
    const result = this.#switching.then(() => this.#applyMode(change));
    this.#switching = result.catch(() => {});
    return result;
  }

  async close(): Promise<void> {
    // Set first: a switch still queued must not re-listen behind close's back.
    this.#closed = true;
    await this.#switching;
    const servers = [...this.#retired];
    if (this.#server) servers.push(this.#server);
    this.#server = undefined;
    this.#retired.clear();
    await Promise.all(servers.map((server) => server.shutdown()));
  }

  async #applyMode({ mode, latencyMs, tuning, spare }: ModeChange): Promise<void> {
    if (this.#closed) throw new Error(`sim endpoint "${this.name}" is closed`);
    const wasRefusing = this.mode === 'refuse';
    this.mode = mode;
    this.latencyMs = latencyMs;
    if (tuning?.failRate !== undefined) this.failRate = tuning.failRate;
    if (tuning?.seed !== undefined) this.seed = tuning.seed;
    // Entering `flaky` restarts the sequence, so a drill that switches to it fails the same requests every time.
    if (mode === 'flaky') this.#random = createSeededRandom(this.seed);
    if (mode === 'refuse' && !wasRefusing) await this.#stopListening(spare);
    if (mode !== 'refuse' && wasRefusing) {
      try {
        this.#server = await this.#listen(this.port);
      } catch (error) {
        this.mode = 'refuse';
        throw error;
      }
    }
  }

  async #listen(port: number): Promise<TrackedServer> {
    try {
      return await listenTracked(this.#handle, this.#host, port);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`sim endpoint "${this.name}" cannot listen on ${this.#host}:${port}: ${reason}`, {
        cause: error,
      });
    }
  }

  async #stopListening(spare?: Socket): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    if (spare) this.#retired.add(server);
    await server.shutdown(spare);
  }

  readonly #handle: RequestListener = (req, res) => {
    const path = pathOf(req.url);
    if (path.startsWith(CONTROL_PREFIX)) {
      this.#control(req, res, path);
      return;
    }
    if (this.mode === 'refuse') {
      // Arrived while the switch to `refuse` was under way: the server is going, so is this connection.
      res.destroy();
      return;
    }
    this.stats.requests += 1;
    if (this.mode === 'loading') {
      // llama.cpp's middleware answers every route alike before routing, /health included.
      this.countOutcome(path === '/v1/chat/completions' ? 'loading' : 'probe_loading');
      req.resume();
      sendJson(res, 503, LOADING_BODY);
      return;
    }
    if (path === '/v1/chat/completions' && req.method === 'POST') {
      serveChat(this, req, res);
      return;
    }
    const route = matchProbeRoute(this.flavor, req.method ?? 'GET', path);
    if (route === undefined) {
      this.countOutcome('route_not_found');
      const message = `no route ${req.method} ${path} on this ${this.flavor} server`;
      sendJson(res, 404, errorBody(message, 'invalid_request_error', 'not_found'));
      return;
    }
    this.stats.probeRequests += 1;
    this.#serveProbe(route, req, res);
  };

  #serveProbe(route: ProbeRoute, req: IncomingMessage, res: ServerResponse): void {
    const fault = modeBreaksProbes(this.mode) ? serverFault(this.mode) : undefined;
    if (fault) {
      this.countOutcome(`probe_${fault.outcome}`);
      // A hung server reads the request and says nothing; the socket goes when the client or close() ends it.
      if (fault.reply.kind === 'hang') req.resume();
      else if (fault.reply.kind === 'json') sendJson(res, fault.reply.status, fault.reply.body);
      return;
    }
    this.countOutcome('probe_ok');
    const query = queryOf(req.url);
    const send = (answer: ProbeAnswer): void => {
      // vLLM's /health is a 200 with no body at all.
      if (answer.body === '') {
        res.writeHead(answer.status, { 'content-length': 0 });
        res.end();
        return;
      }
      const type = answer.contentType;
      sendJson(res, answer.status, answer.body, type ? { 'content-type': type } : undefined);
    };
    if (!probeNeedsBody(route)) {
      send(answerProbe(route, this, '', query));
      return;
    }
    readBody(req, MAX_PROBE_BODY_BYTES, (raw) => {
      send(
        raw === undefined
          ? { status: 413, body: '{"error":"body too large"}' }
          : answerProbe(route, this, raw, query),
      );
    });
  }
}
