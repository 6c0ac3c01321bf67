/**
 * `keel sim`: the fleet simulator as a process, for failure drills and for pointing a real keel at. Prints one
 * JSON line per endpoint and one for the control server (machine-readable: scripts read the ports from them),
 * then serves until SIGINT/SIGTERM and closes cleanly.
 */
import { untilAborted } from '../base/clock.ts';
import { ENDPOINT_ID_PATTERN } from '../config/schema.ts';
import {
  HOSTED_LISTINGS,
  SIM_FLAVORS,
  SIM_MODES,
  echoResponder,
  isHostedListing,
  isSimFlavor,
  isSimMode,
  startSimulator,
  type SimEndpointSpec,
  type SimResponder,
  type SimulatorOptions,
} from '../sim/fleet-simulator.ts';
import { realisticResponder } from '../sim/realistic-model.ts';
import { scriptedResponder } from '../sim/scripted-model.ts';
import { UsageError, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';

const USAGE = `usage: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] … [options]

  --endpoint NAME=PORT[:MODE[:LATENCY_MS]]  a simulated server; PORT 0 picks a free port (repeatable)
  --flavor NAME=FLAVOR                      ${SIM_FLAVORS.join('|')} (default vllm)
  --models NAME=m1,m2                       models served besides "sim-model"
  --context-window NAME=TOKENS              served context window; longer requests get context_length_exceeded
  --fail-rate NAME=RATE                     share of failed requests in mode flaky (default 0.5)
  --seed NAME=N                             seed of the flaky failures (default 1)
  --slots NAME=N                            requests the server runs at once, the rest queue (default:
                                            ollama 1, llamacpp and lmstudio 4, others no queue)
  --output-cap NAME=TOKENS                  the model's output cap (openai: a larger limit is refused)
  --loaded NAME=m1,m2                       models loaded at start (default all); others load on first use
  --load-ms NAME=MS                         how long loading a model takes (default 0)
  --listing NAME=LISTING                    ${HOSTED_LISTINGS.join('|')}: whose /v1/models an openai-flavored
                                            endpoint gives (the gateways name the window each their own way)
  --proxy-max-body NAME=BYTES               a reverse proxy in front refuses larger chat bodies with nginx's 413
  --control-port N                          port of the control server (default: pick)
  --host HOST                               interface to listen on (default 127.0.0.1)
  --responder scripted|realistic|echo       what the models answer: scripted plays keel's planner, coder and
                                            reviewer (default); realistic answers the same the way small local
                                            models do (prose, thinking, odd paths, cut answers …); echo names
                                            the endpoint and repeats the prompt

modes: ${SIM_MODES.join(', ')}
control: POST /__sim/mode {"endpoint":"a","mode":"hang"}, GET /__sim/stats, POST /__sim/reset
`;

const OPTIONS = {
  endpoint: { type: 'string', multiple: true },
  flavor: { type: 'string', multiple: true },
  models: { type: 'string', multiple: true },
  'context-window': { type: 'string', multiple: true },
  'fail-rate': { type: 'string', multiple: true },
  seed: { type: 'string', multiple: true },
  slots: { type: 'string', multiple: true },
  'output-cap': { type: 'string', multiple: true },
  loaded: { type: 'string', multiple: true },
  'load-ms': { type: 'string', multiple: true },
  listing: { type: 'string', multiple: true },
  'proxy-max-body': { type: 'string', multiple: true },
  'control-port': { type: 'string' },
  host: { type: 'string' },
  responder: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `scripted` is the default: a real keel pointed at `keel sim` gets plans, code and reviews it can use. */
export const SIM_RESPONDERS: ReadonlyMap<string, SimResponder> = new Map([
  ['scripted', scriptedResponder],
  ['realistic', realisticResponder],
  ['echo', echoResponder],
]);

function integer(text: string, what: string, min: number, max: number): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new UsageError(`${what}: expected an integer from ${min} to ${max}`);
  return value;
}

function parseEndpoint(text: string): SimEndpointSpec {
  const what = `--endpoint ${text}`;
  const eq = text.indexOf('=');
  const name = text.slice(0, eq);
  const parts = text.slice(eq + 1).split(':');
  if (eq <= 0 || parts.length > 3) throw new UsageError(`${what}: expected NAME=PORT[:MODE[:LATENCY_MS]]`);
  if (!ENDPOINT_ID_PATTERN.test(name))
    throw new UsageError(`${what}: "${name}" is not a valid endpoint name`);
  const [port, mode, latency] = parts;
  const spec: SimEndpointSpec = { name, port: integer(port ?? '', `${what}: port`, 0, 65_535) };
  if (mode !== undefined) {
    if (!isSimMode(mode))
      throw new UsageError(`${what}: unknown mode "${mode}" (expected ${SIM_MODES.join(', ')})`);
    spec.mode = mode;
  }
  if (latency !== undefined) spec.latencyMs = integer(latency, `${what}: latency`, 0, 86_400_000);
  return spec;
}

/** Applies one `--option NAME=VALUE` to the endpoint it names. */
function forEndpoint(
  byName: Map<string, SimEndpointSpec>,
  option: string,
  text: string,
  apply: (spec: SimEndpointSpec, value: string, what: string) => void,
): void {
  const what = `--${option} ${text}`;
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`${what}: expected NAME=VALUE`);
  const spec = byName.get(text.slice(0, eq));
  if (!spec) throw new UsageError(`${what}: no --endpoint named "${text.slice(0, eq)}"`);
  apply(spec, text.slice(eq + 1), what);
}

export function parseSimArgs(argv: string[]): SimulatorOptions | 'help' {
  const { values } = parseCommandArgs({
    args: argv,
    options: OPTIONS,
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const endpoints = (values.endpoint ?? []).map(parseEndpoint);
  if (endpoints.length === 0) throw new UsageError('at least one --endpoint NAME=PORT is required');
  const byName = new Map<string, SimEndpointSpec>();
  for (const spec of endpoints) {
    if (byName.has(spec.name)) throw new UsageError(`--endpoint ${spec.name}: named twice`);
    byName.set(spec.name, spec);
  }
  for (const text of values.flavor ?? []) {
    forEndpoint(byName, 'flavor', text, (spec, value, what) => {
      if (!isSimFlavor(value))
        throw new UsageError(`${what}: unknown flavor (expected ${SIM_FLAVORS.join(', ')})`);
      spec.flavor = value;
    });
  }
  for (const text of values.models ?? []) {
    forEndpoint(byName, 'models', text, (spec, value, what) => {
      const named = value.split(',').filter((model) => model !== '');
      if (named.length === 0) throw new UsageError(`${what}: expected NAME=model1,model2`);
      spec.models = [...new Set([...(spec.models ?? ['sim-model']), ...named])];
    });
  }
  for (const text of values['context-window'] ?? []) {
    forEndpoint(byName, 'context-window', text, (spec, value, what) => {
      spec.contextWindow = integer(value, what, 1, 100_000_000);
    });
  }
  for (const text of values['fail-rate'] ?? []) {
    forEndpoint(byName, 'fail-rate', text, (spec, value, what) => {
      const rate = value.trim() === '' ? NaN : Number(value);
      if (!(rate >= 0 && rate <= 1)) throw new UsageError(`${what}: expected a number from 0 to 1`);
      spec.failRate = rate;
    });
  }
  for (const text of values.seed ?? []) {
    forEndpoint(byName, 'seed', text, (spec, value, what) => {
      spec.seed = integer(value, what, -(2 ** 31), 2 ** 32);
    });
  }
  for (const text of values.slots ?? []) {
    forEndpoint(byName, 'slots', text, (spec, value, what) => {
      spec.slots = integer(value, what, 1, 1024);
    });
  }
  for (const text of values['output-cap'] ?? []) {
    forEndpoint(byName, 'output-cap', text, (spec, value, what) => {
      spec.outputCap = integer(value, what, 1, 100_000_000);
    });
  }
  for (const text of values.loaded ?? []) {
    forEndpoint(byName, 'loaded', text, (spec, value) => {
      spec.loadedModels = value.split(',').filter((model) => model !== '');
    });
  }
  for (const text of values['load-ms'] ?? []) {
    forEndpoint(byName, 'load-ms', text, (spec, value, what) => {
      spec.loadMs = integer(value, what, 0, 86_400_000);
    });
  }
  for (const text of values.listing ?? []) {
    forEndpoint(byName, 'listing', text, (spec, value, what) => {
      if (!isHostedListing(value)) {
        throw new UsageError(`${what}: unknown listing (expected ${HOSTED_LISTINGS.join(', ')})`);
      }
      spec.listing = value;
    });
  }
  for (const text of values['proxy-max-body'] ?? []) {
    forEndpoint(byName, 'proxy-max-body', text, (spec, value, what) => {
      spec.proxyMaxBodyBytes = integer(value, what, 1, 2 ** 31);
    });
  }
  const options: SimulatorOptions = { endpoints };
  if (values['control-port'] !== undefined) {
    options.controlPort = integer(values['control-port'], '--control-port', 0, 65_535);
  }
  if (values.host !== undefined) options.host = values.host;
  const responder = SIM_RESPONDERS.get(values.responder ?? 'scripted');
  if (!responder) {
    const known = [...SIM_RESPONDERS.keys()].join(', ');
    throw new UsageError(`--responder ${values.responder}: unknown responder (expected ${known})`);
  }
  options.responder = responder;
  return options;
}

export const simCommand: Command = async (argv, io) => {
  const options = parseSimArgs(argv);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  let sim;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    // A port in use is the user's situation to fix, not a crash: say so without a stack.
    io.stderr(`keel sim: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    options.endpoints.forEach((spec, index) => {
      const { url, port } = sim.endpoints[index]!;
      const line = { endpoint: spec.name, url, port, mode: spec.mode ?? 'ok', flavor: spec.flavor ?? 'vllm' };
      io.stdout(`${JSON.stringify(line)}\n`);
    });
    io.stdout(`${JSON.stringify({ control: sim.controlUrl })}\n`);
    io.stderr('keel sim: serving; stop with Ctrl-C\n');
    await untilAborted(io.signal);
  } finally {
    await sim.close();
  }
  return 0;
};
