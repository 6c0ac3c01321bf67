/**
 * The discovery and helper routes each kind of server really has, in its own shape, so that keel's
 * discovery, readiness checks and token counts can be tested against every one. An endpoint answers only
 * its own flavor's routes (plus `/v1/models`, which all of them have); the rest are 404, as on the real thing.
 *
 * Two numbers describe a model's context, as on real servers:
 * - the model's maximum (what it was trained for): `MODEL_MAX_CONTEXT`, or the configured window if larger;
 * - the served window (what the server was started with): the configured `contextWindow`, else the maximum.
 * Each flavor reports the served window where the real server does (vLLM `max_model_len`, llama.cpp
 * `n_ctx`, LM Studio a loaded instance's `context_length`, Ollama `/api/ps` `context_length` and a
 * Modelfile's `num_ctx`) and the maximum where it does (`n_ctx_train`, `max_context_length`,
 * `<arch>.context_length`). The bodies of the local servers live in probe-llamacpp.ts and
 * probe-ollama-lmstudio.ts.
 */
import { isLlamaCpp, type SimFlavor } from './modes.ts';
import { promptTokensOf } from './flavor-rules.ts';
import {
  CREATED,
  jsonBody,
  messagesOf,
  ok,
  servedWindow,
  tokenIds,
  type ProbeAnswer,
  type ProbeRoute,
  type ProbeSubject,
} from './probe-common.ts';
import { llamaCppProbe, LLAMACPP_ROUTES } from './probe-llamacpp.ts';
import { LMSTUDIO_ROUTES, OLLAMA_ROUTES, lmStudioProbe, ollamaProbe } from './probe-ollama-lmstudio.ts';
import { tokensForChars } from './openai-responses.ts';
import { hostedListingEntry } from './probe-hosted.ts';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics-route.ts';

export { MODEL_MAX_CONTEXT, type ProbeAnswer, type ProbeRoute, type ProbeSubject } from './probe-common.ts';

const FLAVOR_ROUTES: Record<SimFlavor, ReadonlyMap<string, ProbeRoute>> = {
  openai: new Map([['GET /v1/models', 'v1_models']]),
  // vLLM: /health (200, empty body) and /tokenize live outside /v1 (vllm/entrypoints/serve).
  vllm: new Map([
    ['GET /v1/models', 'v1_models'],
    ['GET /health', 'vllm_health'],
    ['POST /tokenize', 'vllm_tokenize'],
    ['GET /metrics', 'metrics'],
  ]),
  llamacpp: LLAMACPP_ROUTES,
  'llamacpp-router': LLAMACPP_ROUTES,
  lmstudio: LMSTUDIO_ROUTES,
  ollama: OLLAMA_ROUTES,
};

export function matchProbeRoute(flavor: SimFlavor, method: string, path: string): ProbeRoute | undefined {
  return FLAVOR_ROUTES[flavor].get(`${method} ${path}`);
}

/** Routes that read a request body before answering. */
export function probeNeedsBody(route: ProbeRoute): boolean {
  return (
    route === 'ollama_show' ||
    route === 'vllm_tokenize' ||
    route === 'llamacpp_tokenize' ||
    route === 'llamacpp_input_tokens' ||
    route === 'llamacpp_apply_template'
  );
}

const OWNED_BY: Record<SimFlavor, string> = {
  openai: 'system',
  vllm: 'vllm',
  llamacpp: 'llamacpp',
  'llamacpp-router': 'llamacpp',
  lmstudio: 'organization_owner',
  ollama: 'library',
};

function openAiModels(subject: ProbeSubject): unknown {
  if (subject.flavor === 'openai') {
    const listing = subject.listing ?? 'openai';
    const window = servedWindow(subject);
    const data = subject.modelList.map((id) =>
      hostedListingEntry(listing, { id, window, outputCap: subject.outputCap }),
    );
    return listing === 'openrouter' ? { data } : { object: 'list', data };
  }
  const data = subject.modelList.map((id) => {
    const base = { id, object: 'model', created: CREATED, owned_by: OWNED_BY[subject.flavor] };
    if (subject.flavor === 'vllm') {
      return { ...base, root: id, parent: null, max_model_len: servedWindow(subject) };
    }
    return base;
  });
  return { object: 'list', data };
}

/**
 * vLLM `POST /tokenize` (vllm/entrypoints/serve/tokenize/protocol.py, 030ea52): `{prompt}` or
 * `{messages, add_generation_prompt}` (the chat template applied) → `{count, max_model_len, tokens}`.
 */
function vllmTokenize(subject: ProbeSubject, raw: string): ProbeAnswer {
  const body = jsonBody(raw);
  if (body === undefined) return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
  const count =
    typeof body.prompt === 'string' ? tokensForChars(body.prompt.length) : promptTokensOf(messagesOf(body));
  return ok({ count, max_model_len: servedWindow(subject), tokens: tokenIds(count), token_strs: null });
}

export function answerProbe(route: ProbeRoute, subject: ProbeSubject, rawBody = '', query = ''): ProbeAnswer {
  switch (route) {
    case 'v1_models':
      if (isLlamaCpp(subject.flavor)) return llamaCppProbe(route, subject, rawBody, query);
      return ok(openAiModels(subject));
    case 'vllm_health':
      return { status: 200, body: '' };
    case 'vllm_tokenize':
      return vllmTokenize(subject, rawBody);
    case 'llamacpp_props':
    case 'llamacpp_health':
    case 'llamacpp_slots':
    case 'llamacpp_tokenize':
    case 'llamacpp_input_tokens':
    case 'llamacpp_apply_template':
      return llamaCppProbe(route, subject, rawBody, query);
    case 'lmstudio_models':
    case 'lmstudio_v1_models':
      return lmStudioProbe(route, subject);
    case 'ollama_tags':
    case 'ollama_show':
    case 'ollama_ps':
      return ollamaProbe(route, subject, rawBody);
    case 'metrics': {
      const load = subject.load?.() ?? { inflight: 0, waiting: 0, served: 0 };
      const model = subject.modelList[0] ?? 'sim-model';
      const body = renderMetrics({ flavor: subject.flavor, model, ...load });
      return { status: 200, body, contentType: METRICS_CONTENT_TYPE };
    }
  }
}
