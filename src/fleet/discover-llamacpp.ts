/**
 * llama.cpp server's windows and slots (ggml-org/llama.cpp tools/server, read at 00dd081):
 * - single model (`-m`): `GET /props` → `default_generation_settings.n_ctx`, the per-slot window that
 *   limits one request, and `total_slots` (`-np`; auto is 4 with a unified KV cache). `/v1/models` gives
 *   the same window as `data[].meta.n_ctx` (per slot; never `n_ctx_train`, the training length).
 * - router mode (no `-m`; several models, loaded on demand): `/props` answers `{"role":"router",
 *   "default_generation_settings":{"n_ctx":0},…}`; each model's own props come from
 *   `GET /props?model=ID&autoload=false` — without `autoload=false` that request would load the model
 *   (server-models.cpp `is_autoload`: only `true|1` loads, absent means the server default, on). A model
 *   not running answers 400 "model is not loaded": its window is unknown until it is.
 */
import { z } from 'zod';
import {
  modelIdSchema,
  notThisFlavorOr,
  saneWindow,
  type Discovery,
  type FlavorAttempt,
  type ModelListing,
} from './context-discovery.ts';
import { joinUrl, requestJson, serverRoot, type ProbeHttpDeps } from './probe-http.ts';

/** Router mode asks one `/props` per model: at most this many per scan. */
const MAX_ROUTER_MODELS = 16;

const propsSchema = z.object({
  role: z.string().optional(),
  default_generation_settings: z.object({ n_ctx: z.unknown().optional() }).loose().optional(),
  n_ctx: z.unknown().optional(),
  total_slots: z.unknown().optional(),
  model_alias: z.string().optional(),
  model_path: z.string().optional(),
});
type Props = z.infer<typeof propsSchema>;

function windowOf(props: Props): number | undefined {
  return saneWindow(props.default_generation_settings?.n_ctx) ?? saneWindow(props.n_ctx);
}

function slotsOf(props: Props): number | undefined {
  const slots = saneWindow(props.total_slots);
  return slots !== undefined && slots <= 1024 ? slots : undefined;
}

/** `listing`: what `/models` said (the names served, and `meta.n_ctx` where given). */
export async function discoverLlamaCpp(
  url: string,
  http: ProbeHttpDeps,
  listing: ModelListing | undefined,
): Promise<FlavorAttempt> {
  const root = serverRoot(url);
  const answer = await requestJson(joinUrl(root, '/props'), http);
  if (!answer.ok) return notThisFlavorOr(answer);
  const parsed = propsSchema.safeParse(answer.body);
  if (!parsed.success) return { kind: 'absent' };
  const props = parsed.data;
  if (props.role === 'router') return routerMode(root, http, listing);

  const served = listing?.models ?? [];
  const window = windowOf(props) ?? served.map((model) => listing?.llamaWindows[model]).find(Boolean);
  // LM Studio and others answer unknown paths with 200 and an error object: no n_ctx, not llama.cpp.
  if (window === undefined) return { kind: 'absent' };
  const models = [...served];
  const ownName = props.model_alias ?? props.model_path;
  if (models.length === 0 && ownName && modelIdSchema.safeParse(ownName).success) models.push(ownName);
  const slots = slotsOf(props);
  const discovery: Discovery = {
    flavor: 'llamacpp',
    models,
    contextWindows: Object.fromEntries(models.map((model) => [model, window])),
    serverWindow: window,
    loadedModels: [...models],
    ...(slots !== undefined ? { serverSlots: slots } : {}),
  };
  return { kind: 'found', discovery };
}

async function routerMode(
  root: string,
  http: ProbeHttpDeps,
  listing: ModelListing | undefined,
): Promise<FlavorAttempt> {
  const models = listing?.models ?? [];
  const discovery: Discovery = {
    flavor: 'llamacpp',
    models: [...models],
    contextWindows: {},
    loadedModels: [],
  };
  const slots: number[] = [];
  const asked = models.slice(0, MAX_ROUTER_MODELS);
  await Promise.all(
    asked.map(async (model) => {
      const query = `?model=${encodeURIComponent(model)}&autoload=false`;
      const answer = await requestJson(`${joinUrl(root, '/props')}${query}`, http);
      const props = answer.ok ? propsSchema.safeParse(answer.body) : undefined;
      const window = props?.success ? windowOf(props.data) : undefined;
      // `meta.n_ctx` of a running model in the router's listing says the same.
      const known = window ?? listing?.llamaWindows[model];
      if (known === undefined) return;
      discovery.contextWindows[model] = known;
      discovery.loadedModels!.push(model);
      const own = props?.success ? slotsOf(props.data) : undefined;
      if (own !== undefined) slots.push(own);
    }),
  );
  discovery.loadedModels!.sort();
  if (slots.length > 0) discovery.serverSlots = Math.min(...slots);
  const unknown = models.length - discovery.loadedModels!.length;
  discovery.notes = [
    `llama.cpp router mode: ${models.length} model(s), ${discovery.loadedModels!.length} loaded` +
      (unknown > 0 ? `; the window of the others is known once they are loaded` : ''),
  ];
  return { kind: 'found', discovery };
}
