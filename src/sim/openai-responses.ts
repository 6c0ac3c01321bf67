/**
 * OpenAI wire shapes the simulator answers with: `chat.completion`, `chat.completion.chunk` SSE events and error
 * bodies. Pure string builders, so that the modes that bend them (cut, malformed, slow) start from the real thing.
 */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
} as const;
export const SSE_DONE = 'data: [DONE]\n\n';

/** What one answer is made of, before it is shaped as a whole body or as chunks. */
export interface Completion {
  id: string;
  created: number;
  model: string;
  content: string | null;
  /** Sent as `reasoning_content`, before the content. */
  reasoning?: string;
  toolCalls?: { name: string; arguments: string }[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
}

export function errorBody(message: string, type: string, code: string | null): string {
  return JSON.stringify({ error: { message, type, param: null, code } });
}

/** The usual rough estimate: 4 characters a token. */
export function tokensForChars(chars: number): number {
  return Math.ceil(chars / 4);
}

function usageOf(c: Completion): Record<string, number> {
  return {
    prompt_tokens: c.promptTokens,
    completion_tokens: c.completionTokens,
    total_tokens: c.promptTokens + c.completionTokens,
  };
}

export function completionBody(c: Completion): string {
  return JSON.stringify({
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: [{ index: 0, message: messageOf(c), finish_reason: c.finishReason }],
    usage: usageOf(c),
  });
}

function messageOf(c: Completion): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: c.content };
  if (c.reasoning !== undefined) message.reasoning_content = c.reasoning;
  if (c.toolCalls !== undefined) message.tool_calls = c.toolCalls.map(toolCallOf);
  return message;
}

function toolCallOf(call: { name: string; arguments: string }, index: number): Record<string, unknown> {
  return { index, id: `call_${index + 1}`, type: 'function', function: call };
}

function chunkEvent(c: Completion, delta: Record<string, unknown>, last: boolean): string {
  const chunk = {
    id: c.id,
    object: 'chat.completion.chunk',
    created: c.created,
    model: c.model,
    choices: [{ index: 0, delta, finish_reason: last ? c.finishReason : null }],
    ...(last ? { usage: usageOf(c) } : {}),
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/**
 * One SSE event per content piece; the first also carries the role, as vLLM and OpenAI do. Reasoning comes
 * first, in deltas of its own (`reasoning_content`, as llama.cpp and vLLM stream it), and tool calls last, one
 * delta per call.
 */
export function contentEvents(c: Completion, pieces: readonly string[]): string[] {
  const deltas: Record<string, unknown>[] = [];
  if (c.reasoning !== undefined) {
    for (const piece of splitPieces(c.reasoning, 4)) deltas.push({ reasoning_content: piece });
  }
  if (c.content !== null || deltas.length === 0) for (const piece of pieces) deltas.push({ content: piece });
  for (const [index, call] of (c.toolCalls ?? []).entries())
    deltas.push({ tool_calls: [toolCallOf(call, index)] });
  return deltas.map((delta, index) =>
    chunkEvent(c, index === 0 ? { role: 'assistant', ...delta } : delta, false),
  );
}

/** The end of a healthy stream: the finish_reason chunk with usage, then `[DONE]`. */
export function closingEvents(c: Completion): string {
  return chunkEvent(c, {}, true) + SSE_DONE;
}

/** A body that claims to be JSON and is not: the start of a real completion followed by junk. */
export function malformedBody(c: Completion): string {
  return `{"id":"${c.id}","object":"chat.completion","choices":[{"index":0,"message":{"content":${JSON.stringify(c.content)}} <simulated garbage`;
}

/** `data:` lines that are not JSON, ending in a proper `[DONE]` so that only the parsing can notice. */
export function malformedEvents(c: Completion): string {
  return `data: {"id":"${c.id}","choices":[{"delta":{"content":${JSON.stringify(c.content)}\n\ndata: <simulated garbage>\n\n${SSE_DONE}`;
}

/**
 * Splits text into at most `maxPieces` pieces of at least `minSize` code units, never inside a surrogate pair
 * (a split emoji would turn into two invalid halves on the wire). Empty text is one empty piece.
 */
export function splitPieces(text: string, maxPieces: number, minSize = 4): string[] {
  if (text.length === 0) return [''];
  const size = Math.max(minSize, Math.ceil(text.length / maxPieces));
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
