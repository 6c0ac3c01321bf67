export const id = 283;
export const ids = [283];
export const modules = {

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

/***/ 63683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _m: () => (/* binding */ createCommandRunner),
/* harmony export */   q$: () => (/* binding */ shellCommand)
/* harmony export */ });
/* unused harmony exports DEFAULT_KILL_GRACE_MS, DEFAULT_MAX_STREAM_BYTES */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77030);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(643);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80991);
/* harmony import */ var _capture_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(69815);
/* harmony import */ var _process_group_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(20594);
/* harmony import */ var _error_record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(24245);
/**
 * The one bounded command runner. Every command keel runs (validation commands, git) goes through it, so the
 * guarantees hold everywhere:
 * - a deadline: at `timeoutMs` (or on abort) the child's whole process group gets SIGTERM, and SIGKILL after
 *   `killGraceMs` if anything in it is still alive — a command that ignores SIGTERM still ends;
 * - bounded memory: each stream keeps its head and tail (64 KiB in all by default), whatever is printed, and
 *   reading it allocates nothing per read (see `openOutputs`);
 * - no secrets in what is kept: captured text is redacted before anyone sees it;
 * - no shell: `spawn` never gets `shell: true`; the only shell is an explicit `/bin/sh -c` from `shellCommand`.
 *
 * The child leads its own process group (`detached: true`, which also starts a new session: no controlling
 * terminal, so nothing can stop to prompt on a tty). Once the child itself has exited, descendants that still
 * hold its stdout/stderr get `killGraceMs` to finish, then the group is ended the same way: a command's
 * leftovers are part of the command, and a run must not wait for a daemon someone forgot to stop.
 */










const DEFAULT_KILL_GRACE_MS = 2000;
const DEFAULT_MAX_STREAM_BYTES = 64 * 1024;
function createCommandRunner(options = {}) {
    const config = {
        secrets: options.secrets ?? (() => []),
        killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
        maxStreamBytes: options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES,
    };
    return { run: (spec, runOptions) => runCommand(spec, config, runOptions?.signal) };
}
/**
 * `/bin/sh -c line`, for command lines written by the repository owner in keel's config (`validate:
 * ["npm test"]`), where pipes and `&&` are expected. NEVER pass text that came from a model, an issue, a
 * comment, a branch name or any other input keel does not own: it would run as shell code. Everything else
 * builds a `CommandSpec` with an argument array.
 */
function shellCommand(line, cwd, timeoutMs) {
    return { command: '/bin/sh', args: ['-c', line], cwd, timeoutMs };
}
async function runCommand(spec, config, signal) {
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_5__.performance.now();
    if (signal?.aborted)
        return notStarted(started, 'aborted before start', true);
    const bound = spec.maxStreamBytes ?? config.maxStreamBytes;
    const captures = [new _capture_js__WEBPACK_IMPORTED_MODULE_8__/* .HeadTailCapture */ .NS(bound), new _capture_js__WEBPACK_IMPORTED_MODULE_8__/* .HeadTailCapture */ .NS(bound)];
    const outputs = await openOutputs(captures);
    if (signal?.aborted) {
        for (const output of outputs ?? [])
            output.reader.destroy();
        return notStarted(started, 'aborted before start', true);
    }
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(spec.command, spec.args, {
            cwd: spec.cwd,
            env: childEnv(spec.env, spec.replaceEnv === true),
            detached: true,
            stdio: [
                spec.input === undefined ? 'ignore' : 'pipe',
                outputs?.[0]?.writer ?? 'pipe',
                outputs?.[1]?.writer ?? 'pipe',
            ],
            windowsHide: true,
        });
    }
    catch (error) {
        // Synchronous refusals: a NUL byte in an argument, an invalid option.
        for (const output of outputs ?? [])
            output.reader.destroy();
        return notStarted(started, errorText(error), false);
    }
    finally {
        // The child has its own copies now; ours would keep the readers from ever seeing the end.
        for (const output of outputs ?? [])
            output.writer.destroy();
    }
    let readers;
    if (outputs !== null)
        readers = outputs.map((output) => output.reader);
    else {
        readers = [];
        for (const [stream, capture] of [
            [child.stdout, captures[0]],
            [child.stderr, captures[1]],
        ]) {
            if (stream === null)
                continue;
            stream.on('data', (chunk) => capture.push(chunk));
            readers.push(stream);
        }
    }
    return new Execution(child, readers, captures, spec, config, started, signal).done;
}
/**
 * Every read of every output stream lands in this one buffer and is copied into its capture at once: reads
 * are synchronous callbacks, so all readers can share it. Node's default read path allocates a fresh 64 KiB
 * buffer per read, garbage that V8 only collects once some 64 MB of it has piled up: tens of MB of extra RSS
 * while a command prints a gigabyte, all to keep 64 KiB.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
/** Setting up the sockets takes well under a millisecond; past this, plain pipes it is. */
const OUTPUT_SETUP_MS = 2000;
/**
 * A connected pair of Unix-domain stream sockets per output stream — what `stdio: 'pipe'` gives the child too
 * (libuv makes those with socketpair) — but with the reading end made here, so that it can read into
 * READ_BUFFER (`onread`, which Node does not offer on the pipes it makes for a child). The listening socket
 * lives in a fresh private (0700) directory only while the two connections are made. Null when any of it
 * fails (a TMPDIR too long for a socket path, say): the caller then falls back to plain pipes, still bounded.
 */
async function openOutputs(captures) {
    const server = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createServer)({ pauseOnConnect: true });
    const readers = [];
    const writers = [];
    let dir;
    let timer;
    try {
        dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'keel-out-'));
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'out.sock');
        // Each step waits for its event, or for the first error of the server or a reader, or the deadline.
        let fail = () => undefined;
        const failure = new Promise((_, reject) => (fail = reject));
        failure.catch(() => undefined);
        server.on('error', fail);
        timer = setTimeout(() => fail(new Error('output setup timed out')), OUTPUT_SETUP_MS);
        await Promise.race([failure, new Promise((resolve) => server.listen(path, resolve))]);
        for (const capture of captures) {
            const accepted = new Promise((resolve) => server.once('connection', resolve));
            const reader = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.connect)({
                path,
                onread: {
                    buffer: READ_BUFFER,
                    callback: (bytes) => {
                        capture.push(READ_BUFFER, 0, bytes);
                        return true; // keep reading
                    },
                },
            });
            // Once set up, an error just ends the reader ('close' follows), and a late `fail` changes nothing.
            reader.on('error', fail);
            readers.push(reader);
            writers.push(await Promise.race([failure, accepted]));
        }
        return readers.map((reader, i) => ({ reader, writer: writers[i] }));
    }
    catch {
        for (const socket of [...readers, ...writers])
            socket.destroy();
        return null;
    }
    finally {
        clearTimeout(timer);
        server.close();
        if (dir !== undefined)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** One running child and everything that can end it. Settles exactly once, with every timer cleared. */
class Execution {
    done;
    #child;
    #config;
    #started;
    #signal;
    #captures;
    #readers;
    #timers = [];
    #onAbort = () => this.#stop('abort');
    #stopReason;
    #exit;
    #openReaders;
    #resolve;
    #settled = false;
    constructor(child, readers, captures, spec, config, started, signal) {
        this.#child = child;
        this.#readers = readers;
        this.#captures = captures;
        this.#config = config;
        this.#started = started;
        this.#signal = signal;
        this.done = new Promise((resolve) => (this.#resolve = resolve));
        // Done once the child has exited and both streams are closed (what 'close' means for a child's pipes).
        this.#openReaders = readers.length;
        for (const reader of readers) {
            reader.once('close', () => {
                this.#openReaders--;
                this.#maybeFinish();
            });
        }
        child.on('error', (error) => this.#onError(error, spec.cwd));
        child.on('exit', (code, sig) => {
            this.#exit = { code, signal: sig };
            this.#onExit();
            this.#maybeFinish();
        });
        this.#writeInput(spec.input);
        this.#timers.push(setTimeout(() => this.#stop('timeout'), Math.max(0, spec.timeoutMs)));
        signal?.addEventListener('abort', this.#onAbort, { once: true });
    }
    #writeInput(input) {
        const stdin = this.#child.stdin;
        if (input === undefined || stdin === null)
            return;
        // A child that exits without reading its input makes the write fail with EPIPE: not our failure.
        stdin.on('error', () => undefined);
        stdin.end(input);
    }
    /** TERM the group now, KILL it after the grace; if even that leaves our pipes open, stop reading them. */
    #stop(reason) {
        if (this.#stopReason !== undefined || this.#settled)
            return;
        this.#stopReason = reason;
        const pid = this.#child.pid;
        if (pid === undefined)
            return;
        (0,_process_group_js__WEBPACK_IMPORTED_MODULE_9__/* .signalGroup */ .i)(pid, 'SIGTERM');
        const grace = this.#config.killGraceMs;
        this.#timers.push(setTimeout(() => {
            (0,_process_group_js__WEBPACK_IMPORTED_MODULE_9__/* .signalGroup */ .i)(pid, 'SIGKILL');
            // Whatever still holds the pipes left the group (setsid): give it the same grace, then let go.
            this.#timers.push(setTimeout(() => this.#releaseStreams(), grace));
        }, grace));
    }
    #onExit() {
        // Normally 'close' follows at once. If descendants keep stdout/stderr open, end them after the grace.
        this.#timers.push(setTimeout(() => {
            const pid = this.#child.pid;
            if (pid !== undefined && (0,_process_group_js__WEBPACK_IMPORTED_MODULE_9__/* .groupAlive */ .x)(pid))
                this.#stop('linger');
            else
                this.#releaseStreams();
        }, this.#config.killGraceMs));
    }
    #releaseStreams() {
        for (const reader of this.#readers)
            reader.destroy();
    }
    #onError(error, cwd) {
        // After a successful spawn, errors come from signalling or stdin and 'close' still follows.
        if (this.#child.pid !== undefined)
            return;
        this.#settle(notStarted(this.#started, `${errorText(error)} (cwd ${cwd})`, false));
    }
    #maybeFinish() {
        if (this.#exit !== undefined && this.#openReaders === 0)
            this.#finish(this.#exit.code, this.#exit.signal);
    }
    #finish(code, signal) {
        const secrets = this.#config.secrets().filter((s) => s.length > 0);
        this.#settle({
            exitCode: code,
            signal,
            timedOut: this.#stopReason === 'timeout',
            aborted: this.#stopReason === 'abort',
            stdout: redactedStream(this.#captures[0].parts(), secrets),
            stderr: redactedStream(this.#captures[1].parts(), secrets),
            durationMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_5__.performance.now() - this.#started),
        });
    }
    #settle(result) {
        if (this.#settled)
            return;
        this.#settled = true;
        for (const timer of this.#timers)
            clearTimeout(timer);
        // Already closed unless the command never started.
        this.#releaseStreams();
        this.#signal?.removeEventListener('abort', this.#onAbort);
        this.#resolve(result);
    }
}
/**
 * Head and tail are redacted apart: a key cut by the omitted middle is caught at both cut edges (the head
 * ending with the start of a key, the tail starting with the end of one).
 */
function redactedStream(parts, secrets) {
    if (parts.omittedBytes === 0) {
        return { text: (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(parts.head, secrets), totalBytes: parts.totalBytes, truncated: false };
    }
    const text = (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .redact */ .E$)(parts.head, secrets) + (0,_capture_js__WEBPACK_IMPORTED_MODULE_8__/* .omittedMarker */ .vQ)(parts.omittedBytes) + (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .redactFragment */ .UN)(parts.tail, secrets);
    return { text, totalBytes: parts.totalBytes, truncated: true };
}
function childEnv(env, replace) {
    const merged = replace ? {} : { ...process.env };
    for (const [key, value] of Object.entries(env ?? {})) {
        if (value === undefined)
            delete merged[key];
        else
            merged[key] = value;
    }
    return merged;
}
const EMPTY_STREAM = { text: '', totalBytes: 0, truncated: false };
function notStarted(started, error, aborted) {
    return {
        exitCode: null,
        signal: null,
        timedOut: false,
        aborted,
        stdout: EMPTY_STREAM,
        stderr: EMPTY_STREAM,
        durationMs: Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_5__.performance.now() - started),
        error,
    };
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 24245:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r7: () => (/* binding */ commandErrorRecord)
/* harmony export */ });
/* unused harmony exports STDERR_RECORD_BYTES, formatCommandLine */
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80991);
/* harmony import */ var _capture_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69815);
/**
 * The short, redacted record of a failed command that goes into checkpoints, events and recovery issues. The
 * captured stderr can be 64 KiB; the record keeps its last 8 KiB, because the error is usually at the end.
 */


const STDERR_RECORD_BYTES = 8 * 1024;
const COMMAND_RECORD_CHARS = 2000;
/**
 * `secrets` are the values to redact (the runner already redacted the captured stderr with its own list; the
 * command line was never captured, so it is redacted here: patterns always, values when given).
 */
function commandErrorRecord(spec, result, secrets = []) {
    const stderr = result.stderr;
    const dropped = stderr.truncated ? Math.max(0, stderr.totalBytes - Buffer.byteLength(stderr.text)) : 0;
    const command = (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(formatCommandLine(spec), secrets);
    const record = {
        command: command.length <= COMMAND_RECORD_CHARS ? command : `${command.slice(0, COMMAND_RECORD_CHARS)}…`,
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        aborted: result.aborted,
        stderr: (0,_capture_js__WEBPACK_IMPORTED_MODULE_1__/* .tailOfText */ .he)((0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(stderr.text, secrets), STDERR_RECORD_BYTES, dropped),
        durationMs: result.durationMs,
    };
    if (result.error !== undefined)
        record.error = (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(result.error, secrets);
    return record;
}
/** The command as a human would type it: arguments quoted for a POSIX shell when they need it. */
function formatCommandLine(spec) {
    return [spec.command, ...spec.args].map(quoteArg).join(' ');
}
function quoteArg(arg) {
    if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    return `'${arg.replaceAll("'", `'\\''`)}'`;
}


/***/ }),

/***/ 20594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ signalGroup),
/* harmony export */   x: () => (/* binding */ groupAlive)
/* harmony export */ });
/**
 * Signals for a child that leads its own process group (`spawn(..., { detached: true })`). Signalling the
 * group (`-pid`) reaches the grandchildren too: `npm test` → `sh` → `node` → workers all stop together,
 * instead of the shell dying and its children running on, holding our pipes open.
 */
/** Sends `signal` to the whole group; false when the group no longer exists. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch (error) {
        if (errorCode(error) === 'ESRCH')
            return false;
        // EPERM: a member changed its credentials (setuid). Nothing more we can do for it; say it is alive.
        return true;
    }
}
/** Whether any process is left in the group (signal 0 checks without sending anything). */
function groupAlive(pid) {
    return signalGroup(pid, 0);
}
function errorCode(error) {
    if (typeof error !== 'object' || error === null || !('code' in error))
        return undefined;
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
}


/***/ }),

/***/ 32534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   _s: () => (/* binding */ lockPathsInMessage),
/* harmony export */   bd: () => (/* binding */ classifyGitFailure),
/* harmony export */   r3: () => (/* binding */ isRetryable)
/* harmony export */ });
/* unused harmony export subcommandOf */
const NETWORK_COMMANDS = new Set(['fetch', 'push', 'pull', 'ls-remote', 'clone']);
/** `-c k=v`, `-C dir`, `--git-dir=…`: skipped to find the subcommand. */
function subcommandOf(args) {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '-c' || arg === '-C')
            i++;
        else if (!arg.startsWith('-'))
            return arg;
    }
    return undefined;
}
// Order matters: the non-retryable kinds are recognised first, so a conflict that also mentions a network
// word is still a conflict.
const AUTH = /terminal prompts disabled|Authentication failed|could not read (Username|Password)|Permission denied \(publickey|HTTP (Basic: )?Access denied|returned error: 40[13]\b|Invalid username or password/i;
const CONFLICT = /^CONFLICT \(|Merge conflict in |could not apply [0-9a-f]+|Automatic merge failed|needs merge/m;
const REJECTED = /\[rejected\][^\n]*\((non-fast-forward|fetch first)\)|Updates were rejected because/;
const REMOTE_REJECTED = /\[remote rejected\]|protected branch|pre-receive hook declined/;
// The last: another process's `git worktree add` is half done (its admin dir exists, its commondir not
// yet) — like a lock, it passes when that command finishes.
const LOCK = /Unable to create '[^'\n]+\.lock': File exists|could not lock config file [^\n]*: File exists|cannot lock ref '[^'\n]+': Unable to create|failed to read [^\n]*\/worktrees\/[^/\n]+\/commondir/;
const NETWORK = /Could not resolve host|Temporary failure in name resolution|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|The remote end hung up unexpectedly|early EOF|RPC failed|unexpected disconnect|SSL_ERROR|gnutls_handshake\(\) failed|OpenSSL SSL_(read|connect)|returned error: (408|429|5\d\d)\b|HTTP\/2 stream \d+ was not closed cleanly|Could not read from remote repository/i;
function classifyGitFailure(args, result) {
    if (result.error !== undefined)
        return result.aborted ? 'aborted' : 'spawn';
    if (result.aborted)
        return 'aborted';
    if (result.timedOut)
        return 'timeout';
    const stderr = result.stderr.text;
    const output = `${stderr}\n${result.stdout.text}`;
    if (REJECTED.test(output))
        return 'rejected';
    if (REMOTE_REJECTED.test(output))
        return 'remote-rejected';
    if (CONFLICT.test(output))
        return 'conflict';
    if (AUTH.test(stderr))
        return 'auth';
    if (LOCK.test(stderr))
        return 'lock';
    if (NETWORK_COMMANDS.has(subcommandOf(args) ?? '') && NETWORK.test(stderr))
        return 'network';
    if (result.exitCode === null && result.signal !== null)
        return 'signal';
    return 'exit';
}
/** Locks pass when their holder finishes; the network and timeouts only for commands that use the network. */
function isRetryable(kind, args) {
    if (kind === 'lock' || kind === 'network')
        return true;
    return kind === 'timeout' && NETWORK_COMMANDS.has(subcommandOf(args) ?? '');
}
/** Lock files a git error names (`Unable to create '/repo/.git/index.lock': File exists`). */
function lockPathsInMessage(text) {
    const paths = new Set();
    for (const match of text.matchAll(/Unable to create '([^'\n]+\.lock)': File exists/g))
        paths.add(match[1]);
    for (const match of text.matchAll(/could not lock config file ([^\n:]+): File exists/g)) {
        paths.add(`${match[1]}.lock`);
    }
    return [...paths];
}
/** A git command that failed (and was not allowed to): the kind, and the redacted, bounded record. */
class GitError extends Error {
    kind;
    record;
    result;
    attempts;
    constructor(kind, record, result, attempts) {
        super(`${record.command} failed (${describe(kind, record)})${lastLine(record.stderr)}`);
        this.name = 'GitError';
        this.kind = kind;
        this.record = record;
        this.result = result;
        this.attempts = attempts;
    }
}
function describe(kind, record) {
    if (kind === 'spawn')
        return record.error ?? 'could not start';
    if (kind === 'timeout')
        return `timed out after ${record.durationMs} ms`;
    if (kind === 'aborted')
        return 'aborted';
    if (record.signal !== null)
        return `${kind}, signal ${record.signal}`;
    return `${kind}, exit ${record.exitCode}`;
}
function lastLine(stderr) {
    const lines = stderr.trim().split('\n');
    const fatal = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '';
    return fatal === '' ? '' : `: ${fatal.slice(0, 300)}`;
}


/***/ }),

/***/ 28540:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XS: () => (/* reexport */ git_errors/* GitError */.XS),
  lD: () => (/* binding */ createGit),
  hq: () => (/* reexport */ remoteAuth),
  iZ: () => (/* reexport */ remoteAuthSecrets)
});

// UNUSED EXPORTS: GIT_DEFAULTS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/base/clock.js
var clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/exec/error-record.js
var error_record = __webpack_require__(24245);
// EXTERNAL MODULE: ./lib/git/git-errors.js
var git_errors = __webpack_require__(32534);
// EXTERNAL MODULE: ./lib/git/proc-scan.js
var proc_scan = __webpack_require__(95118);
;// CONCATENATED MODULE: ./lib/git/remote-auth.js
/**
 * The credential keel's own pushes and fetches send to GitHub: the `github-token` input, not whatever
 * actions/checkout left in the repository's git configuration. Pushes made with the workflow's
 * `GITHUB_TOKEN` start no `push`/`pull_request` workflows; a PAT or a GitHub App token in `github-token`
 * does, and checkout's header (its own `token`, by default that same `GITHUB_TOKEN`) would otherwise win.
 *
 * The header is the one actions/checkout builds (actions/checkout src/git-auth-helper.ts, v4–v6:
 * `tokenConfigKey = http.${serverUrl.origin}/.extraheader`, value `AUTHORIZATION: basic
 * base64("x-access-token:" + token)`, the base64 form registered as a secret too), but it is never written
 * to a file: it reaches only the one git process that talks to the remote, through the environment
 * (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`, git ≥ 2.31) — not argv, which any user
 * of the machine reads in `ps`, and not `.git/config`, which validation commands and model-written code
 * could read. An empty value first resets `http.<origin>/.extraheader` (git-config(1), `http.extraHeader`:
 * "an empty value will reset the extra headers to the empty list"), so checkout's header — in `.git/config`
 * (v4/v5) or an included `$RUNNER_TEMP/git-credentials-*.config` (v6+) — is not sent beside it. Environment
 * configuration is read after every file, so the reset comes after checkout's value.
 */
/** The git subcommands that talk to a remote and so carry the header; nothing else ever sees it. */
const REMOTE_COMMANDS = new Set(['push', 'fetch', 'ls-remote']);
/**
 * The credential for `token` at `serverUrl`; undefined without a token (checkout's credential is used then,
 * as before). Throws a one-line error when `serverUrl` is no http(s) URL.
 */
function remoteAuth(token, serverUrl) {
    const value = token?.trim() ?? '';
    if (value === '')
        return undefined;
    return { token: value, headerKey: extraHeaderKey(serverUrl?.trim() || 'https://github.com') };
}
/** `http.<scheme>://<host>[:port]/.extraheader`, as actions/checkout names it (the URL's origin). */
function extraHeaderKey(serverUrl) {
    let origin;
    try {
        origin = new URL(serverUrl).origin;
    }
    catch {
        throw new Error(`not a server URL: ${JSON.stringify(serverUrl.slice(0, 200))} (GITHUB_SERVER_URL)`);
    }
    if (!/^https?:\/\//.test(origin))
        throw new Error(`not an http(s) server URL: ${JSON.stringify(serverUrl.slice(0, 200))} (GITHUB_SERVER_URL)`);
    return `http.${origin}/.extraheader`;
}
/** base64 of `x-access-token:<token>`: what the header carries, a secret as much as the token. */
function basicCredential(token) {
    return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
}
/** The values to redact and mask beside the token itself. */
function remoteAuthSecrets(auth) {
    return auth ? [auth.token, basicCredential(auth.token)] : [];
}
/**
 * The environment that makes one git process send `auth`'s header and no other for the server. `inherited`
 * is the `GIT_CONFIG_COUNT` the process would inherit: entries already counted there are kept, keel's go
 * after them.
 */
function remoteAuthEnv(auth, inherited) {
    const start = /^\d{1,4}$/.test(inherited ?? '') ? Number(inherited) : 0;
    const key = auth.headerKey;
    const entries = [
        [key, ''],
        [key, `AUTHORIZATION: basic ${basicCredential(auth.token)}`],
    ];
    const env = { GIT_CONFIG_COUNT: String(start + entries.length) };
    entries.forEach(([k, v], i) => {
        env[`GIT_CONFIG_KEY_${start + i}`] = k;
        env[`GIT_CONFIG_VALUE_${start + i}`] = v;
    });
    return env;
}
/** The subcommand of a git argument list: the first argument after the leading `-c <key=value>` pairs. */
function gitSubcommand(args) {
    let i = 0;
    while (args[i] === '-c')
        i += 2;
    return args[i];
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/git/stale-locks.js
/**
 * Stale-lock recovery, the careful version: a `.lock` file left in a repository's git dir is removed only
 * when it is older than the threshold AND no live git process works in that repository. Killing the lock's
 * holder would be quicker; keel never kills anything — a lock that may have an owner stays, and the command
 * fails after its bounded retries instead. Every decision is logged.
 *
 * Only locks the failing command named are considered (git names the file it could not create); a lock
 * nobody tripped over is nobody's business here.
 */




/** Removes what may be removed; returns the paths removed. Never throws for a lock it could not judge. */
async function recoverStaleLocks(ctx) {
    const paths = (0,git_errors/* lockPathsInMessage */._s)(ctx.message).map((p) => (0,external_node_path_.resolve)(ctx.cwd, p));
    if (paths.length === 0)
        return [];
    const stale = [];
    for (const path of paths) {
        const lock = await lockFile(path);
        if (lock === undefined)
            continue; // gone already: its owner finished
        const ageMs = ctx.now - lock.mtimeMs;
        if (ageMs < ctx.staleLockMs)
            ctx.log({ type: 'lock_kept', path, ageMs, reason: 'fresh' });
        else
            stale.push(lock);
    }
    if (stale.length === 0)
        return [];
    const verdict = await mayRemove(ctx);
    const removed = [];
    for (const lock of stale) {
        const ageMs = ctx.now - lock.mtimeMs;
        const reason = verdict.ok ? await outsideOrChanged(lock, verdict.repo) : verdict.reason;
        if (reason === 'gone')
            continue;
        if (reason !== undefined) {
            const pids = verdict.ok ? undefined : verdict.pids;
            ctx.log({ type: 'lock_kept', path: lock.path, ageMs, reason, ...(pids ? { pids } : {}) });
            continue;
        }
        await (0,promises_.unlink)(lock.path).catch(() => undefined);
        removed.push(lock.path);
        ctx.log({ type: 'lock_removed', path: lock.path, ageMs });
    }
    return removed;
}
async function lockFile(path) {
    try {
        const stat = await (0,promises_.lstat)(path);
        return stat.isFile() ? { path, mtimeMs: stat.mtimeMs, ino: stat.ino } : undefined;
    }
    catch {
        return undefined;
    }
}
async function mayRemove(ctx) {
    const repo = await ctx.repository().catch(() => undefined);
    if (repo === undefined)
        return { ok: false, reason: 'repository-unknown' };
    const processes = await ctx.scan().catch(() => undefined);
    if (processes === undefined)
        return { ok: false, reason: 'no-proc' };
    const live = processes.filter((p) => (0,proc_scan/* worksIn */.yb)(p, repo.roots));
    if (live.length > 0)
        return { ok: false, reason: 'live-git-process', pids: live.map((p) => p.pid) };
    return { ok: true, repo };
}
/** The last checks before unlinking: the lock is a `.lock` inside the git dir, and it is the same file. */
async function outsideOrChanged(lock, repo) {
    const dir = await (0,promises_.realpath)((0,external_node_path_.dirname)(lock.path)).catch(() => undefined);
    if (dir === undefined || !lock.path.endsWith('.lock') || !(0,proc_scan/* isInside */.FK)(dir, repo.commonDir))
        return 'outside-repository';
    const now = await lockFile(lock.path);
    if (now === undefined)
        return 'gone';
    // Replaced (another inode) or touched since we judged it: a live owner, whatever the scan said.
    if (now.ino !== lock.ino || now.mtimeMs !== lock.mtimeMs)
        return 'changed';
    return undefined;
}

;// CONCATENATED MODULE: ./lib/git/git-runner.js
/**
 * git through the command runner: a timeout on every command, bounded retries with exponential backoff for
 * what can pass by itself (a lock, a network blip), stale-lock recovery before a retry, and an environment
 * that can never wait for a human.
 *
 * Decisions:
 * - Hooks never run (`-c core.hooksPath=/dev/null` on every command). keel's commits are made from model
 *   output in keel's own worktree; a hook is arbitrary code, and with `core.hooksPath` pointing at a tracked
 *   directory (husky and the like) the model's own edits could change what runs. The owner's checks run as
 *   the configured validation commands instead, through the same bounded runner.
 * - Non-interactive: `GIT_TERMINAL_PROMPT=0`, an empty `GIT_ASKPASS` (git then skips `core.askPass` and
 *   `SSH_ASKPASS` too), `GIT_EDITOR=true`, no pager. The runner starts git in a new session, so ssh has no
 *   terminal to prompt on either. Credential helpers and `http.extraheader` (actions/checkout) still work.
 * - `LC_ALL=C` so the messages matched in `git-errors.ts` are the English ones.
 * - `GIT_OPTIONAL_LOCKS=0` on every command: it only stops read commands (`status`) from taking the index
 *   lock to refresh it; writes take their locks regardless.
 * - The repository is chosen by `cwd` alone: GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and friends inherited
 *   from keel's own environment (keel started from a hook, say) are removed.
 * - `options.env` goes last, so a caller can still supply e.g. an askpass helper for a token.
 * - `remoteAuth` (the Action's `github-token`) goes to `push`, `fetch` and `ls-remote` only, as environment
 *   configuration replacing checkout's header (`remote-auth.ts`): never in argv, never in a file, and never
 *   to a command that does not talk to the remote (a validation copy's clone included).
 * - `allowFailure` returns a non-zero exit (after the retries a retryable one gets). A timeout, an abort, a
 *   spawn failure or death by signal always throws: "it failed" must not be mistaken for "the answer is no".
 */









const GIT_DEFAULTS = {
    timeoutMs: 60_000,
    retries: 3,
    backoffMs: 200,
    staleLockMs: 5 * 60_000, // a git command holds its lock for seconds; five minutes is abandoned
};
const FIXED_ARGS = ['-c', 'core.hooksPath=/dev/null'];
const FIXED_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_COMMON_DIR: undefined,
    GIT_OBJECT_DIRECTORY: undefined,
    GIT_ALTERNATE_OBJECT_DIRECTORIES: undefined,
    GIT_NAMESPACE: undefined,
    GIT_PREFIX: undefined,
};
function createGit(options) {
    const config = {
        runner: options.runner,
        clock: options.clock ?? clock/* systemClock */.ml,
        timeoutMs: options.timeoutMs ?? GIT_DEFAULTS.timeoutMs,
        retries: Math.max(0, options.retries ?? GIT_DEFAULTS.retries),
        backoffMs: options.backoffMs ?? GIT_DEFAULTS.backoffMs,
        staleLockMs: options.staleLockMs ?? GIT_DEFAULTS.staleLockMs,
        log: options.log ?? (() => undefined),
        env: { ...FIXED_ENV, ...options.env },
        secrets: options.secrets ?? (() => []),
        scan: options.processScan ?? (0,proc_scan/* procScanner */.V2)(),
    };
    const inherited = options.inheritedEnv ?? process.env;
    const authEnv = options.remoteAuth
        ? {
            ...config.env,
            ...remoteAuthEnv(options.remoteAuth, config.env.GIT_CONFIG_COUNT ?? inherited.GIT_CONFIG_COUNT),
        }
        : config.env;
    function spec(args, opts) {
        const s = {
            command: 'git',
            args: [...FIXED_ARGS, ...args],
            cwd: opts.cwd,
            env: REMOTE_COMMANDS.has(gitSubcommand(args) ?? '') ? authEnv : config.env,
            timeoutMs: opts.timeoutMs ?? config.timeoutMs,
        };
        if (opts.input !== undefined)
            s.input = opts.input;
        if (opts.maxOutputBytes !== undefined)
            s.maxStreamBytes = opts.maxOutputBytes;
        return s;
    }
    async function run(args, opts) {
        const command = spec(args, opts);
        for (let attempt = 1;; attempt++) {
            const result = await config.runner.run(command, opts.signal ? { signal: opts.signal } : undefined);
            if (result.exitCode === 0)
                return result;
            const kind = (0,git_errors/* classifyGitFailure */.bd)(args, result);
            if (!(0,git_errors/* isRetryable */.r3)(kind, args) || attempt > config.retries) {
                // Retryable failures were retried first; what is left is an answer the caller may have asked for.
                if (opts.allowFailure === true && result.exitCode !== null)
                    return result;
                throw fail(command, result, kind, attempt);
            }
            if (kind === 'lock')
                await recover(opts.cwd, result.stderr.text);
            const delayMs = config.backoffMs * 2 ** (attempt - 1);
            const record = (0,error_record/* commandErrorRecord */.r7)(command, result, config.secrets());
            config.log({ type: 'retry', command: record.command, cwd: opts.cwd, attempt, delayMs, kind });
            await config.clock.sleep(delayMs, opts.signal);
        }
    }
    function fail(command, result, kind, attempts) {
        const record = (0,error_record/* commandErrorRecord */.r7)(command, result, config.secrets());
        config.log({ type: 'failed', kind, attempts, record });
        return new git_errors/* GitError */.XS(kind, record, result, attempts);
    }
    async function recover(cwd, message) {
        await recoverStaleLocks({
            cwd,
            message,
            now: config.clock.now(),
            staleLockMs: config.staleLockMs,
            scan: config.scan,
            log: config.log,
            repository: () => repositoryDirs(config.runner, cwd, config.env),
        });
    }
    return { run };
}
/**
 * The repository's directories, asked of git directly (not through `run`: no retries, no recursion). Neither
 * command takes a lock. Undefined when git cannot say: the caller then keeps every lock.
 */
async function repositoryDirs(runner, cwd, env) {
    const ask = (args) => runner.run({
        command: 'git',
        args: [...FIXED_ARGS, ...args],
        cwd,
        env,
        timeoutMs: 10_000,
        maxStreamBytes: 1 << 20,
    });
    const common = await ask(['rev-parse', '--path-format=absolute', '--git-common-dir']);
    const list = await ask(['worktree', 'list', '--porcelain']);
    if (common.exitCode !== 0 || list.exitCode !== 0 || list.stdout.truncated)
        return undefined;
    const commonDir = await (0,promises_.realpath)(common.stdout.text.trim());
    const worktrees = list.stdout.text
        .split('\n')
        .filter((line) => line.startsWith('worktree '))
        .map((line) => line.slice('worktree '.length));
    // The worktrees' own git dirs (`<common>/worktrees/<name>`) are inside the common dir already.
    const roots = [commonDir, ...worktrees];
    const real = await Promise.all(roots.map((r) => (0,promises_.realpath)(r).catch(() => r)));
    return { commonDir, roots: [...new Set([...roots, ...real])] };
}


/***/ })

};
