export const id = 124;
export const ids = [124];
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

/***/ 22841:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Im: () => (/* binding */ LocalEffects)
/* harmony export */ });
/* unused harmony exports RECOVERY_STEP, markerStep */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74743);
/* harmony import */ var _base_publish_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3700);
/* harmony import */ var _base_secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80991);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(91975);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(33071);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(28747);
/**
 * `Effects` as files under `<runDir>/effects/`, for the CLI outside GitHub, tests and chaos drills:
 * `issues/<n>.json`, `comments/<n>.json`, `pulls/<n>.json` (issues and pull requests share one numbering,
 * as on GitHub). The recovery issue (marker step `recovery`) is also rendered to `<runDir>/recovery.md`
 * for the human who opens the state directory.
 *
 * Safe under SIGKILL at any instant:
 * - a record is written with its marker in ONE atomic write, so it is either fully there or not at all;
 * - looking the marker up, allocating the number and writing the record happen in one section under an
 *   inter-process lock, so neither parallel calls nor a resumed process create a second record for a
 *   marker, and two records never get the same number;
 * - numbers come from the records present (highest + 1), not from a counter file that could disagree;
 * - a temp file left by a killed writer is never read as a record, and is swept under the lock (every
 *   write here happens under it, so a temp seen while holding it is an orphan).
 */










const RECOVERY_STEP = 'recovery';
class LocalEffects {
    runDir;
    dir;
    #clock;
    #redact;
    #lock;
    #log;
    constructor(options) {
        this.runDir = options.runDir;
        this.dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .EFFECTS_DIR */ .rT);
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .ml;
        this.#redact = options.redact ?? ((text) => (0,_base_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(text, []));
        this.#log = options.log ?? (() => undefined);
        this.#lock = new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_7__/* .FileLock */ .IR({
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, '.lock'),
            clock: this.#clock,
            ...(options.lockAttempts !== undefined ? { attempts: options.lockAttempts } : {}),
            ...(options.lockBackoffMs !== undefined ? { backoffMs: options.lockBackoffMs } : {}),
            ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
            log: this.#log,
        });
    }
    ensureIssue(spec) {
        return this.#locked(async () => {
            const found = await this.#find('issues', spec.marker);
            if (found) {
                await this.#mirror(found.record);
                return ref(found.path, false);
            }
            return this.#createIssue(spec);
        });
    }
    upsertIssue(spec) {
        return this.#locked(async () => {
            const found = await this.#find('issues', spec.marker);
            if (!found)
                return this.#createIssue(spec);
            const body = this.#clean(spec.body, spec.marker);
            const record = found.record.body === body ? found.record : { ...found.record, body, updatedAt: this.#clock.now() };
            if (record !== found.record)
                await writeRecord(found.path, record);
            await this.#mirror(record);
            return ref(found.path, false);
        });
    }
    closeIssue(marker, comment) {
        return this.#locked(async () => {
            const found = await this.#find('issues', marker);
            if (!found)
                return undefined;
            let record = found.record;
            if (record.state !== 'closed') {
                const at = this.#clock.now();
                const comments = Array.isArray(record.comments) ? record.comments : [];
                record = {
                    ...record,
                    state: 'closed',
                    comments: [...comments, { body: this.#clean(comment), at }],
                    updatedAt: at,
                };
                await writeRecord(found.path, record);
            }
            await this.#mirror(record);
            return ref(found.path, false);
        });
    }
    upsertComment(marker, body) {
        return this.#locked(async () => {
            const text = this.#clean(body, marker);
            const found = await this.#find('comments', marker);
            if (found) {
                if (found.record.body !== text) {
                    await writeRecord(found.path, { ...found.record, body: text, updatedAt: this.#clock.now() });
                }
                return ref(found.path, false);
            }
            const number = await this.#nextNumber(['comments']);
            const at = this.#clock.now();
            const record = { number, marker, body: text, createdAt: at, updatedAt: at };
            const path = this.#path('comments', number);
            await writeRecord(path, record);
            return ref(path, true);
        });
    }
    ensurePullRequest(spec) {
        return this.#locked(async () => {
            const found = await this.#find('pulls', spec.marker);
            if (found)
                return ref(found.path, false);
            const number = await this.#nextNumber(['issues', 'pulls']);
            const at = this.#clock.now();
            const record = {
                number,
                marker: spec.marker,
                title: this.#clean(spec.title),
                body: this.#clean(spec.body, spec.marker),
                head: spec.head,
                base: spec.base,
                draft: spec.draft,
                labels: [...spec.labels],
                state: 'open',
                createdAt: at,
                updatedAt: at,
            };
            const path = this.#path('pulls', number);
            await writeRecord(path, record);
            return ref(path, true);
        });
    }
    /** Every issue record (for tests and `keel status`), in number order. */
    async issues() {
        return (await this.#records('issues')).map((f) => f.record);
    }
    async pulls() {
        return (await this.#records('pulls')).map((f) => f.record);
    }
    async comments() {
        return (await this.#records('comments')).map((f) => f.record);
    }
    async #createIssue(spec) {
        const number = await this.#nextNumber(['issues', 'pulls']);
        const at = this.#clock.now();
        const record = {
            number,
            marker: spec.marker,
            title: this.#clean(spec.title),
            body: this.#clean(spec.body, spec.marker),
            labels: [...spec.labels],
            state: 'open',
            comments: [],
            createdAt: at,
            updatedAt: at,
        };
        const path = this.#path('issues', number);
        await writeRecord(path, record);
        await this.#mirror(record);
        return ref(path, true);
    }
    /**
     * What the GitHub publisher would write: the publish sanitiser, then the redaction, with the record's own
     * marker (which the sanitiser, removing every HTML comment, would take too) put back last.
     */
    #clean(text, marker) {
        const had = marker !== undefined && text.includes(marker);
        const cleaned = this.#redact((0,_base_publish_text_js__WEBPACK_IMPORTED_MODULE_4__/* .neutralizeForPublish */ .S)(had ? text.replaceAll(marker, '') : text)).trimEnd();
        return had ? `${cleaned}${cleaned === '' ? '' : '\n\n'}${marker}` : cleaned;
    }
    async #locked(work) {
        const result = await this.#lock.withLock(work);
        if (!result.ok)
            throw new _base_file_lock_js__WEBPACK_IMPORTED_MODULE_7__/* .LockTimeoutError */ .XB(this.#lock.path, result);
        return result.value;
    }
    #path(kind, number) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind, `${number}.json`);
    }
    /** Record files by number; orphaned temp files are removed on the way (callers hold the lock). */
    async #numbers(kind, sweep) {
        let names;
        try {
            names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind));
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        }
        const numbers = [];
        for (const name of names) {
            const match = /^(\d{1,15})\.json$/.exec(name);
            if (match)
                numbers.push(Number(match[1]));
            else if (sweep && (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_6__/* .isTempFile */ .n1)(name))
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, kind, name)).catch(() => undefined);
        }
        return numbers.sort((a, b) => a - b);
    }
    async #records(kind, sweep = false) {
        const found = [];
        for (const number of await this.#numbers(kind, sweep)) {
            const path = this.#path(kind, number);
            const read = await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_6__/* .readJsonFile */ .JE)(path);
            // Only ever written whole, so a record that does not parse was damaged from outside: it is not
            // anybody's marker, but its number stays taken (the file name counts, not its content).
            if (!read.ok || read.value === null || typeof read.value !== 'object')
                continue;
            if (typeof read.value.marker !== 'string')
                continue;
            found.push({ record: read.value, path });
        }
        return found;
    }
    async #find(kind, marker) {
        return (await this.#records(kind, true)).find((f) => f.record.marker === marker);
    }
    async #nextNumber(kinds) {
        let highest = 0;
        for (const kind of kinds)
            highest = Math.max(highest, ...(await this.#numbers(kind, false)));
        return highest + 1;
    }
    /** The recovery issue, rendered for humans. A view of the record: failures are logged, not thrown. */
    async #mirror(record) {
        if (markerStep(record.marker) !== RECOVERY_STEP)
            return;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.runDir, _base_state_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .RECOVERY_FILE */ .RU);
        try {
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_6__.writeFileAtomic)(path, renderRecovery(record));
        }
        catch (error) {
            this.#log({ type: 'effects_mirror_failed', file: path, error: (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .g)(error) });
        }
    }
}
async function writeRecord(path, record) {
    await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_6__.writeFileAtomic)(path, `${JSON.stringify(record, null, 2)}\n`);
}
function ref(path, created) {
    return { id: path, url: (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(path).href, created };
}
/** The step id in `<!-- keel:run=<id> step=<id> -->`, if the marker has that shape. */
function markerStep(marker) {
    return /\bstep=(\S+?)\s*-->/.exec(marker)?.[1];
}
function renderRecovery(record) {
    const lines = [
        `# ${record.title}`,
        '',
        `State: ${record.state} · labels: ${record.labels.join(', ') || '(none)'} · record: effects/issues/${record.number}.json`,
        '',
        record.body,
    ];
    for (const comment of Array.isArray(record.comments) ? record.comments : []) {
        lines.push('', '---', '', `Comment (${new Date(comment.at).toISOString()}):`, '', comment.body);
    }
    // The engine puts the marker in the body already; the file carries it exactly once either way.
    if (!record.body.includes(record.marker))
        lines.push('', record.marker);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 77012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ EventLog),
/* harmony export */   wj: () => (/* binding */ readEvents)
/* harmony export */ });
/* unused harmony exports DEFAULT_EVENT_LOG_MAX_BYTES, DEFAULT_EVENT_LOG_KEEP */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74743);
/* harmony import */ var _rotating_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37154);
/**
 * `events.ndjson`: one JSON object per line (`{ at, type, … }`), redacted before it is written, rotated by
 * size (`events.ndjson` → `events.1.ndjson` → … → `events.<keep>.ndjson`, the oldest dropped).
 *
 * Appends go through one promise chain, so lines are written one after another — never interleaved or
 * torn, even with a hundred callers at once — and rotation never races an append. Telemetry must not
 * take a run down: `append` never rejects; the first failure is reported on stderr once, later ones are
 * dropped silently.
 */




const DEFAULT_EVENT_LOG_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_EVENT_LOG_KEEP = 3;
/** Deeper structures are cut: an event is a record, not a data dump. */
const MAX_DEPTH = 8;
class EventLog {
    path;
    #file;
    #redact;
    #clock;
    #warn;
    #observe;
    #chain = Promise.resolve();
    #warned = false;
    constructor(options) {
        this.path = options.path;
        this.#file = new _rotating_file_js__WEBPACK_IMPORTED_MODULE_2__/* .RotatingFile */ .l(options.path, options.maxBytes ?? DEFAULT_EVENT_LOG_MAX_BYTES, options.keep ?? DEFAULT_EVENT_LOG_KEEP);
        this.#redact = options.redact;
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
        this.#warn = options.warn ?? ((message) => process.stderr.write(`${message}\n`));
        this.#observe = options.observe;
    }
    /** Queues the event; resolves once it is written (or dropped after a failure). Never rejects. */
    append(event) {
        this.#observe?.(event);
        // Serialised at the call, not when the queue gets to it: the line shows the event as it was then,
        // even if the caller goes on mutating the objects it passed. `at` comes first and is ours.
        let line;
        try {
            const record = { at: 0, ...event };
            record.at = this.#clock.now();
            line = `${JSON.stringify(redactDeep(record, this.#redact, 0))}\n`;
        }
        catch (error) {
            this.#fail(error);
            return this.#chain;
        }
        const next = this.#chain.then(() => this.#write(line));
        this.#chain = next;
        return next;
    }
    /** Resolves when everything appended so far is written. */
    flush() {
        return this.#chain;
    }
    async #write(line) {
        try {
            await this.#file.append(line);
        }
        catch (error) {
            this.#fail(error);
        }
    }
    #fail(error) {
        if (this.#warned)
            return;
        this.#warned = true;
        this.#warn(`keel: event log ${this.path} failed, further events may be lost: ${String(error)}`);
    }
}
function redactDeep(value, redact, depth) {
    if (typeof value === 'string')
        return redact(value);
    if (value === null || typeof value !== 'object')
        return value;
    if (depth >= MAX_DEPTH)
        return '[…]';
    if (value instanceof Error)
        return redact(`${value.name}: ${value.message}`);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, redact, depth + 1));
    const out = {};
    for (const [key, item] of Object.entries(value))
        out[redact(key)] = redactDeep(item, redact, depth + 1);
    return out;
}
/** Reads one events file (not its rotations). A missing file has no events. */
async function readEvents(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { events: [], badLines: 0 };
        throw error;
    }
    const events = [];
    let badLines = 0;
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        try {
            const value = JSON.parse(line);
            if (value &&
                typeof value === 'object' &&
                typeof value.type === 'string' &&
                typeof value.at === 'number') {
                events.push(value);
            }
            else {
                badLines++;
            }
        }
        catch {
            badLines++;
        }
    }
    return { events, badLines };
}


/***/ }),

/***/ 37154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ RotatingFile)
/* harmony export */ });
/* unused harmony export rotatedPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/**
 * An append-only file rotated by size: `x.log` → `x.1.log` → … → `x.<keep>.log`, the oldest dropped, so it
 * fills at most `maxBytes × (keep + 1)` of disk. Shared by the event log and the daemon's child logs.
 *
 * Not safe for concurrent `append`s by itself: both users serialise them through one promise chain, so
 * rotation never races an append. An `append` that fails rejects, and the next one asks the disk for the
 * size again (the one believed may be wrong by then).
 */


class RotatingFile {
    path;
    #maxBytes;
    #keep;
    /** Bytes in the current file; read from disk on the first append (a resumed run appends). */
    #size;
    constructor(path, maxBytes, keep) {
        this.path = path;
        this.#maxBytes = Math.max(1, maxBytes);
        this.#keep = Math.max(0, keep);
    }
    async append(data) {
        const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
        try {
            this.#size ??= await sizeOf(this.path);
            if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
                await this.#rotate();
                this.#size = 0;
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(this.path, data).catch(async (error) => {
                // A directory that does not exist yet (or was cleaned away): create it once and try again.
                if (error.code !== 'ENOENT')
                    throw error;
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.path), { recursive: true });
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(this.path, data);
            });
            this.#size += bytes;
        }
        catch (error) {
            this.#size = undefined;
            throw error;
        }
    }
    async #rotate() {
        if (this.#keep === 0) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.path, { force: true });
            return;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(rotatedPath(this.path, this.#keep), { force: true });
        for (let index = this.#keep - 1; index >= 1; index--) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(rotatedPath(this.path, index), rotatedPath(this.path, index + 1)).catch(ignoreMissing);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(this.path, rotatedPath(this.path, 1)).catch(ignoreMissing);
    }
}
/** `events.ndjson` → `events.<n>.ndjson`. */
function rotatedPath(path, index) {
    const dot = path.lastIndexOf('.');
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return dot > slash + 1 ? `${path.slice(0, dot)}.${index}${path.slice(dot)}` : `${path}.${index}`;
}
async function sizeOf(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).size;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return 0;
        throw error;
    }
}
function ignoreMissing(error) {
    if (error.code !== 'ENOENT')
        throw error;
}


/***/ })

};
