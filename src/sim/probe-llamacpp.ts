/**
 * llama.cpp server's routes besides chat (ggml-org/llama.cpp tools/server, read at 00dd081; JSON keys in
 * insertion order, nlohmann::ordered_json):
 * - single model: `/props` (per-slot `n_ctx`, `total_slots`), `/v1/models` (an Ollama-style `models` list
 *   and the OpenAI `data` list with `meta.n_ctx`), `/health`, `/slots` (on by default, `--no-slots`),
 *   `/tokenize` (no chat template), `/apply-template`, `/v1/chat/completions/input_tokens` (the template
 *   applied, as the context check counts);
 * - router mode (`llamacpp-router`, server-models.cpp): `/props` says `role: "router"`, `n_ctx` 0;
 *   `/props?model=ID` is the child's own props, 400 "model is not loaded" when it is not running and
 *   `autoload` is off (only `true|1` turn it on; absent means the server default, on); `/v1/models` lists
 *   every model with its `status`, and `meta` only for running ones.
 */
import { promptTokensOf } from './flavor-rules.ts';
import { tokensForChars } from './openai-responses.ts';
import {
  CREATED,
  jsonBody,
  messagesOf,
  modelMaximum,
  ok,
  servedWindow,
  tokenIds,
  type ProbeAnswer,
  type ProbeRoute,
  type ProbeSubject,
} from './probe-common.ts';
import { llamaCppError } from './server-errors.ts';

export const LLAMACPP_ROUTES: ReadonlyMap<string, ProbeRoute> = new Map([
  ['GET /v1/models', 'v1_models'],
  ['GET /models', 'v1_models'],
  ['GET /props', 'llamacpp_props'],
  ['GET /health', 'llamacpp_health'],
  ['GET /v1/health', 'llamacpp_health'],
  ['GET /slots', 'llamacpp_slots'],
  ['POST /tokenize', 'llamacpp_tokenize'],
  ['POST /apply-template', 'llamacpp_apply_template'],
  ['POST /v1/chat/completions/input_tokens', 'llamacpp_input_tokens'],
  ['POST /chat/completions/input_tokens', 'llamacpp_input_tokens'],
  ['GET /metrics', 'metrics'],
] satisfies [string, ProbeRoute][]);

function badRequest(message: string): ProbeAnswer {
  return { status: 400, body: llamaCppError(400, message, 'invalid_request_error') };
}

/** `get_model_info`: the per-slot window and the training length. */
function meta(subject: ProbeSubject): Record<string, number> {
  return {
    vocab_type: 2,
    n_vocab: 152_064,
    n_ctx: servedWindow(subject),
    n_ctx_train: modelMaximum(subject),
    n_embd: 3_584,
    n_params: 7_615_616_512,
    size: 4_677_120_000,
  };
}

/** `get_props` of a single-model server (or of a router's child). */
function props(subject: ProbeSubject, model: string): unknown {
  return {
    default_generation_settings: {
      params: { n_predict: -1, temperature: 0.8 },
      n_ctx: servedWindow(subject),
    },
    total_slots: subject.serverSlots ?? 1,
    model_alias: model,
    model_path: `/models/${model}.gguf`,
    modalities: { vision: false, video: false, audio: false },
    endpoint_slots: true,
    endpoint_props: false,
    endpoint_metrics: false,
    build_info: 'b6000-00dd0816',
    is_sleeping: false,
  };
}

function routerProps(): unknown {
  return {
    role: 'router',
    max_instances: 4,
    models_autoload: true,
    model_alias: 'llama-server',
    model_path: 'none',
    default_generation_settings: { params: {}, n_ctx: 0 },
    build_info: 'b6000-00dd0816',
  };
}

function models(subject: ProbeSubject): unknown {
  if (subject.flavor === 'llamacpp-router') {
    // `get_router_models`: every model with its status; running ones carry the child's `meta`.
    const data = subject.modelList.map((id) => {
      const loaded = subject.isLoaded(id);
      return {
        id,
        aliases: [],
        tags: [],
        object: 'model',
        owned_by: 'llamacpp',
        created: CREATED,
        status: { value: loaded ? 'loaded' : 'unloaded', args: [] },
        ...(loaded ? { meta: meta(subject) } : {}),
      };
    });
    return { data, object: 'list' };
  }
  const model = subject.modelList[0] ?? 'sim-model';
  return {
    models: [
      {
        name: model,
        model,
        modified_at: '',
        size: '',
        digest: '',
        type: 'model',
        capabilities: ['completion'],
      },
    ],
    object: 'list',
    data: subject.modelList.map((id) => ({
      id,
      aliases: [],
      tags: [],
      object: 'model',
      created: CREATED,
      owned_by: 'llamacpp',
      meta: meta(subject),
    })),
  };
}

/** `autoload` as server-models.cpp `is_autoload` reads it: absent → the default (on); only true|1 → on. */
function autoload(query: URLSearchParams): boolean {
  const value = query.get('autoload');
  return value === null || value === '' || value === 'true' || value === '1';
}

function routerModelProps(subject: ProbeSubject, query: URLSearchParams): ProbeAnswer {
  const model = query.get('model');
  if (model === null || model === '') return badRequest('model name is missing from the request');
  if (!subject.modelList.includes(model)) return badRequest(`model '${model}' not found`);
  if (!subject.isLoaded(model)) {
    if (!autoload(query)) return badRequest('model is not loaded');
    subject.markLoaded(model);
  }
  return ok(props(subject, model));
}

function tokenize(raw: string): ProbeAnswer {
  const body = jsonBody(raw) ?? {};
  const content = typeof body.content === 'string' ? body.content : '';
  return ok({ tokens: tokenIds(tokensForChars(content.length)) });
}

export function llamaCppProbe(
  route: ProbeRoute,
  subject: ProbeSubject,
  rawBody: string,
  rawQuery: string,
): ProbeAnswer {
  const query = new URLSearchParams(rawQuery);
  switch (route) {
    case 'v1_models':
      return ok(models(subject));
    case 'llamacpp_props':
      if (subject.flavor === 'llamacpp-router') {
        return query.has('model') ? routerModelProps(subject, query) : ok(routerProps());
      }
      return ok(props(subject, subject.modelList[0] ?? 'sim-model'));
    case 'llamacpp_health':
      return ok({ status: 'ok' });
    case 'llamacpp_slots': {
      const slots = subject.serverSlots ?? 1;
      return ok(
        Array.from({ length: slots }, (_, id) => ({
          id,
          n_ctx: servedWindow(subject),
          speculative: false,
          is_processing: id < subject.busySlots,
        })),
      );
    }
    case 'llamacpp_tokenize':
      return tokenize(rawBody);
    case 'llamacpp_apply_template': {
      const messages = messagesOf(jsonBody(rawBody) ?? {});
      return ok({ prompt: messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') });
    }
    case 'llamacpp_input_tokens': {
      // `handle_count_tokens`: the template applied, as the chat's context check counts the prompt.
      const messages = messagesOf(jsonBody(rawBody) ?? {});
      return ok({ input_tokens: promptTokensOf(messages), object: 'response.input_tokens' });
    }
    default:
      return { status: 404, body: llamaCppError(404, 'File Not Found', 'not_found_error') };
  }
}
