/**
 * What the servers taught the router about the requests they take, kept with the fleet state so the next
 * run does not pay for the same lesson:
 * - per endpoint, the `response_format`s it refused (LM Studio refuses `json_object`; a server software's
 *   trait, so it holds for every model it serves);
 * - per candidate (`endpoint/model`), the output-length parameter it takes (OpenAI's reasoning models refuse
 *   `max_tokens`) and its output cap ("max_tokens is too large … at most CAP"): traits of a model family.
 *
 * Each entry carries the endpoint URL it was learned at: an endpoint id pointed at another server forgets
 * it. Deliberately free of zod and of anything heavy: the early resume request (`src/cli/early-resume.ts`)
 * reads the same snapshot to send the same bytes the client would.
 */
import type { ResponseFormat, TokenParam } from './types.ts';

/** A token parameter the candidate takes, or `none`: it refused both, so the limit is left out. */
export type LearnedTokenParam = TokenParam | 'none';

export interface LearnedSnapshot {
  /** Endpoint id → what it refused. */
  formats: Record<string, { url: string; refused: ResponseFormat[] }>;
  /** Candidate key → what it takes. */
  models: Record<string, { url: string; tokenParam?: LearnedTokenParam; outputCap?: number }>;
}

/** What the request plan needs to know about one candidate. */
export interface LearnedFacts {
  refusedFormats: readonly ResponseFormat[];
  tokenParam?: LearnedTokenParam;
  outputCap?: number;
}

const FORMATS: readonly ResponseFormat[] = ['json_schema', 'json_object'];
const PARAMS: readonly LearnedTokenParam[] = ['max_tokens', 'max_completion_tokens', 'none'];
/** Bounds on what a saved file may make us hold: it is read back on every start. */
const MAX_ENTRIES = 1024;
const MAX_KEY_CHARS = 512;

export class LearnedShapes {
  #formats = new Map<string, { url: string; refused: Set<ResponseFormat> }>();
  #models = new Map<string, { url: string; tokenParam?: LearnedTokenParam; outputCap?: number }>();

  constructor(saved?: unknown) {
    const snapshot = readLearnedSnapshot(saved);
    for (const [id, entry] of Object.entries(snapshot.formats)) {
      this.#formats.set(id, { url: entry.url, refused: new Set(entry.refused) });
    }
    for (const [key, entry] of Object.entries(snapshot.models)) this.#models.set(key, { ...entry });
  }

  facts(endpoint: { id: string; url: string }, key: string): LearnedFacts {
    const formats = this.#formats.get(endpoint.id);
    const model = this.#models.get(key);
    const facts: LearnedFacts = {
      refusedFormats: formats !== undefined && formats.url === endpoint.url ? [...formats.refused] : [],
    };
    if (model !== undefined && model.url === endpoint.url) {
      if (model.tokenParam !== undefined) facts.tokenParam = model.tokenParam;
      if (model.outputCap !== undefined) facts.outputCap = model.outputCap;
    }
    return facts;
  }

  /** Records that `format` was refused at the endpoint. True when that is news. */
  refuseFormat(endpoint: { id: string; url: string }, format: ResponseFormat): boolean {
    if (format === 'none') return false;
    let entry = this.#formats.get(endpoint.id);
    if (entry === undefined || entry.url !== endpoint.url) {
      entry = { url: endpoint.url, refused: new Set() };
      this.#formats.set(endpoint.id, entry);
    }
    if (entry.refused.has(format)) return false;
    entry.refused.add(format);
    return true;
  }

  /** Records the token parameter a candidate takes. True when that changes what is sent. */
  useTokenParam(endpoint: { url: string }, key: string, param: LearnedTokenParam): boolean {
    const entry = this.#model(endpoint, key);
    if (entry.tokenParam === param) return false;
    entry.tokenParam = param;
    return true;
  }

  /** Records a candidate's output cap. True when it is lower than what was known. */
  capOutput(endpoint: { url: string }, key: string, cap: number): boolean {
    const entry = this.#model(endpoint, key);
    if (entry.outputCap !== undefined && entry.outputCap <= cap) return false;
    entry.outputCap = cap;
    return true;
  }

  snapshot(): LearnedSnapshot {
    const formats: LearnedSnapshot['formats'] = {};
    for (const [id, entry] of this.#formats) formats[id] = { url: entry.url, refused: [...entry.refused] };
    const models: LearnedSnapshot['models'] = {};
    for (const [key, entry] of this.#models) models[key] = { ...entry };
    return { formats, models };
  }

  #model(
    endpoint: { url: string },
    key: string,
  ): {
    url: string;
    tokenParam?: LearnedTokenParam;
    outputCap?: number;
  } {
    let entry = this.#models.get(key);
    if (entry === undefined || entry.url !== endpoint.url) {
      entry = { url: endpoint.url };
      this.#models.set(key, entry);
    }
    return entry;
  }
}

/** The facts for one candidate in a snapshot, ignoring entries learned at another URL. */
export function factsOf(
  snapshot: LearnedSnapshot,
  endpoint: { id: string; url: string },
  key: string,
): LearnedFacts {
  const formats = snapshot.formats[endpoint.id];
  const model = snapshot.models[key];
  const facts: LearnedFacts = {
    refusedFormats: formats !== undefined && formats.url === endpoint.url ? formats.refused : [],
  };
  if (model !== undefined && model.url === endpoint.url) {
    if (model.tokenParam !== undefined) facts.tokenParam = model.tokenParam;
    if (model.outputCap !== undefined) facts.outputCap = model.outputCap;
  }
  return facts;
}

/**
 * A snapshot from untrusted JSON (a file on disk, a checkpoint): entries that do not fit are dropped one by
 * one, never the whole; anything else is an empty snapshot. Never throws.
 */
export function readLearnedSnapshot(input: unknown): LearnedSnapshot {
  const snapshot: LearnedSnapshot = { formats: {}, models: {} };
  if (!isRecord(input)) return snapshot;
  for (const [id, raw] of entries(input.formats)) {
    if (!isRecord(raw) || typeof raw.url !== 'string' || !Array.isArray(raw.refused)) continue;
    const refused = FORMATS.filter((format) => (raw.refused as unknown[]).includes(format));
    snapshot.formats[id] = { url: raw.url, refused };
  }
  for (const [key, raw] of entries(input.models)) {
    if (!isRecord(raw) || typeof raw.url !== 'string') continue;
    const entry: LearnedSnapshot['models'][string] = { url: raw.url };
    if (PARAMS.includes(raw.tokenParam as LearnedTokenParam)) {
      entry.tokenParam = raw.tokenParam as LearnedTokenParam;
    }
    if (Number.isSafeInteger(raw.outputCap) && (raw.outputCap as number) > 0) {
      entry.outputCap = raw.outputCap as number;
    }
    snapshot.models[key] = entry;
  }
  return snapshot;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own entries with sane keys, at most MAX_ENTRIES; `__proto__` never becomes a key. */
function entries(value: unknown): [string, unknown][] {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter(([key]) => key !== '__proto__' && key.length > 0 && key.length <= MAX_KEY_CHARS)
    .slice(0, MAX_ENTRIES);
}
