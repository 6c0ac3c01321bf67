/**
 * A model's reply as it arrives (content, reasoning, tool calls, why it stopped), and the text in it that
 * may hold the answer once the wrapping real models put around it is gone:
 *
 * - a byte-order mark, CRLF line breaks;
 * - thinking: `<think>…</think>` before the answer (several, or only the closing tag when the chat template
 *   opened it), gpt-oss "harmony" channels (`<|channel|>analysis<|message|>…`, the answer in the `final`
 *   channel). A thought that never closes means the model was cut, or stopped, while thinking: no answer.
 *   A complete answer found only INSIDE a closed thought is a draft, not an answer (the model did not say it);
 * - leaked end-of-turn tokens (`<|im_end|>`, `<|endoftext|>`, `<|eot_id|>`, `<|end|>`, `</s>` …) and the
 *   turns a model hallucinates after them: everything from the first one on is not the answer.
 *
 * When the content holds nothing, the answer may be in the reasoning (models that put everything there) or in
 * a tool call's arguments (models trained on tools). Which of those count is decided here, once, for every
 * role: the agents only read the texts this module gives them.
 */
import type { AnswerExtras } from '../fleet/types.ts';

export interface ModelReply extends AnswerExtras {
  content: string;
  finishReason: string | null;
}

/** Where the answer text came from. */
export type ReplySource = 'content' | 'reasoning' | 'tool-call';

export interface ReplyText {
  source: ReplySource;
  text: string;
}

export interface ReadReply {
  /** The texts that may hold the answer, in order of preference; empty when there is none. */
  texts: ReplyText[];
  /** The model stopped at its output limit (`finish_reason: length`): whatever is incomplete was cut. */
  truncated: boolean;
  /** A thought was opened and never closed: the model never got to its answer. */
  thinkingCut: boolean;
  /** The model called tools instead of answering in its content. */
  toolCallsOnly: boolean;
}

const REASONING_TAGS = 'think|thinking|reasoning';
const LEADING_THOUGHT = new RegExp(`^\\s*<(${REASONING_TAGS})>[\\s\\S]*?</\\1>`, 'i');
const OPENING_THOUGHT = new RegExp(`^\\s*<(?:${REASONING_TAGS})>`, 'i');
const CLOSING_THOUGHT = new RegExp(`</(?:${REASONING_TAGS})>`, 'gi');

/**
 * Special tokens of chat templates that end a turn or start the next one (ChatML, Llama 3, Phi-3, Gemma,
 * Mistral, gpt-oss). Models served with a wrong template emit them as text.
 */
const TURN_TOKEN =
  /<\|(?:im_end|im_start|endoftext|eot_id|eom_id|start_header_id|end_header_id|end|return|call|start|assistant|user|system)\|>|<end_of_turn>|<start_of_turn>|\[\/?INST\]/;
/** `</s>` is also an HTML tag: only taken for the end of sequence at the end of a line or before a new turn. */
const END_OF_SEQUENCE = /<\/s>(?=[^\S\n]*(?:\n|$))/;
const HARMONY_FINAL = /<\|channel\|>\s*final\s*(?:<\|constrain\|>\s*\w+\s*)?<\|message\|>/;
const HARMONY = /<\|channel\|>/;

export function readReply(reply: ModelReply): ReadReply {
  const truncated = reply.finishReason === 'length';
  const content = unwrap(reply.content);
  const texts: ReplyText[] = [];
  if (content.text.trim() !== '') texts.push({ source: 'content', text: content.text });

  let thinkingCut = content.thinkingCut;
  // The reasoning is read only when the content says nothing: next to an answer it is the model's thinking.
  if (texts.length === 0 && reply.reasoning !== undefined && !content.thinkingCut) {
    const reasoning = unwrap(reply.reasoning);
    if (reasoning.text.trim() !== '') texts.push({ source: 'reasoning', text: reasoning.text });
    thinkingCut ||= reasoning.thinkingCut;
  }
  const calls = reply.toolCalls ?? [];
  if (texts.length === 0) {
    for (const call of calls) texts.push({ source: 'tool-call', text: call.arguments });
  }
  return {
    texts,
    truncated,
    thinkingCut,
    toolCallsOnly: calls.length > 0 && texts.every((text) => text.source === 'tool-call'),
  };
}

/** The content without its wrapping; `thinkingCut` when a thought never closed. */
export function unwrap(raw: string): { text: string; thinkingCut: boolean } {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (HARMONY.test(text)) {
    const final = HARMONY_FINAL.exec(text);
    // Harmony without a final channel is analysis only: the model has not answered.
    if (!final) return { text: '', thinkingCut: false };
    text = text.slice(final.index + final[0].length);
  }
  const turn = TURN_TOKEN.exec(text);
  if (turn) text = text.slice(0, turn.index);
  const end = END_OF_SEQUENCE.exec(text);
  if (end) text = text.slice(0, end.index);

  for (let thought = LEADING_THOUGHT.exec(text); thought; thought = LEADING_THOUGHT.exec(text)) {
    text = text.slice(thought[0].length);
  }
  if (OPENING_THOUGHT.test(text)) return { text: '', thinkingCut: true };
  // Only a closing tag: the template opened the thought. The answer is what follows the last one.
  let after = -1;
  for (const close of text.matchAll(CLOSING_THOUGHT)) after = close.index + close[0].length;
  if (after !== -1) text = text.slice(after);
  return { text: text.replace(/^\uFEFF/, ''), thinkingCut: false };
}
