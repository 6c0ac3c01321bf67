/**
 * The router's memory of what the probes saw: the latest health probe and capability scan per endpoint,
 * with wall-clock timestamps, so that it can be saved with the fleet state and trusted after a restart
 * only as long as it is fresh.
 */
import { z } from 'zod';
import type { EndpointConfig } from '../config/schema.ts';
import { MAX_MODELS_PER_ENDPOINT, modelIdSchema, saneWindow } from './context-discovery.ts';
import type { CapabilityScan, HealthProbe } from './probe.ts';

export type EndpointHealth = 'healthy' | 'unhealthy' | 'unknown';

export const HEALTH_BOOK_SNAPSHOT_VERSION = 1;

export interface HealthBookSnapshot {
  version: typeof HEALTH_BOOK_SNAPSHOT_VERSION;
  probes: HealthProbe[];
  scans: CapabilityScan[];
}

export interface FleetHealthBookOptions {
  /** Probe results older than this say nothing (`policy.probe.staleAfterMs`). */
  staleAfterMs: number;
}

export class FleetHealthBook {
  readonly #staleAfterMs: number;
  readonly #probes = new Map<string, HealthProbe>();
  readonly #scans = new Map<string, CapabilityScan>();

  constructor(options: FleetHealthBookOptions) {
    this.#staleAfterMs = options.staleAfterMs;
  }

  /** Keeps the newer of the stored and the given probe: parallel rounds may finish out of order. */
  record(probe: HealthProbe): void {
    const current = this.#probes.get(probe.endpointId);
    if (current && current.checkedAt > probe.checkedAt) return;
    this.#probes.set(probe.endpointId, { ...probe, models: [...probe.models] });
  }

  /**
   * Keeps the newer scan, except that a failed scan that found nothing does not erase windows found
   * earlier: a server that is down for a minute still has the same window when it comes back.
   */
  recordScan(scan: CapabilityScan): void {
    const current = this.#scans.get(scan.endpointId);
    if (current && current.checkedAt > scan.checkedAt) return;
    const foundNothing = Object.keys(scan.contextWindows).length === 0 && scan.serverWindow === undefined;
    if (current && scan.error !== undefined && foundNothing) {
      this.#scans.set(scan.endpointId, { ...current, error: scan.error });
      return;
    }
    this.#scans.set(scan.endpointId, structuredClone(scan));
  }

  /** `unknown` when never probed, when the probe is older than `staleAfterMs`, or stamped in the future. */
  health(endpointId: string, now: number): EndpointHealth {
    const probe = this.#probes.get(endpointId);
    if (!probe) return 'unknown';
    const age = now - probe.checkedAt;
    // A negative age means a snapshot from a machine whose clock ran ahead: nothing to trust in it.
    if (age < 0 || age > this.#staleAfterMs) return 'unknown';
    return probe.healthy ? 'healthy' : 'unhealthy';
  }

  /** The configured window wins: the user may know better (a proxy in front, a deliberately lower limit). */
  contextWindow(endpoint: EndpointConfig, model: string): number | undefined {
    if (endpoint.contextWindow !== undefined) return endpoint.contextWindow;
    const scan = this.#scans.get(endpoint.id);
    if (!scan) return undefined;
    const windows = scan.contextWindows;
    if (Object.hasOwn(windows, model)) return windows[model];
    // Ollama serves "qwen2.5-coder" as "qwen2.5-coder:latest".
    const tagged = `${model}:latest`;
    if (!model.includes(':') && Object.hasOwn(windows, tagged)) return windows[tagged];
    return scan.serverWindow;
  }

  latestProbe(endpointId: string): HealthProbe | undefined {
    return this.#probes.get(endpointId);
  }

  latestScan(endpointId: string): CapabilityScan | undefined {
    return this.#scans.get(endpointId);
  }

  /** Plain JSON (wall-clock timestamps) for the fleet-state file and the checkpoint. */
  snapshot(): HealthBookSnapshot {
    return structuredClone({
      version: HEALTH_BOOK_SNAPSHOT_VERSION,
      probes: [...this.#probes.values()],
      scans: [...this.#scans.values()],
    });
  }

  /**
   * Merges a snapshot in, entry by entry: malformed entries (an older or newer version, a hand-edited or
   * truncated file) are dropped, never thrown about, and an entry never replaces a newer one.
   * Returns how many entries were taken.
   */
  restore(snapshot: unknown): number {
    const envelope = envelopeSchema.safeParse(snapshot);
    if (!envelope.success) return 0;
    let taken = 0;
    for (const raw of envelope.data.probes ?? []) {
      const probe = storedProbeSchema.safeParse(raw);
      if (!probe.success) continue;
      const { error, ...rest } = probe.data;
      this.record(error !== undefined ? { ...rest, error } : rest);
      taken += 1;
    }
    for (const raw of envelope.data.scans ?? []) {
      const scan = storedScanSchema.safeParse(raw);
      if (!scan.success) continue;
      this.recordScan(normaliseScan(scan.data));
      taken += 1;
    }
    return taken;
  }
}

const MAX_RESTORED_ENTRIES = 1024;
const endpointIdSchema = z.string().min(1).max(64);
const timestampSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const modelsSchema = z.array(modelIdSchema).max(MAX_MODELS_PER_ENDPOINT);
const errorSchema = z
  .string()
  .optional()
  .transform((error) => error?.slice(0, 200));

const envelopeSchema = z.object({
  version: z.literal(HEALTH_BOOK_SNAPSHOT_VERSION),
  probes: z.array(z.unknown()).max(MAX_RESTORED_ENTRIES).optional(),
  scans: z.array(z.unknown()).max(MAX_RESTORED_ENTRIES).optional(),
});

const storedProbeSchema = z.object({
  endpointId: endpointIdSchema,
  healthy: z.boolean(),
  latencyMs: z.number().nonnegative().max(86_400_000),
  models: modelsSchema,
  checkedAt: timestampSchema,
  error: errorSchema,
});

const storedScanSchema = z.object({
  endpointId: endpointIdSchema,
  flavor: z.enum(['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama']),
  models: modelsSchema,
  contextWindows: z.record(modelIdSchema, z.unknown()),
  serverWindow: z.unknown().optional(),
  outputCaps: z.record(modelIdSchema, z.unknown()).optional(),
  serverSlots: z.unknown().optional(),
  loadedModels: modelsSchema.optional(),
  notes: z.array(z.string().max(400)).max(8).optional(),
  checkedAt: timestampSchema,
  error: errorSchema,
});

/** Keeps the entries that are sane token counts. */
function saneCounts(record: Record<string, unknown>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [model, value] of Object.entries(record).slice(0, MAX_MODELS_PER_ENDPOINT)) {
    const count = saneWindow(value);
    if (count !== undefined) counts[model] = count;
  }
  return counts;
}

/** Drops windows that are not sane token counts, and optional fields that are absent. */
function normaliseScan(scan: z.infer<typeof storedScanSchema>): CapabilityScan {
  const serverWindow = saneWindow(scan.serverWindow);
  const serverSlots = saneWindow(scan.serverSlots);
  const outputCaps = scan.outputCaps !== undefined ? saneCounts(scan.outputCaps) : undefined;
  return {
    endpointId: scan.endpointId,
    flavor: scan.flavor,
    models: scan.models,
    contextWindows: saneCounts(scan.contextWindows),
    ...(serverWindow !== undefined ? { serverWindow } : {}),
    ...(outputCaps !== undefined && Object.keys(outputCaps).length > 0 ? { outputCaps } : {}),
    ...(serverSlots !== undefined && serverSlots <= 1024 ? { serverSlots } : {}),
    ...(scan.loadedModels !== undefined ? { loadedModels: scan.loadedModels } : {}),
    ...(scan.notes !== undefined ? { notes: scan.notes } : {}),
    checkedAt: scan.checkedAt,
    ...(scan.error !== undefined ? { error: scan.error } : {}),
  };
}
