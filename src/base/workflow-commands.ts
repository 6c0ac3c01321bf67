/**
 * The GitHub runner reads workflow commands out of a step's stdout AND stderr: a line that starts with
 * `::name …::` after leading whitespace (the runner's `TrimStart`), and the legacy `##[name]` anywhere in a
 * line (actions/runner `ActionCommand.cs`, `TryParseV2` / `TryParse`; see /work/notes/upstream-github.md
 * §3). `core.info` escapes nothing, so a log line carrying a model's answer or an issue's text
 * (`{"a":[\n::error::owned}` quoted in a JSON error) would raise annotations, mask values or stop command
 * processing in keel's step.
 *
 * Every line keel logs goes through a guard that breaks both forms with a zero-width space (U+200B, which
 * .NET's `TrimStart` keeps: it is not white space): before a `:` that opens a line after white space only,
 * and between `##` and `[`. Nothing else changes, and keel's own commands (annotations, masks, groups) go
 * through `@actions/core`'s escaping `issueCommand`, never through a log line.
 */

const ZWSP = '\u200b';
// .NET's Char.IsWhiteSpace: JS `\s` plus NEL and the Mongolian vowel separator.
const WHITE = /[\s\u0085\u180e]/;

/** A stateful guard for a stream written in chunks: a line start or `##` may end one chunk. */
export function workflowCommandGuard(): (chunk: string) => string {
  let blankSoFar = true;
  let hashes = 0;
  return (chunk) => {
    let out = '';
    for (const char of chunk) {
      if (char === '\n') {
        out += char;
        blankSoFar = true;
        hashes = 0;
        continue;
      }
      if (blankSoFar && char === ':') out += ZWSP;
      if (char === '[' && hashes >= 2) out += ZWSP;
      out += char;
      if (!WHITE.test(char)) blankSoFar = false;
      hashes = char === '#' ? hashes + 1 : 0;
    }
    return out;
  };
}

/** One piece of text that starts a line (what `core.info` writes): no workflow command survives in it. */
export function neutralizeWorkflowCommands(text: string): string {
  return workflowCommandGuard()(text);
}
