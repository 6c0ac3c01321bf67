/**
 * Ollama's and LM Studio's native listing routes.
 *
 * Ollama (ollama/ollama, read at fb30760, 2026-08): `/api/tags`; `/api/show` (`parameters` lines padded to
 * 30 columns, values Go-quoted, `num_ctx` only when the Modelfile sets it — a configured window stands for
 * that — and `model_info["<arch>.context_length"]`, the trained maximum); `/api/ps` (server/routes.go
 * `PsHandler`, since v0.10.0): the loaded models with `context_length`, the window actually allocated.
 *
 * LM Studio (lmstudio-ai/docs at c6854fb): `/api/v1/models` (LM Studio ≥ 0.4.0, docs
 * `1_developer/2_rest/list.md`: `models[].key`, `max_context_length`, `loaded_instances[].config`
 * `{context_length, parallel}`) and the older `/api/v0/models` (`data[].state`, `loaded_context_length`).
 */
import {
  CREATED,
  jsonBody,
  modelMaximum,
  ok,
  servedWindow,
  type ProbeAnswer,
  type ProbeRoute,
  type ProbeSubject,
} from './probe-common.ts';

const MODIFIED_AT = '2024-01-01T00:00:00Z';

export const OLLAMA_ROUTES: ReadonlyMap<string, ProbeRoute> = new Map([
  ['GET /v1/models', 'v1_models'],
  ['GET /api/tags', 'ollama_tags'],
  ['POST /api/show', 'ollama_show'],
  ['GET /api/ps', 'ollama_ps'],
] satisfies [string, ProbeRoute][]);

export const LMSTUDIO_ROUTES: ReadonlyMap<string, ProbeRoute> = new Map([
  ['GET /v1/models', 'v1_models'],
  ['GET /api/v0/models', 'lmstudio_models'],
  ['GET /api/v1/models', 'lmstudio_v1_models'],
] satisfies [string, ProbeRoute][]);

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

/** `fmt.Sprintf("%-*s %#v", 30, k, v)`: a parser that splits on one space would fail on the real thing. */
function ollamaParameters(subject: ProbeSubject): string {
  const lines: [string, string][] = [];
  // A configured window stands for a Modelfile's `PARAMETER num_ctx`, which real Ollama lists here.
  if (subject.contextWindow !== undefined) lines.push(['num_ctx', String(subject.contextWindow)]);
  lines.push(['stop', '"<|eot_id|>"']);
  return lines.map(([key, value]) => `${key.padEnd(30)} ${value}`).join('\n');
}

function ollamaShow(subject: ProbeSubject, rawBody: string): ProbeAnswer {
  const request = jsonBody(rawBody);
  if (request === undefined) return { status: 400, body: JSON.stringify({ error: 'invalid JSON body' }) };
  const name = request.model ?? request.name;
  if (typeof name !== 'string' || name === '') {
    return { status: 400, body: JSON.stringify({ error: 'model is required' }) };
  }
  const model = findOllamaModel(subject, name);
  if (model === undefined) {
    return {
      status: 404,
      body: JSON.stringify({ error: `model "${name}" not found, try pulling it first` }),
    };
  }
  return ok({
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
  });
}

export function ollamaProbe(route: ProbeRoute, subject: ProbeSubject, rawBody: string): ProbeAnswer {
  switch (route) {
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
    default:
      return ok({
        models: subject.modelList
          .filter((name) => subject.isLoaded(name))
          .map((name) => ({
            name,
            model: name,
            size: 6_000_000_000,
            digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
            details: OLLAMA_DETAILS,
            expires_at: '2099-01-01T00:00:00Z',
            size_vram: 6_000_000_000,
            // Per parallel slot: what limits one request.
            context_length: servedWindow(subject),
          })),
      });
  }
}

export function lmStudioProbe(route: ProbeRoute, subject: ProbeSubject): ProbeAnswer {
  if (route === 'lmstudio_v1_models') {
    return ok({
      models: subject.modelList.map((key) => ({
        type: 'llm',
        publisher: 'sim',
        key,
        display_name: key,
        architecture: 'llama',
        quantization: { name: 'Q4_K_M', bits_per_weight: 4.8 },
        size_bytes: 4_683_087_332,
        params_string: '7B',
        loaded_instances: subject.isLoaded(key)
          ? [
              {
                id: key,
                config: { context_length: servedWindow(subject), parallel: subject.serverSlots ?? 4 },
              },
            ]
          : [],
        max_context_length: modelMaximum(subject),
        format: 'gguf',
        capabilities: { vision: false, trained_for_tool_use: true },
        description: null,
      })),
    });
  }
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
      state: subject.isLoaded(id) ? 'loaded' : 'not-loaded',
      max_context_length: modelMaximum(subject),
      ...(subject.isLoaded(id) ? { loaded_context_length: servedWindow(subject) } : {}),
      created: CREATED,
    })),
  });
}
