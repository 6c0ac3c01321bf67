/**
 * The discovery routes each kind of server really has, in its own shape, so that keel's context-window discovery
 * can be tested against every one. An endpoint answers only its own flavor's routes (plus `/v1/models`, which all
 * of them have); the rest are 404, as on the real thing.
 *
 * Two numbers describe a model's context, as on real servers:
 * - the model's maximum (what it was trained for): `MODEL_MAX_CONTEXT`, or the configured window if larger;
 * - the served window (what the server was started with): the configured `contextWindow`, else the maximum.
 * Each flavor reports the served window where the real server does (vLLM `max_model_len`, llama.cpp `n_ctx`,
 * LM Studio `loaded_context_length`, Ollama `num_ctx`) and the maximum where it does (`n_ctx_train`,
 * `max_context_length`, `<arch>.context_length`). Ollama lists `num_ctx` in `parameters` only when a window is
 * configured (a Modelfile's `PARAMETER num_ctx`): a model run with its defaults has no such line, and discovery
 * then assumes the server default (4096) capped by `llama.context_length`.
 */
import type { SimFlavor } from './modes.ts';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics-route.ts';

export const MODEL_MAX_CONTEXT = 32_768;
/** A fixed creation time keeps every probe answer byte-for-byte reproducible. */
const CREATED = 1_700_000_000;
const MODIFIED_AT = '2024-01-01T00:00:00Z';

export type ProbeRoute =
  | 'v1_models'
  | 'llamacpp_props'
  | 'llamacpp_health'
  | 'lmstudio_models'
  | 'ollama_tags'
  | 'ollama_show'
  /** Prometheus text from the live in-flight count (`metrics-route.ts`), served by the endpoint itself. */
  | 'metrics';

const FLAVOR_ROUTES: Record<SimFlavor, ReadonlyMap<string, ProbeRoute>> = {
  openai: new Map([['GET /v1/models', 'v1_models']]),
  vllm: new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /metrics', 'metrics'],
  ]),
  llamacpp: new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /props', 'llamacpp_props'],
    ['GET /health', 'llamacpp_health'],
    ['GET /metrics', 'metrics'],
  ]),
  lmstudio: new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /api/v0/models', 'lmstudio_models'],
  ]),
  ollama: new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /api/tags', 'ollama_tags'],
    ['POST /api/show', 'ollama_show'],
  ]),
};

export function matchProbeRoute(flavor: SimFlavor, method: string, path: string): ProbeRoute | undefined {
  return FLAVOR_ROUTES[flavor].get(`${method} ${path}`);
}

/** Routes that read a request body before answering. */
export function probeNeedsBody(route: ProbeRoute): boolean {
  return route === 'ollama_show';
}

export interface ProbeSubject {
  readonly flavor: SimFlavor;
  readonly modelList: readonly string[];
  readonly contextWindow: number | undefined;
  /** Requests in flight now and chat requests served so far (for `/metrics`). */
  readonly load?: () => { inflight: number; served: number };
}

export interface ProbeAnswer {
  status: number;
  body: string;
  /** When not JSON. */
  contentType?: string;
}

function modelMaximum(subject: ProbeSubject): number {
  return Math.max(MODEL_MAX_CONTEXT, subject.contextWindow ?? 0);
}

function servedWindow(subject: ProbeSubject): number {
  return subject.contextWindow ?? modelMaximum(subject);
}

const OWNED_BY: Record<SimFlavor, string> = {
  openai: 'system',
  vllm: 'vllm',
  llamacpp: 'llamacpp',
  lmstudio: 'organization_owner',
  ollama: 'library',
};

function openAiModels(subject: ProbeSubject): unknown {
  const data = subject.modelList.map((id) => {
    const base = { id, object: 'model', created: CREATED, owned_by: OWNED_BY[subject.flavor] };
    if (subject.flavor === 'vllm')
      return { ...base, root: id, parent: null, max_model_len: servedWindow(subject) };
    if (subject.flavor === 'llamacpp') return { ...base, meta: { n_ctx_train: modelMaximum(subject) } };
    return base;
  });
  return { object: 'list', data };
}

const OLLAMA_DETAILS = {
  parent_model: '',
  format: 'gguf',
  family: 'llama',
  families: ['llama'],
  parameter_size: '7B',
  quantization_level: 'Q4_K_M',
};

/** Ollama resolves a name without a tag to `:latest`. */
function findOllamaModel(subject: ProbeSubject, name: string): string | undefined {
  return subject.modelList.find((model) => model === name || model === `${name}:latest`);
}

/** Ollama pads parameter names into a column; a parser that splits on one space would fail on the real thing. */
function ollamaParameters(subject: ProbeSubject): string {
  const lines: [string, string][] = [];
  // A configured window stands for a Modelfile's `PARAMETER num_ctx`, which real Ollama lists here.
  if (subject.contextWindow !== undefined) {
    lines.push(['num_ctx', String(subject.contextWindow)]);
  }
  lines.push(['stop', '"<|eot_id|>"']);
  return lines.map(([key, value]) => `${key.padEnd(30)} ${value}`).join('\n');
}

function ollamaShow(subject: ProbeSubject, rawBody: string): ProbeAnswer {
  let request: { model?: unknown; name?: unknown } = {};
  try {
    request = JSON.parse(rawBody) as typeof request;
  } catch {
    return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
  }
  const name = request?.model ?? request?.name;
  if (typeof name !== 'string' || name === '') {
    return { status: 400, body: JSON.stringify({ error: 'model is required' }) };
  }
  const model = findOllamaModel(subject, name);
  if (model === undefined)
    return { status: 404, body: JSON.stringify({ error: `model '${name}' not found` }) };
  const show = {
    license: '',
    modelfile: `FROM ${model}\n`,
    parameters: ollamaParameters(subject),
    template: '{{ .Prompt }}',
    details: OLLAMA_DETAILS,
    model_info: {
      'general.architecture': 'llama',
      'general.parameter_count': 7_000_000_000,
      'llama.context_length': modelMaximum(subject),
    },
    capabilities: ['completion'],
    modified_at: MODIFIED_AT,
  };
  return { status: 200, body: JSON.stringify(show) };
}

export function answerProbe(route: ProbeRoute, subject: ProbeSubject, rawBody = ''): ProbeAnswer {
  const ok = (value: unknown): ProbeAnswer => ({ status: 200, body: JSON.stringify(value) });
  const firstModel = subject.modelList[0] ?? 'sim-model';
  switch (route) {
    case 'v1_models':
      return ok(openAiModels(subject));
    case 'llamacpp_props':
      // llama.cpp serves one model: the first listed.
      return ok({
        default_generation_settings: { n_ctx: servedWindow(subject), model: firstModel },
        total_slots: 1,
        model_path: `/models/${firstModel}.gguf`,
      });
    case 'llamacpp_health':
      return ok({ status: 'ok' });
    case 'lmstudio_models':
      return ok({
        object: 'list',
        data: subject.modelList.map((id) => ({
          id,
          object: 'model',
          type: 'llm',
          publisher: 'sim',
          arch: 'llama',
          compatibility_type: 'gguf',
          quantization: 'Q4_K_M',
          state: 'loaded',
          max_context_length: modelMaximum(subject),
          loaded_context_length: servedWindow(subject),
        })),
      });
    case 'ollama_tags':
      return ok({
        models: subject.modelList.map((name) => ({
          name,
          model: name,
          modified_at: MODIFIED_AT,
          size: 4_683_087_332,
          details: OLLAMA_DETAILS,
        })),
      });
    case 'ollama_show':
      return ollamaShow(subject, rawBody);
    case 'metrics': {
      const load = subject.load?.() ?? { inflight: 0, served: 0 };
      const body = renderMetrics({ flavor: subject.flavor, model: firstModel, ...load });
      return { status: 200, body, contentType: METRICS_CONTENT_TYPE };
    }
  }
}
