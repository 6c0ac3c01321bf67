/**
 * Ollama's windows (ollama/ollama, read at fb30760, 2026-08):
 * 1. `GET /api/tags`: the models (and proof that this is Ollama).
 * 2. `GET /api/ps`: the loaded models, each with `context_length` — the window actually allocated per
 *    parallel slot (server/routes.go `PsHandler`; the field exists since v0.10.0, commit 34088dbcf). This
 *    is the number that limits a request, whatever chose it (a request's num_ctx, the Modelfile,
 *    `OLLAMA_CONTEXT_LENGTH`, or the VRAM tier: 4096 / 32768 / 262144 since v0.15.5, stepped down on OOM).
 * 3. `POST /api/show` for the others: `num_ctx` in `parameters` when the Modelfile sets it (lines padded
 *    to 30 columns, `%-*s %#v`); otherwise nothing says what the server will allocate when it loads the
 *    model, so the window is capped at 4096 (`SERVER_DEFAULT_CONTEXT`) and `keel probe` says so.
 * The loaded list also tells the router which models would have to be loaded first (a cold load counts
 * toward the first token).
 */
import { z } from 'zod';
import {
  MAX_MODELS_PER_ENDPOINT,
  capAtServerDefault,
  conservativeNote,
  modelIdSchema,
  notThisFlavorOr,
  saneWindow,
  type FlavorAttempt,
} from './context-discovery.ts';
import { joinUrl, requestJson, serverRoot, type ProbeHttpDeps } from './probe-http.ts';

/** Ollama needs one `/api/show` per model: at most this many per scan, this many at a time. */
const MAX_OLLAMA_SHOWS = 64;
const OLLAMA_SHOW_CONCURRENCY = 4;

const listSchema = z.object({ models: z.array(z.unknown()).nullable() });
const tagSchema = z.object({ name: modelIdSchema.optional(), model: modelIdSchema.optional() });
const psEntrySchema = tagSchema.extend({ context_length: z.unknown().optional() });
const showSchema = z.object({
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
  const parsed = listSchema.safeParse(tags.body);
  if (!parsed.success) return { kind: 'absent' };
  const models = namesOf(parsed.data.models);

  const contextWindows: Record<string, number> = {};
  const loaded = await loadedModels(root, http);
  for (const [model, window] of loaded ?? []) {
    if (!models.includes(model) && models.length < MAX_MODELS_PER_ENDPOINT) models.push(model);
    if (window !== undefined) contextWindows[model] = window;
  }

  const conservative: string[] = [];
  const queue = models.filter((model) => contextWindows[model] === undefined).slice(0, MAX_OLLAMA_SHOWS);
  const worker = async (): Promise<void> => {
    for (let model = queue.shift(); model !== undefined; model = queue.shift()) {
      const found = await showWindow(root, model, http);
      if (found === undefined) continue;
      contextWindows[model] = found.window;
      if (found.conservative) conservative.push(model);
    }
  };
  await Promise.all(Array.from({ length: OLLAMA_SHOW_CONCURRENCY }, worker));
  const note = conservativeNote(conservative.sort(), 'Ollama (not loaded, no num_ctx)');
  return {
    kind: 'found',
    discovery: {
      flavor: 'ollama',
      models,
      contextWindows,
      ...(loaded !== undefined ? { loadedModels: [...loaded.keys()] } : {}),
      ...(note !== undefined ? { notes: [note] } : {}),
    },
  };
}

function namesOf(entries: unknown[] | null): string[] {
  const names: string[] = [];
  for (const raw of (entries ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const tag = tagSchema.safeParse(raw);
    const name = tag.success ? (tag.data.name ?? tag.data.model) : undefined;
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `/api/ps`: loaded model → its allocated window (undefined before v0.10.0); undefined if unanswered. */
async function loadedModels(
  root: string,
  http: ProbeHttpDeps,
): Promise<Map<string, number | undefined> | undefined> {
  const answer = await requestJson(joinUrl(root, '/api/ps'), http);
  if (!answer.ok) return undefined;
  const parsed = listSchema.safeParse(answer.body);
  if (!parsed.success) return undefined;
  const loaded = new Map<string, number | undefined>();
  for (const raw of (parsed.data.models ?? []).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const entry = psEntrySchema.safeParse(raw);
    const name = entry.success ? (entry.data.name ?? entry.data.model) : undefined;
    if (name !== undefined) loaded.set(name, saneWindow(entry.data?.context_length));
  }
  return loaded;
}

async function showWindow(
  root: string,
  model: string,
  http: ProbeHttpDeps,
): Promise<{ window: number; conservative: boolean } | undefined> {
  const answer = await requestJson(joinUrl(root, '/api/show'), http, { method: 'POST', body: { model } });
  if (!answer.ok) return undefined;
  const show = showSchema.safeParse(answer.body);
  return show.success ? ollamaWindowFromShow(show.data) : undefined;
}

/**
 * `num_ctx` in the model's parameters is what the server will allocate; without it the server's default
 * applies, which nothing reports: the conservative cap, bounded by the trained `<arch>.context_length`.
 */
export function ollamaWindowFromShow(
  show: z.infer<typeof showSchema>,
): { window: number; conservative: boolean } | undefined {
  const numCtx = /^\s*num_ctx\s+"?(\d{1,9})"?\s*$/m.exec(show.parameters ?? '')?.[1];
  const fromParameters = numCtx === undefined ? undefined : saneWindow(Number(numCtx));
  if (fromParameters !== undefined) return { window: fromParameters, conservative: false };
  const capped = capAtServerDefault(trainedContextLength(show.model_info ?? {}));
  return capped === undefined ? undefined : { window: capped, conservative: true };
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
