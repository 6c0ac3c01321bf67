export const id = 789;
export const ids = [789,382];
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

/***/ 53770:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEMO_USAGE: () => (/* binding */ DEMO_USAGE),
  demoCommand: () => (/* binding */ demoCommand)
});

// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/fleet/router.js + 17 modules
var fleet_router = __webpack_require__(82466);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(90664);
// EXTERNAL MODULE: ./lib/sim/fleet-simulator.js + 18 modules
var fleet_simulator = __webpack_require__(59668);
;// CONCATENATED MODULE: ./lib/cli/demo/router-demo.js




const ROLE = 'coder';
async function runRouterDemo(io) {
    const out = (text = '') => io.stdout(`${text}\n`);
    const sim = await (0,fleet_simulator/* startSimulator */.rs)({
        endpoints: [
            { name: 'lan-a', latencyMs: 30, flavor: 'vllm', models: ['qwen2.5-coder:7b'], contextWindow: 32_768 },
            { name: 'lan-b', latencyMs: 30, flavor: 'ollama', models: ['qwen2.5-coder:7b'], contextWindow: 16_384 },
            { name: 'hosted', latencyMs: 60, flavor: 'openai', models: ['gpt-5-nano'] },
        ],
    });
    const url = (name) => sim.endpoints.find((e) => e.name === name).url;
    const config = (0,load/* validateConfigValue */.GJ)({
        version: 1,
        endpoints: [
            { id: 'lan-a', url: url('lan-a'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
            { id: 'lan-b', url: url('lan-b'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
            { id: 'hosted', url: url('hosted'), kind: 'hosted', maxParallel: 8 },
        ],
        roles: { coder: [['lan-a/qwen2.5-coder:7b', 'lan-b/qwen2.5-coder:7b'], 'hosted/gpt-5-nano'] },
        // Shortened for the demo; the defaults are a 60 s reset and a 1 s first cooldown.
        policy: { breaker: { resetTimeoutMs: 2_500 }, cooldown: { baseMs: 150, maxMs: 2_000 } },
    });
    const events = [];
    // Self-hosted: the LAN endpoints are reachable, whatever RUNNER_ENVIRONMENT says where the demo runs.
    let router = (0,fleet_router/* createRouter */.a)(config, { env: {}, onEvent: (e) => events.push(e) });
    try {
        out('keel demo — the model router against a simulated fleet (loopback only, no real model)');
        out('chain for coder: tier 1 = lan-a | lan-b (least loaded first), tier 2 = hosted');
        out();
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await step(out, '1. All healthy: 12 requests at once stay on the LAN (4 slots each); the rest queue for a slot', () => burst(router, 12));
        await sim.setMode('lan-a', 'refuse');
        await step(out, '2. lan-a refuses connections: the first request fails over at once, later ones skip lan-a', () => burst(router, 8));
        await sim.setMode('lan-b', 'hang');
        await step(out, '3. lan-b hangs as well: after its 300 ms first-token timeout, tier 2 (hosted) serves', () => burst(router, 6));
        await sim.setMode('lan-b', 'cut');
        await sleep(300);
        await step(out, '4. lan-b cuts its streams mid-way: the answer restarts whole on the next candidate', () => burst(router, 3, true));
        out("5. Failures add up: after 5 in the 5-minute window an endpoint's breaker opens (both LAN ones here)");
        await sim.setMode('lan-b', 'ok', 30);
        await untilOpen(router, 'lan-a');
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await sim.setMode('lan-a', 'ok', 30);
        out('6. The LAN comes back: breakers half-open after the reset timeout (2.5 s here, 60 s by default)');
        out('   and one successful trial request closes each');
        await sleep(2_600);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await burst(router, 8);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        out('7. State survives the process: lan-b goes down, its breaker opens, the state is saved and a new');
        out('   router (the next scheduled run) starts with the breaker open — lan-b is not hammered again');
        await sim.setMode('lan-b', 'e500');
        await untilOpen(router, 'lan-b');
        const saved = JSON.stringify(router.exportState());
        await router.close();
        sim.resetStats();
        router = (0,fleet_router/* createRouter */.a)(config, { env: {}, state: JSON.parse(saved) });
        await burst(router, 6);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        out(`   requests that reached lan-b after the restart: ${sim.stats()['lan-b']?.chatRequests ?? 0}`);
        out();
        summarize(out, events, sim);
        return 0;
    }
    finally {
        await router.close();
        await sim.close();
    }
}
async function step(out, title, run) {
    out(title);
    const results = await run();
    const served = new Map();
    for (const r of results)
        served.set(r.endpointId, (served.get(r.endpointId) ?? 0) + 1);
    out(`   served by: ${[...served].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
    const detour = results.find((r) => r.attempts.length > 1);
    if (detour) {
        const trail = detour.attempts.map((a) => `${a.endpointId} ${a.outcome} (${Math.round(a.latencyMs)} ms)`);
        out(`   e.g. one request: ${trail.join(' → ')}`);
    }
    out();
}
function burst(router, count, stream = false) {
    return Promise.all(Array.from({ length: count }, (_, i) => router.complete(ROLE, { ...router_demo_prompt(i), stream })));
}
/** Keeps the fleet busy (bursts, so both LAN endpoints get work) until an endpoint's breaker is open. */
async function untilOpen(router, endpointId) {
    for (let round = 0; round < 100; round++) {
        if (router.status().some((r) => r.endpointId === endpointId && r.state === 'OPEN'))
            return;
        await burst(router, 8);
        await sleep(100);
    }
    throw new Error(`demo: the breaker of ${endpointId} never opened`);
}
function router_demo_prompt(i) {
    return { messages: [{ role: 'user', content: `write function number ${i}` }] };
}
function summarize(out, events, sim) {
    const attempts = events.filter((e) => e.type === 'attempt');
    const failed = attempts.filter((e) => e.attempt.outcome !== 'ok');
    const opened = events.flatMap((e) => (e.type === 'breaker' && e.to === 'open' ? [e.key] : []));
    out('summary');
    out(`   attempts: ${attempts.length}, failed and failed over: ${failed.length}`);
    out(`   breakers opened: ${opened.join(', ') || 'none'}`);
    for (const [name, stats] of Object.entries(sim.stats())) {
        out(`   ${name}: ${stats.chatRequests} chat requests since the restart, at most ${stats.maxInflight} in flight`);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: ./lib/cli/status-command.js
var status_command = __webpack_require__(90382);
// EXTERNAL MODULE: ./lib/sim/realistic-model.js
var realistic_model = __webpack_require__(60947);
;// CONCATENATED MODULE: ./lib/cli/demo/sample-project.js
/** The demo's sample project: a tiny JS package in a fresh git repository, with a validation script. */



const FILES = {
    'README.md': '# sample\n\nA tiny project keel works on in the demo.\n',
    'src/index.js': "export const name = 'sample';\n",
    // The validation command of the demo's config: every module under src/ must load.
    'check.js': [
        "import { readdirSync } from 'node:fs';",
        "for (const file of readdirSync(new URL('./src/', import.meta.url))) await import(`./src/${file}`);",
        "console.log('all modules load');",
        '',
    ].join('\n'),
    'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
};
async function createSampleRepo(dir) {
    for (const [path, content] of Object.entries(FILES)) {
        await (0,promises_.mkdir)((0,external_node_path_.join)(dir, path, '..'), { recursive: true });
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, path), content);
    }
    const git = (...args) => {
        (0,external_node_child_process_.execFileSync)('git', args, { cwd: dir, stdio: 'ignore' });
    };
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Demo User');
    git('config', 'user.email', 'demo@example.invalid');
    git('add', '-A');
    git('commit', '-q', '-m', 'sample project');
}

// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(77012);
// EXTERNAL MODULE: ./lib/cli/fleet-session.js
var fleet_session = __webpack_require__(71855);
;// CONCATENATED MODULE: ./lib/cli/demo/demo-failover.js
/**
 * The demo's failover section. The table a run prints when it starts shows the fleet as it was before any
 * request — every breaker CLOSED on a fresh repository — so the failover the demo is about has to be shown
 * after it happened: the failover status table as `keel status` prints it from the fleet state the run saved
 * (breakers, cooldowns), then what each candidate did over both runs, counted from the run's router events,
 * with the breakers' transitions. Every number comes from the run; nothing here is scripted.
 */





async function printFailover(out, io, repo, runId) {
    const stateDir = (0,external_node_path_.join)(repo, state_layout/* DEFAULT_STATE_DIR */.mU);
    // What `keel status` does for its table: the configuration, a router restored from the saved fleet
    // state, nothing probed and nothing saved back.
    const session = await (0,fleet_session/* openFleetSession */.P)({ config: (0,external_node_path_.join)(repo, 'keel.yml'), stateDir }, { ...io, cwd: repo });
    let rows;
    try {
        rows = session.router.status();
    }
    finally {
        await session.close({ save: false });
    }
    out('━━ 4. the failover — keel status after the run (the breakers and cooldowns the run saved) ━━');
    out(indent((0,fleet_status/* renderStatusText */._c)(rows)));
    const { events } = await (0,event_log/* readEvents */.wj)((0,state_layout/* runLayout */.WA)((0,state_layout/* stateLayout */.G)(stateDir).run(runId).dir).events);
    const startedAt = events[0]?.at ?? 0;
    const tallies = new Map();
    const transitions = [];
    /** role → the candidates that answered a request of it. */
    const answeredIn = new Map();
    for (const event of events) {
        if (event.type === 'router_attempt') {
            const attempt = event.attempt;
            const tally = tallies.get(attempt.key) ?? {
                key: attempt.key,
                roles: new Set(),
                answered: 0,
                failures: new Map(),
            };
            tallies.set(attempt.key, tally);
            const role = String(event.role);
            tally.roles.add(role);
            if (attempt.outcome === 'ok') {
                tally.answered++;
                answeredIn.set(role, (answeredIn.get(role) ?? new Set()).add(attempt.key));
            }
            else
                tally.failures.set(attempt.outcome, (tally.failures.get(attempt.outcome) ?? 0) + 1);
        }
        else if (event.type === 'router_breaker') {
            const seconds = ((event.at - startedAt) / 1000).toFixed(1);
            transitions.push(`${String(event.key)} → ${String(event.to)} after ${String(event.failures)} failures (+${seconds} s)`);
        }
    }
    const list = [...tallies.values()];
    const width = Math.max(9, ...list.map((t) => t.key.length));
    out('   requests over both runs, from the router events in events.ndjson:');
    out(`     ${'candidate'.padEnd(width)}  answered  failed`);
    for (const tally of list) {
        const failed = [...tally.failures.values()].reduce((sum, n) => sum + n, 0);
        const kinds = [...tally.failures].map(([kind, n]) => `${kind} ×${n}`).join(', ');
        const roles = [...tally.roles].join(', ');
        out(`     ${tally.key.padEnd(width)}  ${String(tally.answered).padStart(8)}  ${String(failed).padStart(6)}` +
            `${kinds ? ` (${kinds})` : ''}  [${roles}]`);
    }
    out(`   breaker transitions: ${transitions.join('; ') || 'none'}`);
    out();
    const dead = list.filter((t) => t.answered === 0 && t.failures.size > 0);
    // Each role a dead candidate was tried for got its answers elsewhere (no other can have answered as it).
    const tookOver = dead.every((d) => [...d.roles].every((role) => (answeredIn.get(role)?.size ?? 0) > 0));
    return { rows, dead: dead.map((d) => d.key), tookOver };
}
/** The demo's indentation for a block of output under its section heading. */
function indent(text) {
    return text
        .trimEnd()
        .split('\n')
        .map((line) => `   ${line}`)
        .join('\n');
}

// EXTERNAL MODULE: ./lib/run/local-effects.js
var local_effects = __webpack_require__(22841);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
;// CONCATENATED MODULE: ./lib/cli/demo/demo-report.js
/** The demo's closing summary: commits with their trailers, records, events — and checks. */






async function printOutcome(out, repo, runId, 
/** Checks of the sections before this one, listed with this one's. */
earlierChecks = []) {
    const runDir = (0,state_layout/* stateLayout */.G)((0,external_node_path_.join)(repo, state_layout/* DEFAULT_STATE_DIR */.mU)).run(runId).dir;
    const { state } = await new state_store.TaskStateStore({ runDir }).load();
    if (!state) {
        out('no final state: the demo failed');
        return false;
    }
    out('━━ 5. the outcome ━━');
    out(`   status: ${state.status} (resumed ${state.resumes} time(s))`);
    out(`   commits on ${state.repo.workBranch}, each with its Keel-Run / Keel-Step trailers:`);
    const log = (0,external_node_child_process_.execFileSync)('git', [
        'log',
        '--reverse',
        '--format=%h %s  [%(trailers:key=Keel-Step,valueonly,separator=%x2C)]',
        `${state.repo.baseSha}..${state.repo.workBranch}`,
    ], { cwd: repo, encoding: 'utf8' });
    for (const line of log.trim().split('\n'))
        out(`     ${line}`);
    const steps = log
        .trim()
        .split('\n')
        .map((line) => line.slice(line.lastIndexOf('[')));
    const duplicates = steps.filter((step, i) => steps.indexOf(step) !== i);
    const effects = new local_effects/* LocalEffects */.Im({ runDir });
    const issues = await effects.issues();
    const pulls = await effects.pulls();
    out(`   issues (${issues.length}):`);
    for (const issue of issues)
        out(`     #${issue.number} [${issue.state}] ${issue.title}`);
    for (const pull of pulls) {
        out(`   pull request #${pull.number}: ${pull.draft ? 'draft, ' : ''}${pull.head} → ${pull.base}  ${pull.labels.join(' ')}`);
    }
    const { events } = await (0,event_log/* readEvents */.wj)((0,state_layout/* runLayout */.WA)(runDir).events);
    const counts = new Map();
    for (const event of events)
        counts.set(String(event.type), (counts.get(String(event.type)) ?? 0) + 1);
    out(`   events (${events.length} in events.ndjson): ${[...counts].map(([t, n]) => `${t} ×${n}`).join(', ')}`);
    out();
    const checks = [
        ...earlierChecks,
        ['no step committed twice', duplicates.length === 0],
        [
            'one issue per failed subtask',
            issues.filter((i) => i.labels.includes('manual-implementation')).length ===
                Object.values(state.steps).filter((s) => s.status === 'failed').length,
        ],
        ['one pull request', pulls.length === 1],
        [
            'the run finished',
            state.status === 'partial' || state.status === 'completed' || state.status === 'degraded',
        ],
    ];
    for (const [name, ok] of checks)
        out(`   ${ok ? '✔' : '✘'} ${name}`);
    return checks.every(([, ok]) => ok);
}

;// CONCATENATED MODULE: ./lib/cli/demo/run-demo.js
/**
 * `keel demo`, the front door: a real `keel run` on the embedded simulated fleet, in a temporary git
 * repository — a dead coder endpoint, a flaky one, models that answer like small local ones (the realistic
 * responder), a subtask no model can do, a SIGKILL part-way, and a resume that finishes the job without
 * repeating anything; then the failover as the run recorded it (demo-failover.ts) and the outcome
 * (demo-report.ts). Loopback only; no real model.
 */












const RUN_ID = 'demo';
const TASK = [
    'Add a greeting module that says hello.',
    'Add a farewell module that says goodbye.',
    'Add a clock helper that formats the time.',
    'Build the impossible perpetual motion module.',
    'Add a counter module that counts calls.',
].join(' ');
async function runDemo(io, options = {}) {
    const out = (text = '') => io.stdout(`${text}\n`);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'keel-demo-'));
    const repo = (0,external_node_path_.join)(dir, 'sample');
    const sim = await (0,fleet_simulator/* startSimulator */.rs)({
        // Answers the way small local models do (prose, thinking, odd paths, cut answers …): the demo shows keel
        // using what it can and asking again or failing over for the rest, not only the perfect path.
        responder: realistic_model/* realisticResponder */.Jb,
        endpoints: [
            { name: 'lan-a', mode: 'refuse' },
            { name: 'lan-b', mode: 'flaky', failRate: 0.35, seed: 7, latencyMs: 150 },
            { name: 'hosted', latencyMs: 200 },
        ],
    });
    try {
        await createSampleRepo(repo);
        await (0,promises_.writeFile)((0,external_node_path_.join)(repo, 'keel.yml'), demoConfig(sim));
        out('keel demo — a real run on a simulated fleet (loopback only, no real model is called)');
        out(`  repository: ${repo} (a fresh git repository with a small sample project)`);
        out('  fleet:      lan-a (coder, DEAD: refuses connections), lan-b (FLAKY: 35 % of answers are 500s),');
        out('              hosted (healthy fallback); every model answers like a small local one (keel sim --responder realistic)');
        out(`  task:       ${TASK}`);
        out();
        out('━━ 1. keel run — killed with SIGKILL after its first commit ━━');
        const first = await runKeel(io, ['run', '--task', TASK, '--run-id', RUN_ID, '--repo', repo], /committed/);
        out(`   💥 SIGKILL (exit ${first})`);
        out();
        out('━━ 2. what the checkpoint says (keel status demo) ━━');
        const { TaskStateStore } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 61472));
        const saved = await new TaskStateStore({
            runDir: (0,state_layout/* stateLayout */.G)((0,external_node_path_.join)(repo, state_layout/* DEFAULT_STATE_DIR */.mU)).run(RUN_ID).dir,
        }).load();
        if (saved.state) {
            out(`${indent((0,status_command.renderRunSteps)(saved.state))}\n`);
            out('   (a step can be done on the branch but not yet in the checkpoint: the resume finds its commit by trailer)');
            out();
        }
        else
            out(`   no checkpoint yet (${saved.problem ?? 'killed before the first one'})`);
        out('━━ 3. keel run --resume demo — continues where it stopped ━━');
        const second = await runKeel(io, ['run', '--resume', RUN_ID, '--repo', repo]);
        out();
        const failover = await printFailover(out, io, repo, RUN_ID);
        const ok = await printOutcome(out, repo, RUN_ID, [
            [
                `the dead endpoint failed over (${failover.dead.join(', ') || 'none'}: no answer; others answered for it)`,
                failover.dead.length > 0 && failover.tookOver,
            ],
        ]);
        return second === 0 && ok ? 0 : 1;
    }
    finally {
        await sim.close();
        // The file:// links above point into this directory: say whether they still lead anywhere.
        if (options.keep)
            out(`\n   kept: ${repo} (the links above work; delete it when done)`);
        else {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            out(`\n   ${dir} is deleted, with the records linked above (\`keel demo --keep\` keeps it)`);
        }
    }
}
function demoConfig(sim) {
    const url = (name) => sim.endpoints.find((e) => e.name === name).url;
    return [
        'version: 1',
        'endpoints:',
        `  - { id: lan-a, url: "${url('lan-a')}", kind: local, maxParallel: 1 }`,
        `  - { id: lan-b, url: "${url('lan-b')}", kind: local, maxParallel: 1 }`,
        `  - { id: hosted, url: "${url('hosted')}", kind: hosted, maxParallel: 1 }`,
        'roles:',
        '  planner: [lan-b/sim-model, hosted/sim-model]',
        '  coder: [[lan-a/sim-model, lan-b/sim-model], hosted/sim-model]',
        '  reviewer: [hosted/sim-model]',
        'policy:',
        '  cooldown: { baseMs: 300, maxMs: 5000 }',
        'run:',
        '  validate: ["node check.js"]',
        '',
    ].join('\n');
}
/**
 * Runs the keel CLI as a child process, its output shown indented. With `killOn`, the child is SIGKILLed
 * as soon as a line matches — the crash the demo recovers from.
 */
function runKeel(io, args, killOn) {
    return new Promise((resolve) => {
        // The same entry point that runs this demo: src/cli.ts from a checkout, or the bundled dist/cli.
        const child = (0,external_node_child_process_.spawn)(process.execPath, [process.argv[1], ...args], {
            env: { ...io.env, RUNNER_ENVIRONMENT: 'self-hosted' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const show = (line) => {
            io.stdout(`   │ ${line}\n`);
            if (killOn?.test(line) && child.exitCode === null)
                child.kill('SIGKILL');
        };
        (0,external_node_readline_.createInterface)({ input: child.stdout }).on('line', show);
        (0,external_node_readline_.createInterface)({ input: child.stderr }).on('line', show);
        child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    });
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
;// CONCATENATED MODULE: ./lib/cli/demo-command.js
/** `keel demo`: the front door — see src/cli/demo/run-demo.ts. `keel demo router` shows the router alone. */



const DEMO_USAGE = `usage: keel demo [router] [--keep]

  (no argument)  a real run on a simulated fleet in a temporary repository: failover, a SIGKILL after the
                 first commit, the checkpoint, the resume, and what the run left behind
  --keep         keep that repository afterwards (its path is printed), so the file:// records the run
                 printed — issues, the pull request, comments — and its .keel/ state can be opened
  router         the router on its own: tiers, breakers, cooldowns, saturation
  --help         this help

Nothing leaves this machine: the fleet is simulated on loopback and no real model is called.
`;
const demoCommand = async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(DEMO_USAGE);
        return 0;
    }
    const keep = argv.includes('--keep');
    const rest = argv.filter((arg) => arg !== '--keep');
    const unexpected = rest.find((arg, i) => i > 0 || arg !== 'router');
    if (unexpected !== undefined)
        throw new cli_io/* UsageError */.e(`unexpected argument "${unexpected}"\n\n${DEMO_USAGE}`);
    if (rest[0] === 'router') {
        if (keep)
            throw new cli_io/* UsageError */.e(`--keep is for the run demo, not "router"\n\n${DEMO_USAGE}`);
        return runRouterDemo(io);
    }
    return runDemo(io, { keep });
};


/***/ }),

/***/ 71855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ openFleetSession)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75024);
/* harmony import */ var _fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29676);
/* harmony import */ var _fleet_router_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82466);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53013);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28747);
/**
 * What `keel ask`, `keel status` (and later `keel run`) share: the config, and a router that starts from
 * the fleet state the previous command saved and saves it again when done — so breaker and cooldown
 * knowledge carries from one invocation to the next.
 */






async function openFleetSession(options, io, deps = {}) {
    const home = (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .projectDir */ .t)(io);
    const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(options.config !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.config) : undefined, { cwd: home });
    const stateDir = options.stateDir !== undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, options.stateDir) : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(home, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_STATE_DIR */ .mU);
    const fleetStatePath = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(stateDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .FLEET_STATE_FILE */ .aC);
    const saved = await (0,_fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readFleetStateFile */ .qJ)(fleetStatePath);
    if (saved.problem)
        io.stderr(`keel: ignoring saved fleet state (${saved.problem})\n`);
    const router = (0,_fleet_router_js__WEBPACK_IMPORTED_MODULE_3__/* .createRouter */ .a)(config, { ...deps, env: io.env, state: saved.state });
    return {
        refreshStaleProbes: async () => {
            // Context windows decide max_tokens; rescan when the saved scan is missing or older than the interval.
            const now = Date.now();
            const stale = config.endpoints.some((endpoint) => {
                const scan = router.health.latestScan(endpoint.id);
                return scan === undefined || now - scan.checkedAt > config.policy.probe.capabilityIntervalMs;
            });
            if (stale)
                await router.probe({ capabilities: true, signal: io.signal });
        },
        config,
        router,
        fleetStatePath,
        close: async ({ save = true } = {}) => {
            try {
                if (save)
                    await (0,_fleet_fleet_state_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFleetStateFile */ .Ts)(fleetStatePath, router.exportState());
            }
            finally {
                await router.close();
            }
        },
    };
}


/***/ }),

/***/ 90382:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATUS_USAGE: () => (/* binding */ STATUS_USAGE),
/* harmony export */   renderRunSteps: () => (/* binding */ renderRunSteps),
/* harmony export */   renderRuns: () => (/* binding */ renderRuns),
/* harmony export */   statusCommand: () => (/* binding */ statusCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75024);
/* harmony import */ var _fleet_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90664);
/* harmony import */ var _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15675);
/* harmony import */ var _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61472);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41176);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(28747);
/* harmony import */ var _fleet_session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(71855);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(53013);
/**
 * `keel status`: the runs in the state directory with their step states, and the failover status table —
 * role → chain → CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN / COOLDOWN / DISABLED / UNREACHABLE — from
 * the fleet state the last command or run saved. `keel status RUN_ID` lists that run's steps one by one.
 */











const STATUS_USAGE = `usage: keel status [RUN_ID] [--json] [--config FILE] [--state-dir DIR]

  RUN_ID           show that run's steps one by one
  --json           print JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where runs and the fleet state are kept (default: .keel)
`;
const statusCommand = async (argv, io) => {
    const parsed = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            json: { type: 'boolean', default: false },
            config: { type: 'string' },
            'state-dir': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: true,
    }, STATUS_USAGE);
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(STATUS_USAGE);
        return 0;
    }
    if (positionals.length > 1)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .e(`one run id at most\n\n${STATUS_USAGE}`);
    const stateDir = values['state-dir'] !== undefined
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values['state-dir'])
        : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,_project_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .projectDir */ .t)(io), _base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_STATE_DIR */ .mU);
    if (positionals[0] !== undefined)
        return showRun(positionals[0], stateDir, io, values.json);
    const runs = await withOwners(await (0,_run_state_store_js__WEBPACK_IMPORTED_MODULE_4__/* .listRuns */ .v)(stateDir));
    const rows = await fleetRows(values.config, values['state-dir'], io);
    if (values.json) {
        io.stdout(`${JSON.stringify({ runs, fleet: rows ?? null }, null, 2)}\n`);
        return 0;
    }
    io.stdout(renderRuns(runs));
    if (rows)
        io.stdout(`\n${(0,_fleet_status_js__WEBPACK_IMPORTED_MODULE_2__/* .renderStatusText */ ._c)(rows)}`);
    return 0;
};
async function fleetRows(config, stateDir, io) {
    try {
        const session = await (0,_fleet_session_js__WEBPACK_IMPORTED_MODULE_7__/* .openFleetSession */ .P)({ ...(config !== undefined ? { config } : {}), ...(stateDir !== undefined ? { stateDir } : {}) }, io);
        try {
            return session.router.status();
        }
        finally {
            await session.close({ save: false });
        }
    }
    catch (error) {
        // Runs can be listed without a config; say why the fleet table is missing instead of failing.
        if (!(error instanceof _config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL) || config !== undefined)
            throw error;
        io.stderr(`keel status: no fleet table (${error.message.split('\n', 1)[0]})\n`);
        return undefined;
    }
}
/**
 * The lease and heartbeat of every unfinished run: "running" while its holder beats, "stale" when it went
 * silent — what a person deciding whether to resume (or `--take-over`) needs to see.
 */
async function withOwners(runs) {
    const now = Date.now();
    return Promise.all(runs.map(async (run) => run.status === 'running' || run.status === 'interrupted'
        ? { ...run, owner: await (0,_run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunOwner */ .N0)(run.runDir, now, _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_STALE_MS */ .oc) }
        : run));
}
function renderRuns(runs) {
    if (runs.length === 0)
        return 'Runs: none\n';
    const lines = ['Runs:'];
    for (const run of runs) {
        const s = run.steps;
        const when = run.updatedAt > 0 ? new Date(run.updatedAt).toISOString().replace('.000Z', 'Z') : 'unknown';
        lines.push(`  ${run.runId}  ${run.status.padEnd(11)} ${when}  steps: ${s.done} done, ${s.failed} failed, ${s.pending + s.running} pending` +
            `${run.problem ? `  (${run.problem})` : ''}`);
        if (run.owner && run.owner.state !== 'none')
            lines.push(`      ${run.owner.state === 'running' ? 'running' : 'stale'}: ${run.owner.detail ?? ''}`);
        if (run.task)
            lines.push(`      ${run.task.split('\n', 1)[0]}`);
    }
    return `${lines.join('\n')}\n`;
}
async function showRun(runId, stateDir, io, json) {
    const loaded = await new _run_state_store_js__WEBPACK_IMPORTED_MODULE_4__.TaskStateStore({ runDir: (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .stateLayout */ .G)(stateDir).run(runId).dir }).load();
    if (!loaded.state) {
        io.stderr(`keel status: no run ${runId} in ${stateDir}${loaded.problem ? ` (${loaded.problem})` : ''}\n`);
        return 1;
    }
    const runDir = (0,_base_state_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .stateLayout */ .G)(stateDir).run(runId).dir;
    const owner = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_5__/* .isUnfinished */ .ui)(loaded.state)
        ? await (0,_run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunOwner */ .N0)(runDir, Date.now(), _run_run_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_LEASE_STALE_MS */ .oc)
        : undefined;
    io.stdout(json
        ? `${JSON.stringify(owner ? { ...loaded.state, owner } : loaded.state, null, 2)}\n`
        : renderRunSteps(loaded.state, owner));
    return 0;
}
function renderRunSteps(state, owner) {
    const lines = [`run ${state.runId} — ${state.status}`, `  task: ${state.task.text.split('\n', 1)[0]}`];
    if (owner && owner.state !== 'none')
        lines.push(`  ${owner.state}: ${owner.detail ?? ''}`);
    if (state.interruption)
        lines.push(`  stopped: ${state.interruption.reason}`);
    for (const step of Object.values(state.steps)) {
        const extra = [step.model, step.commit?.slice(0, 8), step.degraded ? 'degraded' : undefined, step.error]
            .filter(Boolean)
            .join(', ');
        lines.push(`  ${step.id.padEnd(40)} ${step.status}${extra ? `  (${extra})` : ''}`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
