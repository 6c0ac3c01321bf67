export const id = 997;
export const ids = [997,975,594];
export const modules = {

/***/ 91975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   Q3: () => (/* binding */ writeFileAtomicSync),
/* harmony export */   n1: () => (/* binding */ isTempFile),
/* harmony export */   s0: () => (/* binding */ pathExists),
/* harmony export */   writeFileAtomic: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17594);
/**
 * Files that are either the old version or the new one, never half of either: the checkpoint, the manifest,
 * the metrics, the heartbeat, effect records, the fleet state. One implementation for all of them.
 *
 * `writeFileAtomic` writes a temp file in the target's directory (a rename is only atomic within one file
 * system), fsyncs it, renames it over the target and fsyncs the directory so the rename itself survives a
 * power cut. A SIGKILL at any instant leaves the old target or the new one, plus at worst an orphaned
 * `*.tmp` beside it (callers that own a directory under a lock may sweep those; see `isTempFile`).
 */





/** Replaces `path` with `data` atomically. Creates the parent directory when it is missing. */
async function writeFileAtomic(path, data, options = {}) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await writeSynced(temp, data);
    }
    catch (error) {
        // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
        // makes us create it and try once more.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) !== 'ENOENT')
            throw await withoutTemp(temp, error);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
        try {
            await writeSynced(temp, data);
        }
        catch (again) {
            throw await withoutTemp(temp, again);
        }
    }
    try {
        options.beforeRename?.();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, path);
    }
    catch (error) {
        throw await withoutTemp(temp, error);
    }
    if (options.syncDir !== false)
        await syncDirectory(dir);
}
/**
 * `writeFileAtomic` without awaiting anything, for the one moment there is no time to (a forced exit): temp
 * file, fsync, rename. No directory fsync and no directory creation: the directory exists by then.
 */
function writeFileAtomicSync(path, data, options = {}) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx');
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        options.beforeRename?.();
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
    }
    catch (error) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temp);
        }
        catch {
            // never created, or renamed already
        }
        throw error;
    }
}
/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
function isTempFile(name) {
    return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}
async function writeSynced(path, data) {
    // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function withoutTemp(temp, error) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => undefined);
    return error;
}
/**
 * Directories cannot be opened on Windows and some file systems refuse fsync on them (EINVAL); there the
 * rename is as durable as the platform makes it. Any other failure (EIO) is real and is thrown.
 */
async function syncDirectory(dir) {
    if (process.platform === 'win32')
        return;
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error);
        if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
            throw error;
    }
    finally {
        await handle?.close();
    }
}
/** Whether anything (a file, a directory) is at `path`; an unreadable parent counts as nothing there. */
async function pathExists(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).then(() => true, () => false);
}
/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
async function readJsonFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) === 'ENOENT' ? 'missing' : 'unreadable';
        return { ok: false, reason, detail: `${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}` };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    }
    catch (error) {
        return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)})`, text };
    }
}


/***/ }),

/***/ 17594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   formatFatal: () => (/* binding */ formatFatal),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Last-resort error text for the CLI: the message and, for unexpected errors, the stack. */
function formatFatal(error) {
    if (error instanceof Error) {
        const named = error;
        // Errors we raise on purpose (config, router exhaustion) read better without a stack.
        if (named.expected === true)
            return `keel: ${error.message}\n`;
        return `keel: ${error.stack ?? error.message}\n`;
    }
    return `keel: ${String(error)}\n`;
}


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ neutralizeForPublish)
/* harmony export */ });
/* unused harmony exports JOINER, defangUrl */
/* harmony import */ var _sanitize_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21717);
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

/** U+200D ZERO WIDTH JOINER: invisible, and enough to break GitHub's mention and reference syntax. */
const JOINER = '\u200d';
const DEFAULT_TRUSTED = ['github.com'];
const MAX_PASSES = 8;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// C0 controls but tab and newline, DEL, C1 controls.
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** A marker's words even outside a comment (a comment opener broken by a backslash or a space). */
const MARKER_WORDS = /<\s*!\s*-\s*-\s*keel\s*:[^\n]*/gi;
function neutralizeForPublish(text, options = {}) {
    const trusted = new Set((options.trustedHosts ?? DEFAULT_TRUSTED).map((h) => h.toLowerCase()));
    const pass = options.target === 'commit' ? (t) => commitPass(t) : (t) => markdownPass(t, trusted);
    let current = text;
    for (let i = 0; i < MAX_PASSES; i++) {
        const next = pass(current);
        if (next === current)
            return next;
        current = next;
    }
    // Built to nest deeper than the passes: without `<` and `&` no tag, comment or entity can form.
    return pass(current.replace(/[<&]/g, ''));
}
function basePass(text) {
    return text
        .toWellFormed()
        .replace(LINE_BREAKS, '\n')
        .replace(CONTROLS, '')
        .replace(_sanitize_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .INVISIBLE_CHARACTERS */ .Ht, '')
        .normalize('NFC');
}
function commitPass(text) {
    const cleaned = basePass(text).replace(HTML_COMMENT, '').replace(MARKER_WORDS, '');
    return defangMentions(defangClosingKeywords(cleaned));
}
function markdownPass(text, trusted) {
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
const NAMED = { lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text) {
    return text
        .replace(/&#(\d{1,7});?/g, (_, dec) => printable(Number.parseInt(dec, 10)))
        .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex) => printable(Number.parseInt(hex, 16)))
        .replace(/&(lt|gt|quot|apos);/gi, (_, name) => NAMED[name.toLowerCase()]);
}
function printable(code) {
    return code >= 32 && code <= 126 ? String.fromCharCode(code) : '';
}
// ---------------------------------------------------------------------------------------------------------
// HTML
// The three attribute forms (double-quoted, single-quoted, unquoted) apart, as upstream does (#1366, #1371).
const HIDDEN_ATTRIBUTE = String.raw `(?:alt|title|aria-label|placeholder|data-[a-z0-9-]+)`;
const HIDDEN = [
    new RegExp(String.raw `\s${HIDDEN_ATTRIBUTE}\s*=\s*"[^"]*"`, 'gi'),
    new RegExp(String.raw `\s${HIDDEN_ATTRIBUTE}\s*=\s*'[^']*'`, 'gi'),
    new RegExp(String.raw `\s${HIDDEN_ATTRIBUTE}\s*=\s*[^\s>]+`, 'gi'),
];
function stripHiddenAttributes(text) {
    return HIDDEN.reduce((out, pattern) => out.replace(pattern, ''), text);
}
/** keel's own: `<details><summary>error context</summary> … </details>` in the recovery record. */
const ALLOWED_TAG = /^<\/?(?:details|summary)>|^<br\s*\/?>/i;
/**
 * A `<` opening a tag, a closing tag, a comment, a declaration or a processing instruction is followed by a
 * joiner: no longer HTML, and unlike `&lt;` it reads the same inside a code span, where entities show raw.
 */
function escapeTags(text) {
    return text.replace(/<(?=[A-Za-z/!?])/g, (lt, offset) => ALLOWED_TAG.test(text.slice(offset, offset + 12)) ? lt : `<${JOINER}`);
}
// ---------------------------------------------------------------------------------------------------------
// Images, links, URLs
/** `![alt](url "title")` and `![alt][ref]`: words, never an image. */
function defangImages(text) {
    return (text
        .replace(/!\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, (_, url) => (url === '' ? '(image)' : `(image: ${defangUrl(url)})`))
        .replace(/!\[[^\]\n]*\]\[[^\]\n]*\]/g, '(image)')
        // Whatever is left (cut short, spread over lines) cannot become one either.
        .replace(/!\[/g, `!${JOINER}[`));
}
/** `[text](url "title")`: a link to a trusted host (or a relative one) loses its title; others become text. */
function defangLinks(text, trusted) {
    const inline = text.replace(/\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, (_, label, url) => isTrusted(url, trusted) ? `[${label}](${url})` : `${label} (${defangUrl(url)})`);
    // Reference definitions `[x]: url "title"`: the title goes, an untrusted URL is defanged.
    return inline.replace(/^( {0,3}\[[^\]\n]+\]:[ \t]*)<?(\S+?)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm, (_, head, url) => `${head}${isTrusted(url, trusted) ? url : defangUrl(url)}`);
}
const URL_PATTERN = /\b(https?):\/\/([^\s/?#<>()[\]"'`]+)([^\s<>()[\]"'`]*)/gi;
// GFM's extended autolinks also take `www.` without a scheme.
const WWW_PATTERN = /(^|[\s*_~(])(www)\.(?=[A-Za-z0-9-])/gim;
function defangBareUrls(text, trusted) {
    return text
        .replace(URL_PATTERN, (url) => (isTrusted(url, trusted) ? url : defangUrl(url)))
        .replace(WWW_PATTERN, '$1$2[.]');
}
/** Relative links resolve on the GitHub server itself; absolute ones count only on a trusted host. */
function isTrusted(url, trusted) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//'))
        return !/^www\./i.test(url);
    try {
        const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
        return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && trusted.has(parsed.hostname);
    }
    catch {
        return false;
    }
}
/** `https://evil.example/x` → `hxxps://evil[.]example/x`: readable, and nothing GitHub links. */
function defangUrl(url) {
    const match = /^([a-z][a-z0-9+.-]*):(\/\/)?([^/?#]*)(.*)$/is.exec(url);
    if (!match)
        return url.replace(/\./g, '[.]');
    const [, scheme, slashes = '', host, rest] = match;
    const safeScheme = scheme.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp');
    return `${safeScheme}:${slashes}${host.replace(/\./g, '[.]')}${rest}`;
}
// ---------------------------------------------------------------------------------------------------------
// Mentions and closing keywords
// `@name` and `@org/team` where GitHub would link them: not inside a word or an e-mail address.
const MENTION = /(^|[^A-Za-z0-9_`@.\\/+-])@(?=[A-Za-z0-9])/g;
function defangMentions(text) {
    return text.replace(MENTION, `$1@${JOINER}`);
}
// GitHub's keywords (docs: "Linking a pull request to an issue using a keyword"), an optional colon, and a
// reference: `#N`, `owner/repo#N`, or an issue URL.
const CLOSING = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(\s*:?\s+)(?=(?:[\w.-]+\/[\w.-]+)?#\d|https?:\/\/|hxxps?:\/\/)/gi;
const REFERENCE = /((?:^|[^\w&])(?:[\w.-]+\/[\w.-]+)?)#(?=\d)/g;
function defangClosingKeywords(text) {
    // The keyword loses its link to the reference; every `#N` after one loses its link too.
    return text
        .replace(CLOSING, `$1${JOINER}$2`)
        .replace(new RegExp(`(${CLOSING_TAIL})`, 'gi'), (tail) => tail.replace(REFERENCE, `$1#${JOINER}`));
}
// The keyword as rewritten above, through the end of the line: the references it was about.
const CLOSING_TAIL = String.raw `\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)${JOINER}[^\n]*`;


/***/ }),

/***/ 63861:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ Serial),
/* harmony export */   v: () => (/* binding */ forEachLimited)
/* harmony export */ });
/** Runs async tasks one at a time, in call order: commits in one work tree, checkpoints of one run. */
class Serial {
    #tail = Promise.resolve();
    run(task) {
        const result = this.#tail.then(task, task);
        this.#tail = result.catch(() => undefined);
        return result;
    }
}
/** Runs `task` over `items` with at most `limit` in flight; resolves when all have settled. */
async function forEachLimited(items, limit, task) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const item = items[next++];
            await task(item);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}


/***/ }),

/***/ 58408:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INIT_USAGE: () => (/* binding */ INIT_USAGE),
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/fleet/probe.js + 3 modules
var fleet_probe = __webpack_require__(62134);
// EXTERNAL MODULE: ./lib/github/api/index.js + 3 modules
var api = __webpack_require__(82419);
// EXTERNAL MODULE: ./lib/github/effects/index.js + 10 modules
var effects = __webpack_require__(94492);
;// CONCATENATED MODULE: ./lib/cli/init/workflow-template.js
/**
 * The workflow `keel init` writes: examples/workflows/keel.yml, word for word (test/cli/init.test.ts keeps
 * them equal), with `OWNER/keel` replaced by the keel repository the user names. A string, not a file read at
 * run time: the \`keel\` bin is one bundle and carries no examples/ folder.
 */
const KEEL_WORKFLOW = `# keel in your repository: on a schedule (issues labelled \`keel\`, oldest first, one at a time), on demand
# (workflow_dispatch, with \`resume: true\` to continue an interrupted run, \`doctor: true\` to check the setup),
# and from issue comments (\`/keel run …\`, \`/keel resume\`, \`/keel status\`, \`/keel pause\`, \`/keel unpause\`).
#
# Copy it to .github/workflows/keel.yml. \`OWNER/keel@v1\` is keel's repository and major release: if you use a
# fork, put its owner there. See the README's "Set up keel in your repository".
name: keel

on:
  schedule:
    - cron: '17 */6 * * *'
  workflow_dispatch:
    inputs:
      task:
        description: What to do
        type: string
        default: ''
      resume:
        description: Resume an interrupted run
        type: boolean
        default: false
      run-id:
        description: The run to resume (empty = the latest unfinished one)
        type: string
        default: ''
      doctor:
        description: Only check the setup (config, keys, models, labels, permissions) and report
        type: boolean
        default: false
  issue_comment:
    types: [created]

# Least privilege: the work and state branches (and claim refs), issues (recovery, manual implementation,
# tracking comment, labels), the pull request, and reading artifacts of earlier runs on resume.
permissions:
  contents: write
  issues: write
  pull-requests: write
  actions: read

jobs:
  # \`/keel status\`, \`/keel pause\`, \`/keel unpause\` answer at once on a GitHub-hosted runner: never queued
  # behind a 90-minute run, never cancelled by one, answered when the self-hosted runner is offline.
  command:
    if: >-
      github.event_name == 'issue_comment' &&
      contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association) &&
      (startsWith(github.event.comment.body, '/keel status') ||
       startsWith(github.event.comment.body, '/keel pause') ||
       startsWith(github.event.comment.body, '/keel unpause'))
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: read
      issues: write
    steps:
      - uses: actions/checkout@v4
      - uses: OWNER/keel@v1

  keel:
    # Cheap pre-filter: strangers neither occupy the self-hosted runner nor cancel a maintainer's queued run.
    # keel itself checks the commenter's write access (the collaborator-permission API) and ignores the rest.
    if: >-
      github.event_name != 'issue_comment' ||
      (contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association) &&
       startsWith(github.event.comment.body, '/keel') &&
       !startsWith(github.event.comment.body, '/keel status') &&
       !startsWith(github.event.comment.body, '/keel pause') &&
       !startsWith(github.event.comment.body, '/keel unpause'))
    # A self-hosted runner that can see the LAN models (labels: self-hosted, local-llm); hosted endpoints
    # serve as the fallback. With hosted endpoints only, use ubuntu-latest.
    runs-on: [self-hosted, local-llm]
    timeout-minutes: 90
    # One run per issue at a time; runs are never cancelled by a newer one (they checkpoint and resume).
    concurrency:
      group: keel-\${{ github.event.issue.number || github.ref }}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: OWNER/keel@v1
        # Untrusted text (comments, issue bodies) is read by keel from the event payload, never interpolated
        # here; API keys reach it only through env.
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
        with:
          task: \${{ inputs.task }}
          resume: \${{ inputs.resume || false }}
          run-id: \${{ inputs.run-id }}
          doctor: \${{ inputs.doctor || false }}
          time-budget-minutes: '80'
          # keel pushes (work branch, state branch) and opens pull requests with this token. The default,
          # GITHUB_TOKEN, starts no push/pull_request workflows: no CI on keel's pull requests. A PAT
          # (contents and pull requests: write) or a GitHub App token here starts them.
          # github-token: \${{ secrets.KEEL_TOKEN }}
`;
/** The placeholder for keel's repository in the examples. */
const KEEL_REPOSITORY_PLACEHOLDER = 'OWNER/keel';

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(57851);
// EXTERNAL MODULE: ./lib/cli/project-dir.js
var project_dir = __webpack_require__(53013);
;// CONCATENATED MODULE: ./lib/cli/init-command.js
/**
 * `keel init`: keel in a repository in one command (issue 11 §3) — `.github/keel.yml` from the endpoints it
 * finds (the ones named with `--endpoint`, or localhost's usual ports: Ollama 11434, LM Studio 1234,
 * llama.cpp 8080, vLLM 8000) and the models they list, with a hosted fallback; the workflow
 * `.github/workflows/keel.yml` (examples/workflows/keel.yml); with `--labels`, the labels people put on
 * issues. Then it prints the repository settings still to make. It never overwrites a file without `--force`.
 */












const INIT_USAGE = `usage: keel init [--endpoint URL]... [options]

Writes .github/keel.yml (the endpoints found and their models, a hosted fallback) and
.github/workflows/keel.yml (schedule, dispatch, /keel comments), then prints what is left to set up.

  --endpoint URL           an OpenAI-compatible server to use (repeat for several), e.g.
                           http://192.168.1.20:11434/v1; default: localhost's Ollama (11434), LM Studio
                           (1234), llama.cpp (8080) and vLLM (8000), whichever answer
  --hosted openai|none     the hosted fallback (default openai: OPENAI_API_KEY, gpt-5-nano)
  --keel OWNER/NAME@REF    the keel action the workflow uses (default ${KEEL_REPOSITORY_PLACEHOLDER}@v1)
  --labels                 create the keel and keel:paused labels (GITHUB_TOKEN and GITHUB_REPOSITORY)
  --force                  overwrite files that exist
`;
const LOCAL_PORTS = [
    { port: 11434, id: 'ollama' },
    { port: 1234, id: 'lmstudio' },
    { port: 8080, id: 'llamacpp' },
    { port: 8000, id: 'vllm' },
];
const PROBE_TIMEOUT_MS = 2_000;
const HOSTED = {
    id: 'openai',
    url: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    model: 'gpt-5-nano',
};
const initCommand = async (argv, io) => {
    const { values } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        options: {
            endpoint: { type: 'string', multiple: true },
            hosted: { type: 'string', default: 'openai' },
            keel: { type: 'string', default: `${KEEL_REPOSITORY_PLACEHOLDER}@v1` },
            labels: { type: 'boolean', default: false },
            force: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, INIT_USAGE);
    if (values.help) {
        io.stdout(INIT_USAGE);
        return 0;
    }
    if (values.hosted !== 'openai' && values.hosted !== 'none')
        throw new cli_io/* UsageError */.e(`--hosted ${JSON.stringify(values.hosted)}: expected openai or none`);
    const keel = /^([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)@([A-Za-z0-9._/-]+)$/.exec(values.keel);
    if (!keel)
        throw new cli_io/* UsageError */.e(`--keel ${JSON.stringify(values.keel)}: expected OWNER/NAME@REF`);
    const root = (0,project_dir/* projectDir */.t)(io);
    const configPath = (0,external_node_path_.join)(root, '.github', 'keel.yml');
    const workflowPath = (0,external_node_path_.join)(root, '.github', 'workflows', 'keel.yml');
    if (!values.force) {
        const existing = [];
        for (const path of [configPath, workflowPath])
            if (await (0,atomic_file/* pathExists */.s0)(path))
                existing.push((0,external_node_path_.relative)(root, path));
        if (existing.length > 0) {
            io.stderr(`keel init: ${existing.join(' and ')} exist already; --force overwrites them\n`);
            return 1;
        }
    }
    const candidates = values.endpoint?.length
        ? values.endpoint.map((url, i) => ({ id: `lan-${i + 1}`, url: url.replace(/\/+$/, '') }))
        : LOCAL_PORTS.map(({ port, id }) => ({ id, url: `http://127.0.0.1:${port}/v1` }));
    io.stdout(`probing ${candidates.map((c) => c.url).join(', ')}\n`);
    const found = [];
    for (const candidate of candidates) {
        const answer = await probeOne(candidate, io);
        if (answer === undefined)
            continue;
        found.push(answer);
        io.stdout(`  ${candidate.url}: ${answer.models.length} model(s): ${answer.models.slice(0, 8).join(', ')}\n`);
    }
    if (found.length === 0 && values.hosted === 'none')
        throw new cli_io/* UsageError */.e('no endpoint answered and --hosted none: name one with --endpoint URL');
    if (found.length === 0)
        io.stdout('  no local endpoint answered: the configuration uses the hosted one only\n');
    const config = configFor(found, values.hosted === 'openai');
    // What it writes must be what keel reads: validated before anything is written.
    (0,load/* validateConfigValue */.GJ)(config, (0,external_node_path_.relative)(root, configPath));
    await write(configPath, `${CONFIG_HEADER}${(0,dist/* stringify */.As)(config)}`);
    const workflow = KEEL_WORKFLOW.replaceAll(`${KEEL_REPOSITORY_PLACEHOLDER}@v1`, values.keel).replaceAll(KEEL_REPOSITORY_PLACEHOLDER, keel[1]);
    await write(workflowPath, workflow);
    io.stdout(`wrote ${(0,external_node_path_.relative)(root, configPath)} and ${(0,external_node_path_.relative)(root, workflowPath)}\n`);
    if (values.labels)
        await createLabels(io, root);
    io.stdout(nextSteps(found, values.hosted === 'openai'));
    return 0;
};
const CONFIG_HEADER = `# keel's configuration, written by \`keel init\`. Every key and its default: examples/keel.yml in keel's
# repository; \`keel schema\` prints the JSON Schema; \`keel doctor\` checks it against the endpoints.
`;
async function probeOne(candidate, io) {
    let endpoint;
    try {
        endpoint = (await (0,load/* loadConfig */.Z9)({
            version: 1,
            endpoints: [{ id: candidate.id, url: candidate.url, kind: 'local' }],
            roles: { coder: [`${candidate.id}/probe`] },
        })).endpoints[0];
    }
    catch (error) {
        throw new cli_io/* UsageError */.e(`--endpoint ${candidate.url}: ${error.message}`);
    }
    const probe = await (0,fleet_probe/* probeHealth */.v_)(endpoint, { timeoutMs: PROBE_TIMEOUT_MS, env: io.env, signal: io.signal });
    if (!probe.healthy || probe.models.length === 0)
        return undefined;
    return { id: candidate.id, url: candidate.url, models: probe.models, model: preferredModel(probe.models) };
}
/** A coding model when the server has one (the coder is the role that matters most), else the first. */
function preferredModel(models) {
    return models.find((m) => /coder|code/i.test(m)) ?? models[0];
}
function configFor(found, hosted) {
    const local = found.map((e) => `${e.id}/${e.model}`);
    const tiers = [];
    if (local.length === 1)
        tiers.push(local[0]);
    if (local.length > 1)
        tiers.push(local);
    if (hosted)
        tiers.push(`${HOSTED.id}/${HOSTED.model}`);
    return {
        version: 1,
        endpoints: [
            ...found.map((e) => ({ id: e.id, url: e.url, kind: 'local' })),
            ...(hosted ? [{ id: HOSTED.id, url: HOSTED.url, kind: 'hosted', apiKeyEnv: HOSTED.apiKeyEnv }] : []),
        ],
        roles: { planner: tiers, coder: tiers, reviewer: tiers },
    };
}
function nextSteps(found, hosted) {
    const steps = [
        '',
        'Still to do, in the repository on GitHub:',
        hosted
            ? `  1. Secrets: add ${HOSTED.apiKeyEnv} (Settings › Secrets and variables › Actions).`
            : '  1. Secrets: none needed by this configuration.',
        found.length > 0
            ? '  2. A self-hosted runner that reaches these endpoints, with the labels self-hosted and local-llm.'
            : '  2. Runner: the workflow asks for [self-hosted, local-llm]; with hosted endpoints only, use ubuntu-latest.',
        '  3. Settings › Actions › General › Workflow permissions: "Allow GitHub Actions to create and approve pull requests".',
        '  4. Labels keel and keel:paused (`keel init --labels`, or `gh label create keel`).',
        '  5. Commit .github/keel.yml and .github/workflows/keel.yml and push.',
        '  6. First run: Actions › keel › Run workflow with doctor: true (or `keel doctor` here).',
        '  7. Label an issue keel (the schedule takes it), or comment /keel run on one.',
        '',
    ];
    return steps.join('\n');
}
async function createLabels(io, root) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    if (!token || !io.env.GITHUB_REPOSITORY) {
        io.stderr('keel init: --labels needs GITHUB_TOKEN (or GH_TOKEN) and GITHUB_REPOSITORY; labels not created\n');
        return;
    }
    const ctx = await (0,api/* readActionContext */.wc)({ ...io.env, GITHUB_WORKSPACE: root });
    const client = (0,api/* createOctokit */.Qi)({ token, baseUrl: ctx.apiUrl });
    for (const [name, color, description] of [
        ['keel', '1d76db', 'queued for keel (the schedule takes the oldest)'],
        ['keel:paused', 'fbca04', 'keel leaves this alone until the label goes'],
    ]) {
        try {
            await client.rest.issues.createLabel({ owner: ctx.owner, repo: ctx.repo, name, color, description });
            io.stdout(`created label ${name}\n`);
        }
        catch (error) {
            if ((0,effects/* statusOf */.c2)(error) !== 422)
                throw error;
            io.stdout(`label ${name} exists\n`);
        }
    }
}
async function write(path, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, text);
}


/***/ })

};
