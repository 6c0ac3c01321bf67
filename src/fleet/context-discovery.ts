/**
 * Context-window discovery: asks each kind of server, in its own dialect, how many tokens a model really
 * gets. The OpenAI `/v1/models` listing says nothing about it, and a window guessed too large makes the
 * server reject (or silently truncate) prompts, while one guessed too small wastes the model.
 *
 * Every answer is untrusted: shapes are checked with zod, entries that do not fit are dropped one by one
 * (never the whole answer), and windows outside (0, 10,000,000] are ignored.
 */
import { z } from 'zod';
import type { JsonResult } from './probe-http.ts';

export type DetectedFlavor = 'openai' | 'vllm' | 'llamacpp' | 'lmstudio' | 'ollama';

/** Upper bound on the models one server may list; a longer list is cut, not rejected. */
export const MAX_MODELS_PER_ENDPOINT = 500;
const windowSchema = z.number().int().positive().max(10_000_000);
/** A model name as a server reports it. `__proto__` is refused: names become keys of plain objects. */
export const modelIdSchema = z
  .string()
  .min(1)
  .max(512)
  .refine((id) => id !== '__proto__', 'reserved name');

/** A window value if it is a sane token count, else undefined. */
export function saneWindow(value: unknown): number | undefined {
  const parsed = windowSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface Discovery {
  flavor: DetectedFlavor;
  models: string[];
  contextWindows: Record<string, number>;
  /** llama.cpp serves one model whatever name a request carries: its window applies to any model name. */
  serverWindow?: number;
  /** Requests the server runs at once (llama.cpp `total_slots`, LM Studio `parallel`). */
  serverSlots?: number;
  /** Models loaded now (Ollama `/api/ps`, LM Studio `loaded_instances`, llama.cpp router `status`). */
  loadedModels?: string[];
  /** Output caps per model, from a hosted listing. */
  outputCaps?: Record<string, number>;
  /** What `keel probe` should say about how windows were found (a conservative cap, router mode). */
  notes?: string[];
}

/** What one flavor's attempt found: a discovery, "not this flavor", or a transport failure. */
export type FlavorAttempt =
  { kind: 'found'; discovery: Discovery } | { kind: 'absent' } | { kind: 'failed'; error: string };

// ---- OpenAI-style listing (`GET {url}/models`): every flavor has it; some put the window in it. ----

const listingEntrySchema = z.object({
  id: modelIdSchema,
  // vLLM (vllm/entrypoints/openai/protocol.py `ModelCard`).
  max_model_len: z.unknown().optional(),
  // llama.cpp's per-slot window (tools/server `get_model_info`; router mode: running models only).
  meta: z.object({ n_ctx: z.unknown().optional() }).loose().nullable().optional(),
  // Hosted gateways name the window differently: OpenRouter `context_length` (and `top_provider`), Groq
  // `context_window`, Mistral `max_context_length`; the output caps: Groq `max_completion_tokens`,
  // OpenRouter `top_provider.max_completion_tokens` (nullable).
  context_length: z.unknown().optional(),
  context_window: z.unknown().optional(),
  max_context_length: z.unknown().optional(),
  max_completion_tokens: z.unknown().optional(),
  top_provider: z
    .object({ context_length: z.unknown().optional(), max_completion_tokens: z.unknown().optional() })
    .loose()
    .nullable()
    .optional(),
});
const listingSchema = z.object({ data: z.array(z.unknown()).nullable() });

export interface ModelListing {
  models: string[];
  /** From vLLM's `max_model_len`. */
  vllmWindows: Record<string, number>;
  /** From llama.cpp's `meta.n_ctx`. */
  llamaWindows: Record<string, number>;
  /** From a gateway's `context_length`, `context_window` or `max_context_length`. */
  gatewayWindows: Record<string, number>;
  /** Output caps a gateway lists. */
  outputCaps: Record<string, number>;
}

/** Parses an OpenAI `/models` answer; undefined when it is not a list (so not a healthy answer either). */
export function parseModelListing(body: unknown): ModelListing | undefined {
  const parsed = listingSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const listing: ModelListing = {
    models: [],
    vllmWindows: {},
    llamaWindows: {},
    gatewayWindows: {},
    outputCaps: {},
  };
  for (const raw of (parsed.data.data ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const entry = listingEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    const { id, top_provider: top } = entry.data;
    if (listing.models.includes(id)) continue;
    listing.models.push(id);
    const vllm = saneWindow(entry.data.max_model_len);
    if (vllm !== undefined) listing.vllmWindows[id] = vllm;
    const llama = saneWindow(entry.data.meta?.n_ctx);
    if (llama !== undefined) listing.llamaWindows[id] = llama;
    const gateway =
      saneWindow(entry.data.context_length) ??
      saneWindow(entry.data.context_window) ??
      saneWindow(entry.data.max_context_length) ??
      saneWindow(top?.context_length);
    if (gateway !== undefined) listing.gatewayWindows[id] = gateway;
    const cap = saneWindow(entry.data.max_completion_tokens) ?? saneWindow(top?.max_completion_tokens);
    if (cap !== undefined) listing.outputCaps[id] = cap;
  }
  return listing;
}

/**
 * Ollama and LM Studio run a model whose context length nobody set with a default of their own, not with
 * the length it was trained for, and Ollama then cuts long prompts *silently*. Where nothing reports the
 * window actually allocated, keel assumes the smallest default (4096: LM Studio's, and Ollama's below
 * 23 GiB of VRAM — it picks 4k/32k/256k by VRAM since v0.15.5, server/routes.go) and says so in
 * `keel probe`. An overestimate there is worse than an underestimate; `contextWindow` in the config wins.
 */
export const SERVER_DEFAULT_CONTEXT = 4096;

export function capAtServerDefault(window: number | undefined): number | undefined {
  return window === undefined ? undefined : Math.min(window, SERVER_DEFAULT_CONTEXT);
}

/** The note `keel probe` prints for models whose window is that assumption. */
export function conservativeNote(models: readonly string[], where: string): string | undefined {
  if (models.length === 0) return undefined;
  const shown = models.slice(0, 5).join(', ') + (models.length > 5 ? ` and ${models.length - 5} more` : '');
  return (
    `${shown}: ${where} reports no allocated window; assuming at most ${SERVER_DEFAULT_CONTEXT} tokens ` +
    '(set contextWindow if the server gives more)'
  );
}

/** A status answer (404, 405, 501 …) means "not this flavor"; no answer at all is a real failure. */
export function notThisFlavorOr(answer: Extract<JsonResult, { ok: false }>): FlavorAttempt {
  return answer.status === undefined ? { kind: 'failed', error: answer.error } : { kind: 'absent' };
}
