/** What the probe routes of every flavor share: the subject they describe and small helpers. */
import type { HostedListing, SimFlavor } from './modes.ts';

export const MODEL_MAX_CONTEXT = 32_768;
/** A fixed creation time keeps every probe answer byte-for-byte reproducible. */
export const CREATED = 1_700_000_000;

export type ProbeRoute =
  | 'v1_models'
  | 'vllm_health'
  | 'vllm_tokenize'
  | 'llamacpp_props'
  | 'llamacpp_health'
  | 'llamacpp_slots'
  | 'llamacpp_tokenize'
  | 'llamacpp_input_tokens'
  | 'llamacpp_apply_template'
  | 'lmstudio_models'
  | 'lmstudio_v1_models'
  | 'ollama_tags'
  | 'ollama_show'
  | 'ollama_ps'
  /** Prometheus text from the live in-flight count (`metrics-route.ts`), served by the endpoint itself. */
  | 'metrics';

export interface ProbeSubject {
  readonly flavor: SimFlavor;
  readonly modelList: readonly string[];
  readonly contextWindow: number | undefined;
  /** The model's output cap (hosted listings that report one). */
  readonly outputCap?: number | undefined;
  /** Whose listing an `openai`-flavored endpoint gives (default OpenAI's own, without windows). */
  readonly listing?: HostedListing | undefined;
  /** Requests the server runs at once (`total_slots`, `parallel`), when it has a queue. */
  readonly serverSlots: number | undefined;
  /** Loaded now (Ollama `/api/ps`, LM Studio `loaded_instances`, llama.cpp router `status`). */
  isLoaded(model: string): boolean;
  /** Loads a model at once (llama.cpp router's `/props?model=X` with autoload on). */
  markLoaded(model: string): void;
  /** Requests being processed now (for `/slots`). */
  readonly busySlots: number;
  /** Requests running and waiting now, and chat requests served so far (for `/metrics`). */
  readonly load?: () => { inflight: number; waiting: number; served: number };
}

export interface ProbeAnswer {
  status: number;
  body: string;
  /** When not JSON. */
  contentType?: string;
}

export function modelMaximum(subject: ProbeSubject): number {
  return Math.max(MODEL_MAX_CONTEXT, subject.contextWindow ?? 0);
}

export function servedWindow(subject: ProbeSubject): number {
  return subject.contextWindow ?? modelMaximum(subject);
}

export const ok = (value: unknown): ProbeAnswer => ({ status: 200, body: JSON.stringify(value) });

/** A JSON request body, or undefined when it is not a JSON object. */
export function jsonBody(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The chat messages of a request body, as the chat route reads them (text only). */
export function messagesOf(body: Record<string, unknown>): { role: string; content: string }[] {
  if (!Array.isArray(body.messages)) return [];
  return (body.messages as { role?: unknown; content?: unknown }[]).map((m) => ({
    role: typeof m?.role === 'string' ? m.role : '',
    content: typeof m?.content === 'string' ? m.content : '',
  }));
}

/** Token ids for a count: the simulator's tokenizer has no vocabulary, only lengths. */
export function tokenIds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 100 + (i % 1000));
}
