export const id = 185;
export const ids = [185];
export const modules = {

/***/ 60235:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ formatTextAnswer),
  R: () => (/* binding */ readTextAnswers)
});

;// CONCATENATED MODULE: ./lib/agents/edit-format-diff.js
const DIFF_OLD = /^--- (\S.*?)(?:\t.*)?\s*$/;
const DIFF_NEW = /^\+\+\+ (\S.*?)(?:\t.*)?\s*$/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function joinLines(lines) {
    return lines.map((line) => `${line}\n`).join('');
}
/**
 * One file's unified diff starting at its `---` line; returns the index after it. A hunk becomes a
 * whole-line search (context and removed lines) and replace (context and added lines); `/dev/null` on one
 * side makes a new file or a deletion.
 */
function readDiff(lines, at, to, items) {
    const oldPath = DIFF_OLD.exec(lines[at])[1];
    const newPath = DIFF_NEW.exec(lines[at + 1])[1];
    const prefixed = /^a\//.test(oldPath) && /^b\//.test(newPath);
    const strip = (path, prefix) => prefixed || path === '/dev/null' ? path.replace(new RegExp(`^${prefix}/`), '') : path;
    const from = oldPath === '/dev/null' ? undefined : strip(oldPath, 'a');
    const target = newPath === '/dev/null' ? undefined : strip(newPath, 'b');
    let i = at + 2;
    const added = [];
    while (i < to) {
        const hunk = HUNK.exec(lines[i]);
        if (!hunk)
            break;
        let oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
        let newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
        const search = [];
        const replace = [];
        for (i++; i < to && (oldLeft > 0 || newLeft > 0); i++) {
            const line = lines[i];
            if (line.startsWith('\\'))
                continue; // "\ No newline at end of file"
            const mark = line === '' ? ' ' : line[0];
            const body = line.slice(1);
            if (mark === ' ') {
                search.push(body);
                replace.push(body);
                oldLeft--;
                newLeft--;
            }
            else if (mark === '-') {
                search.push(body);
                oldLeft--;
            }
            else if (mark === '+') {
                replace.push(body);
                added.push(body);
                newLeft--;
            }
            else
                break;
        }
        while (i < to && lines[i].startsWith('\\'))
            i++;
        if (from === undefined || target === undefined)
            continue;
        if (search.length === 0) {
            items.push({
                kind: 'problem',
                problem: `a diff hunk for ${target} has no context lines to place it by`,
                line: at,
            });
        }
        else {
            items.push({
                kind: 'edit',
                edit: {
                    kind: 'replace',
                    path: target,
                    search: joinLines(search),
                    replace: joinLines(replace),
                    wholeLines: true,
                },
                line: at,
            });
        }
    }
    if (target === undefined && from !== undefined)
        items.push({ kind: 'edit', edit: { kind: 'delete', path: from }, line: at });
    if (from === undefined && target !== undefined) {
        items.push({ kind: 'edit', edit: { kind: 'write', path: target, content: joinLines(added) }, line: at });
    }
    if (from !== undefined && target !== undefined && from !== target) {
        items.push({
            kind: 'problem',
            problem: `a diff renames ${from} to ${target}: write the new file and delete the old one`,
            line: at,
        });
    }
    return i;
}

;// CONCATENATED MODULE: ./lib/agents/edit-format.js

const PATH = String.raw `(?:[\w.@+~-]+/)*[\w.@+~-]*[\w@+~-](?:\.[\w-]+)?`;
const KEYWORD = /^(FILE|EDIT|DELETE|COMMIT)[ \t]+(.*?)\s*$/;
const SEARCH_MARK = /^\s*<{5,9}\s*SEARCH\b.*$/;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE_MARK = /^\s*>{5,9}\s*REPLACE\b.*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(?:\s+(\S+))?\s*$/;
const HEADING_PATHS = [
    new RegExp(`^#{1,6}\\s+(?:(?:File|Path):\\s*)?\`?(${PATH})\`?\\s*(?:\\((?:new|new file|created|updated|modified)\\))?:?\\s*$`, 'i'),
    new RegExp(`^\\*\\*\`?(${PATH})\`?\\*\\*:?\\s*$`),
    new RegExp(`^\`(${PATH})\`:?\\s*$`),
    new RegExp(`^(${PATH}):?\\s*$`),
];
const COMMIT_LINE = /^\s*(?:[-*]\s*)?(?:\*\*|__)?(?:suggested\s+)?commit(?:\s+message)?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
/** Reads every answer in `text` (already unwrapped: LF line breaks, no thinking). */
function readTextAnswers(text) {
    const lines = text.split('\n');
    const items = [];
    readItems(lines, 0, lines.length, items);
    return { answers: group(items), lines };
}
/** Groups items into answers: each COMMIT closes the edits before it. */
function group(items) {
    const answers = [];
    let current;
    const commits = items.filter((item) => item.kind === 'commit');
    for (const item of items) {
        if (item.kind === 'commit') {
            if (current) {
                current.commitMessage = item.message;
                current.lastLine = item.line;
                answers.push(current);
                current = undefined;
            }
            else if (commits.length === 1 && answers.length === 0) {
                // The only commit message, written before the edits (`Commit message: …` above a diff).
                current = { edits: [], commitMessage: item.message, firstLine: item.line, lastLine: item.line };
            }
            continue;
        }
        current ??= { edits: [], firstLine: item.line, lastLine: item.line };
        current.lastLine = item.line;
        if (item.kind === 'edit')
            current.edits.push(item.edit);
        else if (item.kind === 'unfinished')
            current.unfinished ??= item.problem;
        else
            current.problem ??= item.problem;
    }
    if (current)
        answers.push(current);
    return answers.filter((answer) => answer.edits.length > 0 || answer.problem !== undefined || answer.unfinished !== undefined);
}
/** Reads lines [from, to) into items. */
function readItems(lines, from, to, items) {
    /** The path SEARCH/REPLACE blocks and a following fence belong to. */
    let path;
    /** FILE, or a path heading: the next fence is that file's new content. */
    let pendingWrite;
    for (let i = from; i < to; i++) {
        const line = lines[i];
        const keyword = KEYWORD.exec(line);
        if (keyword) {
            const [, word, rest] = keyword;
            if (word === 'COMMIT') {
                const body = commitBody(lines, i + 1, to);
                items.push({ kind: 'commit', message: [rest, ...body.lines].join('\n').trim(), line: i });
                i = body.end - 1;
                path = pendingWrite = undefined;
            }
            else if (rest === '') {
                items.push({ kind: 'problem', problem: `"${word}" without a path`, line: i });
            }
            else if (word === 'DELETE') {
                items.push({ kind: 'edit', edit: { kind: 'delete', path: cleanPath(rest) }, line: i });
            }
            else {
                path = cleanPath(rest);
                pendingWrite = word === 'FILE' ? path : undefined;
            }
            continue;
        }
        const fence = FENCE.exec(line);
        if (fence) {
            const close = closingFence(lines, i + 1, to, fence[1].length, fence[2]);
            if (close === -1) {
                items.push({
                    kind: 'unfinished',
                    problem: `the code fence opened on line ${i + 1} is never closed`,
                    line: i,
                });
                return;
            }
            readFence(lines, i, close, fence[3], fence[4], { path, pendingWrite }, items);
            if (fence[4] !== undefined && pathLike(fence[4]))
                path = cleanPath(fence[4]);
            pendingWrite = undefined;
            i = close;
            continue;
        }
        if (SEARCH_MARK.test(line)) {
            const block = readBlock(lines, i, to, path, items);
            pendingWrite = undefined;
            i = block;
            continue;
        }
        const diffOld = DIFF_OLD.exec(line);
        if (diffOld && DIFF_NEW.test(lines[i + 1] ?? '')) {
            i = readDiff(lines, i, to, items) - 1;
            path = pendingWrite = undefined;
            continue;
        }
        const commit = COMMIT_LINE.exec(line);
        if (commit) {
            let message = stripQuotes(commit[1]);
            if (message === '') {
                // The message on the next line, maybe fenced.
                let next = i + 1;
                while (next < to && lines[next].trim() === '')
                    next++;
                const fenced = next < to && FENCE.test(lines[next]);
                if (fenced)
                    next++;
                message = stripQuotes((lines[next] ?? '').trim());
                if (message !== '')
                    i = fenced ? Math.min(next + 1, to - 1) : next;
            }
            if (message !== '')
                items.push({ kind: 'commit', message, line: i });
            continue;
        }
        const heading = headingPath(lines, i, to);
        if (heading !== undefined) {
            path = pendingWrite = heading;
            continue;
        }
    }
}
/** Chat sign-offs addressed to the user, not to the history: they end a commit body. */
const SIGN_OFF = /\b(?:let me know|hope (?:this|that) helps|feel free|happy to help|if you (?:need|want|have|would like)|would you like)\b/i;
/**
 * Body lines after a COMMIT line: up to the next line that starts another item, or a paragraph that talks
 * to the user ("Let me know if …"), which is the model chatting, not part of the message.
 */
function commitBody(lines, from, to) {
    let end = from;
    while (end < to && !startsItem(lines, end, to))
        end++;
    let body = lines.slice(from, end);
    const chat = body.findIndex((line) => SIGN_OFF.test(line));
    if (chat !== -1) {
        let paragraph = chat;
        while (paragraph > 0 && body[paragraph - 1].trim() !== '')
            paragraph--;
        body = body.slice(0, paragraph);
    }
    while (body.length > 0 && body.at(-1).trim() === '')
        body.pop();
    return { lines: body, end };
}
function startsItem(lines, at, to) {
    const line = lines[at];
    return (KEYWORD.test(line) ||
        SEARCH_MARK.test(line) ||
        FENCE.test(line) ||
        (DIFF_OLD.test(line) && DIFF_NEW.test(lines[at + 1] ?? '')) ||
        headingPath(lines, at, to) !== undefined);
}
/** A path heading counts only right above what it names: a fence or a SEARCH/REPLACE block. */
function headingPath(lines, at, to) {
    const line = lines[at];
    let found;
    for (const pattern of HEADING_PATHS) {
        const match = pattern.exec(line);
        if (match && pathLike(match[1])) {
            found = match[1];
            break;
        }
    }
    if (found === undefined)
        return undefined;
    let next = at + 1;
    while (next < to && lines[next].trim() === '')
        next++;
    if (next >= to)
        return undefined;
    return FENCE.test(lines[next]) || SEARCH_MARK.test(lines[next]) ? cleanPath(found) : undefined;
}
/** A file path rather than a word: it has a directory or an extension. */
function pathLike(text) {
    return new RegExp(`^${PATH}$`).test(text) && (text.includes('/') || /\.[\w-]+$/.test(text));
}
function cleanPath(raw) {
    return stripQuotes(raw.trim())
        .replace(/^\*\*(.*)\*\*$/, '$1')
        .replace(/^`(.*)`$/, '$1');
}
function stripQuotes(text) {
    const trimmed = text.trim();
    const match = /^([`"'*]+)(.*?)\1$/.exec(trimmed);
    return match ? match[2].trim() : trimmed;
}
/** Index of the line closing a fence opened with `marker`, or -1. */
function closingFence(lines, from, to, indent, marker) {
    const closing = new RegExp(`^\\s{0,${indent + 3}}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    for (let i = from; i < to; i++)
        if (closing.test(lines[i]))
            return i;
    return -1;
}
function readFence(lines, open, close, language, infoPath, context, items) {
    const body = lines.slice(open + 1, close);
    const indent = /^(\s*)/.exec(lines[open])[1].length;
    const unindented = indent > 0 ? body.map((line) => dedent(line, indent)) : body;
    const named = infoPath !== undefined && pathLike(infoPath) ? cleanPath(infoPath) : undefined;
    if (unindented.some((line) => KEYWORD.test(line))) {
        // The whole answer wrapped in a fence, as JSON answers come in ```json.
        const nested = [];
        readItems(unindented, 0, unindented.length, nested);
        for (const item of nested)
            items.push({ ...item, line: item.line + open + 1 });
        return;
    }
    if (unindented.some((line) => SEARCH_MARK.test(line))) {
        const target = named ?? context.path;
        for (let i = 0; i < unindented.length; i++) {
            if (SEARCH_MARK.test(unindented[i]))
                i = readBlock(unindented, i, unindented.length, target, items, open + 1);
        }
        return;
    }
    if (/^(?:diff|patch|udiff)$/i.test(language) ||
        (DIFF_OLD.test(body[0] ?? '') && DIFF_NEW.test(body[1] ?? ''))) {
        const nested = [];
        for (let i = 0; i < unindented.length;) {
            const next = DIFF_OLD.test(unindented[i]) ? readDiff(unindented, i, unindented.length, nested) : i + 1;
            i = Math.max(next, i + 1);
        }
        for (const item of nested)
            items.push({ ...item, line: item.line + open + 1 });
        return;
    }
    const target = named ?? context.pendingWrite;
    if (target === undefined)
        return; // an example or an illustration in prose, not an edit
    const content = unindented.length > 0 ? `${unindented.join('\n')}\n` : '';
    items.push({ kind: 'edit', edit: { kind: 'write', path: target, content }, line: open });
}
function dedent(line, indent) {
    let cut = 0;
    while (cut < indent && (line[cut] === ' ' || line[cut] === '\t'))
        cut++;
    return line.slice(cut);
}
/** One SEARCH/REPLACE block starting at `at`; returns the index of its last line. */
function readBlock(lines, at, to, path, items, offset = 0) {
    let divider = -1;
    let end = -1;
    for (let i = at + 1; i < to; i++) {
        if (divider === -1 && DIVIDER.test(lines[i]))
            divider = i;
        else if (divider !== -1 && REPLACE_MARK.test(lines[i])) {
            end = i;
            break;
        }
        else if (SEARCH_MARK.test(lines[i]))
            break;
    }
    if (end === -1) {
        items.push({ kind: 'unfinished', problem: 'a SEARCH/REPLACE block is not closed', line: at + offset });
        return to - 1;
    }
    if (path === undefined) {
        items.push({
            kind: 'problem',
            problem: 'a SEARCH/REPLACE block has no path: put "EDIT <path>" above it',
            line: at + offset,
        });
        return end;
    }
    const search = lines.slice(at + 1, divider);
    const replace = lines.slice(divider + 1, end);
    items.push({
        kind: 'edit',
        edit: { kind: 'replace', path, search: joinLines(search), replace: joinLines(replace), wholeLines: true },
        line: at + offset,
    });
    return end;
}
/** Whole lines, each with its line break: an empty list removes the lines it replaces. */
/**
 * A change written in the text format, as the prompt asks for it (the scripted and realistic models of
 * the simulator answer with it). Fences are longer than any backtick run in the content, so a file that
 * holds a fence of its own reads back whole; a search of whole lines stays whole lines.
 */
function formatTextAnswer(edits, commitMessage) {
    const parts = [];
    for (const edit of edits) {
        if (edit.kind === 'delete')
            parts.push(`DELETE ${edit.path}`);
        else if (edit.kind === 'write') {
            const fence = '`'.repeat(Math.max(3, longestRun(edit.content) + 1));
            const body = edit.content.endsWith('\n') ? edit.content : `${edit.content}\n`;
            parts.push(`FILE ${edit.path}\n${fence}\n${body}${fence}`);
        }
        else {
            const lines = (text) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
            parts.push(`EDIT ${edit.path}\n<<<<<<< SEARCH\n${lines(edit.search)}=======\n${lines(edit.replace)}>>>>>>> REPLACE`);
        }
    }
    parts.push(`COMMIT ${commitMessage}`);
    return parts.join('\n\n');
}
function longestRun(text) {
    return Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
}


/***/ }),

/***/ 85179:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   nD: () => (/* binding */ uniqueSlug)
/* harmony export */ });
/* unused harmony exports ID_PATTERN, MAX_ID_LENGTH */
/**
 * Ids that end up in step ids (`code:<id>`), branch-safe file names and checkpoint keys: lowercase letters,
 * digits and `-`, starting with a letter or digit, at most 48 characters (`subtaskSchema` (plan-schema.ts)).
 * Models write ids however they like; keel derives its own from what they wrote.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
const MAX_ID_LENGTH = 48;
/** `"Add the README.md file!"` → `add-the-readme-md-file`; empty when nothing usable is left. */
function slugify(text, max = MAX_ID_LENGTH) {
    const slug = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (slug.length <= max)
        return slug;
    const cut = slug.slice(0, max);
    // Prefer ending on a word boundary, unless that would throw away most of the id.
    const boundary = cut.lastIndexOf('-');
    return (boundary >= max / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}
/**
 * A slug of the first usable text, unique within `taken` (which it joins): `setup`, `setup-2`, `setup-3` ….
 * Always matches {@link ID_PATTERN}.
 */
function uniqueSlug(texts, taken, fallback) {
    const base = texts.map((text) => (text === undefined ? '' : slugify(text))).find((slug) => slug !== '');
    const root = base ?? slugify(fallback);
    let id = root;
    for (let n = 2; taken.has(id); n++) {
        const suffix = `-${n}`;
        id = `${root.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(id);
    return id;
}


/***/ }),

/***/ 74743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ untilAborted),
/* harmony export */   Js: () => (/* binding */ abortReason),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(abortReason(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** Resolves when `signal` aborts (at once if it has); never rejects. */
function untilAborted(signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', () => resolve(), { once: true });
    });
}
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
}


/***/ }),

/***/ 55745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SIM_RESPONDERS: () => (/* binding */ SIM_RESPONDERS),
/* harmony export */   parseSimArgs: () => (/* binding */ parseSimArgs),
/* harmony export */   simCommand: () => (/* binding */ simCommand)
/* harmony export */ });
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74743);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61091);
/* harmony import */ var _sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59668);
/* harmony import */ var _sim_realistic_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60947);
/* harmony import */ var _sim_scripted_model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65129);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18908);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57851);
/**
 * `keel sim`: the fleet simulator as a process, for failure drills and for pointing a real keel at. Prints one
 * JSON line per endpoint and one for the control server (machine-readable: scripts read the ports from them),
 * then serves until SIGINT/SIGTERM and closes cleanly.
 */







const USAGE = `usage: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] … [options]

  --endpoint NAME=PORT[:MODE[:LATENCY_MS]]  a simulated server; PORT 0 picks a free port (repeatable)
  --flavor NAME=FLAVOR                      ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .SIM_FLAVORS */ .kQ.join('|')} (default vllm)
  --models NAME=m1,m2                       models served besides "sim-model"
  --context-window NAME=TOKENS              served context window; longer requests get context_length_exceeded
  --fail-rate NAME=RATE                     share of failed requests in mode flaky (default 0.5)
  --seed NAME=N                             seed of the flaky failures (default 1)
  --slots NAME=N                            requests the server runs at once, the rest queue (default:
                                            ollama 1, llamacpp and lmstudio 4, others no queue)
  --output-cap NAME=TOKENS                  the model's output cap (openai: a larger limit is refused)
  --loaded NAME=m1,m2                       models loaded at start (default all); others load on first use
  --load-ms NAME=MS                         how long loading a model takes (default 0)
  --listing NAME=LISTING                    ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .HOSTED_LISTINGS */ .WL.join('|')}: whose /v1/models an openai-flavored
                                            endpoint gives (the gateways name the window each their own way)
  --proxy-max-body NAME=BYTES               a reverse proxy in front refuses larger chat bodies with nginx's 413
  --control-port N                          port of the control server (default: pick)
  --host HOST                               interface to listen on (default 127.0.0.1)
  --responder scripted|realistic|echo       what the models answer: scripted plays keel's planner, coder and
                                            reviewer (default); realistic answers the same the way small local
                                            models do (prose, thinking, odd paths, cut answers …); echo names
                                            the endpoint and repeats the prompt

modes: ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .SIM_MODES */ .n8.join(', ')}
control: POST /__sim/mode {"endpoint":"a","mode":"hang"}, GET /__sim/stats, POST /__sim/reset
`;
const OPTIONS = {
    endpoint: { type: 'string', multiple: true },
    flavor: { type: 'string', multiple: true },
    models: { type: 'string', multiple: true },
    'context-window': { type: 'string', multiple: true },
    'fail-rate': { type: 'string', multiple: true },
    seed: { type: 'string', multiple: true },
    slots: { type: 'string', multiple: true },
    'output-cap': { type: 'string', multiple: true },
    loaded: { type: 'string', multiple: true },
    'load-ms': { type: 'string', multiple: true },
    listing: { type: 'string', multiple: true },
    'proxy-max-body': { type: 'string', multiple: true },
    'control-port': { type: 'string' },
    host: { type: 'string' },
    responder: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
/** `scripted` is the default: a real keel pointed at `keel sim` gets plans, code and reviews it can use. */
const SIM_RESPONDERS = new Map([
    ['scripted', _sim_scripted_model_js__WEBPACK_IMPORTED_MODULE_4__/* .scriptedResponder */ .f],
    ['realistic', _sim_realistic_model_js__WEBPACK_IMPORTED_MODULE_3__/* .realisticResponder */ .Jb],
    ['echo', _sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .echoResponder */ .gC],
]);
function integer(text, what, min, max) {
    const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= min && value <= max))
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: expected an integer from ${min} to ${max}`);
    return value;
}
function parseEndpoint(text) {
    const what = `--endpoint ${text}`;
    const eq = text.indexOf('=');
    const name = text.slice(0, eq);
    const parts = text.slice(eq + 1).split(':');
    if (eq <= 0 || parts.length > 3)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: expected NAME=PORT[:MODE[:LATENCY_MS]]`);
    if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .ENDPOINT_ID_PATTERN */ .dI.test(name))
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: "${name}" is not a valid endpoint name`);
    const [port, mode, latency] = parts;
    const spec = { name, port: integer(port ?? '', `${what}: port`, 0, 65_535) };
    if (mode !== undefined) {
        if (!(0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .isSimMode */ .d7)(mode))
            throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: unknown mode "${mode}" (expected ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .SIM_MODES */ .n8.join(', ')})`);
        spec.mode = mode;
    }
    if (latency !== undefined)
        spec.latencyMs = integer(latency, `${what}: latency`, 0, 86_400_000);
    return spec;
}
/** Applies one `--option NAME=VALUE` to the endpoint it names. */
function forEndpoint(byName, option, text, apply) {
    const what = `--${option} ${text}`;
    const eq = text.indexOf('=');
    if (eq <= 0)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: expected NAME=VALUE`);
    const spec = byName.get(text.slice(0, eq));
    if (!spec)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: no --endpoint named "${text.slice(0, eq)}"`);
    apply(spec, text.slice(eq + 1), what);
}
function parseSimArgs(argv) {
    const { values } = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: OPTIONS,
        strict: true,
        allowPositionals: false,
    });
    if (values.help)
        return 'help';
    const endpoints = (values.endpoint ?? []).map(parseEndpoint);
    if (endpoints.length === 0)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e('at least one --endpoint NAME=PORT is required');
    const byName = new Map();
    for (const spec of endpoints) {
        if (byName.has(spec.name))
            throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`--endpoint ${spec.name}: named twice`);
        byName.set(spec.name, spec);
    }
    for (const text of values.flavor ?? []) {
        forEndpoint(byName, 'flavor', text, (spec, value, what) => {
            if (!(0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .isSimFlavor */ .MJ)(value))
                throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: unknown flavor (expected ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .SIM_FLAVORS */ .kQ.join(', ')})`);
            spec.flavor = value;
        });
    }
    for (const text of values.models ?? []) {
        forEndpoint(byName, 'models', text, (spec, value, what) => {
            const named = value.split(',').filter((model) => model !== '');
            if (named.length === 0)
                throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: expected NAME=model1,model2`);
            spec.models = [...new Set([...(spec.models ?? ['sim-model']), ...named])];
        });
    }
    for (const text of values['context-window'] ?? []) {
        forEndpoint(byName, 'context-window', text, (spec, value, what) => {
            spec.contextWindow = integer(value, what, 1, 100_000_000);
        });
    }
    for (const text of values['fail-rate'] ?? []) {
        forEndpoint(byName, 'fail-rate', text, (spec, value, what) => {
            const rate = value.trim() === '' ? NaN : Number(value);
            if (!(rate >= 0 && rate <= 1))
                throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: expected a number from 0 to 1`);
            spec.failRate = rate;
        });
    }
    for (const text of values.seed ?? []) {
        forEndpoint(byName, 'seed', text, (spec, value, what) => {
            spec.seed = integer(value, what, -(2 ** 31), 2 ** 32);
        });
    }
    for (const text of values.slots ?? []) {
        forEndpoint(byName, 'slots', text, (spec, value, what) => {
            spec.slots = integer(value, what, 1, 1024);
        });
    }
    for (const text of values['output-cap'] ?? []) {
        forEndpoint(byName, 'output-cap', text, (spec, value, what) => {
            spec.outputCap = integer(value, what, 1, 100_000_000);
        });
    }
    for (const text of values.loaded ?? []) {
        forEndpoint(byName, 'loaded', text, (spec, value) => {
            spec.loadedModels = value.split(',').filter((model) => model !== '');
        });
    }
    for (const text of values['load-ms'] ?? []) {
        forEndpoint(byName, 'load-ms', text, (spec, value, what) => {
            spec.loadMs = integer(value, what, 0, 86_400_000);
        });
    }
    for (const text of values.listing ?? []) {
        forEndpoint(byName, 'listing', text, (spec, value, what) => {
            if (!(0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .isHostedListing */ .a7)(value)) {
                throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${what}: unknown listing (expected ${_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .HOSTED_LISTINGS */ .WL.join(', ')})`);
            }
            spec.listing = value;
        });
    }
    for (const text of values['proxy-max-body'] ?? []) {
        forEndpoint(byName, 'proxy-max-body', text, (spec, value, what) => {
            spec.proxyMaxBodyBytes = integer(value, what, 1, 2 ** 31);
        });
    }
    const options = { endpoints };
    if (values['control-port'] !== undefined) {
        options.controlPort = integer(values['control-port'], '--control-port', 0, 65_535);
    }
    if (values.host !== undefined)
        options.host = values.host;
    const responder = SIM_RESPONDERS.get(values.responder ?? 'scripted');
    if (!responder) {
        const known = [...SIM_RESPONDERS.keys()].join(', ');
        throw new _io_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`--responder ${values.responder}: unknown responder (expected ${known})`);
    }
    options.responder = responder;
    return options;
}
const simCommand = async (argv, io) => {
    const options = parseSimArgs(argv);
    if (options === 'help') {
        io.stdout(USAGE);
        return 0;
    }
    let sim;
    try {
        sim = await (0,_sim_fleet_simulator_js__WEBPACK_IMPORTED_MODULE_2__/* .startSimulator */ .rs)(options);
    }
    catch (error) {
        // A port in use is the user's situation to fix, not a crash: say so without a stack.
        io.stderr(`keel sim: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
    try {
        options.endpoints.forEach((spec, index) => {
            const { url, port } = sim.endpoints[index];
            const line = { endpoint: spec.name, url, port, mode: spec.mode ?? 'ok', flavor: spec.flavor ?? 'vllm' };
            io.stdout(`${JSON.stringify(line)}\n`);
        });
        io.stdout(`${JSON.stringify({ control: sim.controlUrl })}\n`);
        io.stderr('keel sim: serving; stop with Ctrl-C\n');
        await (0,_base_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .untilAborted */ .Eu)(io.signal);
    }
    finally {
        await sim.close();
    }
    return 0;
};


/***/ }),

/***/ 61091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ CANDIDATE_PATTERN),
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   ST: () => (/* binding */ ROLE_NAMES),
/* harmony export */   dI: () => (/* binding */ ENDPOINT_ID_PATTERN),
/* harmony export */   dT: () => (/* binding */ DEFAULT_MAX_PARALLEL)
/* harmony export */ });
/* unused harmony exports DEFAULT_PROTECTED_PATHS, timeoutsSchema, endpointSchema, policySchema, runSettingsSchema, coordinationSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
/**
 * The configuration file users write (`.github/keel.yml` or `keel.yml`): one zod schema, the single source of
 * truth for validation, defaults, TypeScript types and the JSON Schema that `keel schema` prints.
 *
 * The schema stays free of transforms so that `z.toJSONSchema` can describe the input exactly; shaping the
 * parsed file into the router's form (tiers of `{ endpointId, model }`) happens in `load.ts`.
 */

const ROLE_NAMES = ['planner', 'coder', 'reviewer'];
/** Endpoint ids never contain `/`: a chain entry is split at its first `/` into endpoint id and model. */
const ENDPOINT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A chain entry: an endpoint id, "/", and a model name (which may itself contain "/"). */
const CANDIDATE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/\S+$/;
const candidateRef = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(CANDIDATE_PATTERN, 'expected "endpointId/model", e.g. "lan-a/qwen2.5-coder:7b"')
    .describe('An endpoint id and a model name, split at the first "/" (model names may contain "/").');
const tier = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([candidateRef, zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(candidateRef).min(1, 'a tier lists at least one "endpointId/model"')], {
    error: 'expected "endpointId/model" or a list of them',
})
    .describe('One "endpointId/model", or a list of them served least-loaded first.');
const chain = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(tier)
    .min(1, 'a role needs at least one tier')
    .describe('Tiers tried in order; the next tier is used only when the previous one cannot serve.');
const positiveMs = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive();
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * What model edits may not touch unless `run.allowProtectedEdits` (and, for workflows, `allowWorkflowEdits`):
 * files that run code in CI or on a developer's machine, or decide what runs — workflows and composite
 * actions, keel's own configuration (it holds `run.validate`: a model editing it chooses what runs next
 * time), code owners, submodules, attributes (filter drivers), and package-manager configs that can run code.
 */
const DEFAULT_PROTECTED_PATHS = [
    '.github/workflows/**',
    '.github/actions/**',
    'action.yml',
    'action.yaml',
    '.github/keel.yml',
    '.github/keel.yaml',
    '.github/keel-lanes.yml',
    'keel.yml',
    'keel.yaml',
    'keel.json',
    'CODEOWNERS',
    '.gitmodules',
    '.gitattributes',
    '.npmrc',
    '.yarnrc',
    '.yarnrc.yml',
    '.pnpmfile.cjs',
    'bunfig.toml',
];
const timeoutsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    connectMs: positiveMs.default(5_000).describe('TCP/TLS connect timeout.'),
    firstTokenMs: positiveMs
        .default(60_000)
        .describe('Time to the first streamed token (for non-streamed requests: to the response head).'),
    idleMs: positiveMs.default(30_000).describe('Longest gap allowed between two chunks of a response.'),
    totalMs: positiveMs.default(600_000).describe('Whole-request deadline.'),
    loadMs: positiveMs
        .default(120_000)
        .describe('Added to firstTokenMs when the server must load the model first (not loaded at the last scan: ' +
        'Ollama /api/ps, LM Studio, llama.cpp router mode).'),
})
    .prefault({});
const endpointSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(ENDPOINT_ID_PATTERN, 'expected letters, digits, ".", "_" or "-" (no "/"), at most 64'),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({
        protocol: /^https?$/,
        error: 'expected an http(s) URL of an OpenAI-compatible API, e.g. http://host:11434/v1',
    })
        .describe('Base URL of the OpenAI-compatible API, usually ending in /v1.'),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['local', 'hosted']).describe('local: a server on your LAN; hosted: a paid API.'),
    apiKeyEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a key')
        .optional()
        .describe('Name of the environment variable holding the API key. Literal keys are rejected.'),
    maxParallel: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .max(1024)
        .optional()
        .describe('Hard cap on requests in flight at this endpoint. Default: the slots the server reports (llama.cpp ' +
        '/props total_slots, LM Studio loaded_instances parallel), else 4.'),
    contextWindow: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(256)
        .optional()
        .describe('Context window in tokens; discovered from the server when absent.'),
    reachable: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .optional()
        .describe('For local endpoints: reachable from GitHub-hosted runners too (e.g. through a tunnel).'),
    flavor: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['auto', 'openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'])
        .default('auto')
        .describe('Server software, for context-window discovery; "auto" tries each.'),
    timeouts: timeoutsSchema,
    load: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['local', 'server', 'auto'])
        .default('auto')
        .describe("Whose count of requests in flight holds maxParallel: local (keel's own), server (the server's /metrics: vLLM, llama.cpp), auto (server where the flavour reports it)."),
});
const policySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    breaker: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        failureThreshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(1000).default(5),
        resetTimeoutMs: positiveMs.default(60_000).describe('Open → half-open after this long.'),
        windowMs: positiveMs.default(300_000).describe('Failures older than this do not count.'),
    })
        .prefault({}),
    cooldown: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        baseMs: positiveMs.default(1_000).describe('First cooldown after a failure; doubles per failure.'),
        maxMs: positiveMs.default(300_000),
    })
        .prefault({})
        .refine((c) => c.maxMs >= c.baseMs, { message: 'maxMs must be at least baseMs', path: ['maxMs'] }),
    contextFraction: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .gt(0)
        .max(1)
        .default(0.95)
        .describe('Share of the context window a request may fill: max_tokens = floor(window × this) − prompt.'),
    minOutputTokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .default(256)
        .describe('A candidate whose window leaves fewer output tokens than this is skipped.'),
    spillover: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('When a tier is saturated, let the next tier serve at once instead of waiting for a slot.'),
    maxWaitMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .nonnegative()
        .default(30_000)
        .describe('Longest wait for a free slot, or for the earliest cooldown to end.'),
    maxAttempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .max(100)
        .default(12)
        .describe('Attempts per request across all candidates.'),
    maxResponseBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1024)
        .default(8 * 1024 * 1024)
        .describe('Responses larger than this are abandoned.'),
    probe: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        healthIntervalMs: positiveMs.default(15_000),
        capabilityIntervalMs: positiveMs.default(300_000),
        timeoutMs: positiveMs.default(3_000),
        loadIntervalMs: positiveMs
            .default(1_000)
            .describe("Longest interval between two looks at a server's own load (load: server | auto)."),
        staleAfterMs: positiveMs.default(120_000).describe('Probe results older than this are ignored.'),
    })
        .prefault({}),
})
    .prefault({});
const runSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    validate: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(2_000))
        .max(20)
        .default([])
        .describe('Commands run after coding in a throwaway copy of the work tree, e.g. ["npm test"]; they come from this file only.'),
    validateTimeoutMs: positiveMs.default(600_000),
    validateEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(ENV_NAME, 'expected the NAME of an environment variable'))
        .max(100)
        .default([])
        .describe('Environment variables passed to validation commands besides PATH, a fresh HOME and TMPDIR, the locale and CI. Never tokens, endpoint keys, ACTIONS_* or INPUT_*.'),
    sandbox: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['auto', 'bwrap', 'none'])
        .default('auto')
        .describe('Where validation commands run: bwrap (bubblewrap: read-only system, only the copy writable, no view of the checkout, HOME or RUNNER_TEMP), none, or auto (bwrap when it works here, else none; the summary says which).'),
    validateNetwork: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(true)
        .describe('Validation commands may use the network. false needs the bwrap sandbox (--unshare-net); without it validation does not run.'),
    minSuccessRate: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .min(0)
        .max(1)
        .default(0.5)
        .describe('Share of coder subtasks that must succeed for a batch to be kept (partial success).'),
    maxBatchRetries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(0)
        .max(10)
        .default(1)
        .describe('How often a batch below minSuccessRate is discarded and tried again before the run stops.'),
    maxSubtasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(200).default(12),
    coderFormat: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['text', 'json'])
        .default('text')
        .describe('How the coder is asked for edits: text (edit blocks, code never escaped into JSON) or json; both are accepted.'),
    allowWorkflowEdits: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let model edits touch .github/workflows/ (off: a workflow change needs a human).'),
    protectedPaths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(1_000))
        .max(200)
        .default([...DEFAULT_PROTECTED_PATHS])
        .describe('Paths model edits may not touch (globs: * within a name, ** across folders; a pattern without / matches that name in any folder): what runs code or decides what runs. Setting it replaces the defaults.'),
    allowProtectedEdits: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let model edits touch protectedPaths (off: such a change needs a human).'),
    allowIgnoredPaths: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Commit model edits to paths the repository ignores (forced in); off: such an edit fails its subtask with the reason.'),
    exitCodeOnInterrupt: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(0)
        .max(255)
        .default(0)
        .describe('Exit code when a run is interrupted and checkpointed (0: the job is not marked failed).'),
    heartbeatMs: positiveMs.default(5_000),
    leaseStaleMs: positiveMs
        .default(60_000)
        .describe('A run whose process has not beaten its heartbeat for this long may be taken over by another keel process (at least three heartbeats).'),
})
    .prefault({});
const coordinationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    redis: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({
        protocol: /^rediss?$/,
        error: 'expected a redis:// or rediss:// URL, e.g. redis://10.0.0.5:6379',
    })
        .refine((url) => new URL(url).password === '', {
        error: 'no password in the URL: put it in an environment variable and name that in passwordEnv',
    })
        .describe("A Redis server every keel process of the fleet reaches: each endpoint's maxParallel then holds across machines."),
    passwordEnv: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a password')
        .optional()
        .describe('Name of the environment variable holding the Redis password.'),
    leaseTtlMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1_000)
        .default(15_000)
        .describe("A slot lease's time to live, renewed while its request runs: a dead machine's slots free after this."),
})
    .describe('Coordination between keel processes on several machines (optional).');
const configSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1, 'expected version: 1'),
    endpoints: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(endpointSchema).min(1, 'declare at least one endpoint'),
    roles: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        planner: chain.optional(),
        coder: chain.optional(),
        reviewer: chain.optional(),
    }),
    policy: policySchema,
    run: runSettingsSchema,
    coordination: coordinationSchema.optional(),
})
    .describe('keel configuration');
/** `maxParallel` when the file leaves it out and the server reports no slot count. */
const DEFAULT_MAX_PARALLEL = 4;


/***/ })

};
