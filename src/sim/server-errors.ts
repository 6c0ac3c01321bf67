/**
 * Error bodies as each server writes them, byte for byte where the upstream source fixes the order of keys.
 * Each names the version it models; the research behind them is summarised in the README's router section.
 */
import type { SimFlavor } from './modes.ts';

/** OpenAI and OpenAI-shaped servers: all four keys, nulls explicit. */
export function openAiError(
  message: string,
  type: string,
  param: string | null,
  code: string | null,
): string {
  return JSON.stringify({ error: { message, type, param, code } });
}

/**
 * vLLM's envelope since the V1 API server (vllm/entrypoints/utils.py `create_error_response`, commit 00fc880):
 * `type` is the exception's name, `code` the HTTP status; ≤0.10 wrote a flat `{"object":"error",…}`.
 */
export function vllmError(message: string, type: string, param: string | null, status: number): string {
  return JSON.stringify({ error: { message, type, param, code: status } });
}

/**
 * llama.cpp's `format_error_response` (tools/server/server-common.cpp at 00dd081): keys `code, message,
 * type`, then any extra fields (the overflow error adds `n_prompt_tokens`, `n_ctx`).
 */
export function llamaCppError(
  status: number,
  message: string,
  type: string,
  extra: Record<string, number> = {},
): string {
  return JSON.stringify({ error: { code: status, message, type, ...extra } });
}

/**
 * Ollama's `/v1` errors (openai/openai.go `NewError`, ollama fb30760): the type follows the status only
 * (400 invalid_request_error, 404 not_found_error, else api_error); `param` and `code` are always null.
 */
export function ollamaError(status: number, message: string): string {
  const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error';
  return JSON.stringify({ error: { message, type, param: null, code: null } });
}

/** LM Studio's OpenAI-compatible server often answers with a plain string (0.3–0.4, bug-tracker #169, #189). */
export function lmStudioStringError(message: string): string {
  return JSON.stringify({ error: message });
}

/**
 * llama.cpp while loading its model, on every route before routing (tools/server/server-http.cpp
 * `middleware_server_state`, at 00dd081): keys `message, type, code` — unlike `format_error_response` — and
 * no Retry-After.
 */
export const LOADING_BODY = JSON.stringify({
  error: { message: 'Loading model', type: 'unavailable_error', code: 503 },
});

/** OpenAI's 429 for an account out of credit (2023–2026 reports: NextChat #3664, continue #11900). */
export const QUOTA_BODY = openAiError(
  'You exceeded your current quota, please check your plan and billing details. For more information on this ' +
    'error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
  'insufficient_quota',
  null,
  'insufficient_quota',
);

/**
 * Ollama's scheduler queue full (`OLLAMA_MAX_QUEUE`, 512): `ErrMaxQueue` in server/sched.go (two spaces
 * after "again."), rendered on `/v1` by the middleware as an api_error (ollama fb30760).
 */
export const BUSY_BODY = ollamaError(
  503,
  'server busy, please try again.  maximum pending requests exceeded',
);

/** The 404 of an unknown model, per flavor; undefined where the server serves any name. */
export function modelNotFound(
  flavor: SimFlavor,
  model: string,
): { status: number; body: string } | undefined {
  switch (flavor) {
    case 'openai':
      return {
        status: 404,
        body: openAiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          null,
          'model_not_found',
        ),
      };
    case 'vllm':
      return {
        status: 404,
        body: vllmError(`The model \`${model}\` does not exist.`, 'NotFoundError', 'model', 404),
      };
    case 'llamacpp':
      // One model, whatever name the request carries (tools/server: single-model mode reads no `model`).
      return undefined;
    case 'llamacpp-router':
      // server-models.cpp `router_validate_model`: 400, not 404.
      return { status: 400, body: llamaCppError(400, `model '${model}' not found`, 'invalid_request_error') };
    case 'lmstudio':
      // gitbutler #8706 (LM Studio, 2025-05).
      return {
        status: 404,
        body: openAiError(
          `Model "${model}" not found. Please specify a valid model.`,
          'invalid_request_error',
          'model',
          'model_not_found',
        ),
      };
    case 'ollama':
      return { status: 404, body: ollamaError(404, `model "${model}" not found, try pulling it first`) };
  }
}
