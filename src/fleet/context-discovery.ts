/**
 * Context-window discovery: asks each kind of server, in its own dialect, how many tokens a model really
 * gets. The OpenAI `/v1/models` listing says nothing about it, and a window guessed too large makes the
 * server reject (or silently truncate) prompts, while one guessed too small wastes the model.
 *
 * Every answer is untrusted: shapes are checked with zod, entries that do not fit are dropped one by one
 * (never the whole answer), and windows outside (0, 10,000,000] are ignored.
 */
import { z } from 'zod';
import { joinUrl, requestJson, serverRoot, type JsonResult, type ProbeHttpDeps } from './probe-http.ts';

export type DetectedFlavor = 'openai' | 'vllm' | 'llamacpp' | 'lmstudio' | 'ollama';

/** Upper bound on the models one server may list; a longer list is cut, not rejected. */
export const MAX_MODELS_PER_ENDPOINT = 500;
/** Ollama needs one `/api/show` per model: at most this many per scan, this many at a time. */
const MAX_OLLAMA_SHOWS = 64;
const OLLAMA_SHOW_CONCURRENCY = 4;

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
}

/** What one flavor's attempt found: a discovery, "not this flavor", or a transport failure. */
export type FlavorAttempt =
  { kind: 'found'; discovery: Discovery } | { kind: 'absent' } | { kind: 'failed'; error: string };

// ---- OpenAI-style listing (`GET {url}/models`): every flavor has it; vLLM puts `max_model_len` in it. ----

const listingEntrySchema = z.object({
  id: modelIdSchema,
  max_model_len: z.unknown().optional(),
  // OpenRouter and a few other gateways publish the window in the listing under this name.
  context_length: z.unknown().optional(),
});
const listingSchema = z.object({ data: z.array(z.unknown()).nullable() });

export interface ModelListing {
  models: string[];
  /** From vLLM's `max_model_len`. */
  vllmWindows: Record<string, number>;
  /** From a gateway's `context_length`. */
  gatewayWindows: Record<string, number>;
}

/** Parses an OpenAI `/models` answer; undefined when it is not a list (so not a healthy answer either). */
export function parseModelListing(body: unknown): ModelListing | undefined {
  const parsed = listingSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const listing: ModelListing = { models: [], vllmWindows: {}, gatewayWindows: {} };
  for (const raw of (parsed.data.data ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const entry = listingEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    const { id } = entry.data;
    if (listing.models.includes(id)) continue;
    listing.models.push(id);
    const vllm = saneWindow(entry.data.max_model_len);
    if (vllm !== undefined) listing.vllmWindows[id] = vllm;
    const gateway = saneWindow(entry.data.context_length);
    if (gateway !== undefined) listing.gatewayWindows[id] = gateway;
  }
  return listing;
}

// ---- LM Studio: `GET {root}/api/v0/models`. ----

const lmStudioEntrySchema = z.object({
  id: modelIdSchema,
  state: z.string().optional(),
  max_context_length: z.unknown().optional(),
  loaded_context_length: z.unknown().optional(),
});
const lmStudioSchema = z.object({ data: z.array(z.unknown()) });

export async function discoverLmStudio(url: string, http: ProbeHttpDeps): Promise<FlavorAttempt> {
  const answer = await requestJson(joinUrl(serverRoot(url), '/api/v0/models'), http);
  if (!answer.ok) return notThisFlavorOr(answer);
  const parsed = lmStudioSchema.safeParse(answer.body);
  if (!parsed.success) return { kind: 'absent' };
  const discovery: Discovery = { flavor: 'lmstudio', models: [], contextWindows: {} };
  for (const raw of parsed.data.data.slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const entry = lmStudioEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    const { id, state } = entry.data;
    if (!discovery.models.includes(id)) discovery.models.push(id);
    // A loaded model runs with the length it was loaded with, which is usually far below its maximum. One
    // that is not loaded yet will be loaded on demand with LM Studio's default length, not its maximum.
    const loaded = state === 'loaded' ? saneWindow(entry.data.loaded_context_length) : undefined;
    const window = loaded ?? capAtServerDefault(saneWindow(entry.data.max_context_length));
    if (window !== undefined) discovery.contextWindows[id] = window;
  }
  return { kind: 'found', discovery };
}

// ---- llama.cpp server: `GET {root}/props`. ----

const llamaPropsSchema = z.object({
  default_generation_settings: z.object({ n_ctx: z.unknown().optional() }).optional(),
  n_ctx: z.unknown().optional(),
  model_alias: z.string().optional(),
  model_path: z.string().optional(),
});

/**
 * `served` are the names `/models` lists (usually one: the alias or the file path); the window is recorded
 * for each of them and as the server-wide window.
 */
export async function discoverLlamaCpp(
  url: string,
  http: ProbeHttpDeps,
  served: string[],
): Promise<FlavorAttempt> {
  const answer = await requestJson(joinUrl(serverRoot(url), '/props'), http);
  if (!answer.ok) return notThisFlavorOr(answer);
  const parsed = llamaPropsSchema.safeParse(answer.body);
  if (!parsed.success) return { kind: 'absent' };
  const props = parsed.data;
  const window = saneWindow(props.default_generation_settings?.n_ctx) ?? saneWindow(props.n_ctx);
  // LM Studio and others answer unknown paths with 200 and an error object: no n_ctx, not llama.cpp.
  if (window === undefined) return { kind: 'absent' };
  const models = [...served];
  const ownName = props.model_alias ?? props.model_path;
  if (models.length === 0 && ownName && modelIdSchema.safeParse(ownName).success) models.push(ownName);
  const contextWindows = Object.fromEntries(models.map((model) => [model, window]));
  return { kind: 'found', discovery: { flavor: 'llamacpp', models, contextWindows, serverWindow: window } };
}

// ---- Ollama: `GET {root}/api/tags`, then `POST {root}/api/show { model }` per model. ----

const ollamaTagsSchema = z.object({ models: z.array(z.unknown()).nullable() });
const ollamaTagSchema = z.object({ name: modelIdSchema.optional(), model: modelIdSchema.optional() });
const ollamaShowSchema = z.object({
  parameters: z
    .string()
    .max(64 * 1024)
    .optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
});

export async function discoverOllama(url: string, http: ProbeHttpDeps): Promise<FlavorAttempt> {
  const root = serverRoot(url);
  const tags = await requestJson(joinUrl(root, '/api/tags'), http);
  if (!tags.ok) return notThisFlavorOr(tags);
  const parsed = ollamaTagsSchema.safeParse(tags.body);
  if (!parsed.success) return { kind: 'absent' };
  const models: string[] = [];
  for (const raw of (parsed.data.models ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const tag = ollamaTagSchema.safeParse(raw);
    const name = tag.success ? (tag.data.name ?? tag.data.model) : undefined;
    if (name !== undefined && !models.includes(name)) models.push(name);
  }
  const contextWindows: Record<string, number> = {};
  const queue = models.slice(0, MAX_OLLAMA_SHOWS);
  const worker = async (): Promise<void> => {
    for (let model = queue.shift(); model !== undefined; model = queue.shift()) {
      const window = await ollamaWindow(root, model, http);
      if (window !== undefined) contextWindows[model] = window;
    }
  };
  await Promise.all(Array.from({ length: OLLAMA_SHOW_CONCURRENCY }, worker));
  return { kind: 'found', discovery: { flavor: 'ollama', models, contextWindows } };
}

async function ollamaWindow(root: string, model: string, http: ProbeHttpDeps): Promise<number | undefined> {
  const answer = await requestJson(joinUrl(root, '/api/show'), http, { method: 'POST', body: { model } });
  if (!answer.ok) return undefined;
  const show = ollamaShowSchema.safeParse(answer.body);
  return show.success ? ollamaWindowFromShow(show.data) : undefined;
}

/**
 * Ollama and LM Studio run a model whose context length nobody set with their default (4096 tokens in
 * current versions), not with the length it was trained for, and Ollama then cuts long prompts *silently*.
 * An overestimate there is worse than an underestimate, so such windows are capped at the default; a
 * user who raised it on the server says so with `contextWindow` in the config.
 */
export const SERVER_DEFAULT_CONTEXT = 4096;

function capAtServerDefault(window: number | undefined): number | undefined {
  return window === undefined ? undefined : Math.min(window, SERVER_DEFAULT_CONTEXT);
}

/**
 * `num_ctx` in the model's parameters is what the server really allocates; without it the server default
 * applies (the architecture's `context_length` only bounds it from above).
 */
export function ollamaWindowFromShow(show: z.infer<typeof ollamaShowSchema>): number | undefined {
  const numCtx = /^\s*num_ctx\s+(\d{1,9})\s*$/m.exec(show.parameters ?? '')?.[1];
  const fromParameters = numCtx === undefined ? undefined : saneWindow(Number(numCtx));
  if (fromParameters !== undefined) return fromParameters;
  return capAtServerDefault(trainedContextLength(show.model_info ?? {}));
}

function trainedContextLength(info: Record<string, unknown>): number | undefined {
  const arch = info['general.architecture'];
  if (typeof arch === 'string') {
    const own = saneWindow(info[`${arch}.context_length`]);
    if (own !== undefined) return own;
  }
  for (const [key, value] of Object.entries(info)) {
    if (!key.endsWith('.context_length')) continue;
    const window = saneWindow(value);
    if (window !== undefined) return window;
  }
  return undefined;
}

/** A status answer (404, 405, 501 …) means "not this flavor"; no answer at all is a real failure. */
function notThisFlavorOr(answer: Extract<JsonResult, { ok: false }>): FlavorAttempt {
  return answer.status === undefined ? { kind: 'failed', error: answer.error } : { kind: 'absent' };
}
