/**
 * How many output tokens a request may ask for: `max_tokens = floor(window × contextFraction) − prompt`.
 * Underusing a large window was one of the seeds' failure modes; overshooting makes the server reject the
 * request (vLLM, llama.cpp) or silently cut the prompt (Ollama). We have no tokenizer for the fleet's many
 * models, so the prompt is estimated, and the estimate errs on the high side.
 */
import type { ChatMessage } from './types.ts';

/**
 * English prose and code run at about 4 characters per token for current BPE tokenizers; 3.5 leaves a
 * margin for code, numbers and unusual words.
 */
export const ASCII_CHARS_PER_TOKEN = 3.5;
/** Role markers and separators of chat templates (`<|im_start|>user\n … <|im_end|>\n`). */
export const TOKENS_PER_MESSAGE = 4;
/** The template's opening of the assistant's reply. */
export const REPLY_PRIMING_TOKENS = 3;

/**
 * A conservative token estimate: `ceil(asciiChars / 3.5)` plus one token per non-ASCII character (CJK,
 * Cyrillic, accents, emoji take at least about one token each, often more than the ASCII rate suggests),
 * plus `TOKENS_PER_MESSAGE` per message and `REPLY_PRIMING_TOKENS` once.
 */
export function estimatePromptTokens(messages: readonly Pick<ChatMessage, 'content'>[]): number {
  if (messages.length === 0) return 0;
  let ascii = 0;
  let other = 0;
  for (const message of messages) {
    const text = message.content;
    // Prompts are mostly ASCII, and a resumed run estimates a large one before anything is warm: one
    // native pass settles that case; otherwise count code points (a surrogate pair is one character).
    if (Buffer.byteLength(text, 'utf8') === text.length) {
      ascii += text.length;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) ascii += 1;
      else if (!(isLowSurrogate(code) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) other += 1;
    }
  }
  return (
    Math.ceil(ascii / ASCII_CHARS_PER_TOKEN) +
    other +
    TOKENS_PER_MESSAGE * messages.length +
    REPLY_PRIMING_TOKENS
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export interface FitMaxTokensInput {
  /** The model's context window in tokens; undefined when neither config nor discovery knows it. */
  window: number | undefined;
  /** Share of the window a request may fill (`policy.contextFraction`, 0 < f ≤ 1). */
  contextFraction: number;
  promptTokens: number;
  /** The caller's own cap on output tokens, if any. */
  requested?: number;
  /** Fewer output tokens than this left over means this candidate cannot serve the request. */
  minOutputTokens: number;
}

export type FitMaxTokensResult = { ok: true; maxTokens: number | undefined } | { ok: false; reason: string };

/**
 * Fits `max_tokens` to the window. With no (usable) window the request goes out as asked: the server
 * knows its own limit and answers `context_length` if the prompt does not fit, which fails over.
 */
export function fitMaxTokens(input: FitMaxTokensInput): FitMaxTokensResult {
  const requested = positiveInteger(input.requested);
  const window = positiveInteger(input.window);
  if (window === undefined) return { ok: true, maxTokens: requested };
  const fraction = Number.isFinite(input.contextFraction)
    ? Math.min(1, Math.max(0, input.contextFraction))
    : 1;
  const promptTokens = Math.max(0, Math.ceil(Number.isFinite(input.promptTokens) ? input.promptTokens : 0));
  // The epsilon keeps binary floating point from losing a whole token (0.29 × 100 = 28.999999999999996).
  const usable = Math.floor(window * fraction + 1e-9);
  const room = usable - promptTokens;
  const minOutput = Math.max(1, Math.ceil(input.minOutputTokens));
  if (room < minOutput) {
    return {
      ok: false,
      reason:
        `prompt of ~${promptTokens} tokens leaves ${Math.max(0, room)} of ${usable} usable tokens ` +
        `(window ${window} × ${fraction}), fewer than the ${minOutput} required for output`,
    };
  }
  return { ok: true, maxTokens: requested === undefined ? room : Math.min(room, requested) };
}

/** Integers ≥ 1 pass (fractions rounded down); anything else counts as "not given". */
function positiveInteger(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const whole = Math.floor(value);
  return whole >= 1 ? whole : undefined;
}
