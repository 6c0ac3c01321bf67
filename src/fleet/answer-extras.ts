/**
 * What an answer carries besides `content`, read from untrusted server JSON: the reasoning text and tool
 * calls. The router passes them on untouched; the agents decide what they are worth (an answer that arrived
 * only in `reasoning_content`, or as a tool call's arguments, is still the model's answer).
 *
 * Field names, as the servers send them:
 * - `reasoning_content`: llama.cpp server (`--reasoning-format deepseek`, tools/server/server.cpp), vLLM's
 *   reasoning parsers (vllm/entrypoints/openai/protocol.py), DeepSeek's API;
 * - `reasoning`: Ollama's OpenAI compatibility layer (openai/openai.go, `Message.Reasoning`) and OpenRouter;
 * - `tool_calls`: OpenAI's shape, `[{ index, id, type: "function", function: { name, arguments } }]`, where
 *   a stream sends `arguments` in pieces under the same `index`.
 */
import type { ToolCall } from './types.ts';

/** Tool calls kept per answer: a model looping on calls is not worth more. */
const MAX_TOOL_CALLS = 16;

/** The reasoning text of a message or a stream delta, undefined when there is none. */
export function reasoningOf(part: { reasoning_content?: unknown; reasoning?: unknown }): string | undefined {
  for (const value of [part.reasoning_content, part.reasoning]) {
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** Gathers tool calls from a whole message or from stream deltas (pieces joined by `index`). */
export class ToolCallPieces {
  readonly #calls: { name: string; arguments: string[] }[] = [];

  /** Adds what a message or delta says; true when it held at least one call. */
  add(raw: unknown): boolean {
    if (!Array.isArray(raw)) return false;
    let added = false;
    for (const [position, item] of raw.entries()) {
      if (typeof item !== 'object' || item === null) continue;
      const { index, function: fn } = item as { index?: unknown; function?: unknown };
      const at = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : position;
      if (at >= MAX_TOOL_CALLS) continue;
      const call = (this.#calls[at] ??= { name: '', arguments: [] });
      if (typeof fn === 'object' && fn !== null) {
        const { name, arguments: args } = fn as { name?: unknown; arguments?: unknown };
        if (typeof name === 'string') call.name += name;
        // Some servers send the arguments as an object rather than the JSON string OpenAI specifies.
        if (typeof args === 'string') call.arguments.push(args);
        else if (typeof args === 'object' && args !== null) call.arguments.push(JSON.stringify(args));
      }
      added = true;
    }
    return added;
  }

  calls(): ToolCall[] {
    return this.#calls
      .filter((call) => call !== undefined)
      .map((call) => ({ name: call.name, arguments: call.arguments.join('') }));
  }
}
