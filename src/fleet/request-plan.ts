/**
 * How one request goes out to one candidate: which `response_format`, which output-length parameter, and
 * which limit. A pure function of what is known about the server — its kind, the flavor a scan found, the
 * model's family, what the listing says, what the server refused before (`learned-shapes.ts`) — so that the
 * router and the early resume request (`src/cli/early-resume.ts`) shape a request alike. Light on purpose:
 * type imports only.
 *
 * Upstream facts behind the rules (see the README's router section):
 * - `response_format`: OpenAI, vLLM, llama.cpp, Ollama and LM Studio all take `json_schema` (Ollama and
 *   llama.cpp read only `json_schema.schema`); LM Studio 0.3–0.4 refuses `json_object` with 400
 *   "'response_format.type' must be 'json_schema' or 'text'" (lmstudio-bug-tracker #189, open).
 * - Output length: OpenAI's reasoning models (o-series, gpt-5*) refuse `max_tokens` ("Use
 *   'max_completion_tokens' instead"); OpenAI models refuse a limit above their output cap, which is far
 *   below their window (gpt-4o-mini: 16,384). Ollama ignores `max_completion_tokens` (openai/openai.go has
 *   no such field), so local servers get `max_tokens`. vLLM without a limit uses what the window leaves
 *   (vllm/entrypoints/utils.py `get_max_tokens`), and refuses a limit that, with the prompt, overflows.
 */
import type { DetectedFlavor } from './context-discovery.ts';
import type { LearnedFacts } from './learned-shapes.ts';
import type { ChatRequest, ResponseFormat, TokenParam } from './types.ts';

export interface PlanInput {
  kind: 'local' | 'hosted';
  model: string;
  request: Pick<ChatRequest, 'json' | 'jsonSchema' | 'maxTokens'>;
  /** The limit fitted to the context window (`fitMaxTokens`): the room left, at most the requested one. */
  fitted: number | undefined;
  /** The server software: configured, or found by a scan; undefined when neither says. */
  flavor: DetectedFlavor | undefined;
  /** The model's output cap as its listing gives it (Groq, OpenRouter). */
  listedOutputCap?: number;
  /** The prompt's size was counted by the server's tokenizer rather than estimated. */
  exactPrompt: boolean;
  learned: LearnedFacts;
}

export interface RequestPlan {
  responseFormat: ResponseFormat;
  tokenParam: TokenParam;
  /** The limit to send; undefined: none (the server's own default). */
  maxTokens?: number;
}

/** OpenAI's reasoning families, also behind proxies and gateways (`openai/gpt-5-mini`, `o4-mini`). */
const REASONING_FAMILY = /(?:^|\/)(?:o[1-9](?:-|$)|gpt-5)/i;

export function isReasoningModel(model: string): boolean {
  return REASONING_FAMILY.test(model);
}

/** The formats to try for a request, best first; a server's refusals strike them off. */
export function formatLadder(request: Pick<ChatRequest, 'json' | 'jsonSchema'>): ResponseFormat[] {
  if (request.json !== true) return ['none'];
  // A request with no schema of its own still gets JSON enforced as `json_schema` of any object where
  // `json_object` is refused (LM Studio): the workaround its users apply.
  return request.jsonSchema !== undefined
    ? ['json_schema', 'json_object', 'none']
    : ['json_object', 'json_schema', 'none'];
}

export function defaultTokenParam(kind: 'local' | 'hosted', model: string): TokenParam {
  return kind === 'hosted' || isReasoningModel(model) ? 'max_completion_tokens' : 'max_tokens';
}

export function planRequest(input: PlanInput): RequestPlan {
  const { learned } = input;
  const responseFormat =
    formatLadder(input.request).find((format) => !learned.refusedFormats.includes(format)) ?? 'none';
  const tokenParam =
    learned.tokenParam === undefined || learned.tokenParam === 'none'
      ? defaultTokenParam(input.kind, input.model)
      : learned.tokenParam;
  const plan: RequestPlan = { responseFormat, tokenParam };
  if (learned.tokenParam === 'none') return plan;

  // Hosted APIs know their own limits, and a window-sized limit runs into their output caps: they get a
  // limit only when the caller asked for one. vLLM, whose default is exactly "what the window leaves", gets
  // none rather than one from an estimate that may be off (it refuses N + limit > window).
  const callerOnly = input.kind === 'hosted' || (input.flavor === 'vllm' && !input.exactPrompt);
  let limit = callerOnly && input.request.maxTokens === undefined ? undefined : input.fitted;
  for (const cap of [learned.outputCap, input.listedOutputCap]) {
    if (limit !== undefined && cap !== undefined) limit = Math.min(limit, cap);
  }
  if (limit !== undefined) plan.maxTokens = limit;
  return plan;
}

/** The same plan, or one that sends something the refused one did not. */
export function samePlan(a: RequestPlan, b: RequestPlan): boolean {
  if (a.responseFormat !== b.responseFormat || a.maxTokens !== b.maxTokens) return false;
  return a.maxTokens === undefined || a.tokenParam === b.tokenParam;
}

/**
 * The flavor and listed output cap a saved health-book snapshot holds for an endpoint and model, read
 * loosely (no schema library: the early resume request reads it before keel has loaded). The router reads
 * the same fields from its restored health book.
 */
export function savedScanFacts(
  health: unknown,
  endpointId: string,
  model: string,
): { flavor?: DetectedFlavor; outputCap?: number } {
  const scans = (health as { scans?: unknown } | null | undefined)?.scans;
  if (!Array.isArray(scans)) return {};
  let latest: { flavor?: unknown; outputCaps?: unknown; checkedAt?: unknown } | undefined;
  for (const scan of scans as { endpointId?: unknown; checkedAt?: unknown }[]) {
    if (scan?.endpointId !== endpointId || typeof scan.checkedAt !== 'number') continue;
    if (latest === undefined || (latest.checkedAt as number) < scan.checkedAt) latest = scan;
  }
  const facts: { flavor?: DetectedFlavor; outputCap?: number } = {};
  if (typeof latest?.flavor === 'string' && FLAVORS.includes(latest.flavor as DetectedFlavor)) {
    facts.flavor = latest.flavor as DetectedFlavor;
  }
  const cap = (latest?.outputCaps as Record<string, unknown> | undefined)?.[model];
  if (Number.isSafeInteger(cap) && (cap as number) > 0 && Object.hasOwn(latest?.outputCaps ?? {}, model)) {
    facts.outputCap = cap as number;
  }
  return facts;
}

const FLAVORS: readonly DetectedFlavor[] = ['openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'];
