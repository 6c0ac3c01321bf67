/**
 * LM Studio's windows (lmstudio-ai/docs, read at c6854fb, 2026-04):
 * - `GET /api/v1/models` (native REST API v1, LM Studio ≥ 0.4.0; docs `1_developer/2_rest/list.md`):
 *   `{"models":[{type, key, max_context_length, loaded_instances:[{id, config:{context_length,
 *   parallel?}}]}]}`. A loaded instance runs with the length it was loaded with (usually far below the
 *   maximum) and `parallel` prediction slots.
 * - `GET /api/v0/models` (LM Studio ≥ 0.3.6; the docs recommend v1 now): `{"data":[{id, type, state,
 *   max_context_length, loaded_context_length?}]}`. Asked when v1 is not there.
 * A model that is not loaded will be loaded on demand with LM Studio's default length, not its maximum:
 * capped at 4096, and `keel probe` says so. A loaded row wins over a not-loaded one.
 */
import { z } from 'zod';
import {
  MAX_MODELS_PER_ENDPOINT,
  capAtServerDefault,
  conservativeNote,
  modelIdSchema,
  notThisFlavorOr,
  saneWindow,
  type Discovery,
  type FlavorAttempt,
} from './context-discovery.ts';
import { joinUrl, requestJson, serverRoot, type ProbeHttpDeps } from './probe-http.ts';

const v1Schema = z.object({ models: z.array(z.unknown()) });
const v1EntrySchema = z.object({
  type: z.string().optional(),
  key: modelIdSchema,
  max_context_length: z.unknown().optional(),
  loaded_instances: z
    .array(
      z.object({
        id: modelIdSchema.optional(),
        config: z
          .object({ context_length: z.unknown().optional(), parallel: z.unknown().optional() })
          .loose()
          .optional(),
      }),
    )
    .max(64)
    .nullable()
    .optional(),
});

const v0Schema = z.object({ data: z.array(z.unknown()) });
const v0EntrySchema = z.object({
  id: modelIdSchema,
  type: z.string().optional(),
  state: z.string().optional(),
  max_context_length: z.unknown().optional(),
  loaded_context_length: z.unknown().optional(),
});

export async function discoverLmStudio(url: string, http: ProbeHttpDeps): Promise<FlavorAttempt> {
  const root = serverRoot(url);
  const v1 = await requestJson(joinUrl(root, '/api/v1/models'), http);
  if (v1.ok) {
    const parsed = v1Schema.safeParse(v1.body);
    // An LM Studio before 0.4 answers unknown paths with 200 and an error object: then ask v0.
    if (parsed.success) return { kind: 'found', discovery: fromV1(parsed.data.models) };
  } else if (v1.status === undefined) {
    return notThisFlavorOr(v1);
  }
  const v0 = await requestJson(joinUrl(root, '/api/v0/models'), http);
  if (!v0.ok) return notThisFlavorOr(v0);
  const parsed = v0Schema.safeParse(v0.body);
  if (!parsed.success) return { kind: 'absent' };
  return { kind: 'found', discovery: fromV0(parsed.data.data) };
}

/** Collects windows with loaded rows winning, the conservative ones noted, and the slots of loaded LLMs. */
class LmStudioFindings {
  readonly discovery: Discovery = { flavor: 'lmstudio', models: [], contextWindows: {}, loadedModels: [] };
  readonly #conservative = new Set<string>();
  readonly #slots: number[] = [];

  loaded(id: string, window: number | undefined, slots: unknown): void {
    this.#add(id);
    if (!this.discovery.loadedModels!.includes(id)) this.discovery.loadedModels!.push(id);
    if (window !== undefined) {
      this.discovery.contextWindows[id] = window;
      this.#conservative.delete(id);
    }
    const parallel = saneWindow(slots);
    if (parallel !== undefined && parallel <= 1024) this.#slots.push(parallel);
  }

  notLoaded(id: string, maximum: number | undefined): void {
    this.#add(id);
    if (this.discovery.contextWindows[id] !== undefined) return;
    const window = capAtServerDefault(maximum);
    if (window === undefined) return;
    this.discovery.contextWindows[id] = window;
    if (maximum !== undefined && maximum > window) this.#conservative.add(id);
  }

  finish(): Discovery {
    const note = conservativeNote([...this.#conservative].sort(), 'LM Studio (not loaded)');
    if (note !== undefined) this.discovery.notes = [note];
    // Several loaded models share the server: the smallest slot count is the safe cap.
    if (this.#slots.length > 0) this.discovery.serverSlots = Math.min(...this.#slots);
    return this.discovery;
  }

  #add(id: string): void {
    const { models } = this.discovery;
    if (!models.includes(id) && models.length < MAX_MODELS_PER_ENDPOINT) models.push(id);
  }
}

function fromV1(entries: unknown[]): Discovery {
  const findings = new LmStudioFindings();
  const rows = entries.slice(0, MAX_MODELS_PER_ENDPOINT).flatMap((raw) => {
    const entry = v1EntrySchema.safeParse(raw);
    return entry.success ? [entry.data] : [];
  });
  // Loaded rows first, so that a not-loaded row of the same model never overrides them.
  for (const row of rows) {
    for (const instance of row.loaded_instances ?? []) {
      const window = saneWindow(instance.config?.context_length);
      findings.loaded(row.key, window, instance.config?.parallel);
      if (instance.id !== undefined && instance.id !== row.key) {
        findings.loaded(instance.id, window, undefined);
      }
    }
  }
  for (const row of rows) findings.notLoaded(row.key, saneWindow(row.max_context_length));
  return findings.finish();
}

function fromV0(entries: unknown[]): Discovery {
  const findings = new LmStudioFindings();
  const rows = entries.slice(0, MAX_MODELS_PER_ENDPOINT).flatMap((raw) => {
    const entry = v0EntrySchema.safeParse(raw);
    return entry.success ? [entry.data] : [];
  });
  for (const row of rows) {
    if (row.state === 'loaded') findings.loaded(row.id, saneWindow(row.loaded_context_length), undefined);
  }
  for (const row of rows) findings.notLoaded(row.id, saneWindow(row.max_context_length));
  return findings.finish();
}
