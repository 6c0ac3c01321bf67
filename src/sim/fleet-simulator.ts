/**
 * The fleet simulator: real HTTP servers on loopback that imitate a fleet of OpenAI-compatible model servers
 * (vLLM, llama.cpp, LM Studio, Ollama, hosted OpenAI) and inject faults on demand. Used by the test suite, the
 * demo, the benchmarks and `keel sim` failure drills.
 *
 *   const sim = await startSimulator({ endpoints: [{ name: 'a' }, { name: 'b', mode: 'hang' }] });
 *   sim.endpoints[0].url;           // http://127.0.0.1:PORT/v1
 *   await sim.setMode('a', 'refuse');
 *   await sim.close();
 *
 * Each endpoint is its own server on its own port; a control server (and every endpoint port) answers `/__sim/*`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setImmediate } from 'node:timers/promises';
import { serveControl, type ModeChangeInput, type SimControlTarget } from './control-routes.ts';
import { pathOf, sendJson } from './http-util.ts';
import { SIM_FLAVORS, SIM_MODES, SimInputError, isSimFlavor, isSimMode, type SimMode } from './modes.ts';
import { errorBody } from './openai-responses.ts';
import { CONTROL_PREFIX, SimEndpoint } from './sim-endpoint.ts';
import { listenTracked, type TrackedServer } from './tracked-server.ts';
import type {
  FleetSimulator,
  SimEndpointInfo,
  SimEndpointSpec,
  SimEndpointStats,
  SimModeTuning,
  SimResponderContext,
  SimulatorOptions,
} from './types.ts';

export {
  HOSTED_LISTINGS,
  SIM_FLAVORS,
  SIM_MODES,
  SimInputError,
  isHostedListing,
  isSimFlavor,
  isSimMode,
  type HostedListing,
  type SimFlavor,
  type SimMode,
} from './modes.ts';
export { MODEL_MAX_CONTEXT } from './probe-routes.ts';
export type * from './types.ts';

/** The default content: names who answered and echoes the question, so a test can see where a request went. */
export const echoResponder = ({ endpoint, model, messages }: SimResponderContext): string => {
  const lastUser = messages.findLast((message) => message.role === 'user')?.content ?? '';
  return `sim(${endpoint}/${model}): ${lastUser.slice(0, 60)}`;
};

export async function startSimulator(options: SimulatorOptions): Promise<FleetSimulator> {
  options.endpoints.forEach(checkSpec);
  const names = new Set<string>();
  for (const { name } of options.endpoints) {
    if (names.has(name)) throw new SimInputError(`duplicate sim endpoint name "${name}"`);
    names.add(name);
  }
  const fleet = new SimulatedFleet(options);
  await fleet.start();
  return fleet;
}

function checkNumber(
  value: unknown,
  what: string,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SimInputError(`${what} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  if (integer && !Number.isInteger(value))
    throw new SimInputError(`${what} must be an integer, got ${value}`);
  return value;
}

function checkSpec(spec: SimEndpointSpec): void {
  const { name } = spec;
  if (typeof name !== 'string' || name === '')
    throw new SimInputError('every sim endpoint needs a non-empty name');
  const where = `sim endpoint "${name}"`;
  checkNumber(spec.port, `${where}: port`, 0, 65_535, true);
  checkNumber(spec.latencyMs, `${where}: latencyMs`, 0, Number.MAX_SAFE_INTEGER);
  checkNumber(spec.contextWindow, `${where}: contextWindow`, 1, Number.MAX_SAFE_INTEGER, true);
  checkNumber(spec.failRate, `${where}: failRate`, 0, 1);
  checkNumber(spec.seed, `${where}: seed`, -(2 ** 53), 2 ** 53, true);
  checkNumber(spec.slots, `${where}: slots`, 1, 1024, true);
  checkNumber(spec.outputCap, `${where}: outputCap`, 1, Number.MAX_SAFE_INTEGER, true);
  checkNumber(spec.loadMs, `${where}: loadMs`, 0, Number.MAX_SAFE_INTEGER);
  if (
    spec.loadedModels !== undefined &&
    (!Array.isArray(spec.loadedModels) || spec.loadedModels.some((m) => typeof m !== 'string'))
  ) {
    throw new SimInputError(`${where}: loadedModels must be a list of model names`);
  }
  if (spec.mode !== undefined && !isSimMode(spec.mode))
    throw new SimInputError(`${where}: ${unknownMode(spec.mode)}`);
  if (spec.flavor !== undefined && !isSimFlavor(spec.flavor)) {
    throw new SimInputError(
      `${where}: unknown flavor "${String(spec.flavor)}" (expected one of: ${SIM_FLAVORS.join(', ')})`,
    );
  }
  if (
    spec.models !== undefined &&
    (spec.models.length === 0 || spec.models.some((m) => typeof m !== 'string' || !m))
  ) {
    throw new SimInputError(`${where}: models must be a non-empty list of model names`);
  }
}

function unknownMode(mode: unknown): string {
  return `unknown mode ${JSON.stringify(mode)} (expected one of: ${SIM_MODES.join(', ')})`;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

class SimulatedFleet implements FleetSimulator {
  endpoints: SimEndpointInfo[] = [];
  controlUrl = '';

  readonly #host: string;
  readonly #controlPort: number;
  readonly #byName = new Map<string, SimEndpoint>();
  #controlServer: TrackedServer | undefined;
  #closing: Promise<void> | undefined;

  readonly #control: SimControlTarget = {
    applyModeChange: (input, spare) => this.#applyModeChange(input, spare),
    stats: () => this.stats(),
    resetStats: () => this.resetStats(),
  };
  readonly #serveControl = (req: IncomingMessage, res: ServerResponse, path: string): void =>
    serveControl(this.#control, req, res, path);

  constructor(options: SimulatorOptions) {
    this.#host = options.host ?? '127.0.0.1';
    this.#controlPort = options.controlPort ?? 0;
    const responder = options.responder ?? echoResponder;
    for (const spec of options.endpoints) {
      this.#byName.set(spec.name, new SimEndpoint(spec, this.#host, responder, this.#serveControl));
    }
  }

  async start(): Promise<void> {
    const onControlPort = (req: IncomingMessage, res: ServerResponse): void => {
      const path = pathOf(req.url);
      if (path.startsWith(CONTROL_PREFIX)) this.#serveControl(req, res, path);
      else
        sendJson(
          res,
          404,
          errorBody(
            `the control server serves only ${CONTROL_PREFIX}*`,
            'invalid_request_error',
            'not_found',
          ),
        );
    };
    const starting = [...this.#byName.values()].map((endpoint) => endpoint.start());
    const control = listenTracked(onControlPort, this.#host, this.#controlPort).then((server) => {
      this.#controlServer = server;
    });
    const results = await Promise.allSettled([...starting, control]);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) {
      // Whatever did start must not outlive the failed start.
      await this.close();
      throw failure.reason;
    }
    const host = urlHost(this.#host);
    this.endpoints = [...this.#byName.values()].map(({ name, port }) => ({
      name,
      port,
      url: `http://${host}:${port}/v1`,
      baseUrl: `http://${host}:${port}`,
    }));
    this.controlUrl = `http://${host}:${this.#controlServer!.port}`;
  }

  async setMode(name: string, mode: SimMode, latencyMs?: number, tuning?: SimModeTuning): Promise<void> {
    await this.#applyModeChange({ endpoint: name, mode, latencyMs, ...tuning });
  }

  async #applyModeChange(input: ModeChangeInput, spare?: Socket): Promise<Record<string, unknown>> {
    if (this.#closing) throw new Error('the simulator is closed');
    const { endpoint: name, mode } = input;
    const endpoint = typeof name === 'string' ? this.#byName.get(name) : undefined;
    if (!endpoint) {
      const known = [...this.#byName.keys()].join(', ');
      throw new SimInputError(`unknown endpoint ${JSON.stringify(name)} (known: ${known})`);
    }
    if (!isSimMode(mode)) throw new SimInputError(unknownMode(mode));
    const latencyMs = checkNumber(input.latencyMs, 'latencyMs', 0, Number.MAX_SAFE_INTEGER);
    const failRate = checkNumber(input.failRate, 'failRate', 0, 1);
    const seed = checkNumber(input.seed, 'seed', -(2 ** 53), 2 ** 53, true);
    await endpoint.switchMode({ mode, latencyMs, tuning: { failRate, seed }, spare });
    return {
      endpoint: endpoint.name,
      mode: endpoint.mode,
      latencyMs: endpoint.latencyMs ?? null,
      failRate: endpoint.failRate,
      seed: endpoint.seed,
    };
  }

  stats(): Record<string, SimEndpointStats> {
    const all: Record<string, SimEndpointStats> = {};
    for (const [name, endpoint] of this.#byName) all[name] = endpoint.snapshot();
    return all;
  }

  resetStats(): void {
    for (const endpoint of this.#byName.values()) endpoint.resetStats();
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([
        ...[...this.#byName.values()].map((endpoint) => endpoint.close()),
        this.#controlServer?.shutdown(),
      ]);
      // libuv frees closed handles at the end of a loop turn; two turns later none of ours is left, so a caller
      // checking for leaked handles right after close() sees none.
      await setImmediate();
      await setImmediate();
    })();
    return this.#closing;
  }
}
