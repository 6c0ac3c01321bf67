/**
 * The one publish-side sanitiser: every title, body, comment and commit message keel writes goes through
 * `neutralizeForPublish`, because those texts carry what strangers wrote (an issue's title, a comment) and
 * what models answered (review comments, commit messages), and keel writes them as the repository's bot.
 * `sanitize-untrusted.ts` is its input-side sibling (what reaches a prompt); this one decides what may
 * reach GitHub, where text does things:
 *
 * - mentions (`@user`, `@org/team`) would ping: a zero-width joiner after the `@` keeps the text and
 *   breaks GitHub's mention syntax (which needs a letter or digit right after the `@`);
 * - closing keywords (`fixes #1`, `closes acme/demo#2`, `resolves https://…/issues/3`) would close issues,
 *   across repositories, when the pull request merges: a joiner after the keyword and after the `#` keeps
 *   the words and breaks the link (keel adds its own `Closes #N` after this, for the issue that asked);
 * - images (`![x](…)`, `<img …>`) load remote resources (tracking pixels): an image becomes the words
 *   `(image: <url, defanged>)`; links and bare URLs to hosts other than the GitHub server's become text
 *   (`hxxps://evil[.]example/…`) that neither renders as a link nor autolinks;
 * - raw HTML could hide text or load resources: every tag but `<details>`, `<summary>` and `<br>` (without
 *   attributes; keel's own recovery record folds its error context) gets a joiner after its `<`, which
 *   makes it text (a tag name must follow `<` at once) that still reads the same, inside code too;
 * - HTML comments hide text, and keel finds its own issues and comments by markers shaped
 *   `<!-- keel:run=… step=… -->`: every comment (an unterminated one to the end) goes, the caller appends
 *   keel's marker afterwards;
 * - invisible and bidi characters (U+202E reorders what a reviewer reads), C0/C1 controls go;
 * - parity with claude-code-action's `sanitizeContent` (src/github/utils/sanitizer.ts @ 24dcd50, see
 *   /work/notes/upstream-github.md §1a): image alt text, link titles and the hidden `alt` / `title` /
 *   `aria-label` / `data-*` / `placeholder` attributes are stripped, and numeric HTML entities are decoded
 *   (printable ASCII) or deleted (anything else) BEFORE the checks above — plus `&lt;` `&gt;` `&quot;`
 *   `&apos;`, so `&lt;!-- keel:… --&gt;` cannot survive as a marker either. Unlike upstream the passes repeat
 *   until nothing changes, so decoding cannot rebuild what an earlier step removed.
 *
 * Commit messages (`target: 'commit'`) get the parts that matter where GitHub shows them (controls and
 * invisible characters, mentions, closing keywords, keel's markers); HTML and Markdown do not render there.
 *
 * The result is a fixed point: neutralising it again changes nothing.
 */
import { INVISIBLE_CHARACTERS } from './sanitize-untrusted.ts';

export interface PublishTextOptions {
  /** `markdown` (titles, bodies, comments; the default) or `commit` (a commit message). */
  target?: 'markdown' | 'commit';
  /**
   * Hosts whose links and URLs stay as they are (lower case): the GitHub server keel publishes to, whose
   * issue, pull-request and workflow-run links keel writes itself. Default: `github.com`.
   */
  trustedHosts?: readonly string[];
}

/** U+200D ZERO WIDTH JOINER: invisible, and enough to break GitHub's mention and reference syntax. */
export const JOINER = '\u200d';

const DEFAULT_TRUSTED = ['github.com'];
const MAX_PASSES = 8;

const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// C0 controls but tab and newline, DEL, C1 controls.
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** A marker's words even outside a comment (a comment opener broken by a backslash or a space). */
const MARKER_WORDS = /<\s*!\s*-\s*-\s*keel\s*:[^\n]*/gi;

export function neutralizeForPublish(text: string, options: PublishTextOptions = {}): string {
  const trusted = new Set((options.trustedHosts ?? DEFAULT_TRUSTED).map((h) => h.toLowerCase()));
  const pass =
    options.target === 'commit' ? (t: string) => commitPass(t) : (t: string) => markdownPass(t, trusted);
  let current = text;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(current);
    if (next === current) return next;
    current = next;
  }
  // Built to nest deeper than the passes: without `<` and `&` no tag, comment or entity can form.
  return pass(current.replace(/[<&]/g, ''));
}

function basePass(text: string): string {
  return text
    .toWellFormed()
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLE_CHARACTERS, '')
    .normalize('NFC');
}

function commitPass(text: string): string {
  const cleaned = basePass(text).replace(HTML_COMMENT, '').replace(MARKER_WORDS, '');
  return defangMentions(defangClosingKeywords(cleaned));
}

function markdownPass(text: string, trusted: ReadonlySet<string>): string {
  let out = basePass(decodeEntities(text));
  out = out.replace(HTML_COMMENT, '').replace(MARKER_WORDS, '');
  out = stripHiddenAttributes(out);
  out = escapeTags(out);
  out = defangImages(out);
  out = defangLinks(out, trusted);
  out = defangBareUrls(out, trusted);
  return defangMentions(defangClosingKeywords(out));
}

// ---------------------------------------------------------------------------------------------------------
// Entities (claude-code-action's normalizeHtmlEntities, plus the named forms of < > " ')

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});?/g, (_, dec: string) => printable(Number.parseInt(dec, 10)))
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) => printable(Number.parseInt(hex, 16)))
    .replace(/&(lt|gt|quot|apos);/gi, (_, name: string) => NAMED[name.toLowerCase()]!);
}

function printable(code: number): string {
  return code >= 32 && code <= 126 ? String.fromCharCode(code) : '';
}

// ---------------------------------------------------------------------------------------------------------
// HTML

// The three attribute forms (double-quoted, single-quoted, unquoted) apart, as upstream does (#1366, #1371).
const HIDDEN_ATTRIBUTE = String.raw`(?:alt|title|aria-label|placeholder|data-[a-z0-9-]+)`;
const HIDDEN = [
  new RegExp(String.raw`\s${HIDDEN_ATTRIBUTE}\s*=\s*"[^"]*"`, 'gi'),
  new RegExp(String.raw`\s${HIDDEN_ATTRIBUTE}\s*=\s*'[^']*'`, 'gi'),
  new RegExp(String.raw`\s${HIDDEN_ATTRIBUTE}\s*=\s*[^\s>]+`, 'gi'),
];

function stripHiddenAttributes(text: string): string {
  return HIDDEN.reduce((out, pattern) => out.replace(pattern, ''), text);
}

/** keel's own: `<details><summary>error context</summary> … </details>` in the recovery record. */
const ALLOWED_TAG = /^<\/?(?:details|summary)>|^<br\s*\/?>/i;

/**
 * A `<` opening a tag, a closing tag, a comment, a declaration or a processing instruction is followed by a
 * joiner: no longer HTML, and unlike `&lt;` it reads the same inside a code span, where entities show raw.
 */
function escapeTags(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, (lt, offset: number) =>
    ALLOWED_TAG.test(text.slice(offset, offset + 12)) ? lt : `<${JOINER}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Images, links, URLs

/** `![alt](url "title")` and `![alt][ref]`: words, never an image. */
function defangImages(text: string): string {
  return (
    text
      .replace(
        /!\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g,
        (_, url: string) => (url === '' ? '(image)' : `(image: ${defangUrl(url)})`),
      )
      .replace(/!\[[^\]\n]*\]\[[^\]\n]*\]/g, '(image)')
      // Whatever is left (cut short, spread over lines) cannot become one either.
      .replace(/!\[/g, `!${JOINER}[`)
  );
}

/** `[text](url "title")`: a link to a trusted host (or a relative one) loses its title; others become text. */
function defangLinks(text: string, trusted: ReadonlySet<string>): string {
  const inline = text.replace(
    /\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g,
    (_, label: string, url: string) =>
      isTrusted(url, trusted) ? `[${label}](${url})` : `${label} (${defangUrl(url)})`,
  );
  // Reference definitions `[x]: url "title"`: the title goes, an untrusted URL is defanged.
  return inline.replace(
    /^( {0,3}\[[^\]\n]+\]:[ \t]*)<?(\S+?)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm,
    (_, head: string, url: string) => `${head}${isTrusted(url, trusted) ? url : defangUrl(url)}`,
  );
}

const URL_PATTERN = /\b(https?):\/\/([^\s/?#<>()[\]"'`]+)([^\s<>()[\]"'`]*)/gi;
// GFM's extended autolinks also take `www.` without a scheme.
const WWW_PATTERN = /(^|[\s*_~(])(www)\.(?=[A-Za-z0-9-])/gim;

function defangBareUrls(text: string, trusted: ReadonlySet<string>): string {
  return text
    .replace(URL_PATTERN, (url: string) => (isTrusted(url, trusted) ? url : defangUrl(url)))
    .replace(WWW_PATTERN, '$1$2[.]');
}

/** Relative links resolve on the GitHub server itself; absolute ones count only on a trusted host. */
function isTrusted(url: string, trusted: ReadonlySet<string>): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return !/^www\./i.test(url);
  try {
    const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && trusted.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** `https://evil.example/x` → `hxxps://evil[.]example/x`: readable, and nothing GitHub links. */
export function defangUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):(\/\/)?([^/?#]*)(.*)$/is.exec(url);
  if (!match) return url.replace(/\./g, '[.]');
  const [, scheme, slashes = '', host, rest] = match;
  const safeScheme = scheme!.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp');
  return `${safeScheme}:${slashes}${host!.replace(/\./g, '[.]')}${rest}`;
}

// ---------------------------------------------------------------------------------------------------------
// Mentions and closing keywords

// `@name` and `@org/team` where GitHub would link them: not inside a word or an e-mail address.
const MENTION = /(^|[^A-Za-z0-9_`@.\\/+-])@(?=[A-Za-z0-9])/g;

function defangMentions(text: string): string {
  return text.replace(MENTION, `$1@${JOINER}`);
}

// GitHub's keywords (docs: "Linking a pull request to an issue using a keyword"), an optional colon, and a
// reference: `#N`, `owner/repo#N`, or an issue URL.
const CLOSING =
  /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(\s*:?\s+)(?=(?:[\w.-]+\/[\w.-]+)?#\d|https?:\/\/|hxxps?:\/\/)/gi;
const REFERENCE = /((?:^|[^\w&])(?:[\w.-]+\/[\w.-]+)?)#(?=\d)/g;

function defangClosingKeywords(text: string): string {
  // The keyword loses its link to the reference; every `#N` after one loses its link too.
  return text
    .replace(CLOSING, `$1${JOINER}$2`)
    .replace(new RegExp(`(${CLOSING_TAIL})`, 'gi'), (tail) => tail.replace(REFERENCE, `$1#${JOINER}`));
}

// The keyword as rewritten above, through the end of the line: the references it was about.
const CLOSING_TAIL = String.raw`\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)${JOINER}[^\n]*`;
