/**
 * Comment and issue text is written by strangers and read by models. Before it reaches a prompt it loses
 * whatever a human reading the issue on GitHub would not see, so that nothing can instruct a model from
 * where a reviewer cannot look:
 *
 * - HTML comments (`<!-- … -->`, and an unterminated `<!--` up to the end), which GitHub hides; they are
 *   also the form of keel's own hidden markers (`<!-- keel:run=… step=… -->`), which quoted text must never
 *   carry into something keel writes back.
 * - keel's markers in their escaped forms (`&lt;!-- keel:… --&gt;`, `&#60;`, `&#x3c;`, `&amp;lt;` …), which a
 *   model could decode on the way back out.
 * - Markdown "comments": link reference definitions pointing nowhere (`[//]: # (…)`, `[x]: <> "…"`), which
 *   render as nothing.
 * - Invisible and format characters: zero-width characters, bidi controls, the soft hyphen, the BOM, tag
 *   characters, variation selectors (all of Unicode's default-ignorable code points and format characters);
 *   NUL, the other C0 and C1 controls and DEL (tab and newline stay); lone surrogates.
 *
 * Line breaks become `\n`, the text is NFC-normalised and trimmed, and its length is bounded with a visible
 * marker. The result is a fixed point: sanitising it again changes nothing.
 */

export interface SanitizeOptions {
  /** The bound on the result's length in UTF-16 units, truncation marker included. Default: the task bound. */
  maxChars?: number;
}

/** The bound on a task's text: what a prompt carries of it (`PROMPT_LIMITS.task` is this). */
export const MAX_TASK_CHARS = 20_000;

const DEFAULT_MAX_CHARS = MAX_TASK_CHARS;

// CRLF, lone CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: all one line break.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// C0 controls but tab and newline, DEL, C1 controls.
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
// Default-ignorable code points cover U+00AD, U+034F, U+061C, U+115F–1160, U+17B4–17B5, U+180B–180F,
// U+200B–200F, U+202A–202E, U+2060–206F, U+3164, U+FE00–FE0F, U+FEFF, U+FFA0, U+1D173–1D17A and
// U+E0000–E0FFF (tags, variation selectors); format characters (Cf) add the rest of the invisible ones.
export const INVISIBLE_CHARACTERS = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Bidi_Control}]/gu;
const INVISIBLE = INVISIBLE_CHARACTERS;
// To the first `-->` after the opener, or to the end of the text. `<!-->` counts as an opener, not as a whole
// comment: removing too much is safe, removing too little would let hidden text through.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// An escaped `<` (`&lt;`, `&amp;lt;`, `&#60;`, `&#x3c;`, semicolon optional) opening a keel marker, up to an
// escaped or plain `-->`, or the end of the line.
const ESCAPED_LT = String.raw`&(?:amp;)*(?:lt|#0*60|#x0*3c);?`;
const ESCAPED_GT = String.raw`&(?:amp;)*(?:gt|#0*62|#x0*3e);?`;
const ESCAPED_MARKER = new RegExp(
  String.raw`${ESCAPED_LT}\\?!\s*-\s*-\s*keel\s*:[^\n]*?(?:-\s*-\s*(?:>|${ESCAPED_GT})|(?=\n)|$)`,
  'gi',
);
// `[label]: #` or `[label]: <>`, optionally with a title: a definition no link can use, i.e. a comment.
const MARKDOWN_COMMENT = /^ {0,3}\[[^\]\n]+\]:[ \t]*(?:#|<>)(?:[ \t][^\n]*)?$/gm;

/** Passes before giving up on convergence; real text needs one or two. */
const MAX_PASSES = 8;

export function sanitizeUntrusted(text: string, options: SanitizeOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isSafeInteger(maxChars) || maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  }
  return bound(clean(text), maxChars);
}

/**
 * Removing one construct can join its neighbours into another (`<!<!-- -->--`), so the passes repeat until
 * nothing changes. Text built to nest deeper than MAX_PASSES loses every `<` and `&` instead: without them no
 * comment or escaped marker can form, and every further pass that changes anything shortens the text.
 */
function clean(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = cleanOnce(current);
    if (next === current) return next;
    current = next;
  }
  current = current.replace(/[<&]/g, '');
  for (;;) {
    const next = cleanOnce(current);
    if (next === current) return next;
    current = next;
  }
}

function cleanOnce(text: string): string {
  return text
    .toWellFormed()
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(HTML_COMMENT, '')
    .replace(ESCAPED_MARKER, '')
    .replace(MARKDOWN_COMMENT, '')
    .normalize('NFC')
    .trim();
}

/**
 * At most `maxChars` units, the marker saying how much there was. The kept head is cleaned again: a cut can
 * turn the end of a line into a construct the whole text did not have (`[x]: #anchor` cut after the `#`).
 */
function bound(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const marker = `\n[… ${text.length} characters, truncated]`;
  if (marker.length >= maxChars) return clean(cutAt(text, maxChars - 1)) + '…';
  // With nothing kept, the marker's leading line break would be trimmed by the next sanitisation.
  return (clean(cutAt(text, maxChars - marker.length)) + marker).trimStart();
}

/** The first `length` units, without half of a surrogate pair at the end. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * An issue's words as one task text: the title, a blank line, the body — a part that is missing or blank
 * left out — sanitised in one pass (one bound for the whole, the same text whichever way the issue came:
 * a labelled issue, or an issue-shaped queue line).
 */
export function issueText(title: string | undefined, body: string | undefined): string {
  const parts = [title, body].filter((part): part is string => part !== undefined && part.trim() !== '');
  return parts.length === 0 ? '' : sanitizeUntrusted(parts.join('\n\n'));
}
