export const id = 852;
export const ids = [852];
export const modules = {

/***/ 84484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ks: () => (/* binding */ callAgent)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_MODELS, NO_MODEL */
/* harmony import */ var _fleet_router_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(235);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33020);
/* harmony import */ var _prompts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99281);



const DEFAULT_MAX_MODELS = 3;
/** `provenance.model` of a call that no model answered. */
const NO_MODEL = 'none';
const MAX_REASON_CHARS = 2_000;
async function callAgent(router, call, opts = {}) {
    const { role, request } = call;
    const maxModels = Math.max(1, Math.floor(opts.maxModels ?? DEFAULT_MAX_MODELS));
    const tally = { attempts: 0, invalidAnswers: 0, model: NO_MODEL };
    const rejected = new Set();
    let lastError = '';
    let seed = call.seed;
    const done = (value, content) => ({
        ok: true,
        value,
        provenance: provenance(tally),
        answer: (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(content, _prompts_js__WEBPACK_IMPORTED_MODULE_2__/* .REJECTED_ANSWER_CHARS */ .w5),
    });
    const routerFailed = (error) => {
        const invalid = invalidSummary(tally.invalidAnswers, lastError);
        // Nothing was even tried because every model still available had answered unusable output: a quality
        // failure, whatever the router calls it.
        if (error.reason === 'exhausted' && error.attempts.length === 0 && rejected.size > 0) {
            return failed('invalid', `no usable answer, and no model left to ask: ${invalid}`, tally);
        }
        const earlier = tally.invalidAnswers > 0 ? `; before that, ${invalid}` : '';
        return failed(error.reason, `${error.reason}: ${error.message}${earlier}`, tally);
    };
    const judge = async (reply, given) => {
        let value = given;
        if (value === undefined) {
            const read = call.read(reply);
            if (!read.ok)
                return { ...read, message: call.correction(read.error) };
            value = read.value;
        }
        if (call.use === undefined)
            return { ok: true, value: value };
        const used = await call.use(value);
        if (used.ok)
            return used;
        if ('stop' in used)
            return { ok: false, next: 'stop', error: used.error };
        return { ok: false, next: 'ask_again', error: used.error, message: used.message };
    };
    for (let round = 0; round < maxModels; round++) {
        let first;
        let firstValue;
        if (seed !== undefined) {
            first = { ok: true, reply: { content: seed.content, finishReason: 'stop' }, key: seed.key };
            firstValue = seed.value;
            tally.model = seed.key;
            seed = undefined;
        }
        else {
            first = await ask(router, role, request, { exclude: [...rejected] }, opts.signal, tally);
        }
        if (!first.ok)
            return routerFailed(first.error);
        const judged = await judge(first.reply, firstValue);
        if (judged.ok)
            return done(judged.value, first.reply.content);
        if (judged.next === 'stop')
            return failed('not_applied', judged.error, tally);
        tally.invalidAnswers++;
        lastError = judged.error;
        opts.onUnusable?.({ model: first.key, error: judged.error, next: judged.next });
        if (judged.next === 'fail_over') {
            rejected.add(first.key);
            continue;
        }
        // The same model, shown what it said and what was wrong with it: models fix their own slips well.
        const retry = {
            ...request,
            messages: [
                ...request.messages,
                { role: 'assistant', content: (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(spoken(first.reply), _prompts_js__WEBPACK_IMPORTED_MODULE_2__/* .REJECTED_ANSWER_CHARS */ .w5) },
                { role: 'user', content: judged.message },
            ],
        };
        const second = await ask(router, role, retry, { prefer: first.key, exclude: [...rejected] }, opts.signal, tally);
        if (!second.ok)
            return routerFailed(second.error);
        const rejudged = await judge(second.reply);
        if (rejudged.ok)
            return done(rejudged.value, second.reply.content);
        if (rejudged.next === 'stop')
            return failed('not_applied', rejudged.error, tally);
        tally.invalidAnswers++;
        lastError = rejudged.error;
        opts.onUnusable?.({ model: second.key, error: rejudged.error, next: 'fail_over' });
        // The preferred model may have been busy or gone, so the retry may have landed elsewhere: exclude both.
        rejected.add(first.key).add(second.key);
    }
    return failed('invalid', `no usable answer from ${rejected.size} model${rejected.size === 1 ? '' : 's'}: ${invalidSummary(tally.invalidAnswers, lastError)}`, tally);
}
/** What the model said, as it is shown back to it: its content, or where it put its answer instead. */
function spoken(reply) {
    if (reply.content.trim() !== '')
        return reply.content;
    if (reply.reasoning !== undefined && reply.reasoning.trim() !== '')
        return reply.reasoning;
    const call = reply.toolCalls?.[0];
    return call !== undefined ? `${call.name}(${call.arguments})` : '(an empty answer)';
}
async function ask(router, role, request, options, signal, tally) {
    // Checked here too: a cancelled run must not start a request, whatever the router would do with it.
    if (signal?.aborted)
        return { ok: false, error: new _fleet_router_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RouterError */ .K('aborted', role, [], 'cancelled') };
    try {
        const completion = await router.complete(role, request, {
            ...options,
            ...(signal ? { signal } : {}),
        });
        tally.attempts += completion.attempts.length;
        tally.model = completion.key;
        const reply = { content: completion.content, finishReason: completion.finishReason };
        if (completion.reasoning !== undefined)
            reply.reasoning = completion.reasoning;
        if (completion.toolCalls !== undefined)
            reply.toolCalls = completion.toolCalls;
        return { ok: true, reply, key: completion.key };
    }
    catch (error) {
        if (!(error instanceof _fleet_router_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RouterError */ .K))
            throw error;
        tally.attempts += error.attempts.length;
        return { ok: false, error };
    }
}
function invalidSummary(count, lastError) {
    return `${count} unusable answer${count === 1 ? '' : 's'} (last: ${lastError})`;
}
function provenance(tally) {
    return { model: tally.model, attempts: tally.attempts, invalidAnswers: tally.invalidAnswers };
}
function failed(failure, reason, tally) {
    return { ok: false, failure, reason: (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(reason, MAX_REASON_CHARS), provenance: provenance(tally) };
}


/***/ }),

/***/ 37436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dn: () => (/* binding */ codeSubtask),
  Mg: () => (/* binding */ editsRefused),
  zx: () => (/* binding */ implementSubtask),
  Al: () => (/* binding */ manualImplementationIssue)
});

// UNUSED EXPORTS: toCodeChange

// EXTERNAL MODULE: ./lib/agents/call-agent.js
var call_agent = __webpack_require__(84484);
// EXTERNAL MODULE: ./lib/agents/parse-json.js
var parse_json = __webpack_require__(33020);
// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(99281);
// EXTERNAL MODULE: ./lib/agents/edit-format.js + 1 modules
var edit_format = __webpack_require__(60235);
// EXTERNAL MODULE: ./lib/agents/json-candidates.js
var json_candidates = __webpack_require__(89705);
// EXTERNAL MODULE: ./lib/agents/read-answer.js + 2 modules
var read_answer = __webpack_require__(35915);
// EXTERNAL MODULE: ./lib/agents/schemas.js
var schemas = __webpack_require__(38206);
;// CONCATENATED MODULE: ./lib/agents/read-code.js






/** Keys of the JSON shape: an object with none of them is not a coder answer. */
const JSON_KEYS = ['edits', 'commitMessage'];
function readCodeAnswer(reply) {
    const reading = (0,read_answer/* readAnswer */.JN)(reply, {
        find: findCodeAnswers,
        isExample: (change) => EXAMPLES().some((example) => sameChange(example, change)),
        same: sameChange,
        noAnswer: 'no edits found in the answer: answer with FILE/EDIT/DELETE blocks and a COMMIT line as the system message shows',
    });
    // Cut at the output limit inside the commit body: the subject line was complete, the rest is not worth keeping.
    if (reading.ok && reply.finishReason === 'length') {
        return { ok: true, value: { ...reading.value, commitMessage: subject(reading.value.commitMessage) } };
    }
    return reading;
}
/** Every coder answer in a text, JSON objects and edit blocks alike, in the order they stand. */
function findCodeAnswers(text) {
    const found = [];
    let masked = text;
    for (const candidate of (0,json_candidates/* findJsonObjects */.e)(text)) {
        const raw = text.slice(candidate.start, candidate.end);
        const answerLike = candidate.value !== undefined
            ? JSON_KEYS.some((key) => Object.hasOwn(candidate.value, key))
            : JSON_KEYS.some((key) => raw.includes(`${key}`));
        if (!answerLike)
            continue;
        // The object's text is not read again as edit blocks (its strings may hold code that looks like them).
        masked = masked.slice(0, candidate.start) + raw.replace(/[^\n]/g, ' ') + masked.slice(candidate.end);
        const { start, end, complete } = candidate;
        if (candidate.value === undefined) {
            found.push({ start, end, complete, error: candidate.error });
            continue;
        }
        const checked = schemas/* coderAnswerSchema */.xz.safeParse(candidate.value, { reportInput: true });
        found.push(checked.success
            ? checkedChange(toCodeChange(checked.data), start, end)
            : { start, end, complete, error: (0,parse_json/* describeIssues */.wF)(checked.error.issues) });
    }
    const reading = (0,edit_format/* readTextAnswers */.R)(masked);
    const offsets = lineOffsets(reading.lines);
    for (const answer of reading.answers) {
        const start = offsets[answer.firstLine];
        const end = offsets[answer.lastLine] + reading.lines[answer.lastLine].length;
        if (answer.unfinished !== undefined) {
            found.push({ start, end, complete: false, error: answer.unfinished });
        }
        else if (answer.problem !== undefined) {
            found.push({ start, end, complete: true, error: answer.problem });
        }
        else if (answer.commitMessage === undefined) {
            found.push({
                start,
                end,
                complete: false,
                error: 'the answer has no COMMIT line: end it with "COMMIT <message>"',
            });
        }
        else {
            found.push(checkedChange({ edits: answer.edits, commitMessage: answer.commitMessage }, start, end));
        }
    }
    return found.sort((a, b) => a.start - b.start);
}
function toCodeChange(answer) {
    const edits = answer.edits.map((edit) => {
        if (edit.content !== undefined)
            return { kind: 'write', path: edit.path, content: edit.content };
        if (edit.search !== undefined) {
            return { kind: 'replace', path: edit.path, search: edit.search, replace: edit.replace ?? '' };
        }
        return { kind: 'delete', path: edit.path };
    });
    return { edits, commitMessage: answer.commitMessage };
}
/** The bounds of the JSON schema, for both shapes; and no edit copied from the prompt's examples. */
function checkedChange(change, start, end) {
    const at = { start, end, complete: true };
    const message = change.commitMessage.trim();
    if (message === '')
        return { ...at, error: 'the commit message is empty' };
    if (message.length > schemas/* CODE_LIMITS */.Tn.commitMessage) {
        return { ...at, error: `the commit message is longer than ${schemas/* CODE_LIMITS */.Tn.commitMessage} characters` };
    }
    if (change.edits.length === 0)
        return { ...at, error: 'the answer has no edits' };
    if (change.edits.length > schemas/* CODE_LIMITS */.Tn.edits) {
        return { ...at, error: `at most ${schemas/* CODE_LIMITS */.Tn.edits} edits, got ${change.edits.length}` };
    }
    for (const edit of change.edits) {
        if (edit.path.length > schemas/* CODE_LIMITS */.Tn.path)
            return { ...at, error: `a path is longer than ${schemas/* CODE_LIMITS */.Tn.path} characters` };
        const size = edit.kind === 'write'
            ? edit.content.length
            : edit.kind === 'replace'
                ? edit.search.length + edit.replace.length
                : 0;
        if (size > schemas/* CODE_LIMITS */.Tn.content)
            return { ...at, error: `the edit of ${edit.path} is larger than ${schemas/* CODE_LIMITS */.Tn.content} characters` };
    }
    const value = { edits: change.edits, commitMessage: message };
    // The whole example is dropped by the caller; one of its edits inside a real answer is refused here.
    if (!EXAMPLES().some((example) => sameChange(example, value))) {
        const copied = change.edits.find((edit) => EXAMPLE_EDITS().has(editKey(edit)));
        if (copied !== undefined) {
            return {
                ...at,
                error: `the edit of ${copied.path} is the format's example, not part of this change: leave it out`,
            };
        }
    }
    return { ...at, value };
}
function lineOffsets(lines) {
    const offsets = [];
    let at = 0;
    for (const line of lines) {
        offsets.push(at);
        at += line.length + 1;
    }
    return offsets;
}
function subject(message) {
    return message.split('\n', 1)[0].trim();
}
/** Two changes that do the same: the same edits and the same commit subject (a body may differ). */
function sameChange(a, b) {
    return (subject(a.commitMessage) === subject(b.commitMessage) &&
        a.edits.length === b.edits.length &&
        a.edits.every((edit, i) => editKey(edit) === editKey(b.edits[i])));
}
function editKey(edit) {
    switch (edit.kind) {
        case 'write':
            return JSON.stringify(['write', edit.path, edit.content.trimEnd()]);
        case 'replace':
            return JSON.stringify(['replace', edit.path, edit.search.trimEnd(), edit.replace.trimEnd()]);
        case 'delete':
            return JSON.stringify(['delete', edit.path]);
    }
}
let examples;
let exampleEdits;
/** The prompts' two examples as changes (read once, with the readers everyone's answers go through). */
function EXAMPLES() {
    if (examples === undefined) {
        const text = (0,edit_format/* readTextAnswers */.R)(prompts/* CODER_TEXT_EXAMPLE */.vb).answers[0];
        const json = schemas/* coderAnswerSchema */.xz.parse(JSON.parse(prompts/* CODER_SHAPE */.Mp));
        examples = [{ edits: text.edits, commitMessage: text.commitMessage }, toCodeChange(json)];
    }
    return examples;
}
function EXAMPLE_EDITS() {
    exampleEdits ??= new Set(EXAMPLES().flatMap((example) => example.edits.map(editKey)));
    return exampleEdits;
}

;// CONCATENATED MODULE: ./lib/agents/coder.js





/** Asks for a change and reads it, without applying it (a resume's prefetch, a fan-out coder job). */
async function codeSubtask(router, input, opts = {}) {
    return (0,call_agent/* callAgent */.ks)(router, coderCall(input), opts);
}
/** The coder's call: its request, how its answer is read, and the correction turn in its format. */
function coderCall(input) {
    const format = input.format ?? 'text';
    return {
        role: 'coder',
        request: (0,prompts/* coderRequest */.j_)(input),
        read: readCodeAnswer,
        correction: (error) => (0,prompts/* correctionMessage */.cj)(error, format),
    };
}
/**
 * Asks for a change and applies it with `apply`; a refusal (`editsRefused`) goes back to the model once,
 * then the next model is asked. Resolves with what `apply` produced (the commit).
 */
async function implementSubtask(router, input, apply, opts = {}) {
    const { seed } = opts;
    return (0,call_agent/* callAgent */.ks)(router, {
        ...coderCall(input),
        use: apply,
        ...(seed
            ? {
                seed: {
                    value: seed.change,
                    key: seed.model,
                    content: seed.answer ?? (0,parse_json/* shorten */.ml)(JSON.stringify(seed.change), prompts/* REJECTED_ANSWER_CHARS */.w5),
                },
            }
            : {}),
    }, opts);
}
/** What `apply` answers for edits that could not be applied: the model is shown every problem. */
function editsRefused(problems, format = 'text') {
    const error = `edits refused: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`;
    return {
        ok: false,
        error,
        message: (0,prompts/* refusedEditsMessage */.xl)(problems.map((p) => ({
            path: p.path === '' ? '(the change as a whole)' : p.path,
            reason: p.reason,
            ...(p.detail !== undefined ? { detail: p.detail } : {}),
        })), format),
    };
}
// ---------------------------------------------------------------------------------------------------------
// Degraded: a human implements it
/** GitHub refuses longer titles. */
const MAX_TITLE = 256;
/** GitHub's body limit is 65 536; room is left for the marker and links the engine adds. */
const MAX_BODY = 60_000;
/**
 * The issue that replaces a subtask no coder model could implement. Untrusted text (task, plan, reason) sits in
 * code fences, where Markdown, mentions and links stay inert, and cannot forge keel's hidden markers.
 */
function manualImplementationIssue(input) {
    const { subtask } = input;
    const title = (0,parse_json/* shorten */.ml)(`Manual implementation required: ${oneLine(subtask.title)}`, MAX_TITLE);
    const files = subtask.files.length > 0
        ? subtask.files
            .slice(0, 50)
            .map((file) => `- \`${(0,parse_json/* shorten */.ml)(oneLine(file), 300)}\``)
            .join('\n')
        : '(none named)';
    const body = [
        'keel could not implement this subtask: no coder model produced a usable change. It needs a human.',
        '',
        '### Why',
        fenced((0,parse_json/* shorten */.ml)(input.reason, 4_000)),
        '',
        `### Subtask \`${subtask.id}\`: instructions`,
        fenced((0,parse_json/* shorten */.ml)(subtask.instructions, 8_000)),
        '',
        '### Files',
        files,
        '',
        '### Plan',
        fenced((0,parse_json/* shorten */.ml)((0,prompts/* planOutline */.EX)(input.plan, subtask.id), 12_000)),
        '',
        '### Task',
        fenced((0,parse_json/* shorten */.ml)(input.task, 16_000)),
        '',
        'When it is done, commit it on the run’s work branch, or close this issue if the subtask is not needed.',
    ].join('\n');
    // Every part is bounded so that the sum stays under MAX_BODY: this cut is a safety net that never cuts.
    return { title, body: (0,parse_json/* shorten */.ml)(body, MAX_BODY) };
}
function oneLine(text) {
    return neutraliseMarkers(text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'"));
}
/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${neutraliseMarkers(text)}\n${fence}`;
}
/** keel finds its own issues by `<!-- keel:… -->` markers; quoted text must never contain one. */
function neutraliseMarkers(text) {
    return text.replace(/<!--/g, '<!\u200b--');
}


/***/ }),

/***/ 89705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ findJsonObjects)
/* harmony export */ });
/* unused harmony export readJsonObject */
/**
 * Every JSON object a model wrote in its answer, where it stands, and what it says — read the way small
 * models write JSON. One lenient pass over each object finds where it ends and re-emits it as strict JSON,
 * repairing only what has one meaning:
 *
 * - `//` and `/* *\/` comments, trailing commas: dropped;
 * - single-quoted strings, unquoted keys, Python's `True`/`False`/`None`: what JSON spells `"…"`, `"key"`,
 *   `true`/`false`/`null`;
 * - raw line breaks and tabs inside a string: a raw line break can only mean a line break;
 * - `\'`: a quote;
 * - escapes JSON does not have (`\d`, `\s`, `\.`, `\(` — regexes written with one backslash): a backslash
 *   and the character. The model did not escape its backslashes, so when the same answer also holds a `\b`
 *   or `\f` (valid JSON, a backspace or form feed — or a regex's word boundary?) the reading is a guess and
 *   the object is refused instead.
 *
 * What is not repaired: an unescaped `"` inside a string (where the string ends is a guess), an object that
 * never closes (the answer was cut), anything else JSON.parse refuses after the repair. A library would not
 * do better here: json5 reads `\d` as `d` (a different regex) and knows nothing of Python literals, and
 * jsonrepair completes a cut object, which must never be taken for an answer.
 */
/** Objects whose start is tried: bounds the work on hostile prose full of braces. */
const MAX_STARTS = 64;
const LITERALS = {
    true: 'true',
    false: 'false',
    null: 'null',
    True: 'true',
    False: 'false',
    None: 'null',
};
const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
/** The top-level objects of `text`, in order. Objects nested in another are part of it, not candidates. */
function findJsonObjects(text) {
    const found = [];
    let starts = 0;
    for (let at = text.indexOf('{'); at !== -1 && starts < MAX_STARTS;) {
        starts++;
        const scanned = scanObject(text, at);
        if (scanned.end === -1) {
            // Cut short — or a stray brace in prose before the real object: the objects inside are tried too.
            found.push({ start: at, end: text.length, complete: false, error: CUT });
            at = text.indexOf('{', at + 1);
            continue;
        }
        const candidate = { start: at, end: scanned.end, complete: true };
        const parsed = parseRepaired(text.slice(at, scanned.end), scanned);
        if (parsed.ok)
            candidate.value = parsed.value;
        else
            candidate.error = parsed.error;
        found.push(candidate);
        // What a closed object holds is part of it, readable or not.
        at = text.indexOf('{', scanned.end);
    }
    return found;
}
/** One object as strict JSON (for tool-call arguments, which hold exactly one). */
function readJsonObject(text) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{'))
        return undefined;
    return findJsonObjects(trimmed)[0];
}
const CUT = 'the JSON object is not closed (the answer was cut short)';
function parseRepaired(raw, scanned) {
    let value;
    try {
        // The object exactly as written first: valid JSON is never touched, whatever the repair would do.
        value = JSON.parse(raw);
    }
    catch {
        if (scanned.problem !== undefined)
            return { ok: false, error: scanned.problem };
        if (scanned.invalidEscapes > 0 && scanned.controlEscapes > 0) {
            return {
                ok: false,
                error: 'the JSON strings mix escapes JSON does not have (like \\d) with \\b or \\f: escape every backslash in code as \\\\',
            };
        }
        try {
            value = JSON.parse(scanned.json);
        }
        catch (error) {
            return { ok: false, error: `invalid JSON: ${error.message.slice(0, 200)}` };
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { ok: false, error: 'expected a JSON object' };
    }
    return { ok: true, value: value };
}
/** Reads the object opened at `start` leniently, to its closing brace, re-emitting strict JSON. */
function scanObject(text, start) {
    const out = [];
    const result = { end: -1, json: '', invalidEscapes: 0, controlEscapes: 0 };
    const closers = [];
    let i = start;
    while (i < text.length) {
        const char = text[i];
        if (char === '"' || char === "'") {
            const string = scanString(text, i, result);
            if (string.end === -1)
                return result;
            out.push(string.json);
            i = string.end;
            continue;
        }
        if (char === '/' && text[i + 1] === '/') {
            const newline = text.indexOf('\n', i);
            i = newline === -1 ? text.length : newline;
            continue;
        }
        if (char === '/' && text[i + 1] === '*') {
            const close = text.indexOf('*/', i + 2);
            if (close === -1)
                return result;
            i = close + 2;
            continue;
        }
        if (char === '{' || char === '[') {
            closers.push(char === '{' ? '}' : ']');
            out.push(char);
            i++;
            continue;
        }
        if (char === '}' || char === ']') {
            if (closers.pop() !== char) {
                result.problem ??= `unbalanced "${char}" in the JSON object`;
                // The brace count decides where the object ends; the mismatch makes it unreadable.
            }
            dropTrailingComma(out);
            out.push(char);
            i++;
            if (closers.length === 0) {
                result.end = i;
                result.json = out.join('');
                return result;
            }
            continue;
        }
        if (/[A-Za-z_$]/.test(char)) {
            let j = i;
            while (j < text.length && /[\w$]/.test(text[j]))
                j++;
            const word = text.slice(i, j);
            const next = nextSignificant(text, j);
            if (text[next] === ':')
                out.push(JSON.stringify(word));
            else if (Object.hasOwn(LITERALS, word))
                out.push(LITERALS[word]);
            else {
                // A word right after a string: the string ended at a quote that was meant to be inside it.
                const afterString = lastSignificant(out)?.endsWith('"') === true;
                result.problem ??= afterString
                    ? `a double quote inside a string is not escaped (before \`${word.slice(0, 40)}\`): write it as \\"`
                    : `\`${word.slice(0, 40)}\` is not a JSON value`;
                out.push(word);
            }
            i = j;
            continue;
        }
        out.push(char);
        i++;
    }
    return result;
}
/** Index of the next character that is not white space or a comment. */
function nextSignificant(text, from) {
    let i = from;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        if (text.startsWith('//', i)) {
            const newline = text.indexOf('\n', i);
            i = newline === -1 ? text.length : newline;
        }
        else if (text.startsWith('/*', i)) {
            const close = text.indexOf('*/', i + 2);
            i = close === -1 ? text.length : close + 2;
        }
        else
            return i;
    }
}
function lastSignificant(out) {
    for (let k = out.length - 1; k >= 0; k--)
        if (!/^\s*$/.test(out[k]))
            return out[k];
    return undefined;
}
/** A comma before a closing bracket (white space between is kept out by the caller's order). */
function dropTrailingComma(out) {
    for (let k = out.length - 1; k >= 0; k--) {
        const piece = out[k];
        if (/^\s*$/.test(piece))
            continue;
        if (piece === ',')
            out.splice(k, 1);
        return;
    }
}
/** A string opened by `"` or `'` at `start`, re-emitted as a strict JSON string. */
function scanString(text, start, counts) {
    const quote = text[start];
    let json = '"';
    for (let i = start + 1; i < text.length; i++) {
        const char = text[i];
        if (char === quote)
            return { end: i + 1, json: `${json}"` };
        if (char === '\\') {
            const next = text[i + 1];
            if (next === undefined)
                return { end: -1, json };
            if (next === "'")
                json += "'";
            else if (VALID_ESCAPES.has(next)) {
                if (next === 'b' || next === 'f')
                    counts.controlEscapes++;
                json += `\\${next}`;
            }
            else {
                counts.invalidEscapes++;
                json += next === '\n' ? '\\\\\\n' : `\\\\${next === '"' ? '\\"' : next}`;
            }
            i++;
            continue;
        }
        if (char === '"')
            json += '\\"';
        else if (char === '\n')
            json += '\\n';
        else if (char === '\r')
            json += '\\r';
        else if (char === '\t')
            json += '\\t';
        else if (char < ' ')
            json += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        else
            json += char;
    }
    return { end: -1, json };
}


/***/ }),

/***/ 33020:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   wF: () => (/* binding */ describeIssues)
/* harmony export */ });
/* unused harmony export formatPath */
const MAX_ISSUES = 6;
const MAX_ERROR_CHARS = 1_500;
/** Zod issues as a short message for the model: at most a few, paths in backticks, no input values. */
function describeIssues(issues) {
    const lines = issues
        .slice(0, MAX_ISSUES)
        .map((issue) => `\`${formatPath(issue.path)}\`: ${explain(issue)}`);
    const more = issues.length - MAX_ISSUES;
    if (more > 0)
        lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    return shorten(lines.join('; '), MAX_ERROR_CHARS);
}
function formatPath(path) {
    if (path.length === 0)
        return '(the answer)';
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += out === '' ? String(segment) : `.${String(segment)}`;
    }
    return out;
}
const EXPECTED = {
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
};
function explain(issue) {
    const input = issue.input;
    switch (issue.code) {
        case 'invalid_type': {
            const expected = EXPECTED[issue.expected] ?? issue.expected;
            return input === undefined
                ? `missing (expected ${expected})`
                : `expected ${expected}, got ${kindOf(input)}`;
        }
        case 'too_big':
            return `${limit('at most', issue.maximum, issue.origin)}${got(input)}`;
        case 'too_small':
            if (issue.origin === 'string' && issue.minimum === 1)
                return 'must not be empty';
            return `${limit('at least', issue.minimum, issue.origin)}${got(input)}`;
        case 'invalid_value':
            return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
        default:
            return shorten(issue.message, 300);
    }
}
function limit(bound, value, origin) {
    const n = Number(value);
    if (origin === 'string')
        return `${bound} ${n} character${n === 1 ? '' : 's'}`;
    if (origin === 'array' || origin === 'set')
        return `${bound} ${n} item${n === 1 ? '' : 's'}`;
    return `${bound} ${n}`;
}
function got(input) {
    if (typeof input === 'string')
        return `, got ${input.length}`;
    if (Array.isArray(input))
        return `, got ${input.length}`;
    if (typeof input === 'number')
        return `, got ${input}`;
    return '';
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}
function shorten(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}


/***/ }),

/***/ 35915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cx: () => (/* binding */ jsonAnswers),
  JN: () => (/* binding */ readAnswer),
  Vk: () => (/* binding */ sameJson)
});

// UNUSED EXPORTS: MAX_REPLY_CHARS

;// CONCATENATED MODULE: ./lib/agents/choose-answer.js
/**
 * Which of the answers in one reply counts (issue 10 §12). Models do not always answer once: they echo the
 * prompt's example first, correct themselves ("Wait, that's wrong… corrected:"), offer two options, or
 * answer and then take it back in prose. The rules, in order:
 *
 * 1. An answer equal to the prompt's example is never an answer (it is dropped, wherever it stands).
 * 2. Answers that say the same thing count once.
 * 3. Different answers: the last one counts when the words just before it withdraw the one before
 *    ("wait", "actually", "oops", "corrected" …) and offer no alternative ("option", "alternatively" …);
 *    otherwise the reply is ambiguous and the model is asked again. Choosing between two designs the model
 *    left open would be a guess.
 * 4. A reply cut at the output limit counts only when its last answer was complete before the cut.
 *
 * What happens when nothing counts is part of the outcome: `ask_again` (a complete reply the same model can
 * fix when told what was wrong) or `fail_over` (nothing came back — cut short, still thinking, empty —
 * and asking the same model the same thing again would most likely give the same).
 */
/** Words that withdraw what came before. */
const CORRECTION = /\b(?:wait|actually|oops|sorry|my (?:bad|mistake)|mistake|wrong|incorrect|correct(?:ed|ion|ing)?|fix(?:ed)?|revis(?:e|ed|ion)|updated? (?:answer|version|review|plan)|on second thought|let me (?:redo|fix|correct|revise)|i (?:missed|forgot)|scratch that|ignore (?:the|my) (?:previous|above|first))\b/i;
/** Words that offer the next answer beside the one before, not instead of it. */
const ALTERNATIVE = /\b(?:alternatively|alternative|option\s*\d|option (?:one|two|a|b)|another (?:way|approach|option)|or you could|if you(?:'d| would)? (?:prefer|rather))\b/i;
function chooseAnswer(found, text, options) {
    const answers = found.filter((answer) => answer.value === undefined || !options.isExample(answer.value));
    const complete = answers.filter((answer) => answer.complete);
    const lastComplete = complete.at(-1);
    // An unfinished answer after the last complete one is the model's last word: never skipped over.
    const unfinished = answers.find((answer) => !answer.complete && (lastComplete === undefined || answer.start >= lastComplete.end));
    if (lastComplete === undefined || unfinished !== undefined) {
        if (options.truncated) {
            return {
                ok: false,
                next: 'fail_over',
                error: 'the answer was cut off at the output limit before it was complete',
            };
        }
        const echoed = found.length > 0 && answers.length === 0;
        return {
            ok: false,
            next: 'ask_again',
            error: echoed
                ? 'the answer only repeats the example of the format: answer with the change for this task'
                : (unfinished?.error ??
                    answers.find((answer) => answer.error !== undefined)?.error ??
                    options.noAnswer),
        };
    }
    // Rule 2: the distinct answers, in order, each standing at its last repetition.
    const distinct = [];
    for (const answer of complete) {
        const before = distinct.at(-1);
        if (before?.value !== undefined &&
            answer.value !== undefined &&
            options.same(before.value, answer.value)) {
            distinct[distinct.length - 1] = answer;
        }
        else
            distinct.push(answer);
    }
    const last = distinct.at(-1);
    if (distinct.length > 1) {
        const previous = distinct.at(-2);
        const between = text.slice(previous.end, last.start);
        if (!CORRECTION.test(between) || ALTERNATIVE.test(between)) {
            return {
                ok: false,
                next: 'ask_again',
                error: `the answer holds ${distinct.length} different answers and does not say which one counts: answer with exactly one`,
            };
        }
    }
    if (last.value === undefined) {
        return { ok: false, next: 'ask_again', error: last.error ?? options.noAnswer };
    }
    return { ok: true, value: last.value, chosen: last, answers };
}
/** Whether a stretch of prose withdraws or qualifies what came before it (for the reviewer's verdicts). */
function soundsLikeCorrection(prose) {
    return CORRECTION.test(prose);
}

// EXTERNAL MODULE: ./lib/agents/json-candidates.js
var json_candidates = __webpack_require__(89705);
// EXTERNAL MODULE: ./lib/agents/parse-json.js
var parse_json = __webpack_require__(33020);
;// CONCATENATED MODULE: ./lib/agents/reply.js
const REASONING_TAGS = 'think|thinking|reasoning';
const LEADING_THOUGHT = new RegExp(`^\\s*<(${REASONING_TAGS})>[\\s\\S]*?</\\1>`, 'i');
const OPENING_THOUGHT = new RegExp(`^\\s*<(?:${REASONING_TAGS})>`, 'i');
const CLOSING_THOUGHT = new RegExp(`</(?:${REASONING_TAGS})>`, 'gi');
/**
 * Special tokens of chat templates that end a turn or start the next one (ChatML, Llama 3, Phi-3, Gemma,
 * Mistral, gpt-oss). Models served with a wrong template emit them as text.
 */
const TURN_TOKEN = /<\|(?:im_end|im_start|endoftext|eot_id|eom_id|start_header_id|end_header_id|end|return|call|start|assistant|user|system)\|>|<end_of_turn>|<start_of_turn>|\[\/?INST\]/;
/** `</s>` is also an HTML tag: only taken for the end of sequence at the end of a line or before a new turn. */
const END_OF_SEQUENCE = /<\/s>(?=[^\S\n]*(?:\n|$))/;
const HARMONY_FINAL = /<\|channel\|>\s*final\s*(?:<\|constrain\|>\s*\w+\s*)?<\|message\|>/;
const HARMONY = /<\|channel\|>/;
function readReply(reply) {
    const truncated = reply.finishReason === 'length';
    const content = unwrap(reply.content);
    const texts = [];
    if (content.text.trim() !== '')
        texts.push({ source: 'content', text: content.text });
    let thinkingCut = content.thinkingCut;
    // The reasoning is read only when the content says nothing: next to an answer it is the model's thinking.
    if (texts.length === 0 && reply.reasoning !== undefined && !content.thinkingCut) {
        const reasoning = unwrap(reply.reasoning);
        if (reasoning.text.trim() !== '')
            texts.push({ source: 'reasoning', text: reasoning.text });
        thinkingCut ||= reasoning.thinkingCut;
    }
    const calls = reply.toolCalls ?? [];
    if (texts.length === 0) {
        for (const call of calls)
            texts.push({ source: 'tool-call', text: call.arguments });
    }
    return {
        texts,
        truncated,
        thinkingCut,
        toolCallsOnly: calls.length > 0 && texts.every((text) => text.source === 'tool-call'),
    };
}
/** The content without its wrapping; `thinkingCut` when a thought never closed. */
function unwrap(raw) {
    let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (HARMONY.test(text)) {
        const final = HARMONY_FINAL.exec(text);
        // Harmony without a final channel is analysis only: the model has not answered.
        if (!final)
            return { text: '', thinkingCut: false };
        text = text.slice(final.index + final[0].length);
    }
    const turn = TURN_TOKEN.exec(text);
    if (turn)
        text = text.slice(0, turn.index);
    const end = END_OF_SEQUENCE.exec(text);
    if (end)
        text = text.slice(0, end.index);
    for (let thought = LEADING_THOUGHT.exec(text); thought; thought = LEADING_THOUGHT.exec(text)) {
        text = text.slice(thought[0].length);
    }
    if (OPENING_THOUGHT.test(text))
        return { text: '', thinkingCut: true };
    // Only a closing tag: the template opened the thought. The answer is what follows the last one.
    let after = -1;
    for (const close of text.matchAll(CLOSING_THOUGHT))
        after = close.index + close[0].length;
    if (after !== -1)
        text = text.slice(after);
    return { text: text.replace(/^\uFEFF/, ''), thinkingCut: false };
}

;// CONCATENATED MODULE: ./lib/agents/read-answer.js




/** Longer replies are refused unread: nothing keel asks for is this large, and parsing costs memory. */
const MAX_REPLY_CHARS = 256 * 1024;
function readAnswer(reply, spec) {
    const size = reply.content.length + (reply.reasoning?.length ?? 0);
    if (size > MAX_REPLY_CHARS) {
        return {
            ok: false,
            next: 'ask_again',
            error: `the answer is ${size} characters long, over the limit of ${MAX_REPLY_CHARS}: answer with less`,
        };
    }
    const read = readReply(reply);
    const cut = read.truncated || read.thinkingCut;
    if (read.texts.length === 0) {
        if (cut)
            return failOver(read.thinkingCut ? 'the answer stops while still thinking: no answer came' : CUT);
        if (reply.toolCalls !== undefined && reply.toolCalls.length > 0)
            return failOver(TOOL_CALL);
        // Something was said, all of it inside a closed thought: the model may well say it when asked.
        if (reply.content.trim() !== '') {
            return {
                ok: false,
                next: 'ask_again',
                error: 'the answer is only thinking: write the answer after it',
            };
        }
        return failOver('the answer is empty');
    }
    for (const { source, text } of read.texts) {
        const found = spec.find(text);
        if (found.length === 0)
            continue;
        const chosen = chooseAnswer(found, text, { ...spec, truncated: read.truncated });
        if (!chosen.ok) {
            // A tool call whose arguments are not the answer: the model is using tools keel does not have.
            return source === 'tool-call' && chosen.next === 'ask_again' ? failOver(TOOL_CALL) : chosen;
        }
        const refused = spec.accept?.(chosen, text);
        if (refused !== undefined)
            return { ok: false, next: 'ask_again', error: refused };
        return { ok: true, value: chosen.value };
    }
    if (cut)
        return failOver(CUT);
    if (read.toolCallsOnly)
        return failOver(TOOL_CALL);
    return { ok: false, next: 'ask_again', error: spec.noAnswer };
}
const CUT = 'the answer was cut off at the output limit before it was complete';
const TOOL_CALL = 'the answer is a call of a tool keel does not offer, not the answer asked for';
function failOver(error) {
    return { ok: false, next: 'fail_over', error };
}
/**
 * Answers written as JSON objects: every top-level object in the text that carries one of `keys` (an object
 * without any is an illustration, a quoted response body …, not an answer), validated by `schema`.
 */
function jsonAnswers(text, keys, schema, shape) {
    const found = [];
    for (const candidate of (0,json_candidates/* findJsonObjects */.e)(text)) {
        const { start, end, complete } = candidate;
        if (candidate.value === undefined) {
            // Unreadable: an answer only if it looks like one (its text names one of the keys).
            const raw = text.slice(start, end);
            if (keys.some((key) => raw.includes(key)))
                found.push({ start, end, complete, error: candidate.error });
            continue;
        }
        if (!keys.some((key) => Object.hasOwn(candidate.value, key)))
            continue;
        const checked = schema.safeParse(candidate.value, { reportInput: true });
        if (!checked.success) {
            found.push({ start, end, complete, error: (0,parse_json/* describeIssues */.wF)(checked.error.issues) });
            continue;
        }
        const shaped = shape(checked.data);
        found.push(shaped.ok
            ? { start, end, complete, value: shaped.value }
            : { start, end, complete, error: shaped.error });
    }
    return found;
}
/** Deep equality of plain JSON values, for "the same answer twice". */
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}


/***/ }),

/***/ 38206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ answerJsonSchema),
/* harmony export */   HK: () => (/* binding */ PLAN_LIMITS),
/* harmony export */   Tn: () => (/* binding */ CODE_LIMITS),
/* harmony export */   mj: () => (/* binding */ plannerAnswerSchema),
/* harmony export */   xf: () => (/* binding */ reviewerAnswerSchema),
/* harmony export */   xz: () => (/* binding */ coderAnswerSchema)
/* harmony export */ });
/* unused harmony export REVIEW_LIMITS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/**
 * What each agent accepts from a model, with bounds. Lenient where leniency costs nothing (unknown keys are
 * dropped, ids are derived by keel anyway, empty lists may be omitted), strict where a wrong value would
 * mislead the engine (types, ranges, sizes, the shape of an edit). The checked answers are then shaped into
 * the types of `types.ts` by each agent.
 */

/**
 * A number the model wrote as a string (`"0.8"`, `"85"`): one meaning, so it is read as the number. Anything
 * else stays a string and is refused (`"85%"`, `"8/10"` — what scale is meant is a guess).
 */
function numberOrNumericString(schema) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .preprocess */ .vkY((value) => (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value), schema);
}
/**
 * The JSON Schema of an answer, for servers that constrain their output to one (`response_format:
 * json_schema`, sent by the router where the endpoint takes it). Derived from the zod schema that checks
 * the answer, in its input form, so the two cannot drift apart.
 */
function answerJsonSchema(name, schema) {
    const json = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(schema, { io: 'input', unrepresentable: 'any' });
    delete json.$schema;
    return { name, schema: json };
}
// ---------------------------------------------------------------------------------------------------------
// Planner
/** The bounds of `subtaskSchema` (plan-schema.ts), which the plan must pass when it is checkpointed. */
const PLAN_LIMITS = {
    title: 200,
    instructions: 8_000,
    files: 50,
    path: 300,
    milestones: 20,
    /** A model's own id is only a hint for keel's slug; a very long one is nonsense, not a hint. */
    modelId: 200,
};
/**
 * A model's own id is only a hint for keel's slug (`slug.ts`): a number is read as its digits, `null` as
 * no hint at all — never a reason to refuse a plan.
 */
const idHint = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* ["null"] */ .chJ()])
    .optional()
    .transform((value) => value === null || value === undefined ? undefined : String(value).slice(0, PLAN_LIMITS.modelId));
const subtaskAnswer = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: idHint,
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1).max(PLAN_LIMITS.title),
    files: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1).max(PLAN_LIMITS.path)).max(PLAN_LIMITS.files).default([]),
    instructions: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1).max(PLAN_LIMITS.instructions),
});
function plannerAnswerSchema(maxSubtasks) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        milestones: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            id: idHint,
            title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1).max(PLAN_LIMITS.title),
            subtasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(subtaskAnswer).max(maxSubtasks),
        }))
            .min(1)
            .max(PLAN_LIMITS.milestones),
        confidence: numberOrNumericString(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1)),
    })
        .superRefine((plan, ctx) => {
        const count = plan.milestones.reduce((sum, milestone) => sum + milestone.subtasks.length, 0);
        if (count === 0) {
            ctx.addIssue({
                code: 'custom',
                path: ['milestones'],
                message: 'the plan has no subtasks: give at least one',
            });
        }
        else if (count > maxSubtasks) {
            ctx.addIssue({
                code: 'custom',
                path: ['milestones'],
                message: `at most ${maxSubtasks} subtasks in all, got ${count}: merge some`,
            });
        }
    });
}
// ---------------------------------------------------------------------------------------------------------
// Coder
const CODE_LIMITS = {
    edits: 50,
    path: 1_024,
    /** Per file; the whole reply is bounded by `MAX_REPLY_CHARS` (read-answer.ts) before this is even looked at. */
    content: 200_000,
    commitMessage: 2_000,
};
const EDIT_SHAPES = '{ path, content } to write a file, { path, search, replace } to change it, { path, delete: true }';
const editAnswer = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(CODE_LIMITS.path),
    content: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(CODE_LIMITS.content).optional(),
    search: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(CODE_LIMITS.content).optional(),
    replace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(CODE_LIMITS.content).optional(),
    delete: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
})
    .superRefine((edit, ctx) => {
    const kinds = Number(edit.content !== undefined) +
        Number(edit.search !== undefined || edit.replace !== undefined) +
        Number(edit.delete !== undefined);
    if (kinds !== 1) {
        ctx.addIssue({ code: 'custom', message: `expected exactly one of ${EDIT_SHAPES}` });
    }
    else if (edit.delete === false) {
        ctx.addIssue({
            code: 'custom',
            path: ['delete'],
            message: 'expected true (omit the edit to keep the file)',
        });
    }
    else if ((edit.search === undefined) !== (edit.replace === undefined)) {
        const missing = edit.search === undefined ? 'search' : 'replace';
        ctx.addIssue({ code: 'custom', path: [missing], message: 'missing: search and replace go together' });
    }
});
const coderAnswerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    edits: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(editAnswer).min(1).max(CODE_LIMITS.edits),
    commitMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1).max(CODE_LIMITS.commitMessage),
});
// ---------------------------------------------------------------------------------------------------------
// Reviewer
const REVIEW_LIMITS = { items: 20, itemChars: 1_000 };
const remarks = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(REVIEW_LIMITS.itemChars)).max(REVIEW_LIMITS.items).default([]);
const reviewerAnswerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .preprocess */ .vkY((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return value;
    const review = { ...value };
    // `null` (Python's None) for a list says "none". Read so for comments, and for blocking problems only
    // of a rejection: for an approval it would be a guess in the direction of approving.
    if (review.comments === null)
        delete review.comments;
    if (review.blocking === null && review.approved === false)
        delete review.blocking;
    return review;
}, zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    approved: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    codeQuality: numberOrNumericString(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(100)),
    comments: remarks,
    blocking: remarks,
}));


/***/ }),

/***/ 39048:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ newRunId),
/* harmony export */   z: () => (/* binding */ RUN_ID_PATTERN)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/** Run ids: sortable by time, unique enough across runners, valid as a git branch component and a dir name. */

function newRunId(now) {
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `${stamp}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}
const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;


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

/***/ 99663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ effectMarker),
/* harmony export */   Q: () => (/* binding */ fencedEffects)
/* harmony export */ });
/**
 * Every effect a run has outside its work branch goes through this interface: issues, the tracking
 * comment, the pull request, the recovery record. Each call is idempotent by its hidden marker — the
 * implementation looks the marker up before creating anything — so a crash and a resume never duplicate
 * an effect. `LocalEffects` (files in the state directory) implements it here; the GitHub publisher
 * implements it in the Action.
 */
/** `<!-- keel:run=<id> step=<id> -->`: how an effect is found again. */
function effectMarker(runId, stepId) {
    return `<!-- keel:run=${runId} step=${stepId} -->`;
}
/**
 * `effects` with the run's fence (its lease check) before every call: a process that lost the run to
 * another one publishes nothing more — no issue, no comment, no pull request — it throws instead.
 */
function fencedEffects(effects, fence) {
    return {
        ensureIssue: (spec) => (fence(), effects.ensureIssue(spec)),
        upsertIssue: (spec) => (fence(), effects.upsertIssue(spec)),
        closeIssue: (marker, comment) => (fence(), effects.closeIssue(marker, comment)),
        upsertComment: (marker, body) => (fence(), effects.upsertComment(marker, body)),
        ensurePullRequest: (spec) => (fence(), effects.ensurePullRequest(spec)),
    };
}


/***/ }),

/***/ 28998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JS: () => (/* binding */ externalCodeResultSchema),
/* harmony export */   Vh: () => (/* binding */ fromExternalResult),
/* harmony export */   gS: () => (/* binding */ toExternalResult)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
/**
 * Coder results produced elsewhere — by the `actions/code` matrix jobs of a fan-out workflow, one subtask
 * per job — handed to the engine, which applies and commits them exactly as it would its own coder's.
 */

const editSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('kind', [
    zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('write'), path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(4_096), content: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2_000_000) }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('replace'),
        path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(4_096),
        search: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2_000_000),
        replace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(2_000_000),
        wholeLines: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('delete'), path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(4_096) }),
]);
const externalCodeResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        ok: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(true),
        subtaskId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(64),
        model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(300),
        change: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ edits: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(editSchema).max(200), commitMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(2_000) }),
    }),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        ok: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(false),
        subtaskId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(64),
        model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(300),
        reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(4_000),
        /** No coder model answered at all (as opposed to answers that never validated). */
        degraded: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    }),
]);
function toExternalResult(subtaskId, result) {
    if (result.ok)
        return { ok: true, subtaskId, model: result.provenance.model, change: result.value };
    return {
        ok: false,
        subtaskId,
        model: result.provenance.model,
        reason: result.reason,
        degraded: result.provenance.invalidAnswers === 0,
    };
}
function fromExternalResult(result) {
    const provenance = {
        model: result.model,
        attempts: 1,
        invalidAnswers: result.ok || result.degraded ? 0 : 1,
    };
    return result.ok
        ? { ok: true, value: result.change, provenance }
        : { ok: false, reason: result.reason, provenance };
}


/***/ }),

/***/ 43110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VN: () => (/* binding */ editInfraFault),
/* harmony export */   Yo: () => (/* binding */ InfrastructureFault),
/* harmony export */   Ys: () => (/* binding */ BatchFaults),
/* harmony export */   fw: () => (/* binding */ errorInfraFault),
/* harmony export */   gh: () => (/* binding */ agentInfraFault)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17594);
/* harmony import */ var _base_file_lock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33071);
/* harmony import */ var _git_git_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32534);
/* harmony import */ var _git_workspace_guards_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71936);
/**
 * Which failures are the infrastructure's and which are a model's — the rule of issue 15: disk, permission,
 * lock, saturation and "every endpoint down" stop the run as interrupted (resumable: a resume retries the
 * step once the disk has room, the slot is free, the endpoint is back); only an answer that was received and
 * judged unusable fails a subtask (a manual-implementation issue) or degrades a role (template plan, a review
 * that does not approve).
 *
 * Pure classification, nothing else: the steps ask it, and throw the `InfrastructureFault` it returns.
 */




/** The run stops as interrupted with this as its reason; a resume retries. One line, no stack. */
class InfrastructureFault extends Error {
    name = 'InfrastructureFault';
    expected = true;
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
const ERRNO_KIND = {
    ENOSPC: 'disk',
    EDQUOT: 'disk',
    EIO: 'disk',
    EMFILE: 'disk',
    ENFILE: 'disk',
    EACCES: 'permission',
    EPERM: 'permission',
    EROFS: 'permission',
};
const ERRNO_IN_TEXT = /\b(ENOSPC|EDQUOT|EIO|EMFILE|ENFILE|EACCES|EPERM|EROFS)\b/;
/** What git prints for the same conditions (it runs with `LC_ALL=C`). */
const GIT_DISK = /No space left on device|Disk quota exceeded|Read-only file system|Permission denied(?! \(publickey)/;
const WHAT = {
    disk: 'the disk is full or failing',
    permission: 'the file system refuses the write',
    lock: 'a lock stayed held',
    saturated: 'every endpoint stayed busy',
    unavailable: 'no endpoint could be reached',
};
function fault(kind, where, detail) {
    return new InfrastructureFault(kind, `${where}: ${WHAT[kind]} (${detail.split('\n', 1)[0].slice(0, 300)})`);
}
/**
 * An agent call that produced nothing without any model answering unusably: every endpoint of the role
 * stayed busy, or none could be reached. Undefined for a model's failure (invalid answers, a request every
 * endpoint refused as bad) and for a cancellation.
 */
function agentInfraFault(role, result) {
    if (result.ok)
        return undefined;
    if (result.failure === 'saturated')
        return fault('saturated', role, result.reason);
    if (result.failure === 'exhausted' && result.provenance.invalidAnswers === 0)
        return fault('unavailable', role, result.reason);
    return undefined;
}
/**
 * Edits the file system refused to take (`io` problems of `applyEdits`: a full disk, a read-only mount, a
 * file keel may not write): the kind named by the errno in the reason, a disk fault when none is named.
 */
function editInfraFault(stepId, problems) {
    const where = `${stepId}: writing its edits`;
    for (const problem of problems) {
        const code = ERRNO_IN_TEXT.exec(problem.reason)?.[1];
        if (code !== undefined)
            return fault(ERRNO_KIND[code], where, problem.reason);
    }
    return fault('disk', where, problems[0]?.reason ?? 'the write failed');
}
/** A thrown error that is the infrastructure's: an errno of the disk or permissions, a lock, git saying so. */
function errorInfraFault(where, error) {
    if (error instanceof InfrastructureFault)
        return error;
    if (error instanceof _base_file_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .LockTimeoutError */ .XB)
        return fault('lock', where, error.message);
    if (error instanceof _git_git_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS) {
        if (error.kind === 'lock')
            return fault('lock', where, error.message);
        const stderr = error.result.stderr.text;
        const said = GIT_DISK.exec(stderr)?.[0];
        if (said !== undefined)
            return fault(/Read-only|Permission/.test(said) ? 'permission' : 'disk', where, error.message);
        return undefined;
    }
    // A git command run with allowFailure, its stderr carried in the message (`git add` of a step's paths).
    if (error instanceof _git_workspace_guards_js__WEBPACK_IMPORTED_MODULE_2__/* .WorkspaceError */ .kP && error.reason === 'unexpected') {
        if ((0,_git_git_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .lockPathsInMessage */ ._s)(error.message).length > 0)
            return fault('lock', where, error.message);
        const said = GIT_DISK.exec(error.message)?.[0];
        if (said !== undefined)
            return fault(/Read-only|Permission/.test(said) ? 'permission' : 'disk', where, error.message);
        return undefined;
    }
    const code = (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
    if (code !== undefined && ERRNO_KIND[code] !== undefined)
        return fault(ERRNO_KIND[code], where, error instanceof Error ? error.message : code);
    return undefined;
}
/**
 * What a coder batch learned of the infrastructure while its subtasks ran in parallel: the faults (the batch
 * starts no more subtasks after the first, and the run stops as interrupted once the ones in flight have
 * settled), and whether a failed write may have left half of a subtask's edits in the work tree — then no
 * later subtask commits in this process, as `git add --all` would take those files along.
 */
class BatchFaults {
    faults = [];
    worktreeDirty = false;
    add(fault) {
        this.faults.push(fault);
    }
    get any() {
        return this.faults.length > 0;
    }
}


/***/ }),

/***/ 23168:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aC: () => (/* binding */ runMetricsSchema),
/* harmony export */   kb: () => (/* binding */ MetricsRecorder)
/* harmony export */ });
/* unused harmony export emptyMetrics */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12311);
/**
 * The run's counters (`metrics.json`): what the fleet did for this run and how often keel had to fall
 * back, degrade, retry or resume. Fed by the router's events plus a few explicit bumps from the engine;
 * saved beside every checkpoint and restored on resume, so a resumed run continues its counts instead
 * of starting from zero.
 */

const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
const ms = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite().nonnegative();
const key = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().max(512);
const runMetricsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    /** Every attempt, by endpoint id, whatever its outcome. */
    attempts: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(key, count),
    /** Attempts that failed, by endpoint id. */
    failures: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(key, count),
    /** Latency of successful attempts, by endpoint id (failed attempts would mostly measure timeouts). */
    latency: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(key, zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ sumMs: ms, count })),
    /** Successful answers, and how many of them came from a fallback (a tier after the first). */
    answers: count,
    fallbacks: count,
    /** Degraded fallbacks used (template plan, manual-implementation issue, draft PR), by role. */
    degradations: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(key, count),
    /** Invalid model output retried on the same model. */
    qualityRetries: count,
    batches: count,
    /** Succeeded / total of the last coder batch; null before the first batch. */
    lastBatchSuccessRate: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).nullable(),
    breakerOpens: count,
    cooldowns: count,
    /** Endpoints disabled for the run (auth failures). */
    disabled: count,
    /** Waits for a slot or a cooldown, and their total length. */
    waits: count,
    waitedMs: ms,
    /** Recovery attempts: how many times this run was resumed. */
    resumes: count,
    /** Token counts where the server reported usage; `reported` answers did. */
    tokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ in: count, out: count, reported: count }),
});
function emptyMetrics() {
    return {
        version: 1,
        attempts: {},
        failures: {},
        latency: {},
        answers: 0,
        fallbacks: 0,
        degradations: {},
        qualityRetries: 0,
        batches: 0,
        lastBatchSuccessRate: null,
        breakerOpens: 0,
        cooldowns: 0,
        disabled: 0,
        waits: 0,
        waitedMs: 0,
        resumes: 0,
        tokens: { in: 0, out: 0, reported: 0 },
    };
}
class MetricsRecorder {
    #m = emptyMetrics();
    /** Pass as (or call from) the router's `onEvent`. */
    onRouterEvent(event) {
        const m = this.#m;
        switch (event.type) {
            case 'attempt': {
                const { endpointId, outcome, latencyMs, tier } = event.attempt;
                bump(m.attempts, endpointId);
                if (outcome !== 'ok') {
                    bump(m.failures, endpointId);
                    return;
                }
                m.answers++;
                if (tier > 1)
                    m.fallbacks++;
                const latency = (m.latency[endpointId] ??= { sumMs: 0, count: 0 });
                latency.sumMs += Math.max(0, latencyMs);
                latency.count++;
                return;
            }
            case 'breaker':
                if (event.to === 'open')
                    m.breakerOpens++;
                return;
            case 'cooldown':
                m.cooldowns++;
                return;
            case 'disabled':
                m.disabled++;
                return;
            case 'wait':
                m.waits++;
                m.waitedMs += Math.max(0, event.ms);
                return;
        }
    }
    /** An agent fell back to its degraded output. */
    degraded(role) {
        bump(this.#m.degradations, role);
    }
    qualityRetry() {
        this.#m.qualityRetries++;
    }
    /** A coder batch was decided with this success rate (0–1). */
    batch(rate) {
        this.#m.batches++;
        this.#m.lastBatchSuccessRate = Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
    }
    resumed() {
        this.#m.resumes++;
    }
    /** A completion's usage, when the server reported it. */
    tokens(usage) {
        if (usage?.promptTokens === undefined && usage?.completionTokens === undefined)
            return;
        this.#m.tokens.in += nonNegative(usage.promptTokens);
        this.#m.tokens.out += nonNegative(usage.completionTokens);
        this.#m.tokens.reported++;
    }
    /** A copy: the caller may keep it while counting goes on. */
    snapshot() {
        return structuredClone(this.#m);
    }
    /**
     * Continues from saved counts (a resumed run). The input came from disk: invalid input is ignored and
     * the reason returned, counting starts from zero then.
     */
    restore(saved) {
        const parsed = runMetricsSchema.safeParse(saved);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return { ok: false, problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
        }
        this.#m = structuredClone(parsed.data);
        return { ok: true };
    }
}
function bump(record, key, by = 1) {
    record[key] = (Object.hasOwn(record, key) ? record[key] : 0) + by;
}
function nonNegative(value) {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}


/***/ }),

/***/ 83310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ PersistenceCoordinator),
/* harmony export */   kb: () => (/* reexport safe */ _metrics_js__WEBPACK_IMPORTED_MODULE_6__.kb),
/* harmony export */   u1: () => (/* reexport safe */ _manifest_js__WEBPACK_IMPORTED_MODULE_4__.u1)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _base_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74743);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17594);
/* harmony import */ var _base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91975);
/* harmony import */ var _base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28747);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69164);
/* harmony import */ var _run_lease_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15675);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(23168);
/**
 * One checkpoint = the snapshot (`state.json`, through the store and its lock retries), then the manifest
 * and the metrics. The rule: a snapshot that fails after its retries never stops the manifest and
 * the metrics from being written — they are what a human and `keel status` look at, and the next
 * checkpoint will try the snapshot again. Nothing here throws into the engine: failures are logged and
 * returned.
 *
 * Checkpoints are serialised and coalesced: while one is being written, further calls wait and only the
 * newest of them is written next (it contains everything the older ones did). A thousand subtasks
 * finishing together cost a handful of writes, not a thousand, and an older snapshot can never land after
 * a newer one.
 */










class PersistenceCoordinator {
    runDir;
    #store;
    #clock;
    #log;
    #pending;
    #draining = false;
    #manifestWrittenAt;
    #sidecarEveryMs;
    /** The last checkpoint that wrote the sidecars (both of them, successfully): when, and the run's status. */
    #sidecars;
    constructor(options) {
        this.runDir = options.runDir;
        this.#store = options.store;
        this.#clock = options.clock ?? _base_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
        this.#log = options.log ?? (() => undefined);
        this.#sidecarEveryMs = Math.max(0, options.sidecarEveryMs ?? 0);
    }
    /** When the manifest was last written successfully (wall-clock ms), for the heartbeat's throttle. */
    get manifestWrittenAt() {
        return this.#manifestWrittenAt;
    }
    /**
     * Saves the snapshot, then — whatever happened to it — the manifest and the metrics. Resolves when this
     * state (or a newer one passed meanwhile) has been through a checkpoint. Never rejects.
     */
    checkpoint(state, metrics) {
        return new Promise((resolve) => {
            if (this.#pending) {
                this.#pending.state = state;
                this.#pending.metrics = metrics;
                this.#pending.waiters.push(resolve);
            }
            else {
                this.#pending = { state, metrics, waiters: [resolve] };
            }
            if (!this.#draining)
                void this.#drain();
        });
    }
    /** Writes `manifest.json` from the state. Never throws; the failure is logged and returned. */
    async writeManifest(state) {
        return this.#writeSidecar(_base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_FILE */ .h1, () => (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .buildManifest */ .u1)(state));
    }
    async #drain() {
        this.#draining = true;
        try {
            while (this.#pending) {
                const job = this.#pending;
                this.#pending = undefined;
                const result = await this.#checkpointOnce(job.state, job.metrics);
                for (const resolve of job.waiters)
                    resolve(result);
            }
        }
        finally {
            this.#draining = false;
        }
    }
    async #checkpointOnce(state, metrics) {
        let snapshot;
        try {
            await this.#store.save({ ...state, metrics });
            snapshot = { snapshot: 'saved' };
        }
        catch (error) {
            // Another process owns the run now: its views are its own to write.
            if (error instanceof _run_lease_js__WEBPACK_IMPORTED_MODULE_5__/* .LeaseLostError */ .Jd)
                return { snapshot: 'fenced', error, sidecarErrors: [] };
            snapshot = { snapshot: 'failed', error: (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(error) };
            this.#log({ type: 'snapshot_failed', runId: state.runId, error: snapshot.error });
        }
        // A failed snapshot never stops the views; and then they are what is left, so they are due.
        if (snapshot.snapshot === 'saved' && !this.#sidecarsDue(state.status))
            return { ...snapshot, sidecarErrors: [] };
        const now = this.#clock.now();
        const sidecars = await Promise.all([
            this.#writeSidecar(_base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_FILE */ .h1, () => (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .buildManifest */ .u1)(state)),
            this.#writeSidecar(_base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .METRICS_FILE */ .HL, () => metrics),
        ]);
        const sidecarErrors = sidecars.flatMap((s) => (s.ok ? [] : [s.error]));
        this.#sidecars = sidecarErrors.length === 0 ? { at: now, status: state.status } : undefined;
        return { ...snapshot, sidecarErrors };
    }
    #sidecarsDue(status) {
        const last = this.#sidecars;
        if (this.#sidecarEveryMs === 0 || last === undefined || status !== 'running')
            return true;
        return last.status !== status || this.#clock.now() - last.at >= this.#sidecarEveryMs;
    }
    /** `build` runs inside the try: a state the manifest cannot be built from is a failed write, not a throw. */
    async #writeSidecar(file, build) {
        try {
            await (0,_base_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__.writeFileAtomic)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(this.runDir, file), `${JSON.stringify(build(), null, 2)}\n`);
            if (file === _base_state_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_FILE */ .h1)
                this.#manifestWrittenAt = this.#clock.now();
            return { ok: true };
        }
        catch (error) {
            const message = `${file}: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(error)}`;
            this.#log({ type: 'sidecar_failed', file, error: message });
            return { ok: false, error: message };
        }
    }
}


/***/ }),

/***/ 74826:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ writeRecoveryRecord)
/* harmony export */ });
/* harmony import */ var _effects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99663);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69053);
/**
 * The recovery record of a stopped run: the issue with the exact resume instructions (found by its marker,
 * opened or updated) and the run's one tracking comment saying so, where the people who asked for the run
 * look. Both are remembered in the state, so that a resume started from elsewhere (a dispatch, a comment on
 * another issue) edits them rather than opening others. Written by the engine when a run stops, and by the
 * Action's `post` when `main` was killed before it could.
 */


/** Throws what the effects throw; the state is saved up to the last effect made. */
async function writeRecoveryRecord(effects, state, o) {
    const instructions = (0,_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .recoveryMarkdown */ .R9)(state, o.resumeCommand);
    const marker = (0,_effects_js__WEBPACK_IMPORTED_MODULE_1__/* .effectMarker */ .I)(state.runId, 'recovery');
    const issue = await effects.upsertIssue({
        marker,
        title: `keel: run ${state.runId} stopped — ${state.interruption?.reason ?? state.status}`.slice(0, 200),
        body: `${instructions}\n\n${marker}`,
        labels: ['keel', 'keel-recovery'],
    });
    if (state.effects.recovery === undefined) {
        state.effects.recovery = { kind: 'recovery_issue', marker, ref: issue.url, createdAt: o.now() };
        await o.save();
    }
    const tracking = (0,_effects_js__WEBPACK_IMPORTED_MODULE_1__/* .effectMarker */ .I)(state.runId, 'tracking');
    const comment = await effects.upsertComment(tracking, `${instructions}\n\nRecovery record: ${issue.url}\n\n${tracking}`);
    if (comment.url !== '' && state.effects.tracking?.ref !== comment.url) {
        state.effects.tracking = { kind: 'comment', marker: tracking, ref: comment.url, createdAt: o.now() };
        await o.save();
    }
    return { issue, comment };
}


/***/ }),

/***/ 16852:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* reexport */ RunStartError),
  A: () => (/* binding */ startRun)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/base/atomic-file.js
var atomic_file = __webpack_require__(91975);
// EXTERNAL MODULE: ./lib/base/clock.js
var base_clock = __webpack_require__(74743);
// EXTERNAL MODULE: ./lib/base/file-lock.js
var file_lock = __webpack_require__(33071);
// EXTERNAL MODULE: ./lib/base/heartbeat.js
var base_heartbeat = __webpack_require__(96893);
// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var base_secrets = __webpack_require__(80991);
// EXTERNAL MODULE: ./lib/base/state-layout.js
var state_layout = __webpack_require__(28747);
// EXTERNAL MODULE: ./lib/exec/command-runner.js
var command_runner = __webpack_require__(63683);
// EXTERNAL MODULE: ./lib/fleet/early-requests.js
var early_requests = __webpack_require__(410);
// EXTERNAL MODULE: ./lib/fleet/fleet-state.js
var fleet_state = __webpack_require__(29676);
// EXTERNAL MODULE: ./lib/fleet/router.js + 17 modules
var fleet_router = __webpack_require__(82466);
;// CONCATENATED MODULE: ./lib/run/run-events.js
function loggedRouterEvent(event) {
    return { ...event, type: `router_${event.type}` };
}
// Records, not arrays: the compiler insists on every member of each union, so the lists cannot drift.
const RUN_EVENTS = {
    plan: true,
    stopped_after_plan: true,
    batch: true,
    subtask_done: true,
    subtask_failed: true,
    subtask_deferred: true,
    answer_unusable: true,
    steps_adopted_from_commits: true,
    steps_reopened_commit_missing: true,
    validate: true,
    security_stop: true,
    push_refused_secret: true,
    review: true,
    published: true,
    run_finished: true,
    run_interrupted: true,
    run_failed: true,
    early_request: true,
    checkpoint_failed: true,
    final_state_unsaved: true,
    recovery_record_failed: true,
};
const ROUTER_EVENTS = {
    attempt: true,
    breaker: true,
    cooldown: true,
    disabled: true,
    learned: true,
    refused: true,
    loading: true,
    wait: true,
    clock_jump: true,
};
/**
 * Whether `type` is one a run's `events.ndjson` may hold: a `RunEvent`, a router event (`router_…`), or a
 * GitHub effect's (`github_…`, logged by the effects layer with its own fields).
 */
function isRunLogType(type) {
    if (typeof type !== 'string')
        return false;
    if (Object.hasOwn(RUN_EVENTS, type))
        return true;
    if (type.startsWith('router_'))
        return Object.hasOwn(ROUTER_EVENTS, type.slice('router_'.length));
    return /^github_[a-z_]+$/.test(type);
}

// EXTERNAL MODULE: ./lib/base/errors.js
var errors = __webpack_require__(17594);
// EXTERNAL MODULE: ./lib/git/finish-workspace.js
var finish_workspace = __webpack_require__(86609);
;// CONCATENATED MODULE: ./lib/run/run-ending.js


/**
 * Finished for good: its worktree goes (the branch stays, pushed or not), so the branch can be checked out in
 * the user's checkout. A failed run keeps it: it is retried with a resume, and its work tree is the evidence.
 */
const FINISHED = new Set(['completed', 'partial', 'degraded']);
async function releaseWorktree(git, workspace, progress) {
    try {
        const result = await (0,finish_workspace/* finishWorkspace */.R)(git, workspace);
        if (!result.removed)
            progress(`the worktree ${workspace.worktree} stays: ${result.reason}`);
    }
    catch (error) {
        // The run is finished and saved; a worktree left behind is for `keel gc`, not a failure of the run.
        progress(`the worktree ${workspace.worktree} stays: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
/**
 * The third signal of a storm: the run as it stands — running steps back to pending, `interrupted` — saved
 * at once, then the exit with the interrupted run's code (1 when even that save failed, or the run is no
 * longer this process's to save).
 */
function forceExit(options, config, state, metrics, store, clock) {
    if (!options.forceExit)
        return;
    for (const step of Object.values(state.steps))
        if (step.status === 'running')
            step.status = 'pending';
    state.status = 'interrupted';
    state.interruption ??= { reason: 'forced exit (third signal)', at: clock.now() };
    state.updatedAt = clock.now();
    let saved = true;
    try {
        store.saveNow({ ...state, metrics: metrics.snapshot() });
        options.progress(`signal 3: forced exit, the state saved as interrupted`);
    }
    catch (error) {
        saved = false;
        options.progress(`signal 3: forced exit, the state could NOT be saved: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    options.forceExit(saved ? (options.exitCodeOnInterrupt ?? config.run.exitCodeOnInterrupt) : 1);
}
/**
 * Saved means saved: when the run's last checkpoint failed (the state lock stayed busy, the disk was full),
 * it is tried again, twice, a little later each; what still fails is returned, and the run is not
 * reported finished — `state.json` says something else, and the next resume reads that.
 */
async function saveAtLast(ctx, clock) {
    for (let attempt = 0; attempt < 2 && ctx.unsaved !== undefined; attempt++) {
        await clock.sleep(250 * 2 ** attempt);
        await ctx.checkpoint();
    }
    if (ctx.unsaved !== undefined)
        await ctx.event('final_state_unsaved', { error: ctx.unsaved });
    return ctx.unsaved;
}

// EXTERNAL MODULE: ./lib/fleet/shared-slots.js
var shared_slots = __webpack_require__(13567);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(90664);
// EXTERNAL MODULE: ./lib/git/git-runner.js + 2 modules
var git_runner = __webpack_require__(28540);
// EXTERNAL MODULE: ./lib/git/workspace.js + 4 modules
var git_workspace = __webpack_require__(9491);
// EXTERNAL MODULE: ./lib/telemetry/event-log.js
var event_log = __webpack_require__(77012);
// EXTERNAL MODULE: ./lib/run/effects.js
var effects = __webpack_require__(99663);
// EXTERNAL MODULE: ./lib/run/infra-fault.js
var infra_fault = __webpack_require__(43110);
// EXTERNAL MODULE: ./lib/run/run-lease.js
var run_lease = __webpack_require__(15675);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./lib/run/shutdown.js
/**
 * Everything that should end a run early, turned into one AbortSignal: SIGINT (GitHub's cancel: SIGTERM
 * follows 7.5 s later and SIGKILL 2.5 s after that), SIGTERM, an uncaught exception, an unhandled
 * rejection, the time budget running out, the heap nearing its limit. The engine stops taking work when
 * the signal fires, checkpoints, writes the recovery record and returns — it never just dies.
 */


function installShutdown(options = {}) {
    const events = options.events ?? process;
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const controller = new AbortController();
    const stopWatching = new AbortController();
    let first;
    const trigger = (reason) => {
        if (first)
            return;
        first = reason;
        options.onShutdown?.(reason);
        controller.abort(new ShutdownError(reason));
    };
    // Signals, counted from the first one.
    let signals = 0;
    const onSignal = (reason) => {
        signals += 1;
        if (signals === 1) {
            trigger(reason); // nothing, when the run was already stopping for another reason
            return;
        }
        if (signals >= 3 && options.onForce) {
            options.onForce();
            return;
        }
        options.onRepeatedSignal?.(signals);
    };
    const listeners = [
        ['SIGINT', () => onSignal({ kind: 'SIGINT', message: 'cancelled (SIGINT)' })],
        ['SIGTERM', () => onSignal({ kind: 'SIGTERM', message: 'terminated (SIGTERM)' })],
        [
            'uncaughtException',
            (error) => trigger({ kind: 'uncaught_exception', message: 'uncaught exception', error: describe(error) }),
        ],
        [
            'unhandledRejection',
            (error) => trigger({
                kind: 'unhandled_rejection',
                message: 'unhandled promise rejection',
                error: describe(error),
            }),
        ],
    ];
    for (const [event, listener] of listeners)
        events.on(event, listener);
    const onCancel = () => trigger(cancelReason(options.cancel?.reason));
    if (options.cancel?.aborted) {
        // A signal that came while the run was starting: the storm's first. (A later cancellation is the
        // caller's echo of a signal this module's own listeners count.)
        signals = 1;
        onCancel();
    }
    else
        options.cancel?.addEventListener('abort', onCancel, { once: true });
    const heapStats = options.heapStats ??
        (() => {
            const stats = (0,external_node_v8_.getHeapStatistics)();
            return { used: stats.used_heap_size, limit: stats.heap_size_limit };
        });
    const watchBudget = async () => {
        if (options.timeBudgetMs === undefined)
            return;
        const margin = options.marginMs ?? Math.min(60_000, options.timeBudgetMs * 0.1);
        await clock.sleep(Math.max(0, options.timeBudgetMs - margin), stopWatching.signal).catch(() => undefined);
        if (!stopWatching.signal.aborted) {
            trigger({
                kind: 'time_budget',
                // Two decimals: a budget under a minute must not read "0 min".
                message: `time budget of ${Math.round(options.timeBudgetMs / 600) / 100} min nearly used up`,
            });
        }
    };
    const watchHeap = async () => {
        const every = options.heapCheckMs ?? 1_000;
        const ratio = options.heapRatio ?? 0.9;
        while (!stopWatching.signal.aborted && !controller.signal.aborted) {
            const { used, limit } = heapStats();
            if (used > limit * ratio) {
                trigger({ kind: 'heap', message: `heap at ${Math.round((used / limit) * 100)} % of its limit` });
                return;
            }
            await clock.sleep(every, stopWatching.signal).catch(() => undefined);
        }
    };
    return {
        signal: controller.signal,
        reason: () => first,
        stop: trigger,
        watch: async () => {
            await Promise.all([watchBudget(), watchHeap()]);
        },
        dispose: () => {
            stopWatching.abort();
            for (const [event, listener] of listeners)
                events.off(event, listener);
            options.cancel?.removeEventListener('abort', onCancel);
        },
    };
}
/** The reason of an outside cancellation: the signal it names (the CLI aborts with "received SIGTERM"). */
function cancelReason(reason) {
    const text = reason instanceof Error ? reason.message : String(reason);
    return /SIGTERM/.test(text)
        ? { kind: 'SIGTERM', message: 'terminated (SIGTERM)' }
        : { kind: 'SIGINT', message: 'cancelled (SIGINT)' };
}
/** The abort reason carried by the shutdown signal. */
class ShutdownError extends Error {
    name = 'ShutdownError';
    reason;
    constructor(reason) {
        super(reason.message);
        this.reason = reason;
    }
}
function describe(error) {
    if (error instanceof Error)
        return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4_000);
    return String(error).slice(0, 4_000);
}

// EXTERNAL MODULE: ./lib/agents/coder.js + 1 modules
var coder = __webpack_require__(37436);
;// CONCATENATED MODULE: ./lib/run/partial-success.js
function successRate(tally) {
    const total = tally.succeeded + tally.failed + tally.degraded;
    return total === 0 ? 1 : tally.succeeded / total;
}
function decideBatch(tally, attempt, rule) {
    const rate = successRate(tally);
    if (rate >= rule.minSuccessRate)
        return { decision: 'accepted', rate };
    if (attempt <= rule.maxBatchRetries)
        return { decision: 'retry', rate };
    if (tally.failed === 0)
        return { decision: 'degraded', rate };
    return { decision: 'give-up', rate };
}

// EXTERNAL MODULE: ./lib/run/pending-subtasks.js
var pending_subtasks = __webpack_require__(40727);
// EXTERNAL MODULE: ./lib/base/serial.js
var serial = __webpack_require__(63861);
// EXTERNAL MODULE: ./lib/run/steps/code-one.js + 10 modules
var code_one = __webpack_require__(93723);
;// CONCATENATED MODULE: ./lib/run/steps/code-batch.js
/**
 * The coder batch: every subtask of the plan, in parallel up to the fleet's capacity, then the
 * partial-success rule. Crash-safe at any instant:
 * - a commit made just before a crash is found again by its `Keel-Step` trailer and counts as done;
 * - the batch's starting head is checkpointed before any coding, so a discarded batch is reset exactly;
 * - the decision is checkpointed before it is carried out, and carrying it out is idempotent.
 */








async function codeStep(ctx) {
    const { state, deps } = ctx;
    const subtasks = state.plan.milestones.flatMap((m) => m.subtasks);
    // Decided before a crash or a stop (validation, review or publish was under way): the decision stands.
    // Deciding again would add a batch record, and count the batch's rate, on every resume.
    const last = state.batches.at(-1);
    if (!state.openBatch && last !== undefined && last.decision !== 'rejected') {
        // Unless a person moved the work branch back (or amended a step's commit) since: then the steps whose
        // commits are gone are coded again in a batch of their own, and what was validated and reviewed is not
        // the branch any more.
        if ((await adoptCommittedSteps(ctx, subtasks)) === 0) {
            await fileFailedSubtasks(ctx, subtasks);
            return 'continue';
        }
        for (const id of ['validate', 'review']) {
            const step = state.steps[id];
            if (step?.status === 'done')
                step.status = 'pending';
        }
    }
    for (;;) {
        await finishRejectedBatch(ctx, subtasks);
        await adoptCommittedSteps(ctx, subtasks);
        if (!state.openBatch) {
            state.openBatch = {
                attempt: state.batches.length + 1,
                baseSha: await (0,git_workspace/* headSha */.xF)(deps.git, ctx.workspace),
            };
            await ctx.checkpoint();
        }
        const { attempt, baseSha } = state.openBatch;
        // The same selection, in the same order, as the resume's prefetch and early request asked for.
        const pending = (0,pending_subtasks/* pendingSubtasks */.Y)(state, state.plan, Infinity);
        if (pending.length > 0)
            deps.progress(`coding ${pending.length} subtask(s), batch attempt ${attempt}`);
        const commits = new serial/* Serial */.l();
        const batch = new infra_fault/* BatchFaults */.Ys();
        let broken;
        await (0,serial/* forEachLimited */.v)(pending, coderCapacity(deps.config), async (subtask) => {
            // After the first fault no subtask starts: the ones in flight settle, then the run stops.
            if (ctx.stopping || batch.any || broken !== undefined)
                return;
            try {
                await (0,code_one/* codeOne */.K)(ctx, subtask, commits, batch);
            }
            catch (error) {
                // Thrown by git or the disk while committing: infrastructure (a resume retries), or a bug.
                const fault = (0,infra_fault/* errorInfraFault */.fw)(`code:${subtask.id}`, error);
                if (fault)
                    batch.add(fault);
                else
                    broken ??= error instanceof Error ? error : new Error(String(error));
            }
        });
        if (broken !== undefined)
            throw broken;
        if (ctx.stopping)
            return 'stop';
        // Not a batch decision: the deferred subtasks are pending, the batch stays open, and the resume goes on.
        if (batch.any)
            throw batch.faults[0];
        const tally = tallyOf(ctx, subtasks);
        const { decision, rate } = decideBatch(tally, attempt, deps.config.run);
        deps.metrics.batch(rate);
        state.batches.push({
            attempt,
            baseSha,
            succeeded: tally.succeeded,
            total: subtasks.length,
            decision: decision === 'retry' || decision === 'give-up' ? 'rejected' : decision,
            decidedAt: deps.clock.now(),
        });
        deps.progress(`batch ${attempt}: ${tally.succeeded}/${subtasks.length} succeeded (${Math.round(rate * 100)} %) → ${decision}`);
        await ctx.event('batch', { attempt, ...tally, rate, decision });
        if (decision === 'retry') {
            await ctx.checkpoint();
            continue; // finishRejectedBatch resets the branch and reopens the subtasks
        }
        if (decision === 'give-up') {
            await ctx.checkpoint();
            await finishRejectedBatch(ctx, subtasks);
            return 'stop';
        }
        delete state.openBatch;
        await ctx.checkpoint();
        await fileFailedSubtasks(ctx, subtasks);
        return 'continue';
    }
}
/** Carries out a checkpointed rejection: back to the batch's starting head, every subtask pending again. */
async function finishRejectedBatch(ctx, subtasks) {
    const { state, deps } = ctx;
    const open = state.openBatch;
    const last = state.batches.at(-1);
    if (!open || !last || last.attempt !== open.attempt || last.decision !== 'rejected')
        return;
    await (0,git_workspace/* resetWorkBranch */.bz)(deps.git, ctx.workspace, open.baseSha);
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        step.status = 'pending';
        delete step.commit;
        delete step.error;
        delete step.degraded;
    }
    delete state.openBatch;
    await ctx.checkpoint();
}
/**
 * A commit on the work branch whose trailer names a step proves that step done, checkpoint or not — and a
 * step the checkpoint calls done whose commit is not on the branch (the branch moved back by a person, the
 * commit amended without its trailers, resumed on another runner whose work branch was never pushed) is not
 * done: it is coded again rather than silently missing from the pull request — and the console and the
 * summary say so. Returns how many steps are coded again.
 */
async function adoptCommittedSteps(ctx, subtasks) {
    const commits = await (0,git_workspace/* stepCommits */.lJ)(ctx.deps.git, ctx.workspace, ctx.state.runId);
    let adopted = 0;
    let lost = 0;
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        const sha = commits.get(step.id);
        if (sha !== undefined && (step.status !== 'done' || step.commit !== sha)) {
            ctx.finish(step, 'done', { commit: sha });
            adopted++;
        }
        else if (sha === undefined && step.status === 'done') {
            ctx.deps.progress(`${step.id}: its commit ${step.commit?.slice(0, 8) ?? ''} is no longer on ${ctx.workspace.branch} (${REDONE}): coding it again`);
            step.status = 'pending';
            step.result = {
                ...step.result,
                redone: `its commit ${step.commit?.slice(0, 8) ?? ''} was no longer on the work branch (${REDONE})`,
            };
            delete step.commit;
            lost++;
        }
    }
    if (adopted > 0)
        await ctx.event('steps_adopted_from_commits', { count: adopted });
    if (lost > 0)
        await ctx.event('steps_reopened_commit_missing', { count: lost });
    if (adopted > 0 || lost > 0)
        await ctx.checkpoint();
    return lost;
}
const REDONE = 'the branch was moved back, or the commit amended without its Keel-Step trailer';
function tallyOf(ctx, subtasks) {
    const tally = { succeeded: 0, failed: 0, degraded: 0 };
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        if (step.status === 'done')
            tally.succeeded++;
        else if (step.degraded)
            tally.degraded++;
        else
            tally.failed++;
    }
    return tally;
}
/** An issue per failed subtask ("manual implementation required"), found by marker before it is made. */
async function fileFailedSubtasks(ctx, subtasks) {
    const { state, deps } = ctx;
    for (const subtask of subtasks) {
        const step = ctx.step(`code:${subtask.id}`);
        if (step.status !== 'failed')
            continue;
        const key = `issue:${step.id}`;
        if (state.effects[key])
            continue;
        const marker = (0,effects/* effectMarker */.I)(state.runId, step.id);
        const issue = (0,coder/* manualImplementationIssue */.Al)({
            task: state.task.text,
            plan: state.plan,
            subtask,
            reason: deps.redact(step.error ?? 'unknown'),
        });
        const ref = await deps.effects.ensureIssue({
            marker,
            title: issue.title,
            body: `${issue.body}\n\n${marker}`,
            labels: ['keel', 'manual-implementation'],
        });
        state.effects[key] = { kind: 'issue', marker, ref: ref.url, createdAt: deps.clock.now() };
        deps.progress(`${step.id}: ${ref.created ? 'opened' : 'found'} issue ${ref.url}`);
        await ctx.checkpoint();
    }
}
/** Coders in flight at once: the summed `maxParallel` of the endpoints in the coder chain. */
function coderCapacity(config) {
    const ids = new Set((config.roles.coder ?? []).flat().map((c) => c.endpointId));
    const total = config.endpoints.filter((e) => ids.has(e.id)).reduce((sum, e) => sum + e.maxParallel, 0);
    return Math.max(1, Math.min(total, 64));
}

// EXTERNAL MODULE: ./lib/agents/plan-schema.js
var plan_schema = __webpack_require__(26171);
// EXTERNAL MODULE: ./lib/agents/call-agent.js
var call_agent = __webpack_require__(84484);
// EXTERNAL MODULE: ./lib/agents/parse-json.js
var parse_json = __webpack_require__(33020);
// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(99281);
// EXTERNAL MODULE: ./lib/agents/read-answer.js + 2 modules
var read_answer = __webpack_require__(35915);
// EXTERNAL MODULE: ./lib/agents/schemas.js
var schemas = __webpack_require__(38206);
// EXTERNAL MODULE: ./lib/agents/slug.js
var slug = __webpack_require__(85179);
;// CONCATENATED MODULE: ./lib/agents/planner.js
/**
 * The planner: a task becomes milestones of subtasks that coders implement one at a time. Its degraded
 * fallback is the template plan: the whole task as one subtask, so a run without any planner model still
 * gets to the coder.
 */







const DEFAULT_MAX_SUBTASKS = 12;
/** The config's `run.maxSubtasks` allows up to 200. */
const MAX_SUBTASKS_CAP = 200;
async function planTask(router, input, opts = {}) {
    const maxSubtasks = Math.min(MAX_SUBTASKS_CAP, Math.max(1, Math.floor(input.maxSubtasks ?? DEFAULT_MAX_SUBTASKS)));
    const schema = (0,schemas/* plannerAnswerSchema */.mj)(maxSubtasks);
    const messages = (0,prompts/* plannerMessages */.pJ)({ task: input.task, repoFiles: input.repoFiles, maxSubtasks });
    const result = await (0,call_agent/* callAgent */.ks)(router, {
        role: 'planner',
        request: { messages, json: true, jsonSchema: (0,schemas/* answerJsonSchema */.Aq)('plan', schema), stream: true },
        read: (reply) => readPlanAnswer(reply, maxSubtasks),
        correction: (error) => (0,prompts/* correctionMessage */.cj)(error),
    }, opts);
    if (result.ok || result.failure === 'aborted')
        return result;
    return { ...result, degraded: templatePlan(input.task) };
}
/** The planner's answer in a reply (`read-answer.ts`: the last complete plan, never the prompt's example). */
function readPlanAnswer(reply, maxSubtasks = DEFAULT_MAX_SUBTASKS) {
    const schema = (0,schemas/* plannerAnswerSchema */.mj)(maxSubtasks);
    return (0,read_answer/* readAnswer */.JN)(reply, {
        find: (text) => (0,read_answer/* jsonAnswers */.Cx)(text, PLAN_KEYS, schema, toPlan),
        isExample: (plan) => (0,read_answer/* sameJson */.Vk)(plan, examplePlan()),
        same: read_answer/* sameJson */.Vk,
        noAnswer: 'no JSON plan found in the answer: answer with one JSON object of the shape in the system message',
    });
}
const PLAN_KEYS = ['milestones', 'confidence', 'subtasks'];
let example;
function examplePlan() {
    if (example === undefined) {
        const parsed = (0,schemas/* plannerAnswerSchema */.mj)(DEFAULT_MAX_SUBTASKS).parse(JSON.parse(prompts/* PLANNER_SHAPE */.vz));
        const plan = toPlan(parsed);
        if (!plan.ok)
            throw new Error(`the planner's example is not a plan: ${plan.error}`);
        example = plan.value;
    }
    return example;
}
/** keel's ids (slugs, unique across the plan) and a final check against the checkpoint's schema. */
function toPlan(answer) {
    const milestoneIds = new Set();
    const subtaskIds = new Set();
    const plan = {
        milestones: answer.milestones
            .filter((milestone) => milestone.subtasks.length > 0)
            .map((milestone, index) => ({
            id: (0,slug/* uniqueSlug */.nD)([milestone.id, milestone.title], milestoneIds, `milestone-${index + 1}`),
            title: milestone.title,
            subtasks: milestone.subtasks.map((subtask) => ({
                id: (0,slug/* uniqueSlug */.nD)([subtask.id, subtask.title], subtaskIds, 'subtask'),
                title: subtask.title,
                files: [...new Set(subtask.files)],
                instructions: subtask.instructions,
            })),
        })),
        confidence: answer.confidence,
        degraded: false,
    };
    // Guards keel's own shaping, not the model: the answer schema is at least as strict as the state's.
    const checked = plan_schema/* planSchema */.F.safeParse(plan);
    return checked.success
        ? { ok: true, value: plan }
        : { ok: false, error: 'the plan does not fit keel’s limits' };
}
const TRUNCATED = '\n\n[The task text was cut here: it is longer than a subtask’s instructions may be.]';
/**
 * The degraded plan: one milestone, one subtask whose instructions are the task text. One subtask, not an
 * "analyze requirements" step before an "implement changes" one: the coder is the only agent that can act on
 * a subtask, and an analysis-only subtask would produce nothing to commit.
 */
function templatePlan(task) {
    const text = task.trim();
    const firstLine = text.split('\n', 1)[0].trim();
    const title = firstLine === '' ? 'Implement the task' : (0,parse_json/* shorten */.ml)(firstLine, schemas/* PLAN_LIMITS */.HK.title);
    const instructions = text === ''
        ? 'The task text is empty: nothing to implement.'
        : text.length <= schemas/* PLAN_LIMITS */.HK.instructions
            ? text
            : `${text.slice(0, schemas/* PLAN_LIMITS */.HK.instructions - TRUNCATED.length)}${TRUNCATED}`;
    return {
        milestones: [
            { id: 'main', title: 'Implement the task', subtasks: [{ id: 'task', title, files: [], instructions }] },
        ],
        confidence: 0.5,
        degraded: true,
    };
}

;// CONCATENATED MODULE: ./lib/run/plan-prefetch.js
/**
 * The planner's request goes out while the work tree is being created: it needs only the task and the files
 * of the base commit (`filesAtCommit`), none of which the work tree changes before a plan exists. Model
 * calls have no effects, so starting one early costs nothing when the run then stops; the plan step takes
 * the answer as if it had asked itself.
 */


/** What the planner sees of the repository at most (the prompt stays bounded in big repositories). */
const MAX_FILES_IN_PROMPT = 400;
/** Asks the planner for the run's task, given the files of its base commit. */
async function askPlanner(deps, state, signal) {
    const files = await (0,git_workspace/* filesAtCommit */.ao)(deps.git, state.repo.root, state.repo.baseSha);
    return planTask(deps.router, {
        task: state.task.text,
        repoFiles: files.slice(0, MAX_FILES_IN_PROMPT),
        maxSubtasks: deps.config.run.maxSubtasks,
    }, {
        ...(signal ? { signal } : {}),
        ...(deps.report
            ? {
                onUnusable: ({ model, error, next }) => deps.report?.(`plan: ${model}'s answer not usable (${error.slice(0, 200)}) — ${next === 'ask_again' ? 'asking it again' : 'asking the next model'}`),
            }
            : {}),
    });
}
/** The planner's answer, asked now; undefined when the run has a plan already. Never rejects. */
function startPlanPrefetch(deps, state, signal) {
    if (state.plan !== undefined)
        return undefined;
    return askPlanner(deps, state, signal).catch(() => undefined);
}

;// CONCATENATED MODULE: ./lib/run/steps/plan-step.js
/**
 * Step `plan`: the planner turns the task into milestones of subtasks. When no planner model can answer,
 * the template plan (one subtask: the task itself) keeps the run going, marked degraded.
 */



async function planStep(ctx) {
    const step = ctx.step('plan');
    if (step.status === 'done' && ctx.state.plan)
        return;
    const { deps, state } = ctx;
    ctx.begin(step);
    // Asked while the work tree was being created (plan-prefetch.ts), or now; a failed prefetch asks again.
    const report = (line) => deps.progress(deps.redact(line));
    const result = (await deps.planPrefetch) ?? (await askPlanner({ ...deps, report }, state, deps.signal));
    if (ctx.stopping)
        return;
    // No planner reachable, or every one busy: the run stops and a resume plans — the template plan is for
    // planners that answered, unusably.
    const fault = (0,infra_fault/* agentInfraFault */.gh)('planner', result);
    if (fault)
        throw fault;
    const plan = result.ok ? result.value : templatePlan(state.task.text);
    state.plan = plan;
    if (result.ok) {
        ctx.finish(step, 'done', { model: result.provenance.model });
    }
    else {
        deps.metrics.degraded('planner');
        ctx.finish(step, 'done', { model: 'template', degraded: true, error: result.reason });
        deps.progress(`planner: no model could plan (${deps.redact(result.reason)}); using the template plan`);
    }
    const subtasks = plan.milestones.flatMap((m) => m.subtasks);
    deps.progress(`plan: ${subtasks.length} subtask(s)${plan.degraded ? ' (degraded template)' : ''}`);
    await ctx.event('plan', {
        subtasks: subtasks.map((s) => s.id),
        degraded: plan.degraded,
        model: step.model,
    });
    await ctx.checkpoint();
}

// EXTERNAL MODULE: ./lib/git/secret-scan.js
var secret_scan = __webpack_require__(88798);
// EXTERNAL MODULE: ./lib/git/workspace-guards.js
var workspace_guards = __webpack_require__(71936);
;// CONCATENATED MODULE: ./lib/run/run-base.js

/**
 * `head`: what `rev-parse --symbolic-full-name HEAD` said (`refs/heads/<name>`, or `HEAD` when detached);
 * `sha`: HEAD's commit.
 */
async function chooseBaseBranch(git, cwd, head, sha, hint) {
    if (head.startsWith('refs/heads/'))
        return { branch: head.slice('refs/heads/'.length) };
    const at = `the checkout is a detached HEAD at ${sha.slice(0, 12)}`;
    if (hint !== undefined && (0,workspace_guards/* isBranchName */.Q8)(hint.name)) {
        return { branch: hint.name, note: `${at}: the pull request's base is ${hint.name} (${hint.why})` };
    }
    const remoteDefault = await originDefault(git, cwd);
    if (remoteDefault !== undefined) {
        return {
            branch: remoteDefault,
            note: `${at}: the pull request's base is ${remoteDefault} (origin's default branch)`,
        };
    }
    return {
        branch: sha,
        note: `${at} and no branch is known to propose into: the work branch is kept, but no pull request is opened (check out a branch to have one)`,
    };
}
/** `main` for `refs/remotes/origin/HEAD -> refs/remotes/origin/main`; undefined when git does not know. */
async function originDefault(git, cwd) {
    const ref = await git.run(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
        cwd,
        allowFailure: true,
    });
    const full = ref.exitCode === 0 ? ref.stdout.text.trim() : '';
    const name = full.startsWith('refs/remotes/origin/') ? full.slice('refs/remotes/origin/'.length) : '';
    return (0,workspace_guards/* isBranchName */.Q8)(name) ? name : undefined;
}
/** A base that is a commit, not a branch: nothing to open a pull request into. */
function isCommitBase(baseBranch, baseSha) {
    return baseBranch === baseSha || workspace_guards/* SHA */.hG.test(baseBranch);
}

// EXTERNAL MODULE: ./lib/run/summary.js
var summary = __webpack_require__(69053);
;// CONCATENATED MODULE: ./lib/agents/reviewer.js
/**
 * The reviewer: the diff, the task, the plan and the validation results become a verdict. keel applies two
 * rules on top of whatever the model says, because a user who asked for a reviewer expects both:
 * - an approval that lists blocking problems is not an approval;
 * - a change whose validation failed is never approved, however much the model liked it.
 *
 * Its degraded fallback never approves (a fallback that approved optimistically would let an unreviewed
 * change merge): the PR then opens as a draft labelled `needs-human-review`.
 */





async function reviewChanges(router, input, opts = {}) {
    const result = await (0,call_agent/* callAgent */.ks)(router, {
        role: 'reviewer',
        request: {
            messages: (0,prompts/* reviewerMessages */.Yq)(input),
            json: true,
            jsonSchema: (0,schemas/* answerJsonSchema */.Aq)('review', schemas/* reviewerAnswerSchema */.xf),
            stream: true,
        },
        read: (reply) => {
            const answer = readReviewAnswer(reply);
            return answer.ok ? { ok: true, value: toReview(answer.value, input.validation) } : answer;
        },
        correction: (error) => (0,prompts/* correctionMessage */.cj)(error),
    }, opts);
    if (result.ok || result.failure === 'aborted')
        return result;
    return { ...result, degraded: degradedReview(result.reason) };
}
const REVIEW_KEYS = ['approved', 'approve', 'codeQuality', 'blocking', 'verdict'];
/**
 * Words after an approval that take it back or make it conditional ("Wait — there's a bug", "I would not
 * merge this until …"): the one answer no longer says "approved" unambiguously.
 */
const RESERVATION = /\b(?:wait|however|but|bug|withdraw|reject|request(?:ing)? changes|until|not (?:be )?(?:approved?|merged?|ready)|(?:would|should|do|does|must|can) ?(?:not|n't) (?:be )?(?:approve|merge)|don'?t (?:approve|merge))\b/i;
/**
 * The reviewer's answer in a reply. The rules of every role (last complete answer, never the example, two
 * different answers → ask again), and one of its own: an approval counts only when it is the reply's one
 * verdict — no other answer in the reply rejects, and no words after it take it back. Anything else is
 * not an approval: asked again, and if it never becomes one, the degraded review (never approves).
 */
function readReviewAnswer(reply) {
    return (0,read_answer/* readAnswer */.JN)(reply, {
        find: (text) => (0,read_answer/* jsonAnswers */.Cx)(text, REVIEW_KEYS, schemas/* reviewerAnswerSchema */.xf, (value) => ({ ok: true, value })),
        isExample: (review) => (0,read_answer/* sameJson */.Vk)(review, exampleReview()),
        same: read_answer/* sameJson */.Vk,
        noAnswer: 'no JSON review found in the answer: answer with one JSON object of the shape in the system message, with "approved": true or false',
        accept: ({ value, chosen, answers }, text) => {
            if (!value.approved)
                return undefined;
            if (answers.some((other) => other.value !== undefined && !other.value.approved)) {
                return 'the answer gives two different verdicts: answer with exactly one review';
            }
            const after = text.slice(chosen.end);
            if (RESERVATION.test(after)) {
                return 'the answer approves, then the text after it takes the approval back or makes it conditional: answer with one review whose "approved" says what you mean, and put every problem in "blocking"';
            }
            return undefined;
        },
    });
}
let reviewer_example;
function exampleReview() {
    reviewer_example ??= schemas/* reviewerAnswerSchema */.xf.parse(JSON.parse(prompts/* REVIEWER_SHAPE */.k9));
    return reviewer_example;
}
function toReview(answer, validation) {
    const comments = cleanList(answer.comments);
    const blocking = cleanList(answer.blocking);
    for (const failed of validation.filter((result) => !result.passed)) {
        blocking.push(`Validation failed: \`${(0,parse_json/* shorten */.ml)(oneLine(failed.command), 200)}\``);
    }
    const approved = answer.approved && blocking.length === 0;
    if (answer.approved && !approved) {
        comments.push('keel did not take the reviewer model’s approval: a change with blocking problems or failed validation is never approved.');
    }
    return {
        approved,
        codeQuality: Math.round(answer.codeQuality),
        comments,
        blocking,
        degraded: false,
        needsHumanReview: !approved,
    };
}
/** The review when no reviewer model produced a valid one: never an approval. */
function degradedReview(reason) {
    return {
        approved: false,
        codeQuality: 0,
        comments: [
            `No automated review: ${(0,parse_json/* shorten */.ml)(oneLine(reason), 500)}. keel does not approve a change nobody reviewed; a human must review it.`,
        ],
        blocking: [],
        degraded: true,
        needsHumanReview: true,
    };
}
function cleanList(items) {
    return items.map((item) => item.trim()).filter((item) => item !== '');
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}

// EXTERNAL MODULE: ./lib/run/steps/validate-step.js + 3 modules
var validate_step = __webpack_require__(94961);
;// CONCATENATED MODULE: ./lib/run/steps/review-step.js
/**
 * Step `review`: the reviewer reads the diff and the validation results. When no reviewer model can
 * answer, the degraded review never approves: the work goes to a human (an optimistic
 * approval would let unreviewed work merge).
 */




const MAX_DIFF_BYTES = 120 * 1024;
async function reviewStep(ctx) {
    const step = ctx.step('review');
    if (step.status === 'done')
        return;
    const { deps, state } = ctx;
    ctx.begin(step);
    const diff = await (0,git_workspace/* diffSinceBase */.r3)(deps.git, ctx.workspace, MAX_DIFF_BYTES);
    const validation = (0,validate_step/* validationResults */.o7)(ctx).map((r) => ({
        command: r.command,
        passed: r.passed,
        output: r.output,
    }));
    const result = await reviewChanges(deps.router, { task: state.task.text, plan: state.plan, diff, validation }, {
        signal: deps.signal,
        onUnusable: (unusable) => ctx.reportUnusable('reviewer', 'review', unusable),
    });
    if (ctx.stopping) {
        step.status = 'pending';
        return;
    }
    // No reviewer reachable, or every one busy: reviewed after a resume, not waved through as degraded.
    const fault = (0,infra_fault/* agentInfraFault */.gh)('reviewer', result);
    if (fault) {
        step.status = 'pending';
        throw fault;
    }
    let review;
    if (result.ok) {
        review = result.value;
        ctx.finish(step, 'done', { model: result.provenance.model, result: { ...review } });
    }
    else {
        review = degradedReview(deps.redact(result.reason));
        deps.metrics.degraded('reviewer');
        ctx.finish(step, 'done', { model: 'template', degraded: true, result: { ...review } });
    }
    deps.progress(`review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' (degraded: no reviewer answered)' : ''}, quality ${review.codeQuality}`);
    await ctx.event('review', {
        approved: review.approved,
        degraded: review.degraded,
        quality: review.codeQuality,
    });
    await ctx.checkpoint();
}
function reviewOf(ctx) {
    return ctx.state.steps.review?.result;
}

;// CONCATENATED MODULE: ./lib/run/steps/publish-step.js
/**
 * Step `publish`: the pull request (a draft labelled `needs-human-review` when degraded or not approved),
 * the tracking comment, and the closing of a recovery record a previous attempt left open. Every effect is
 * found by its marker before it is made.
 *
 * The work branch is scanned before it is pushed (`git/secret-scan.ts`): when a commit carries a secret or a
 * credential's shape, nothing of the branch leaves the runner, no pull request is opened, a manual-review
 * issue names the files and lines (never the values), and the run finishes `degraded`.
 */






/** False when the step was done already (nothing ran, nothing was saved). */
async function publishStep(ctx) {
    const step = ctx.step('publish');
    if (step.status === 'done')
        return false;
    const { deps, state } = ctx;
    ctx.begin(step);
    const review = reviewOf(ctx);
    const commits = await (0,git_workspace/* stepCommits */.lJ)(deps.git, ctx.workspace, state.runId);
    let head;
    let refused;
    // Another runner may have claimed the run meanwhile: its work, not ours, is what gets published.
    await deps.remoteFence?.();
    if (commits.size > 0 && !state.effects.pull_request) {
        // Never force: a rejected push is rebased if clean, else the work goes to a new branch — the PR's head.
        try {
            head = deps.pushWorkBranch ? await deps.pushWorkBranch() : ctx.workspace.branch;
        }
        catch (error) {
            if (!(error instanceof secret_scan/* SecretInPushError */.sh))
                throw error;
            refused = error.hits;
            step.degraded = true;
        }
    }
    // The run's status changes only when this step is done: a crash before then must leave it resumable.
    const status = (0,summary/* finalStatus */.nH)(state);
    const needsHuman = review?.needsHumanReview !== false || status === 'degraded';
    const body = (0,summary/* runSummaryMarkdown */.fU)(state, status, refused);
    if (refused !== undefined)
        await fileSecretRefusal(ctx, refused);
    // A detached checkout with no branch known to propose into (`run-base.ts`): a commit is no pull request base.
    if (head !== undefined && isCommitBase(ctx.workspace.baseBranch, ctx.workspace.baseSha)) {
        deps.progress(`publish: no pull request — the run's base is the commit ${ctx.workspace.baseSha.slice(0, 12)}, not a branch; the work is on ${head}`);
    }
    else if (head !== undefined && head === state.repo.pullRequest?.headBranch) {
        // Asked for on a pull request: the work is on its branch now, and that pull request is the one to report.
        const pr = state.repo.pullRequest;
        const marker = (0,effects/* effectMarker */.I)(state.runId, 'publish');
        state.effects.pull_request = { kind: 'pull_request', marker, ref: pr.url, createdAt: deps.clock.now() };
        deps.progress(`publish: pushed onto ${pr.headBranch}, the branch of pull request #${pr.number} ${pr.url}`);
        await ctx.checkpoint();
    }
    else if (head !== undefined) {
        const marker = (0,effects/* effectMarker */.I)(state.runId, 'publish');
        // The pull request's branch could not take the work (it moved and conflicts): a pull request into it.
        const base = state.repo.pullRequest?.headBranch ?? ctx.workspace.baseBranch;
        const pr = await deps.effects.ensurePullRequest({
            marker,
            title: `keel: ${state.task.text.split('\n', 1)[0].slice(0, 100)}`,
            body: `${body}\n\n${marker}`,
            head,
            base,
            draft: needsHuman,
            labels: needsHuman ? ['needs-human-review'] : [],
        });
        state.effects.pull_request = { kind: 'pull_request', marker, ref: pr.url, createdAt: deps.clock.now() };
        deps.progress(`publish: ${pr.created ? 'opened' : 'found'} ${needsHuman ? 'draft ' : ''}pull request ${pr.url}`);
        await ctx.checkpoint();
    }
    const tracking = (0,effects/* effectMarker */.I)(state.runId, 'tracking');
    const comment = await deps.effects.upsertComment(tracking, `${body}\n\n${tracking}`);
    state.effects.tracking = {
        kind: 'comment',
        marker: tracking,
        ref: comment.url,
        createdAt: deps.clock.now(),
    };
    // Looked up by its marker whether or not the state knows it: a crash between opening the record and the
    // checkpoint that notes it leaves a record the state never heard of, and it must not stay open.
    const closed = await deps.effects.closeIssue(state.effects.recovery?.marker ?? (0,effects/* effectMarker */.I)(state.runId, 'recovery'), `Run \`${state.runId}\` resumed and finished (${status}).`);
    if (closed)
        deps.progress(`publish: closed the recovery record ${closed.url}`);
    ctx.finish(step, 'done');
    state.status = status;
    await ctx.event('published', { status, pullRequest: state.effects.pull_request?.ref });
    await ctx.checkpoint();
    return true;
}
/**
 * The work branch was not pushed because its commits carry a secret or a credential's shape: one issue for a
 * human (found by its marker before it is made) saying where — file, line, commit, kind — and never what.
 */
async function fileSecretRefusal(ctx, hits) {
    const { state, deps } = ctx;
    const where = (0,secret_scan/* describeHits */.YI)(hits);
    deps.progress(`publish: the work branch was not pushed — its commits carry secrets: ${where}`);
    await ctx.event('push_refused_secret', {
        branch: ctx.workspace.branch,
        hits: hits.map((h) => ({ commit: h.commit, path: h.path, line: h.line, kind: h.kind })),
    });
    const key = 'issue:secret-scan';
    if (state.effects[key])
        return;
    const marker = (0,effects/* effectMarker */.I)(state.runId, 'secret-scan');
    const lines = hits.map((h) => h.path !== undefined
        ? `- \`${h.path}\` line ${h.line} (commit ${h.commit.slice(0, 8)}): ${h.kind}`
        : `- the message of commit ${h.commit.slice(0, 8)}: ${h.kind}`);
    const ref = await deps.effects.ensureIssue({
        marker,
        title: `keel: run ${state.runId} was not published — its commits carry secrets`,
        body: [
            `keel refused to push the work branch of run \`${state.runId}\`: the commits below carry one of keel's`,
            'secret values or text shaped like a credential. Nothing of the branch left the runner and no pull',
            'request was opened. Look at the places listed (the values are not repeated here); if a real credential',
            'is among them, rotate it.',
            '',
            ...lines,
            '',
            marker,
        ].join('\n'),
        labels: ['keel', 'needs-human-review'],
    });
    state.effects[key] = { kind: 'issue', marker, ref: ref.url, createdAt: deps.clock.now() };
    deps.progress(`publish: ${ref.created ? 'opened' : 'found'} issue ${ref.url}`);
    await ctx.checkpoint();
}

// EXTERNAL MODULE: ./lib/run/recovery-record.js
var recovery_record = __webpack_require__(74826);
;// CONCATENATED MODULE: ./lib/run/engine.js
/**
 * The run engine: plan → code (parallel subtasks, partial success) → validate → review → publish, with a
 * checkpoint after every step. Every step is idempotent, so a run resumed after a crash at any instant
 * skips what is done and never repeats an effect. When shutdown fires, the engine stops taking work,
 * checkpoints, and writes the recovery record with the exact resume command.
 */










async function runEngine(ctx) {
    try {
        return await runSteps(ctx);
    }
    catch (error) {
        // Another process took the run over (`run-lease.ts`): stop here, write nothing — not the checkpoint,
        // not the recovery record — and say so. The run goes on in that process.
        if (error instanceof run_lease/* LeaseLostError */.Jd || ctx.superseded)
            return superseded(ctx, error);
        throw error;
    }
}
function superseded(ctx, error) {
    const lost = ctx.deps.lease?.lost ?? (error instanceof run_lease/* LeaseLostError */.Jd ? error : undefined);
    ctx.deps.progress(lost?.message ?? `run ${ctx.state.runId}: this process lost its lease; it stopped`);
    return ctx.state;
}
async function runSteps(ctx) {
    const { state } = ctx;
    state.status = 'running';
    delete state.interruption;
    try {
        await planStep(ctx);
        if (ctx.stopping)
            return await interrupt(ctx);
        if (ctx.deps.stopAfter === 'plan') {
            await ctx.event('stopped_after_plan');
            await ctx.checkpoint();
            return state;
        }
        if ((await codeStep(ctx)) === 'stop') {
            return ctx.stopping ? await interrupt(ctx) : await giveUp(ctx);
        }
        // Validation changed the repository: the run has stopped (failed) and publishes nothing.
        if ((await (0,validate_step/* validateStep */.X$)(ctx)) === 'security-stop')
            return state;
        if (ctx.stopping)
            return await interrupt(ctx);
        await reviewStep(ctx);
        if (ctx.stopping)
            return await interrupt(ctx);
        // Once publish has run, the run is finished: a signal that came meanwhile has nothing left to stop.
        // Calling it interrupted would open a recovery record for a finished run, and its resume, with every
        // step done, would end "running".
        const published = await publishStep(ctx);
        await ctx.event('run_finished', { status: state.status });
        // Publish's last checkpoint saved the finished run; another one here would write it again, unchanged.
        if (!published)
            await ctx.checkpoint();
        return state;
    }
    catch (error) {
        if (error instanceof run_lease/* LeaseLostError */.Jd)
            throw error;
        return await interrupt(ctx, error);
    }
}
/** Stops cleanly: running steps go back to pending, the state is saved, the recovery record written. */
async function interrupt(ctx, error) {
    const { state, deps } = ctx;
    ctx.fence(); // stopped because the lease was lost: nothing to save, it is someone else's run now
    const shutdown = deps.signal.reason instanceof ShutdownError ? deps.signal.reason.reason : undefined;
    for (const step of Object.values(state.steps))
        if (step.status === 'running')
            step.status = 'pending';
    state.status = 'interrupted';
    // An infrastructure fault is a reason of its own (a full disk, no endpoint), said in one line, no stack.
    const infra = error instanceof infra_fault/* InfrastructureFault */.Yo ? error : undefined;
    const detail = error === undefined || (ctx.stopping && isAbort(error)) || infra ? shutdown?.error : engine_describe(error);
    state.interruption = {
        reason: (shutdown?.message ?? (infra ? infra.message : `error: ${(0,errors/* errorMessage */.g)(error)}`)).slice(0, 200),
        at: deps.clock.now(),
        ...(detail !== undefined ? { error: deps.redact(detail).slice(0, 4_000) } : {}),
    };
    await ctx.checkpoint();
    await recordRecovery(ctx);
    await ctx.event('run_interrupted', { reason: state.interruption.reason });
    deps.progress(`interrupted: ${state.interruption.reason}\nresume with: ${deps.resumeCommand}`);
    return state;
}
/** The partial-success rule gave up: the batch was discarded; say so and how to try again. */
async function giveUp(ctx) {
    const { state, deps } = ctx;
    state.status = 'failed';
    state.interruption = {
        reason: `fewer than ${Math.round(deps.config.run.minSuccessRate * 100)} % of the subtasks succeeded after ${state.batches.length} batch attempt(s)`,
        at: deps.clock.now(),
    };
    await ctx.checkpoint();
    await recordRecovery(ctx);
    await ctx.event('run_failed', { reason: state.interruption.reason });
    deps.progress(`failed: ${state.interruption.reason}\nretry with: ${deps.resumeCommand}`);
    return state;
}
/** The recovery issue and the tracking comment (`recovery-record.ts`); a failure is an event, not a throw. */
async function recordRecovery(ctx) {
    const { state, deps } = ctx;
    try {
        await (0,recovery_record/* writeRecoveryRecord */.Q)(deps.effects, state, {
            resumeCommand: deps.resumeCommand,
            now: () => deps.clock.now(),
            save: () => ctx.checkpoint(),
        });
    }
    catch (error) {
        if (error instanceof run_lease/* LeaseLostError */.Jd)
            throw error;
        // The checkpoint is already saved; a missing recovery record must not turn into a lost run.
        await ctx.event('recovery_record_failed', { error: deps.redact(engine_describe(error)) });
    }
}
function isAbort(error) {
    return (error instanceof ShutdownError ||
        (error instanceof Error && /abort/i.test(`${error.name} ${error.message}`)));
}
function engine_describe(error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// EXTERNAL MODULE: ./lib/run/local-effects.js
var local_effects = __webpack_require__(22841);
// EXTERNAL MODULE: ./lib/run/persistence.js
var run_persistence = __webpack_require__(83310);
;// CONCATENATED MODULE: ./lib/run/prefetch.js
/**
 * On resume, the first coder requests go out while the work tree is still being checked and cleaned:
 * model calls are the slow part of a run and have no effects, so there is no reason to make them wait for
 * a dozen git commands. A prefetched answer is used only if the files it was asked about read exactly the
 * same once the work tree is verified (a crash may have left a half-applied edit behind); otherwise it is
 * dropped and the subtask asks again.
 */



class CoderPrefetch {
    #entries = new Map();
    /** Asks for the first `limit` pending subtasks of a resumed run. Never throws. */
    start(state, router, limit, maxFileBytes, signal, format = 'text') {
        const plan = state.plan;
        if (!plan)
            return;
        const pending = (0,pending_subtasks/* pendingSubtasks */.Y)(state, plan, limit);
        // All files first, then the requests in plan order (callbacks on one promise run in the order they were
        // added): the router hands out slots in the order it is asked, so the first pending subtask gets the
        // endpoint it would get on an idle fleet — the one the early request (early-resume.ts) was sent to.
        const views = Promise.all(pending.map((subtask) => (0,git_workspace/* readFiles */.Ul)({ worktree: state.repo.worktree }, subtask.files, maxFileBytes).catch(() => [])));
        for (const [index, subtask] of pending.entries()) {
            const entry = { files: [], result: Promise.resolve(undefined) };
            entry.result = views.then((all) => {
                entry.files = all[index] ?? [];
                return (0,coder/* codeSubtask */.dn)(router, { task: state.task.text, plan, subtask, files: entry.files, format }, { signal });
            });
            // Kept, and awaited by `take` or `settle`; never left to reject unobserved.
            entry.result.catch(() => undefined);
            this.#entries.set(subtask.id, entry);
        }
    }
    /** The prefetched answer for a subtask, if the files it saw are the files as they are now. */
    async take(subtaskId, current) {
        const entry = this.#entries.get(subtaskId);
        if (!entry)
            return undefined;
        this.#entries.delete(subtaskId);
        const result = await entry.result.catch(() => undefined);
        return result !== undefined && sameFiles(entry.files, current) ? result : undefined;
    }
    /** Waits for answers nobody took (the run stopped first), so none outlives the run. */
    async settle() {
        const left = [...this.#entries.values()];
        this.#entries.clear();
        await Promise.all(left.map((entry) => entry.result.catch(() => undefined)));
    }
}
function sameFiles(a, b) {
    if (a.length !== b.length)
        return false;
    return a.every((file, i) => file.path === b[i].path && file.content === b[i].content);
}

// EXTERNAL MODULE: ./lib/base/run-id.js
var run_id = __webpack_require__(39048);
// EXTERNAL MODULE: ./lib/git/exclude.js
var exclude = __webpack_require__(99146);
// EXTERNAL MODULE: ./lib/run/state-store.js
var state_store = __webpack_require__(61472);
// EXTERNAL MODULE: ./lib/run/state.js
var run_state = __webpack_require__(41176);
;// CONCATENATED MODULE: ./lib/run/run-selection.js
/**
 * Which run a `keel run` works on, and its state: the id is chosen first (named, the latest unfinished one,
 * or a new one), the run's lease is taken under that id, and only then is the state read — so a process that
 * waited for another one to let go reads what that one left, not what was there before.
 */










/** A run that cannot start or resume as asked; one line, no stack (`expected`). */
class RunStartError extends Error {
    name = 'RunStartError';
    expected = true;
}
/** The run this process is to work on: named, the latest unfinished one, or a new id. */
async function chooseRun(o, stateDir, clock) {
    const named = typeof o.resume === 'string' ? o.resume : o.runId;
    if (named !== undefined) {
        if (!run_id/* RUN_ID_PATTERN */.z.test(named))
            throw new RunStartError(`not a run id: ${JSON.stringify(named.slice(0, 100))} (letters, digits, . _ -)`);
        return { runId: named, mustExist: o.resume !== undefined };
    }
    if (o.resume === true) {
        const latest = await (0,state_store/* latestUnfinishedRun */.Mr)(stateDir);
        if (!latest)
            throw new RunStartError(`no unfinished run to resume in ${stateDir}`);
        return { runId: latest.runId, mustExist: true };
    }
    if (o.task === undefined || o.task.trim() === '')
        throw new RunStartError('a task is required (--task)');
    return { runId: (0,run_id/* newRunId */.F)(clock.now()), mustExist: false };
}
/**
 * The chosen run's saved state (read under its lease), or undefined for a new run. A checkpoint that cannot
 * be used (corrupt: moved aside by the store) is an error that says how to continue with the work already
 * committed.
 */
async function loadChosenRun(choice, store, stateDir, progress) {
    const loaded = await store.load();
    if (loaded.state)
        return loaded.state;
    if (loaded.problem === undefined) {
        if (choice.mustExist)
            throw new RunStartError(`no run ${choice.runId} in ${stateDir}`);
        return undefined;
    }
    const how = await continueHint(choice.runId, stateDir);
    if (choice.mustExist)
        throw new RunStartError(`run ${choice.runId} cannot be resumed: ${loaded.problem} — ${how}`);
    progress(`run ${choice.runId}: ${loaded.problem}; starting it again under the same id, ${ADOPTS}`);
    return undefined;
}
const ADOPTS = 'which adopts the commits already on its work branch';
/**
 * How to continue a run whose checkpoint is gone: the same task under the same id — the planner plans it
 * again, and every subtask whose commit is on `keel/<id>` (found by its `Keel-Step` trailer) is adopted, not
 * redone. The task is quoted from the manifest when it is still there.
 */
async function continueHint(runId, stateDir) {
    const manifest = await (0,atomic_file/* readJsonFile */.JE)((0,state_layout/* stateLayout */.G)(stateDir).run(runId).manifest);
    const task = manifest.ok ? manifest.value?.task : undefined;
    const quoted = typeof task === 'string' && task !== '' && !task.endsWith('…') ? shellQuote(task) : '"<the same task>"';
    return `to continue, run \`keel run --task ${quoted} --run-id ${runId}\`, ${ADOPTS}`;
}
/** `baseNote`: how the base branch of a detached checkout was chosen, for the log. */
async function newRunState(input, git, clock) {
    if (input.task === undefined || input.task.trim() === '')
        throw new RunStartError('a task is required (--task)');
    const checkout = await readCheckout(git, input.repo);
    const { root, commonDir } = checkout;
    const pr = input.pullRequest;
    const base = pr
        ? await pullRequestBase(git, root, pr)
        : await chooseBaseBranch(git, root, checkout.head, checkout.baseSha, input.baseBranch);
    const baseBranch = base.branch;
    const baseSha = pr?.headSha ?? checkout.baseSha;
    const now = clock.now();
    const state = {
        version: run_state/* RUN_STATE_VERSION */.Lu,
        runId: input.runId,
        // A configured key pasted into the task would otherwise go to every model in the prompt, and into the
        // checkpoint, the logs, the summary and the commits. Only the exact values: `redact`'s key-shape patterns
        // would also eat honest task text ("support Bearer tokens").
        task: {
            text: input.secrets.reduce((text, secret) => text.replaceAll(secret, base_secrets/* REDACTED */.XF), input.task),
            source: input.taskSource ?? 'cli',
        },
        status: 'running',
        createdAt: now,
        updatedAt: now,
        repo: {
            root,
            baseBranch,
            baseSha,
            workBranch: `keel/${input.runId}`,
            worktree: (0,state_layout/* stateLayout */.G)(input.stateDir).worktree(input.runId),
            ...(pr ? { pullRequest: { number: pr.number, url: pr.url, headBranch: pr.headBranch } } : {}),
        },
        steps: {},
        batches: [],
        effects: {},
        resumes: 0,
    };
    return { state, commonDir, ...(base.note !== undefined ? { baseNote: base.note } : {}) };
}
/**
 * The base of a run on an existing pull request: its head commit (which must be here) and its base branch,
 * both checked — they came from the API, and go to git and back to the API.
 */
async function pullRequestBase(git, cwd, pr) {
    const where = `pull request #${pr.number}`;
    if (!(0,workspace_guards/* isBranchName */.Q8)(pr.headBranch) || !(0,workspace_guards/* isBranchName */.Q8)(pr.baseBranch))
        throw new RunStartError(`${where}: its head or base is not a branch name`);
    if (!workspace_guards/* SHA */.hG.test(pr.headSha))
        throw new RunStartError(`${where}: its head is not a commit id`);
    const found = await git.run(['rev-parse', '--verify', '--quiet', `${pr.headSha}^{commit}`], {
        cwd,
        allowFailure: true,
    });
    if (found.exitCode !== 0)
        throw new RunStartError(`${where}: its head ${pr.headSha.slice(0, 12)} is not in the repository (fetch it first)`);
    return {
        branch: pr.baseBranch,
        note: `working on ${where}: from its branch ${pr.headBranch} at ${pr.headSha.slice(0, 12)}, pushing back onto it (its base: ${pr.baseBranch})`,
    };
}
/**
 * The checkout a new run starts from, in one `rev-parse`: its top, the repository's common dir, HEAD's
 * commit (the base), and the branch HEAD is on — `refs/heads/<name>`, or `HEAD` when detached (then
 * `chooseBaseBranch` names the pull request's base). A repository without a commit fails here, as it should.
 */
async function readCheckout(git, cwd) {
    const args = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir'];
    args.push('HEAD', '--symbolic-full-name', 'HEAD');
    let output;
    try {
        output = (await git.run(args, { cwd })).stdout.text;
    }
    catch (error) {
        throw (await checkoutProblem(git, cwd)) ?? error;
    }
    const lines = output.split('\n');
    const [root, commonDir, baseSha, head] = lines;
    if (root === undefined || root === '' || commonDir === undefined || commonDir === '')
        throw new RunStartError(`git rev-parse in ${cwd} did not name the checkout`);
    if (baseSha === undefined || !workspace_guards/* SHA */.hG.test(baseSha) || head === undefined)
        throw new RunStartError(`git rev-parse in ${cwd} did not name HEAD's commit`);
    return { root, commonDir, baseSha, head };
}
/**
 * Why `rev-parse` could not name the checkout, in one line a user can act on: not a repository at all, or one
 * without a commit yet (a run branches from HEAD). Undefined when it is something else (git's own words).
 */
async function checkoutProblem(git, cwd) {
    const works = async (args) => git.run(args, { cwd }).then(() => true, () => false);
    if (!(await works(['rev-parse', '--git-dir'])))
        return new RunStartError(`${cwd} is not inside a git repository: keel works on a branch of a repository (run it in a clone, or pass --repo DIR)`);
    if (!(await works(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])))
        return new RunStartError(`the repository at ${cwd} has no commit yet: keel branches its work from HEAD, so commit something first`);
    return undefined;
}
/**
 * A state directory inside the repository must not show up in the user's `git status`. Done before the
 * first checkpoint writes there, even if preparing the worktree then fails; a new run knows the common dir.
 */
async function excludeStateDir(git, root, stateDir, commonDir) {
    const inside = (0,external_node_path_.relative)(root, stateDir);
    if (inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return;
    const asked = async () => {
        const args = ['rev-parse', '--path-format=absolute', '--git-common-dir'];
        return (await git.run(args, { cwd: root })).stdout.text.trim();
    };
    await (0,exclude/* addToExclude */.b)(commonDir ?? (await asked()), inside);
}
function defaultResumeCommand(runId, repo, stateDir) {
    return `keel run --resume ${runId} --repo ${shellQuote(repo)} --state-dir ${shellQuote(stateDir)}`;
}
function shellQuote(value) {
    return /^[A-Za-z0-9_./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./lib/run/resume-refusal.js
/**
 * A resume that finds keel's worktree or work branch not as the run left it is refused — keel changes only
 * its own worktree, on its own branch, and will not guess. The refusal is one line: what was found, and
 * what to do about it. No stack (nothing is broken in keel), no resume counted (nothing was resumed).
 */


/** `prepareWorkspace`, with a refusal turned into the one line a person can act on. */
async function prepareOrRefuse(git, state, o) {
    try {
        return await (0,git_workspace/* prepareWorkspace */.t0)(git, o);
    }
    catch (error) {
        if (error instanceof git_workspace/* WorkspaceError */.kP && error.reason === 'refused')
            throw new RunStartError(resumeRefusal(state, error.message));
        throw error;
    }
}
/** `cannot resume run X: <what was found> — <what to do>`. */
function resumeRefusal(state, found) {
    const { workBranch: branch, worktree, baseSha } = state.repo;
    const base = baseSha.slice(0, 12);
    return `cannot resume run ${state.runId}: ${found} — ${adviceFor(found, branch, worktree, base)}`;
}
function adviceFor(found, branch, worktree, base) {
    if (/does not contain the base/.test(found))
        return `put ${branch} back on its work (a commit that contains ${base}: \`git branch -f ${branch} <commit>\`), or delete the branch to have the run code its subtasks again`;
    if (/detached HEAD/.test(found))
        return `check the branch out again (\`git -C ${worktree} switch ${branch}\`) and resume`;
    if (/is a worktree of|has refs\/heads\/|checked out in/.test(found))
        return `switch that worktree back to ${branch} (\`git -C ${worktree} switch ${branch}\`), or free the branch, and resume`;
    if (/not keel's worktree|not the top of a worktree|main checkout|another repository|does not exist/.test(found))
        return `move ${worktree} out of the way (keel never deletes it) and resume: keel adds its worktree again from ${branch}`;
    return `put ${worktree} and ${branch} back as keel left them, or start a new run`;
}

;// CONCATENATED MODULE: ./lib/run/run-context.js

class RunContext {
    state;
    deps;
    workspace;
    #checkpoints = new serial/* Serial */.l();
    /** Why the latest checkpoint's snapshot did not reach the disk; undefined once one did. */
    #unsaved;
    constructor(state, deps, workspace) {
        this.state = state;
        this.deps = deps;
        this.workspace = workspace;
    }
    get stopping() {
        return this.deps.signal.aborted;
    }
    /** Throws `LeaseLostError` when another process has taken the run over: called before every write. */
    fence() {
        this.deps.lease?.check();
    }
    /** The lease was lost: nothing may be written any more, not even an event. */
    get superseded() {
        return this.deps.lease?.lost !== undefined;
    }
    step(id) {
        const existing = this.state.steps[id];
        if (existing)
            return existing;
        const created = { id, status: 'pending', attempts: 0 };
        this.state.steps[id] = created;
        return created;
    }
    begin(step) {
        // A step starts only in a process that still owns the run (a validation command, a review, a publish).
        this.fence();
        step.status = 'running';
        step.attempts += 1;
        step.startedAt = this.deps.clock.now();
        delete step.endedAt;
        delete step.error;
    }
    finish(step, status, extra = {}) {
        Object.assign(step, extra);
        step.status = status;
        step.endedAt = this.deps.clock.now();
        if (extra.error !== undefined)
            step.error = this.deps.redact(extra.error).slice(0, 4_000);
    }
    /** Saves the state (with the router's breaker state) and the manifest and metrics; one at a time. */
    async checkpoint() {
        await this.#checkpoints.run(async () => {
            this.state.updatedAt = this.deps.clock.now();
            this.state.fleet = this.deps.router.exportState();
            const outcome = await this.deps.persistence.checkpoint(this.state, this.deps.metrics.snapshot());
            if (outcome.snapshot === 'fenced')
                throw outcome.error;
            this.#unsaved = outcome.snapshot === 'failed' ? outcome.error : undefined;
            if (outcome.snapshot === 'failed') {
                await this.event('checkpoint_failed', { error: this.deps.redact(outcome.error) });
            }
        });
    }
    /**
     * Why the run as it stands is not on disk (the latest snapshot failed: a lock that stayed busy, a full
     * disk), or undefined when it is. A run is reported finished only once this is undefined.
     */
    get unsaved() {
        return this.#unsaved;
    }
    /** Appends a `RunEvent` (`run-events.ts`: the contract of `events.ndjson`). */
    async event(type, ...data) {
        if (this.superseded)
            return;
        await this.deps.events.append({ type, runId: this.state.runId, ...data[0] });
    }
    /**
     * A model's answer that could not be used, and what happens next: a progress line and an
     * `answer_unusable` event (fire and forget: the agent call goes on meanwhile, and the event log never
     * rejects). What the model is told stays between keel and the model.
     */
    reportUnusable(role, stepId, unusable) {
        const next = unusable.next === 'ask_again' ? 'asking it again' : 'asking the next model';
        const error = this.deps.redact(unusable.error);
        this.deps.progress(`${stepId}: ${unusable.model}'s answer not usable (${error.slice(0, 200)}) — ${next}`);
        void this.event('answer_unusable', {
            role,
            step: stepId,
            model: unusable.model,
            next: unusable.next,
            error,
        });
    }
}

;// CONCATENATED MODULE: ./lib/run/start-run.js
/**
 * Starting or resuming a run: everything `keel run` (and later the Action) wires together before the
 * engine takes over — config, state, router with the saved fleet state, git work tree, effects, telemetry,
 * shutdown, heartbeat — and what it does after: save the fleet state, report, pick the exit code.
 */


































async function startRun(options) {
    const clock = options.clock ?? base_clock/* systemClock */.ml;
    const { config, progress } = options;
    const stateDir = (0,external_node_path_.resolve)(options.stateDir);
    const repo = (0,external_node_path_.resolve)(options.repo);
    const secrets = (0,base_secrets/* collectSecrets */.qb)(config, options.env, (0,git_runner/* remoteAuthSecrets */.iZ)(options.remoteAuth));
    const redact = (text) => (0,base_secrets/* redact */.E$)(text, secrets);
    const runner = (0,command_runner/* createCommandRunner */._m)({ secrets: () => secrets });
    const remoteAuth = options.remoteAuth;
    const git = (0,git_runner/* createGit */.lD)({ runner, clock, secrets: () => secrets, ...(remoteAuth ? { remoteAuth } : {}) });
    // The run's id first, then its lease, and only then its state: nothing of the run is read to act on, or
    // written, by a process that does not own it.
    const choice = await chooseRun(options, stateDir, clock);
    const runDir = (0,state_layout/* stateLayout */.G)(stateDir).run(choice.runId).dir;
    const staleMs = leaseStaleMs(config);
    const lease = await (0,run_lease/* acquireRunLease */.E8)({
        runDir,
        runId: choice.runId,
        clock,
        staleMs,
        // The state lock, judged by the lease's bound: a holder suspended in the middle of a checkpoint holds the
        // lock as long as it holds the lease, and must not keep the run from being taken over for the lock's own
        // 30 s. Its write, when it wakes, is fenced.
        lock: new file_lock/* FileLock */.IR({ path: (0,external_node_path_.join)(runDir, state_store/* STATE_LOCK_FILE */.RV), clock, staleMs }),
        ...(options.takeOver ? { takeOver: true } : {}),
        onTakeover: (previous, why) => progress(`run ${choice.runId}: taking it over from pid ${previous.pid} on ${previous.host} (${TAKEOVER_WHY[why]})`),
    });
    const store = new state_store.TaskStateStore({ runDir, clock, fence: () => lease.check() });
    try {
        return await ownedRun(options, { clock, stateDir, repo, secrets, redact, runner, git }, choice, store, lease);
    }
    finally {
        await lease.release(clock.now());
    }
}
const TAKEOVER_WHY = {
    dead: 'its process is gone',
    stale: 'its heartbeat is stale',
    live: '--take-over',
    free: 'no lease',
    released: 'released',
};
/** The bound after which a silent holder may be taken over: at least three heartbeats. */
function leaseStaleMs(config) {
    return Math.max(config.run.leaseStaleMs, 3 * config.run.heartbeatMs);
}
async function ownedRun(options, b, choice, store, lease) {
    const { config, progress } = options;
    const { clock, stateDir, repo, secrets, redact, runner, git } = b;
    const resumed = await loadChosenRun(choice, store, stateDir, progress);
    const runDir = store.runDir;
    if (resumed && !(0,run_state/* isUnfinished */.ui)(resumed) && resumed.status !== 'failed') {
        progress(`run ${resumed.runId} already finished: ${resumed.status}`);
        return { state: resumed, runDir };
    }
    // Stopped because validation changed the repository: resuming would run the same code again and then
    // publish from a repository nobody has looked at. A human starts a new run once it is checked.
    if (resumed?.interruption?.kind === 'security') {
        progress(`run ${resumed.runId} is not resumed: ${resumed.interruption.reason}`);
        return { state: resumed, runDir };
    }
    const created = resumed
        ? undefined
        : await newRunState({
            runId: choice.runId,
            task: options.task,
            taskSource: options.taskSource,
            repo,
            stateDir,
            secrets,
            ...(options.baseBranch ? { baseBranch: options.baseBranch } : {}),
            ...(options.pullRequest ? { pullRequest: options.pullRequest } : {}),
        }, git, clock);
    if (created?.baseNote !== undefined)
        progress(created.baseNote);
    const state = resumed ?? created.state;
    await excludeStateDir(git, state.repo.root, stateDir, created?.commonDir);
    const persistence = new run_persistence/* PersistenceCoordinator */.IC({
        store,
        runDir,
        clock,
        sidecarEveryMs: config.run.heartbeatMs,
    });
    const metrics = new run_persistence/* MetricsRecorder */.kb();
    if (resumed) {
        // A resumed run continues its counts rather than starting them over: those of its last snapshot, or
        // (a state written by an older keel) of its metrics file.
        const inSnapshot = resumed.metrics;
        delete resumed.metrics; // the recorder's counts go into every snapshot from now on
        const saved = inSnapshot !== undefined
            ? { ok: true, value: inSnapshot }
            : await (0,atomic_file/* readJsonFile */.JE)((0,external_node_path_.join)(runDir, state_layout/* METRICS_FILE */.HL));
        if (saved.ok)
            metrics.restore(saved.value);
        // Counted (and said) once the work tree is found as the run left it: a refused resume is no resume.
    }
    else {
        progress(`run ${state.runId}: ${state.task.text.split('\n', 1)[0]}`);
    }
    const events = new event_log/* EventLog */.vu({ path: (0,state_layout/* runLayout */.WA)(runDir).events, redact });
    const fleetStatePath = (0,state_layout/* stateLayout */.G)(stateDir).fleetState;
    const savedFleet = state.fleet ?? (await (0,fleet_state/* readFleetStateFile */.qJ)(fleetStatePath)).state;
    const slotsDir = (0,shared_slots/* slotsDirFor */.Cs)(stateDir, options.env);
    const router = (0,fleet_router/* createRouter */.a)(config, {
        env: options.env,
        clock,
        state: savedFleet,
        ...(slotsDir !== undefined ? { slotsDir } : {}),
        onEvent: (event) => {
            metrics.onRouterEvent(event);
            options.onRouterEvent?.(event);
            if (lease.lost === undefined)
                void events.append(loggedRouterEvent(event));
        },
    });
    const prefetchStop = new AbortController();
    const prefetch = new CoderPrefetch();
    // Not with coder results from a fan-out's matrix jobs: the subtasks are coded already, and asking the
    // models again would only spend calls (on hosted fallbacks, where the review job cannot see the LAN).
    if (resumed && !options.externalCode)
        prefetch.start(state, router, coderCapacity(config), code_one/* MAX_FILE_BYTES_IN_PROMPT */.d, prefetchStop.signal, config.run.coderFormat);
    // The planner's request, meanwhile: saving the state and creating the work tree are local work it does
    // not need to wait for (a model call has no effects: if the run stops first, it was only a call).
    const report = (line) => progress(redact(line));
    const planPrefetch = startPlanPrefetch({ git, router, config, report }, state, prefetchStop.signal);
    // The state exists on disk before the work tree does, so a crash in between is resumable.
    await persistence.checkpoint(state, metrics.snapshot());
    options.onStarted?.({ runId: state.runId, runDir, stateDir });
    const shutdown = installShutdown({
        clock,
        ...(options.processEvents ? { events: options.processEvents } : {}),
        ...(options.timeBudgetMinutes !== undefined ? { timeBudgetMs: options.timeBudgetMinutes * 60_000 } : {}),
        ...(options.signal ? { cancel: options.signal } : {}),
        onShutdown: (reason) => progress(reason.kind === 'lease_lost'
            ? `stopping: ${reason.message}`
            : `stopping: ${reason.message} — saving the checkpoint`),
        onRepeatedSignal: (count) => progress(`signal ${count}: already stopping, the checkpoint is being saved (a third signal forces the exit)`),
        onForce: () => forceExit(options, config, state, metrics, store, clock),
    });
    shutdown.signal.addEventListener('abort', () => prefetchStop.abort(), { once: true });
    // The heartbeat is the lease's proof of life (`keel status` and the guard read it too); a tick that finds
    // the lease gone stops the run, writing nothing.
    const stopHeartbeat = new AbortController();
    const heartbeat = (0,base_heartbeat/* runHeartbeat */.AC)({
        runDir,
        intervalMs: config.run.heartbeatMs,
        manifest: () => (0,run_persistence/* buildManifest */.u1)(state),
        manifestWrittenAt: () => persistence.manifestWrittenAt,
        clock,
        signal: stopHeartbeat.signal,
        identity: { host: lease.record.host, generation: lease.generation },
        beforeBeat: () => {
            if (lease.holds())
                return true;
            shutdown.stop({ kind: 'lease_lost', message: lease.lost?.message ?? 'the run lease was lost' });
            return false;
        },
    });
    const watch = shutdown.watch();
    try {
        const workspace = await prepareOrRefuse(git, state, {
            repoRoot: state.repo.root,
            runId: state.runId,
            worktree: state.repo.worktree,
            branch: state.repo.workBranch,
            baseRef: state.repo.baseSha,
            baseBranch: state.repo.baseBranch,
            fence: () => lease.check(),
            // A new run has just read its checkout: its worktree is added with no questions asked first.
            ...(created ? { fresh: { repoRoot: state.repo.root, commonDir: created.commonDir } } : {}),
            // Only the run moves its work branch while it runs (validation commands aside: `validateStep`
            // forgets), so its head and step commits are read from git once, not before every step.
            cache: true,
        });
        if (resumed) {
            state.resumes += 1;
            metrics.resumed();
            progress(`resuming run ${state.runId} (resume #${state.resumes})`);
        }
        progress((0,fleet_status/* renderStatusText */._c)(router.status()).trimEnd());
        const resumeCommand = options.resumeCommand?.(state.runId) ?? defaultResumeCommand(state.runId, repo, stateDir);
        const ctx = new RunContext(state, {
            config,
            router,
            git,
            runner,
            effects: (0,effects/* fencedEffects */.Q)(options.effects?.(runDir, state) ?? new local_effects/* LocalEffects */.Im({ runDir, clock }), () => lease.check()),
            persistence,
            events,
            metrics,
            clock,
            signal: shutdown.signal,
            progress,
            redact,
            resumeCommand,
            prefetch,
            lease,
            validation: { env: options.env, secrets, hide: [stateDir] },
            ...(options.remoteFence
                ? {
                    remoteFence: async () => {
                        lease.check();
                        try {
                            await options.remoteFence();
                        }
                        catch (error) {
                            if (error instanceof run_lease/* LeaseLostError */.Jd)
                                lease.lose(error);
                            throw error;
                        }
                    },
                }
                : {}),
            ...(planPrefetch ? { planPrefetch } : {}),
            ...(options.externalCode ? { externalCode: options.externalCode } : {}),
            ...(options.stopAfter ? { stopAfter: options.stopAfter } : {}),
            ...(options.pushTo !== undefined
                ? {
                    pushWorkBranch: async () => {
                        const onto = state.repo.pullRequest?.headBranch;
                        const pushed = await (0,git_workspace/* pushWorkBranch */.WK)(git, workspace, {
                            remote: options.pushTo,
                            secrets,
                            ...(onto !== undefined ? { remoteBranch: onto } : {}),
                        });
                        if (pushed.newBranch)
                            progress(`publish: ${pushed.reason}; the work went to ${pushed.remoteBranch}`);
                        return pushed.remoteBranch;
                    },
                }
                : {}),
        }, workspace);
        await runEngine(ctx);
        if (lease.lost)
            return { state, runDir, superseded: lease.lost };
        const unsaved = await saveAtLast(ctx, clock);
        // A run whose end is not on disk keeps its worktree: the resume needs it.
        if (FINISHED.has(state.status) && unsaved === undefined && lease.holds())
            await releaseWorktree(git, workspace, progress);
        return { state, runDir, ...(unsaved !== undefined ? { unsaved } : {}) };
    }
    finally {
        prefetchStop.abort();
        await prefetch.settle();
        await planPrefetch;
        stopHeartbeat.abort();
        await heartbeat;
        shutdown.dispose();
        await watch;
        // A process that lost the run writes nothing more, not even the shared fleet state.
        if (lease.holds())
            await (0,fleet_state/* writeFleetStateFile */.Ts)(fleetStatePath, router.exportState()).catch(() => undefined);
        await router.close();
        const early = (0,early_requests/* earlyRequestStats */.Mf)();
        // Whether the request sent before keel loaded (early-resume.ts) was used: `adopted: 0` means it cost one.
        if (early.offered > 0 && lease.lost === undefined)
            await events.append({ type: 'early_request', ...early });
    }
}


/***/ }),

/***/ 93723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* reexport */ prompts/* MAX_FILE_BYTES_IN_PROMPT */.dW),
  K: () => (/* binding */ codeOne)
});

// EXTERNAL MODULE: ./lib/agents/coder.js + 1 modules
var coder = __webpack_require__(37436);
// EXTERNAL MODULE: ./lib/git/workspace.js + 4 modules
var git_workspace = __webpack_require__(9491);
// EXTERNAL MODULE: ./lib/run/external-code.js
var external_code = __webpack_require__(28998);
// EXTERNAL MODULE: ./lib/run/infra-fault.js
var infra_fault = __webpack_require__(43110);
// EXTERNAL MODULE: ./lib/agents/prompts.js
var prompts = __webpack_require__(99281);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/git/edit-path.js
/**
 * Lexical rules for a workspace-relative path that came from a model. Pure: no file system here, so every
 * rule can be tested exhaustively; `edit-fs.ts` adds what only the disk can tell (symlinks, file kinds).
 *
 * The path is hostile until proven otherwise. It is checked as given *and* after NFC normalisation, and
 * names are also compared in a folded form (NFKC, both case directions, Windows aliases stripped) so that
 * `.GIT`, `.git.`, `.git::$INDEX_ALLOCATION`, `git~1` and `．ｇｉｔ` all count as `.git`: keel runs on Linux,
 * macOS and Windows runners, and each of those file systems aliases names differently.
 */
const MAX_PATH_BYTES = 4096;
const MAX_SEGMENT_BYTES = 255;
/** Code points shown in a problem report before the path is cut. */
const DISPLAY_CODE_POINTS = 120;
/**
 * Control characters (C0, DEL, C1), invisible formatting characters (zero-width joiners, bidi overrides —
 * the "Trojan Source" set, and the code points HFS+ silently ignores) and line/paragraph separators.
 * None belongs in a file name a reviewer has to read.
 */
const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;
const DRIVE = /^[A-Za-z]:/;
function edit_path_checkPathSyntax(raw, allowWorkflows) {
    if (typeof raw !== 'string')
        return { ok: false, reason: 'path must be a string' };
    if (raw.length === 0)
        return { ok: false, reason: 'path is empty' };
    // A lone surrogate would be written as U+FFFD: the file on disk would not be the one that was checked.
    if (!raw.isWellFormed())
        return { ok: false, reason: 'path is not well-formed Unicode (lone surrogate)' };
    if (raw.includes('\0'))
        return { ok: false, reason: 'path contains a NUL character' };
    const control = CONTROL.exec(raw);
    if (control)
        return { ok: false, reason: `path contains control character ${codePoint(control[0])}` };
    const invisible = INVISIBLE.exec(raw);
    if (invisible)
        return { ok: false, reason: `path contains invisible character ${codePoint(invisible[0])}` };
    if (raw.startsWith('/') || raw.startsWith('\\'))
        return { ok: false, reason: 'path is absolute' };
    if (DRIVE.test(raw))
        return { ok: false, reason: 'path is absolute (drive letter)' };
    // Backslashes are separators on Windows and ordinary bytes on POSIX: either reading lets a path mean two
    // things, so they are refused rather than translated.
    if (raw.includes('\\'))
        return { ok: false, reason: 'path contains a backslash (only "/" separates)' };
    // Raw segments first, so `a/../../x` is refused for its `..` whatever normalisation would make of it.
    // Lengths are measured on the NFC form only: that is the name that gets written.
    const rawProblem = checkSegments(raw.split('/'), allowWorkflows, false);
    if (rawProblem !== undefined)
        return { ok: false, reason: rawProblem };
    const relative = raw.normalize('NFC');
    const bytes = Buffer.byteLength(relative, 'utf8');
    if (bytes > MAX_PATH_BYTES) {
        return { ok: false, reason: `path is ${bytes} bytes, more than ${MAX_PATH_BYTES}` };
    }
    const segments = relative.split('/');
    const problem = checkSegments(segments, allowWorkflows, true);
    if (problem !== undefined)
        return { ok: false, reason: problem };
    return { ok: true, relative, segments };
}
function checkSegments(segments, allowWorkflows, measure) {
    for (const [index, segment] of segments.entries()) {
        const problem = checkSegment(segment, index === segments.length - 1, measure);
        if (problem !== undefined)
            return problem;
    }
    if (!allowWorkflows && segments.length >= 2) {
        const [first, second] = segments;
        if (fold(first) === '.github' && fold(second) === 'workflows') {
            return 'path is under .github/workflows/ (workflow edits are not allowed by the policy)';
        }
    }
    return undefined;
}
function checkSegment(segment, last, measure) {
    if (segment.length === 0)
        return last ? 'path ends with "/"' : 'path has an empty segment ("//")';
    const bytes = measure ? Buffer.byteLength(segment, 'utf8') : 0;
    if (bytes > MAX_SEGMENT_BYTES) {
        return `path segment is ${bytes} bytes, more than ${MAX_SEGMENT_BYTES}`;
    }
    if (segment === '..')
        return 'path contains a ".." segment';
    if (segment === '.')
        return 'path contains a "." segment (write the path without it)';
    const compat = segment.normalize('NFKC');
    // `...` and `. .` are `.`/`..` to Win32 once trailing dots and spaces go; `．．` and `‥` are `..` to
    // anything that applies compatibility normalisation.
    if (/^[. ]+$/.test(compat))
        return `path segment "${displayPath(segment)}" is made of dots`;
    if (/[. ]$/.test(segment)) {
        return `path segment "${displayPath(segment)}" ends with a dot or space (Windows drops them)`;
    }
    if (isGitName(segment)) {
        return `path touches the git directory ("${displayPath(segment)}" is treated as .git)`;
    }
    return undefined;
}
/** `.git` under any alias a runner's file system might apply. */
function isGitName(segment) {
    const folded = fold(segment);
    if (folded === '.git' || folded === 'git~1')
        return true;
    // Upper-casing catches what lower-casing misses: `ı` (dotless i) upper-cases to `I`, as NTFS does.
    return stripWindowsAliases(segment.normalize('NFKC').toUpperCase()) === '.GIT';
}
/** The name as a case-insensitive, compatibility-normalising, Win32 file system would see it. */
function fold(segment) {
    return stripWindowsAliases(segment.normalize('NFKC').toLowerCase());
}
/** NTFS alternate data streams (`name:stream`) and trailing dots and spaces all alias the bare name. */
function stripWindowsAliases(name) {
    const colon = name.indexOf(':');
    const base = colon === -1 ? name : name.slice(0, colon);
    return base.replace(/[. ]+$/, '');
}
function codePoint(char) {
    return `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * The path as given, safe to print: control and invisible characters escaped (a newline cannot forge a
 * log line, a bidi override cannot reorder what a reviewer reads), backslashes doubled so the escapes stay
 * unambiguous, and cut after a bounded number of code points without walking a huge string to its end.
 */
function displayPath(raw) {
    if (typeof raw !== 'string')
        return `<${raw === null ? 'null' : typeof raw}>`;
    let shown = '';
    let count = 0;
    for (const char of raw) {
        if (count === DISPLAY_CODE_POINTS) {
            return `${shown}… (${raw.length} UTF-16 units in all)`;
        }
        shown += escapeChar(char);
        count += 1;
    }
    return shown;
}
function escapeChar(char) {
    switch (char) {
        case '\\':
            return '\\\\';
        case '\n':
            return '\\n';
        case '\r':
            return '\\r';
        case '\t':
            return '\\t';
    }
    const lone = char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
    if (lone || CONTROL.test(char) || INVISIBLE.test(char)) {
        return `\\u{${char.codePointAt(0).toString(16)}}`;
    }
    return char;
}

;// CONCATENATED MODULE: ./lib/git/edit-fs.js
/**
 * The file-system half of applying model edits: what is on disk at a checked path, and writing there
 * without ever following a symbolic link out of the workspace.
 *
 * Symlink rule: a symbolic link anywhere on the way is refused, even one that points back inside the
 * workspace. "Points inside" is a fact about the moment of the check; the link (or what it passes through)
 * can change before the write, and a write through a link also changes a different tracked path than the
 * one the model named, which a reviewer would not see. Refusing every link is simpler to reason about and
 * costs nothing real: models edit source files, not links.
 *
 * Validation is synchronous so the public `checkEditPath` can share it; it is a handful of `lstat` calls per
 * edit, stopping at the first missing directory. Writing is asynchronous and re-checks every directory as it
 * goes, because time has passed since validation.
 */





const ok = (value) => ({ ok: true, value });
const fail = (reason) => ({ ok: false, reason });
/** The workspace's real path, resolved once so every later comparison is against the same root. */
function edit_fs_resolveWorkspaceSync(workspace) {
    try {
        const root = realpathSync(path.resolve(workspace));
        return statSync(root).isDirectory() ? ok(root) : fail('workspace is not a directory');
    }
    catch (error) {
        return fail(`workspace is not an existing directory (${errorCode(error)})`);
    }
}
async function resolveWorkspace(workspace) {
    try {
        const root = await (0,promises_.realpath)(external_node_path_.resolve(workspace));
        return (await (0,promises_.stat)(root)).isDirectory() ? ok(root) : fail('workspace is not a directory');
    }
    catch (error) {
        return fail(`workspace is not an existing directory (${errorCode(error)})`);
    }
}
/**
 * What `segments` (already lexically checked) name under `root`: every existing parent must be a real
 * directory, the final component must be missing or a regular file. Nothing is followed.
 */
function edit_fs_inspectTarget(root, segments) {
    let current = root;
    for (let depth = 0; depth < segments.length - 1; depth++) {
        current = external_node_path_.join(current, segments[depth]);
        const probe = lstatProbe(current);
        const shown = displayPath(segments.slice(0, depth + 1).join('/'));
        // A missing parent means everything below it is missing too: it will be created, one level at a time.
        if (probe.kind === 'missing')
            return ok({ kind: 'absent' });
        if (probe.kind === 'error')
            return fail(`cannot inspect parent "${shown}": ${probe.reason}`);
        if (probe.stats.isSymbolicLink()) {
            return fail(`parent "${shown}" is a symbolic link (links are never followed)`);
        }
        if (!probe.stats.isDirectory())
            return fail(`parent "${shown}" is not a directory`);
    }
    // Defence in depth: with no links on the way this always holds, unless the root itself moved.
    try {
        if (!isInside(root, (0,external_node_fs_.realpathSync)(current)))
            return fail('parent directory resolves outside the workspace');
    }
    catch (error) {
        return fail(`cannot resolve parent directory: ${errorCode(error)}`);
    }
    return describeFinal(lstatProbe(external_node_path_.join(current, segments.at(-1))));
}
function describeFinal(probe) {
    if (probe.kind === 'missing')
        return ok({ kind: 'absent' });
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    const { stats } = probe;
    if (stats.isSymbolicLink())
        return fail('path is a symbolic link (links are never followed)');
    if (stats.isDirectory())
        return fail('path is a directory');
    if (!stats.isFile())
        return fail('path is not a regular file');
    return ok({ kind: 'file', size: stats.size, executable: (stats.mode & 0o111) !== 0 });
}
/**
 * A regular file's bytes, at most `maxBytes`. `O_NOFOLLOW` refuses a link swapped in since the check and
 * `O_NONBLOCK` keeps a swapped-in FIFO from hanging the run; the kind is checked again on the open handle.
 */
async function readFileBounded(absolute, maxBytes) {
    const flags = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
    let handle;
    try {
        handle = await (0,promises_.open)(absolute, flags);
    }
    catch (error) {
        return fail(`cannot open the file: ${errorCode(error)}`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            return fail('path is not a regular file');
        if (stats.size > maxBytes) {
            return fail(`file is ${stats.size} bytes, more than maxFileBytes (${maxBytes})`);
        }
        // One spare byte tells a file that grew since `stat` from one that is exactly `size` long.
        const buffer = Buffer.alloc(stats.size + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        if (filled > stats.size)
            return fail('file changed while it was read');
        return ok(buffer.subarray(0, filled));
    }
    catch (error) {
        return fail(`cannot read the file: ${errorCode(error)}`);
    }
    finally {
        await handle.close();
    }
}
/**
 * Creates the missing parents of `segments` one level at a time, re-checking after each step that the
 * directory is a real one (not a link someone put there meanwhile). Returns the parent's absolute path.
 */
async function ensureParentDirectory(root, segments) {
    let current = root;
    for (let depth = 0; depth < segments.length - 1; depth++) {
        current = external_node_path_.join(current, segments[depth]);
        const shown = displayPath(segments.slice(0, depth + 1).join('/'));
        let probe = await lstatProbeAsync(current);
        if (probe.kind === 'missing') {
            try {
                // Not recursive: `recursive` would follow whatever links appear in the path it creates.
                await (0,promises_.mkdir)(current, { mode: 0o755 });
            }
            catch (error) {
                if (errorCode(error) !== 'EEXIST')
                    return fail(`cannot create directory "${shown}": ${errorCode(error)}`);
            }
            probe = await lstatProbeAsync(current);
        }
        if (probe.kind !== 'found')
            return fail(`directory "${shown}" vanished while it was created`);
        if (probe.stats.isSymbolicLink() || !probe.stats.isDirectory()) {
            return fail(`parent "${shown}" is no longer a real directory`);
        }
    }
    try {
        if (!isInside(root, await (0,promises_.realpath)(current)))
            return fail('parent directory resolves outside the workspace');
    }
    catch (error) {
        return fail(`cannot resolve parent directory: ${errorCode(error)}`);
    }
    return ok(current);
}
/**
 * Writes `content` to `directory/name` through a fresh temp file and `rename`. The temp file is created
 * with `wx` (O_CREAT|O_EXCL: never an existing file, never through a link); `rename` replaces the directory
 * entry itself, so even a link or hard link swapped in at the target is replaced, never written through.
 */
async function writeFileAtomic(directory, name, content, executable) {
    const target = external_node_path_.join(directory, name);
    for (let attempt = 0; attempt < 4; attempt++) {
        const temp = external_node_path_.join(directory, `.keel-edit-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}.tmp`);
        let handle;
        try {
            handle = await (0,promises_.open)(temp, 'wx', 0o644);
        }
        catch (error) {
            if (errorCode(error) === 'EEXIST')
                continue;
            return fail(`cannot create a temporary file: ${errorCode(error)}`);
        }
        const written = await fillAndClose(handle, content, executable);
        const placed = written.ok ? await replaceTarget(temp, target) : written;
        if (!placed.ok)
            await (0,promises_.unlink)(temp).catch(() => undefined);
        return placed;
    }
    return fail('cannot create a temporary file: name collisions');
}
async function fillAndClose(handle, content, executable) {
    try {
        await handle.writeFile(content, 'utf8');
        // Git records only 644 and 755; an executable script stays executable after an edit.
        if (executable)
            await handle.chmod(0o755);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot write the temporary file: ${errorCode(error)}`);
    }
    finally {
        await handle.close();
    }
}
async function replaceTarget(temp, target) {
    const probe = await lstatProbeAsync(target);
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    if (probe.kind === 'found' && !probe.stats.isFile())
        return fail('path is no longer a regular file');
    try {
        await (0,promises_.rename)(temp, target);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot move the temporary file into place: ${errorCode(error)}`);
    }
}
/** Removes a regular file; `unlink` never follows a link, and the kind is checked once more first. */
async function removeFile(absolute) {
    const probe = await lstatProbeAsync(absolute);
    // Gone already: the outcome the edit asked for.
    if (probe.kind === 'missing')
        return ok(undefined);
    if (probe.kind === 'error')
        return fail(`cannot inspect the path: ${probe.reason}`);
    if (!probe.stats.isFile())
        return fail('path is no longer a regular file');
    try {
        await (0,promises_.unlink)(absolute);
        return ok(undefined);
    }
    catch (error) {
        return fail(`cannot delete the file: ${errorCode(error)}`);
    }
}
function lstatProbe(absolute) {
    try {
        return { kind: 'found', stats: (0,external_node_fs_.lstatSync)(absolute) };
    }
    catch (error) {
        return toProbe(error);
    }
}
async function lstatProbeAsync(absolute) {
    try {
        return { kind: 'found', stats: await (0,promises_.lstat)(absolute) };
    }
    catch (error) {
        return toProbe(error);
    }
}
function toProbe(error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', reason: code };
}
function isInside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    // `..foo` is a fine name inside; only `..` itself or `../…` leaves.
    const leaves = relative === '..' || relative.startsWith(`..${external_node_path_.sep}`);
    return !leaves && !external_node_path_.isAbsolute(relative);
}
function errorCode(error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string')
        return error.code;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./lib/git/elision.js
/**
 * Elision placeholders: a model rewriting a whole file often leaves out what it did not change and writes a
 * comment in its place (`// ... existing code ...`, `# rest of the file unchanged`, `/* ... *\/`). Written
 * to an existing file, that comment would replace — delete — the code it stands for, so such a write is
 * refused (issue 10 §13) and the model is asked for an edit instead. In a new file there is nothing to lose,
 * and a comment like `// ... add more checks here ...` is just a comment.
 *
 * A line is a placeholder when it is only a comment (`//`, `#`, `/* *\/`, `<!-- -->`, `--`, `;`) or a bare
 * ellipsis, whose text is an ellipsis, or says that code is kept, omitted or unchanged.
 */
const COMMENT = /^\s*(?:\/\/+|#+|--|;+|\/\*+|<!--)\s*(.*?)\s*(?:\*+\/|-->)?\s*$/;
const ELLIPSIS = /^(?:\.{3,}|…)+$/;
const HAS_ELLIPSIS = /\.{3}|…/;
const KEPT_WORD = /\b(?:existing|unchanged|rest|omitted|remaining|same|previous|as before|for brevity)\b/i;
/** Whole comments that say code was left out, without an ellipsis. */
const KEPT_PHRASES = [
    /^(?:the )?rest\b.*\b(?:unchanged|as before|omitted|the same|stays|remains)\b/i,
    /^(?:[\w()]+ )?(?:unchanged|omitted(?: for brevity)?)\.?$/i,
    /\b(?:code|content|implementation|logic|methods|functions|routes|handlers) (?:unchanged|omitted|as before|stays the same)\b/i,
    /^(?:keep )?(?:the )?existing (?:code|content|implementation|logic|methods|functions|routes|handlers|imports|tests)\b/i,
];
/** The first placeholder line of `content` (1-based number and text), or undefined. */
function findElision(content) {
    const lines = content.split('\n');
    for (const [index, raw] of lines.entries()) {
        const line = raw.trim();
        if (line === '')
            continue;
        const found = { line: index + 1, text: line.slice(0, 120) };
        if (ELLIPSIS.test(line))
            return found;
        const comment = COMMENT.exec(line);
        if (!comment)
            continue;
        const said = comment[1].trim();
        // `// ...`, `// ... existing code ...`, `# rest of main() unchanged`: an ellipsis alone, an ellipsis with
        // words that say code was kept, or such words alone. `// ... add more checks here ...` is a comment.
        if (ELLIPSIS.test(said.replace(/\s+/g, '')))
            return found;
        if (HAS_ELLIPSIS.test(said) && KEPT_WORD.test(said))
            return found;
        if (KEPT_PHRASES.some((phrase) => phrase.test(said)))
            return found;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/git/lenient-match.js
/**
 * Where a model's search text goes in a file, when the model did not copy it byte for byte (issue 10 §13).
 * Only differences with one meaning are forgiven, in this order, and the first rule that finds exactly one
 * place wins:
 *
 * 1. exact: the text occurs once (for whole-line edits, once where a line starts);
 * 2. line endings and trailing white space: the lines match once `\r` and trailing blanks are ignored
 *    (the replacement is written with the file's line ending);
 * 3. indentation: the lines match once their leading white space is read as columns and one constant
 *    offset is allowed — 2 spaces more or less on every line, or tabs written as 2, 4 or 8 spaces. The
 *    replacement is moved by the same offset and written in the file's indentation (tabs stay tabs).
 *
 * Two places, or none, are a refusal the model is shown: for "not found", the nearest lines of the file, so
 * that it can copy them exactly next time. Nothing here guesses between candidates.
 */
/** Lines shown of a nearest match, at most. */
const NEAREST_LINES = 30;
const NEAREST_CHARS = 2_000;
/** Tab widths tried when the search and the file indent differently. */
const TAB_WIDTHS = [4, 2, 8];
/** `text` with the one place of `search` replaced by `replace`, or why not. */
function replaceOnce(text, search, replace, wholeLines) {
    const exact = occurrences(text, search, wholeLines);
    if (exact.length === 1) {
        const at = exact[0];
        // Slicing, not String.replace: `$&` and friends in model text must stay literal.
        return { ok: true, how: 'exact', text: text.slice(0, at) + replace + text.slice(at + search.length) };
    }
    const file = splitFile(text);
    if (exact.length > 1)
        return ambiguous(exact.map((at) => lineOf(text, at)), search);
    const wanted = toLines(search);
    if (wanted.every((line) => line.trim() === '')) {
        return { ok: false, reason: 'search text not found (it is only white space)' };
    }
    const loose = windows(file.lines, wanted, (a, b) => a.trimEnd() === b.trimEnd());
    if (loose.length === 1) {
        const lines = toLines(replace).map((line) => line.replace(/\r$/, ''));
        return { ok: true, how: 'line-endings', text: splice(file, loose[0], wanted.length, lines) };
    }
    if (loose.length > 1)
        return ambiguous(loose, search);
    for (const width of TAB_WIDTHS) {
        const found = shiftedWindows(file.lines, wanted, width);
        if (found.length > 1)
            return ambiguous(found.map((match) => match.start), search);
        if (found.length === 1) {
            const { start, delta } = found[0];
            const style = file.lines.slice(start, start + wanted.length).some((line) => /^ *\t/.test(line))
                ? 'tabs'
                : 'spaces';
            const lines = [];
            for (const line of toLines(replace)) {
                const moved = reindent(line.replace(/\r$/, ''), delta, width, style);
                if (moved === undefined) {
                    return {
                        ok: false,
                        reason: `the search text matches only with a different indentation, and the replacement cannot be moved by the same ${Math.abs(delta)} columns`,
                    };
                }
                lines.push(moved);
            }
            return { ok: true, how: 'indentation', text: splice(file, start, wanted.length, lines) };
        }
    }
    return notFound(file.lines, wanted, search);
}
/** Offsets where `search` occurs; for whole lines, only where a line starts. Overlapping ones count. */
function occurrences(text, search, wholeLines) {
    const found = [];
    if (search === '')
        return found;
    for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + 1)) {
        if (!wholeLines || at === 0 || text[at - 1] === '\n')
            found.push(at);
    }
    return found;
}
function splitFile(text) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const final = text.endsWith('\n');
    const body = final ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text;
    return { lines: body === '' && !final ? [] : body.split(/\r?\n/), eol, final };
}
/** A search or replacement as lines: CRLF read as LF, one final line break dropped. */
function toLines(text) {
    const normal = text.replace(/\r\n/g, '\n');
    if (normal === '')
        return [];
    return (normal.endsWith('\n') ? normal.slice(0, -1) : normal).split('\n');
}
function splice(file, start, count, lines) {
    const all = [...file.lines.slice(0, start), ...lines, ...file.lines.slice(start + count)];
    if (all.length === 0)
        return '';
    return all.join(file.eol) + (file.final ? file.eol : '');
}
/** Window starts where every line of `wanted` matches the file's line. */
function windows(lines, wanted, match) {
    const starts = [];
    for (let start = 0; start + wanted.length <= lines.length; start++) {
        if (wanted.every((line, k) => match(lines[start + k], line)))
            starts.push(start);
    }
    return starts;
}
function indentOf(line, width) {
    let column = 0;
    let k = 0;
    for (; k < line.length; k++) {
        if (line[k] === ' ')
            column++;
        else if (line[k] === '\t')
            column += width - (column % width);
        else
            break;
    }
    return { column, rest: line.slice(k).trimEnd() };
}
/** Windows where the lines match with one constant column offset (`delta`: file minus search). */
function shiftedWindows(lines, wanted, width) {
    const want = wanted.map((line) => indentOf(line, width));
    const found = [];
    for (let start = 0; start + want.length <= lines.length; start++) {
        let delta;
        let fits = true;
        for (const [k, w] of want.entries()) {
            const have = indentOf(lines[start + k], width);
            if (w.rest === '' || have.rest === '') {
                if (w.rest !== have.rest)
                    fits = false;
            }
            else if (w.rest !== have.rest)
                fits = false;
            else if (delta === undefined)
                delta = have.column - w.column;
            else if (have.column - w.column !== delta)
                fits = false;
            if (!fits)
                break;
        }
        if (fits && delta !== undefined)
            found.push({ start, delta });
    }
    return found;
}
/** A replacement line moved by `delta` columns and written with tabs or spaces; undefined if it cannot move. */
function reindent(line, delta, width, style) {
    const { column, rest } = indentOf(line, width);
    if (rest === '')
        return '';
    const target = column + delta;
    if (target < 0)
        return undefined;
    const indent = style === 'tabs'
        ? '\t'.repeat(Math.floor(target / width)) + ' '.repeat(target % width)
        : ' '.repeat(target);
    // The line's own text is kept as written, trailing white space included.
    return indent + line.replace(/^[ \t]*/, '');
}
function lineOf(text, offset) {
    let line = 0;
    for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1))
        line++;
    return line;
}
function ambiguous(starts, search) {
    const lines = [...new Set(starts.map((start) => start + 1))];
    const at = lines.length === 1
        ? `line ${lines[0]}`
        : `lines ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ' …' : ''}`;
    return {
        ok: false,
        reason: `search text is ambiguous (${starts.length} occurrences, at ${at})`,
        detail: `The search text:\n${fenced(search)}\nAdd lines around it that make it occur only once.`,
    };
}
/** "Not found", with the file's lines nearest to the search (by the lines they share, then by likeness). */
function notFound(lines, wanted, search) {
    const reason = 'search text not found';
    if (lines.length === 0)
        return { ok: false, reason, detail: `The search text:\n${fenced(search)}\nThe file is empty.` };
    const start = nearestStart(lines, wanted);
    const count = Math.min(Math.max(wanted.length, 1), NEAREST_LINES);
    const first = Math.max(0, Math.min(start, lines.length - count));
    const shown = lines.slice(first, first + count);
    let nearest = shown.join('\n');
    if (nearest.length > NEAREST_CHARS)
        nearest = `${nearest.slice(0, NEAREST_CHARS)}\n[…]`;
    return {
        ok: false,
        reason,
        detail: [
            'The search text:',
            fenced(search),
            `The nearest text in the file (lines ${first + 1}–${first + shown.length}):`,
            fenced(nearest),
            'Copy the lines to change from the file exactly, white space included.',
        ].join('\n'),
    };
}
function nearestStart(lines, wanted) {
    const squash = (line) => line.replace(/\s+/g, ' ').trim();
    const index = new Map();
    for (const [at, line] of lines.entries()) {
        const key = squash(line);
        if (key === '' || key.length < 2)
            continue;
        const list = index.get(key) ?? [];
        if (list.length < 64)
            list.push(at);
        index.set(key, list);
    }
    const votes = new Map();
    for (const [k, line] of wanted.slice(0, 200).entries()) {
        for (const at of index.get(squash(line)) ?? [])
            votes.set(at - k, (votes.get(at - k) ?? 0) + 1);
    }
    let best = -1;
    let bestVotes = 0;
    for (const [start, count] of votes) {
        if (count > bestVotes || (count === bestVotes && start < best))
            [best, bestVotes] = [start, count];
    }
    if (best !== -1)
        return best;
    // No line in common: the line most like the longest searched line.
    const probe = squash([...wanted].sort((a, b) => b.length - a.length)[0] ?? '');
    let bestScore = -1;
    for (const [at, line] of lines.entries()) {
        const score = likeness(probe, squash(line));
        if (score > bestScore)
            [best, bestScore] = [at, score];
    }
    return Math.max(0, best -
        Math.max(0, wanted.findIndex((line) => squash(line) === probe)));
}
/** Dice coefficient of character bigrams: 1 for equal strings, 0 for nothing in common. */
function likeness(a, b) {
    if (a.length < 2 || b.length < 2)
        return a === b ? 1 : 0;
    const grams = new Map();
    for (let i = 0; i < a.length - 1; i++)
        grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
    let shared = 0;
    for (let i = 0; i < b.length - 1; i++) {
        const gram = b.slice(i, i + 2);
        const left = grams.get(gram) ?? 0;
        if (left > 0) {
            shared++;
            grams.set(gram, left - 1);
        }
    }
    return (2 * shared) / (a.length + b.length - 2);
}
/** A fence the text cannot close, so the model reads it exactly. */
function fenced(text) {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}\n${body.length > NEAREST_CHARS ? `${body.slice(0, NEAREST_CHARS)}\n[…]` : body}\n${fence}`;
}

;// CONCATENATED MODULE: ./lib/git/lenient-path.js
/**
 * Paths as models write them, made workspace-relative where that has one meaning (issue 10 §13):
 *
 * - `./src/x.js` → `src/x.js`;
 * - `a/src/x.js`, `b/src/x.js` (the prefixes of a git diff) → `src/x.js`, when the repository has no `a/` or
 *   `b/` directory of its own and the rest of the path exists (a file, or for a new file its directory):
 *   keel never commits `b/src/…`;
 * - an absolute path inside the work tree → the path under it.
 *
 * Everything else is left as written, for `edit-path.ts` to accept or refuse. The result only says what
 * path the model meant; every safety rule still applies to it.
 */


/**
 * The path `raw` stands for, under the workspace `root` (its real path) or `given` (the path it was
 * named by, which may differ through symbolic links above it).
 */
function lenient_path_repairPath(root, raw, given = root) {
    if (typeof raw !== 'string' || raw === '')
        return { path: raw };
    let path = raw;
    const notes = [];
    if (path.startsWith('/')) {
        const inside = [root, given].map((base) => relativeInside(base, path)).find((rel) => rel !== undefined);
        if (inside === undefined)
            return { path: raw };
        path = inside;
        notes.push('absolute path inside the work tree');
    }
    if (path.startsWith('./')) {
        path = path.replace(/^(?:\.\/)+/, '');
        notes.push('"./" dropped');
    }
    // Only when the rest exists: `b/lib/new.js` in a repository with neither `b/` nor `lib/` stays as written.
    const prefix = /^([ab])\/(.+)$/.exec(path);
    if (prefix &&
        kindOf(external_node_path_.join(root, prefix[1])) === 'missing' &&
        existsOrHasDirectory(root, prefix[2])) {
        path = prefix[2];
        notes.push(`diff prefix "${prefix[1]}/" dropped`);
    }
    return notes.length > 0 ? { path, note: notes.join(', ') } : { path };
}
function relativeInside(base, absolute) {
    const normal = external_node_path_.posix.normalize(absolute);
    const prefix = base.endsWith('/') ? base : `${base}/`;
    return normal.startsWith(prefix) && normal.length > prefix.length ? normal.slice(prefix.length) : undefined;
}
/** The rest of a prefixed path names something real: a file, or a new file in an existing directory. */
function existsOrHasDirectory(root, rest) {
    if (rest.split('/').some((segment) => segment === '..' || segment === '.' || segment === ''))
        return false;
    const target = external_node_path_.join(root, rest);
    if (kindOf(target) === 'file')
        return true;
    const directory = external_node_path_.dirname(rest);
    // A new file at the top (`b/NOTES.md`) or in a directory that exists (`b/src/new.js`).
    return directory === '.' || kindOf(external_node_path_.join(root, directory)) === 'directory';
}
function kindOf(path) {
    let stats;
    try {
        stats = (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return 'missing';
    }
    if (stats.isFile())
        return 'file';
    return stats.isDirectory() ? 'directory' : 'other';
}

;// CONCATENATED MODULE: ./lib/git/edit-rules.js
/**
 * The rules an edit's path and the change set's size must keep (`EditPolicy`), and the check of one path
 * as the model meant it (`lenient-path.ts`): the lexical rules, the owner's protected paths, and what is
 * on disk (no links on the way, the target missing or a regular file).
 */




const DEFAULT_EDIT_POLICY = Object.freeze({
    allowWorkflows: false,
    maxFileBytes: 1024 * 1024,
    maxTotalBytes: 5 * 1024 * 1024,
    maxEdits: 200,
});
/**
 * Whether an edit may touch `path` (as the model meant it: `lenient-path.ts`): the lexical rules plus what is on disk (no links on the way, the target
 * missing or a regular file). `relative` is the NFC form that would be written; `absolute` is under the
 * workspace's real path.
 */
function checkEditPath(workspace, path, policy) {
    const root = resolveWorkspaceSync(workspace);
    if (!root.ok)
        return root;
    const syntax = checkPathSyntax(repairPath(root.value, path, workspace).path, policy.allowWorkflows);
    if (!syntax.ok)
        return syntax;
    const guarded = protectedReason(syntax.relative, policy);
    if (guarded !== undefined)
        return { ok: false, reason: guarded };
    const target = inspectTarget(root.value, syntax.segments);
    if (!target.ok)
        return target;
    return { ok: true, relative: syntax.relative, absolute: joinUnder(root.value, syntax.segments) };
}
function resolvePolicy(partial) {
    const policy = {
        allowWorkflows: partial?.allowWorkflows ?? DEFAULT_EDIT_POLICY.allowWorkflows,
        ...(partial?.protectedPaths ? { protectedPaths: partial.protectedPaths } : {}),
        maxFileBytes: partial?.maxFileBytes ?? DEFAULT_EDIT_POLICY.maxFileBytes,
        maxTotalBytes: partial?.maxTotalBytes ?? DEFAULT_EDIT_POLICY.maxTotalBytes,
        maxEdits: partial?.maxEdits ?? DEFAULT_EDIT_POLICY.maxEdits,
    };
    // The policy comes from keel's own validated configuration: a bad one is a bug, not a model problem.
    for (const key of ['maxFileBytes', 'maxTotalBytes', 'maxEdits']) {
        if (!Number.isSafeInteger(policy[key]) || policy[key] < 0) {
            throw new RangeError(`edit policy ${key} must be a non-negative integer, got ${policy[key]}`);
        }
    }
    return policy;
}
function protectedReason(relative, policy) {
    const pattern = policy.protectedPaths?.match(relative);
    return pattern === undefined
        ? undefined
        : `path is protected (run.protectedPaths: ${pattern}); a change here needs a human, or run.allowProtectedEdits`;
}
/** The segments are checked (no `.`, `..` or empty ones), so joining cannot climb out of `root`. */
function joinUnder(root, segments) {
    return external_node_path_.join(root, ...segments);
}
/** A file's text as it would be written: at most `maxFileBytes` of UTF-8, no NUL bytes, well-formed. */
function checkText(text, label, maxFileBytes) {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused without measuring it.
    if (text.length > maxFileBytes) {
        return {
            ok: false,
            reason: `${label} is at least ${text.length} bytes, more than maxFileBytes (${maxFileBytes})`,
        };
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxFileBytes) {
        return { ok: false, reason: `${label} is ${bytes} bytes, more than maxFileBytes (${maxFileBytes})` };
    }
    if (text.includes('\0'))
        return { ok: false, reason: `${label} contains NUL bytes (binary content is refused)` };
    // A lone surrogate would be written as U+FFFD: the file would not hold what was checked.
    if (!text.isWellFormed())
        return { ok: false, reason: `${label} is not well-formed Unicode (lone surrogate)` };
    return { ok: true, bytes };
}

;// CONCATENATED MODULE: ./lib/git/safe-edits.js






async function applyEdits(workspace, edits, policy, hooks = {}) {
    const limits = resolvePolicy(policy);
    if (!Array.isArray(edits))
        return problem(-1, '', 'edits must be an array');
    if (edits.length > limits.maxEdits) {
        // Checked before anything else: validating a flood would be the denial of service the bound prevents.
        const first = edits[limits.maxEdits];
        return problem(limits.maxEdits, displayPath(isRecord(first) ? first.path : undefined), `too many edits: ${edits.length}, the policy allows ${limits.maxEdits}`);
    }
    const root = await resolveWorkspace(workspace);
    if (!root.ok)
        return problem(-1, '', root.reason);
    const planned = await plan(root.value, edits, limits, workspace);
    if (!planned.ok)
        return planned;
    const changes = await settle(root.value, planned.entries);
    if (!changes.ok)
        return changes;
    return write(root.value, changes.changes, hooks);
}
/** Runs every edit against the in-memory state, collecting every problem. Reads, never writes. */
async function plan(root, edits, policy, workspace) {
    const entries = new Map();
    /** Directories that writes in this change set need, with the first edit that needs each. */
    const directories = new Map();
    const problems = [];
    let totalBytes = 0;
    let totalReported = false;
    for (const [index, raw] of edits.entries()) {
        const edit = raw;
        const shown = displayPath(isRecord(edit) ? edit.path : undefined);
        const report = (reason, entry, detail) => {
            problems.push({ index, path: shown, reason, ...(detail !== undefined ? { detail } : {}) });
            if (entry && entry.brokenBy === undefined)
                entry.brokenBy = index;
        };
        const shape = checkShape(edit);
        if (!shape.ok) {
            report(shape.reason);
            continue;
        }
        // `./x`, diff prefixes, an absolute path inside the work tree: the path the model meant, then every rule.
        const syntax = edit_path_checkPathSyntax(lenient_path_repairPath(root, shape.edit.path, workspace).path, policy.allowWorkflows);
        if (!syntax.ok) {
            report(syntax.reason);
            continue;
        }
        const guarded = protectedReason(syntax.relative, policy);
        if (guarded !== undefined) {
            report(guarded);
            continue;
        }
        let entry = entries.get(syntax.relative);
        if (!entry) {
            const target = edit_fs_inspectTarget(root, syntax.segments);
            if (!target.ok) {
                report(target.reason);
                continue;
            }
            entry = {
                relative: syntax.relative,
                segments: syntax.segments,
                existing: target.value,
                current: target.value.kind === 'file' ? { kind: 'disk' } : { kind: 'absent' },
                lastIndex: index,
                shown,
            };
            entries.set(syntax.relative, entry);
        }
        if (entry.brokenBy !== undefined) {
            report(`not checked: edit #${entry.brokenBy} to the same path is invalid`);
            continue;
        }
        const before = entry.current.kind === 'text' ? entry.current.bytes : 0;
        const next = await nextState(root, entry, shape.edit, policy);
        if (!next.ok) {
            report(next.reason, entry, next.detail);
            continue;
        }
        if (next.current.kind === 'text') {
            const conflict = layoutConflict(entry, entries, directories);
            if (conflict !== undefined) {
                report(conflict, entry);
                continue;
            }
            for (let depth = 1; depth < entry.segments.length; depth++) {
                const directory = entry.segments.slice(0, depth).join('/');
                if (!directories.has(directory))
                    directories.set(directory, index);
            }
        }
        entry.current = next.current;
        entry.lastIndex = index;
        entry.shown = shown;
        totalBytes += (next.current.kind === 'text' ? next.current.bytes : 0) - before;
        if (totalBytes > policy.maxTotalBytes && !totalReported) {
            totalReported = true;
            report(`the change set writes more than maxTotalBytes (${totalBytes} > ${policy.maxTotalBytes} bytes)`);
        }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
/** A path cannot be both a file and a directory within one change set. */
function layoutConflict(entry, entries, directories) {
    const needed = directories.get(entry.relative);
    if (needed !== undefined)
        return `path is a directory that edit #${needed} writes into`;
    for (let depth = 1; depth < entry.segments.length; depth++) {
        const parent = entries.get(entry.segments.slice(0, depth).join('/'));
        if (parent?.current.kind === 'text') {
            return `parent "${displayPath(parent.relative)}" is written as a file by edit #${parent.lastIndex}`;
        }
    }
    return undefined;
}
const EDIT_FIELDS = {
    write: ['path', 'content'],
    replace: ['path', 'search', 'replace'],
    delete: ['path'],
};
/** The agent schema already checks shapes; this keeps a bypass (or a future caller) from writing garbage. */
function checkShape(edit) {
    if (!isRecord(edit))
        return { ok: false, reason: 'edit must be an object' };
    const kind = typeof edit.kind === 'string' ? edit.kind : '';
    const required = Object.hasOwn(EDIT_FIELDS, kind) ? EDIT_FIELDS[kind] : undefined;
    if (required === undefined)
        return { ok: false, reason: 'edit kind must be write, replace or delete' };
    for (const field of required) {
        if (typeof edit[field] !== 'string')
            return { ok: false, reason: `${kind} edit: ${field} must be a string` };
    }
    return { ok: true, edit: edit };
}
async function nextState(root, entry, edit, policy) {
    switch (edit.kind) {
        case 'write': {
            // A placeholder for code left out would delete that code from a file that has it (elision.ts).
            const elided = entry.current.kind !== 'absent' ? findElision(edit.content) : undefined;
            if (elided !== undefined) {
                return {
                    ok: false,
                    reason: `whole-file write of an existing file holds a placeholder for left-out code (line ${elided.line}: "${elided.text}"): it would delete that code`,
                    detail: 'Write every line of the file, or change it with SEARCH/REPLACE blocks instead.',
                };
            }
            const checked = checkText(edit.content, 'content', policy.maxFileBytes);
            return checked.ok
                ? { ok: true, current: { kind: 'text', text: edit.content, bytes: checked.bytes } }
                : checked;
        }
        case 'delete':
            return { ok: true, current: { kind: 'absent' } };
        case 'replace': {
            // An empty search on a file that does not exist yet creates it (aider's convention for new files).
            if (edit.search.length === 0 && entry.current.kind === 'absent' && entry.existing.kind === 'absent') {
                return nextState(root, entry, { kind: 'write', path: edit.path, content: edit.replace }, policy);
            }
            const base = await currentText(root, entry, policy.maxFileBytes);
            if (!base.ok)
                return base;
            if (edit.search.length === 0) {
                return {
                    ok: false,
                    reason: 'search text is empty: where the replacement goes would be a guess',
                    detail: 'Search for the lines the new text goes after, and repeat them in the replacement.',
                };
            }
            const found = replaceOnce(base.text, edit.search, edit.replace, edit.wholeLines === true);
            if (!found.ok)
                return found;
            const checked = checkText(found.text, 'result', policy.maxFileBytes);
            return checked.ok
                ? { ok: true, current: { kind: 'text', text: found.text, bytes: checked.bytes } }
                : checked;
        }
    }
}
async function currentText(root, entry, maxFileBytes) {
    if (entry.current.kind === 'text')
        return { ok: true, text: entry.current.text };
    if (entry.current.kind === 'absent') {
        const reason = entry.existing.kind === 'file' ? 'file is deleted by an earlier edit' : 'file does not exist';
        return { ok: false, reason };
    }
    const bytes = await diskBytes(root, entry, maxFileBytes);
    if (!bytes.ok)
        return bytes;
    if (bytes.value.includes(0))
        return { ok: false, reason: 'file contains NUL bytes (binary files are not edited)' };
    try {
        // `ignoreBOM` keeps a byte-order mark in the text, so rewriting the file keeps it too.
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.value) };
    }
    catch {
        return { ok: false, reason: 'file is not valid UTF-8 text' };
    }
}
async function diskBytes(root, entry, maxFileBytes) {
    if (entry.diskBytes)
        return { ok: true, value: entry.diskBytes };
    const read = await readFileBounded(joinUnder(root, entry.segments), maxFileBytes);
    if (read.ok)
        entry.diskBytes = read.value;
    return read;
}
/** The disk operations the final state needs, in path order; unchanged paths drop out. */
async function settle(root, entries) {
    const changes = [];
    const problems = [];
    for (const entry of [...entries.values()].sort((a, b) => compare(a.relative, b.relative))) {
        const { current, existing } = entry;
        if (current.kind === 'disk')
            continue;
        if (current.kind === 'absent') {
            if (existing.kind === 'file')
                changes.push({ entry, action: 'delete' });
            continue;
        }
        if (existing.kind === 'file' && existing.size === current.bytes) {
            const bytes = await diskBytes(root, entry, current.bytes);
            if (!bytes.ok) {
                problems.push({ index: entry.lastIndex, path: entry.shown, reason: bytes.reason, io: true });
                continue;
            }
            if (bytes.value.equals(Buffer.from(current.text, 'utf8')))
                continue;
        }
        changes.push({ entry, action: 'write', text: current.text });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}
async function write(root, changes, hooks) {
    const changed = [];
    for (const change of changes) {
        const { entry } = change;
        hooks.beforeWrite?.();
        const done = await applyChange(root, change);
        if (!done.ok) {
            const progress = `write failed after ${changed.length} of ${changes.length} files were changed`;
            return {
                ok: false,
                problems: [
                    { index: entry.lastIndex, path: entry.shown, reason: `${progress}: ${done.reason}`, io: true },
                ],
            };
        }
        changed.push(entry.relative);
    }
    return { ok: true, changed };
}
async function applyChange(root, change) {
    const { entry } = change;
    if (change.action === 'delete')
        return removeFile(joinUnder(root, entry.segments));
    const directory = await ensureParentDirectory(root, entry.segments);
    if (!directory.ok)
        return directory;
    const executable = entry.existing.kind === 'file' && entry.existing.executable;
    return writeFileAtomic(directory.value, entry.segments.at(-1), change.text, executable);
}
/** Code-unit order, the same everywhere (no locale). */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function problem(index, path, reason) {
    return { ok: false, problems: [{ index, path, reason }] };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}

;// CONCATENATED MODULE: ./lib/git/protected-paths.js
/**
 * `run.protectedPaths`: files a model's edits may not touch unless the owner opts in, because they run code
 * or decide what runs (workflows, composite actions, keel's own configuration, code owners, submodules,
 * attributes, package-manager configs). Patterns are globs over `/`-separated paths: `*` and `?` within one
 * name, `**` for any number of folders, a trailing `/` for everything under a folder; a pattern without a `/`
 * matches that name in any folder (as in `.gitignore`). Names compare the way a case-insensitive,
 * compatibility-normalising file system sees them (`edit-path.ts`'s `fold`): `.GitHub/Workflows/x.yml` and
 * `ＣＯＤＥＯＷＮＥＲＳ` are protected too.
 */

function protectedPaths(patterns) {
    const compiled = patterns.map((pattern) => ({ pattern, test: compile(pattern) }));
    return {
        match(path) {
            const segments = path.split('/').map(fold);
            return compiled.find((c) => c.test(segments))?.pattern;
        },
    };
}
/** The patterns that stay protected once `allowWorkflowEdits` lets workflows through. */
function withoutWorkflows(patterns) {
    return patterns.filter((pattern) => !/^\.github\/workflows(?:\/|$)/i.test(pattern));
}
function compile(pattern) {
    let text = pattern.replace(/^\/+/, '');
    if (text.endsWith('/'))
        text = `${text}**`;
    const parts = (text.includes('/') ? text : `**/${text}`).split('/').filter((p) => p !== '');
    const matchers = parts.map((part) => (part === '**' ? '**' : segmentMatcher(part)));
    return (segments) => matchFrom(matchers, 0, segments, 0);
}
function matchFrom(matchers, m, segments, s) {
    if (m === matchers.length)
        return s === segments.length;
    const matcher = matchers[m];
    if (matcher === '**') {
        for (let skip = s; skip <= segments.length; skip++)
            if (matchFrom(matchers, m + 1, segments, skip))
                return true;
        return false;
    }
    return s < segments.length && matcher.test(segments[s]) && matchFrom(matchers, m + 1, segments, s + 1);
}
function segmentMatcher(part) {
    const source = [...fold(part)]
        .map((char) => char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
        .join('');
    return new RegExp(`^${source}$`, 'u');
}

;// CONCATENATED MODULE: ./lib/run/edit-policy.js

function editPolicyOf(config) {
    const run = config.run;
    if (run.allowProtectedEdits)
        return { allowWorkflows: run.allowWorkflowEdits };
    const patterns = run.allowWorkflowEdits ? withoutWorkflows(run.protectedPaths) : run.protectedPaths;
    return { allowWorkflows: run.allowWorkflowEdits, protectedPaths: protectedPaths(patterns) };
}

;// CONCATENATED MODULE: ./lib/run/steps/apply-change.js
/**
 * Putting a coder's change to use: its edits applied inside the work tree (path-checked, all or nothing)
 * and committed with the run's trailers, one subtask at a time through `commits` (they share one work tree
 * and one index). What cannot be applied goes back to the coder (`editsRefused`: every problem, with the
 * search text and the nearest lines of the file), so that the model that wrote it can fix it. A file system
 * that fails (a full disk, a read-only mount, git unable to write) is not the model's fault: nobody is asked
 * again, and the fault goes to `faults.onFault` — the subtask is deferred and the run interrupted (issue 15
 * §2), never failed.
 */






/** Applies and commits a change for `stepId`; resolves with its commit, or why not. */
function changeApplier(ctx, stepId, commits, format, faults) {
    const { deps, state, workspace } = ctx;
    /** Stops the subtask for a fault that is not the model's; the run is interrupted once the batch settles. */
    const infrastructure = async (fault) => {
        try {
            await (0,git_workspace/* discardUncommitted */.WE)(deps.git, workspace);
        }
        catch {
            // Half a change may still be in the work tree: no later subtask of this process writes next to it.
            faults.batch.worktreeDirty = true;
        }
        faults.onFault(fault);
        return { ok: false, stop: true, error: fault.message };
    };
    return (change) => commits.run(async () => {
        const earlier = faults.batch.faults[0];
        if (faults.batch.worktreeDirty && earlier !== undefined) {
            faults.onFault(earlier);
            return { ok: false, stop: true, error: earlier.message };
        }
        const applied = await applyEdits(workspace.worktree, change.edits, editPolicyOf(deps.config), 
        // Every file written is fenced: a process woken after losing the run must not write into its worktree.
        { beforeWrite: () => ctx.fence() });
        if (!applied.ok) {
            // A full disk, a read-only mount: the file system's failure, not the model's edits.
            const io = applied.problems.filter((problem) => problem.io === true);
            if (io.length > 0)
                return infrastructure((0,infra_fault/* editInfraFault */.VN)(stepId, io));
            // Refused before anything was written: nothing may linger.
            await (0,git_workspace/* discardUncommitted */.WE)(deps.git, workspace);
            return (0,coder/* editsRefused */.Mg)(applied.problems, format);
        }
        // Exactly the paths the edits changed are staged: nothing else in the worktree rides along, and a path
        // the repository ignores is committed only when the owner says so — never "done" with the file missing.
        let commit;
        try {
            commit = await (0,git_workspace/* commitStep */.AG)(deps.git, workspace, {
                runId: state.runId,
                stepId,
                message: change.commitMessage,
                paths: applied.changed,
                forceIgnored: deps.config.run.allowIgnoredPaths,
            });
        }
        catch (error) {
            // git could not write its objects or its index (a full disk, a lock that stayed held): a resume commits.
            const fault = (0,infra_fault/* errorInfraFault */.fw)(`${stepId}: committing its edits`, error);
            if (fault === undefined)
                throw error;
            return infrastructure(fault);
        }
        if (commit.sha === undefined) {
            if ('ignored' in commit) {
                await (0,git_workspace/* discardUncommitted */.WE)(deps.git, workspace);
                // The owner's rule, not the model's mistake: the subtask fails with the reason, nobody is asked again.
                const error = `edits to paths the repository ignores: ${commit.ignored.join(', ')} (run.allowIgnoredPaths commits them)`;
                return { ok: false, stop: true, error };
            }
            const error = 'the edits changed nothing';
            return {
                ok: false,
                error,
                message: (0,prompts/* correctionMessage */.cj)(`${error}: every file already reads as your edits would leave it. Make the change the subtask asks for`, format),
            };
        }
        return { ok: true, value: { commit: commit.sha, files: applied.changed } };
    });
}

;// CONCATENATED MODULE: ./lib/run/steps/code-one.js
/**
 * One coder subtask: ask the coder, apply its edits inside the work tree, commit with the run's trailers
 * (`apply-change.ts`). Edits that cannot be applied go back to the model that wrote them once, then to the
 * next model (issue 10 §13); only then does the subtask fail. Model calls run in parallel; applying and
 * committing run one at a time through `commits`, since they share one work tree and one index.
 */







async function codeOne(ctx, subtask, commits, batch = new infra_fault/* BatchFaults */.Ys()) {
    const { deps, state, workspace } = ctx;
    const stepId = `code:${subtask.id}`;
    const step = ctx.step(stepId);
    ctx.begin(step);
    const files = await (0,git_workspace/* readFiles */.Ul)(workspace, subtask.files, prompts/* MAX_FILE_BYTES_IN_PROMPT */.dW);
    // A result a fan-out coder job delivered is used once; a retried batch asks the coder here.
    const external = deps.externalCode?.get(subtask.id);
    deps.externalCode?.delete(subtask.id);
    const earlier = (external ? (0,external_code/* fromExternalResult */.Vh)(external) : undefined) ?? (await deps.prefetch?.take(subtask.id, files));
    const format = deps.config.run.coderFormat;
    // A disk or permission fault while the change was applied: the subtask is deferred, never failed.
    const seen = {};
    const faults = { batch, onFault: (fault) => (seen.fault = fault) };
    // An earlier answer that is a failure stands (no coder answered it); a change is applied like any other.
    const result = earlier !== undefined && !earlier.ok
        ? {
            ok: false,
            reason: earlier.reason,
            provenance: earlier.provenance,
            ...(earlier.failure ? { failure: earlier.failure } : {}),
        }
        : await (0,coder/* implementSubtask */.zx)(deps.router, { task: state.task.text, plan: state.plan, subtask, files, format }, changeApplier(ctx, stepId, commits, format, faults), {
            signal: deps.signal,
            onUnusable: (unusable) => ctx.reportUnusable('coder', stepId, unusable),
            ...(earlier !== undefined ? { seed: seedOf(earlier) } : {}),
        });
    if (ctx.stopping && !result.ok) {
        step.status = 'pending';
        return;
    }
    if (seen.fault)
        return defer(ctx, step, batch, seen.fault);
    // No coder reachable, or every one busy: not this subtask's failure — it is coded again after a resume.
    const unreachable = (0,infra_fault/* agentInfraFault */.gh)(stepId, result);
    if (unreachable)
        return defer(ctx, step, batch, unreachable);
    if (!result.ok) {
        // No answer at all means no coder model was available (degraded); answers that were never usable are a
        // quality failure of this subtask.
        const degraded = result.provenance.invalidAnswers === 0 && result.failure !== 'not_applied';
        if (degraded)
            deps.metrics.degraded('coder');
        ctx.finish(step, 'failed', { error: result.reason, degraded, model: result.provenance.model });
        deps.progress(`${stepId}: failed — ${deps.redact(result.reason)}`);
        await ctx.event('subtask_failed', { step: stepId, degraded, reason: deps.redact(result.reason) });
        await ctx.checkpoint();
        return;
    }
    const { commit } = result.value;
    const model = result.provenance.model;
    ctx.finish(step, 'done', { commit, model, files: result.value.files.slice(0, 1_000) });
    deps.progress(`${stepId}: committed ${commit.slice(0, 8)} (${model})`);
    await ctx.event('subtask_done', { step: stepId, commit, model });
    await ctx.checkpoint();
}
function seedOf(earlier) {
    return {
        change: earlier.value,
        model: earlier.provenance.model,
        ...(earlier.answer !== undefined ? { answer: earlier.answer } : {}),
    };
}
/** The subtask goes back to pending and the batch learns of the fault: the run stops once the batch settles. */
async function defer(ctx, step, batch, fault) {
    step.status = 'pending';
    batch.add(fault);
    ctx.deps.progress(`${step.id}: not coded — ${fault.message}; a resume codes it again`);
    await ctx.event('subtask_deferred', {
        step: step.id,
        kind: fault.kind,
        reason: ctx.deps.redact(fault.message),
    });
}


/***/ }),

/***/ 94961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w5: () => (/* binding */ describeSetting),
  X$: () => (/* binding */ validateStep),
  o7: () => (/* binding */ validationResults)
});

// UNUSED EXPORTS: validationSetting

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/exec/command-runner.js
var command_runner = __webpack_require__(63683);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/exec/sandbox.js
/**
 * Bubblewrap around validation commands (`run.sandbox`). Inside: the whole system read-only, a fresh /dev and
 * /proc in new PID, IPC, UTS, user and cgroup namespaces (no view of keel's process or its environment in
 * /proc), every capability dropped, the directories that hold credentials or the real repository hidden under
 * empty tmpfs (keel's checkout and its git dir, the state directory, HOME, RUNNER_TEMP where actions/checkout
 * keeps the token, the temp directory), and only the validation copy's directory writable. The network stays
 * unless `run.validateNetwork: false` (`--unshare-net`: only a loopback interface). The environment is exactly
 * the allow-list (`--clearenv`).
 *
 * The argv follows anthropics/sandbox-runtime (src/sandbox/linux-sandbox-utils.ts @ 0301b30,
 * `wrapCommandWithSandboxLinux`: `--new-session --die-with-parent`, `--unshare-pid`, `--unshare-user
 * --cap-drop ALL`, `--proc /proc`, `--ro-bind / /` then writable binds) as summarised in
 * /work/notes/upstream-github.md §1c; `--unshare-all` is `--unshare-user-try --unshare-ipc --unshare-pid
 * --unshare-net --unshare-uts --unshare-cgroup-try` (bwrap(1)), `--share-net` gives the network back. All of
 * these exist in bwrap 0.8 (Debian 12) and 0.9 (Ubuntu 24.04).
 *
 * Whether bwrap works is probed, not assumed: on Ubuntu 24.04 runners AppArmor refuses unprivileged user
 * namespaces until `kernel.apparmor_restrict_unprivileged_userns=0` (upstream-github.md §8).
 */

/** The bwrap argv (after `bwrap`) that runs `/bin/sh -c line` as described above. */
function bwrapArgs(o, line) {
    const args = ['--new-session', '--die-with-parent', '--unshare-all'];
    if (o.network)
        args.push('--share-net');
    args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--cap-drop', 'ALL');
    // Hidden first, the writable directory bound last: it may lie under one of them (TMPDIR under HOME).
    for (const dir of [...new Set(o.hide)].sort()) {
        if (dir !== '/' && (0,external_node_fs_.existsSync)(dir))
            args.push('--tmpfs', dir);
    }
    args.push('--bind', o.writable, o.writable, '--clearenv');
    for (const [name, value] of Object.entries(o.env))
        args.push('--setenv', name, value);
    args.push('--chdir', o.chdir, '--', '/bin/sh', '-c', line);
    return args;
}
const probes = new Map();
/**
 * Whether bwrap runs here with these namespaces (and without a network, when asked): `bwrap … true`, once per
 * process and network setting. Never throws.
 */
function probeBwrap(runner, network, cwd) {
    const key = String(network);
    let probe = probes.get(key);
    if (probe === undefined) {
        probe = (async () => {
            const args = ['--new-session', '--die-with-parent', '--unshare-all'];
            if (network)
                args.push('--share-net');
            args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--cap-drop', 'ALL', 'true');
            const result = await runner.run({ command: 'bwrap', args, cwd, timeoutMs: 10_000 });
            if (result.exitCode === 0)
                return { ok: true };
            const why = result.error ?? (result.stderr.text.trim().split('\n').at(-1) || `exit ${result.exitCode}`);
            return { ok: false, reason: `bwrap does not work here: ${why}` };
        })();
        probes.set(key, probe);
    }
    return probe;
}
async function chooseSandbox(setting, network, probe) {
    if (setting === 'none') {
        return network
            ? { kind: 'none', note: 'run.sandbox is none' }
            : {
                kind: 'refused',
                reason: 'run.validateNetwork: false needs run.sandbox bwrap (or auto where it works)',
            };
    }
    const probed = await probe();
    if (probed.ok)
        return { kind: 'bwrap' };
    if (setting === 'bwrap')
        return { kind: 'refused', reason: `run.sandbox is bwrap, but ${probed.reason}` };
    return network
        ? { kind: 'none', note: probed.reason }
        : { kind: 'refused', reason: `run.validateNetwork: false needs bwrap, and ${probed.reason}` };
}

// EXTERNAL MODULE: ./lib/base/secrets.js + 1 modules
var secrets = __webpack_require__(80991);
;// CONCATENATED MODULE: ./lib/exec/validation-env.js
/**
 * The environment of a validation command — model-written code, run because the owner's `run.validate`
 * says so — as an allow-list, never a copy of keel's own: `PATH`, a fresh `HOME` and `TMPDIR`, the locale,
 * `CI`, and the names the owner lists in `run.validateEnv`. Nothing else: not the GitHub token, not the
 * endpoints' keys, not `ACTIONS_*` (the runner's artifact and cache credentials), not `INPUT_*`. A listed
 * variable whose value is one of keel's secrets is dropped anyway (and reported): a token under another name
 * is still the token. git in there reads no system or global configuration but the fresh `HOME`'s.
 *
 * claude-code-action's subprocess scrub removes a deny-list (upstream-github.md §1b); an allow-list cannot
 * miss a credential it did not know about.
 */


/** Always passed when set: where programs are, and how they print. */
const BASE_NAMES = ['PATH', 'LANG', 'LANGUAGE', 'TZ', 'CI', 'TERM', 'NO_COLOR', 'FORCE_COLOR'];
function validationEnv(o) {
    const env = {};
    const dropped = [];
    const pass = (name) => {
        const value = o.env[name];
        if (value === undefined)
            return;
        if ((0,secrets/* findSecret */.mt)(value, o.secrets) !== undefined) {
            dropped.push(name);
            return;
        }
        env[name] = value;
    };
    for (const name of BASE_NAMES)
        pass(name);
    for (const name of Object.keys(o.env))
        if (name.startsWith('LC_'))
            pass(name);
    for (const name of o.names)
        pass(name);
    env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    env.CI ??= 'true';
    Object.assign(env, {
        HOME: o.home,
        TMPDIR: o.tmp,
        TMP: o.tmp,
        TEMP: o.tmp,
        XDG_CONFIG_HOME: (0,external_node_path_.join)(o.home, '.config'),
        XDG_CACHE_HOME: (0,external_node_path_.join)(o.home, '.cache'),
        // git: no /etc/gitconfig, no ~/.gitconfig but the fresh home's (empty), never a prompt.
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: (0,external_node_path_.join)(o.home, '.gitconfig'),
        GIT_TERMINAL_PROMPT: '0',
    });
    return { env, dropped };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/git/workspace-guards.js
var workspace_guards = __webpack_require__(71936);
;// CONCATENATED MODULE: ./lib/git/validation-copy.js
/**
 * Where validation commands run: a throwaway copy of the work branch's tip, not keel's worktree. A linked
 * worktree shares the repository's `.git/config` — where actions/checkout v4/v5 put the token
 * (`http.<url>.extraheader`), and where v6+ includes it from `$RUNNER_TEMP/git-credentials-*.config` for the
 * repository and every `worktrees/*` (upstream-github.md §6) — and its refs: a command run there can read the
 * token with `git config`, commit to the work branch or push. The copy is a shallow clone over `file://`
 * (one commit's tree, no history) whose only remote is removed: its config names no credential, no include,
 * no remote, and nothing done in it reaches keel's branch. keel diffs it afterwards only to report.
 *
 * Around validation, `fingerprintRepository` takes what model-written code could change in the real
 * repository to make keel do something else later — every ref, the HEADs, the effective git configuration
 * (with its includes, the global and system files: a `core.fsmonitor` or a credential helper runs as keel),
 * the hooks, keel's worktree's status — and `fingerprintChanges` names what moved. Without a sandbox this is a
 * tripwire, not a wall: code running as keel's user can also change what it does not check.
 */




/** Clones the work branch's tip into `dir` (which must not exist or be empty), without a remote. */
async function makeValidationCopy(git, ws, dir) {
    const source = `file://${ws.repoRoot}`;
    const args = ['clone', '--quiet', '--depth', '1', '--no-tags', '--single-branch', '--branch', ws.branch];
    // Run beside the copy: nothing is done in the user's checkout but reading it (through upload-pack).
    await git.run([...args, '--', source, dir], { cwd: (0,external_node_path_.dirname)(dir), timeoutMs: 10 * 60_000 });
    await git.run(['remote', 'remove', 'origin'], { cwd: dir });
}
/**
 * What validation changed in the copy against the commit it was made from (`base`), committed or not, for
 * the report: the tracked files its working tree has changed since `base`, then the new untracked ones. Reads
 * only; at most `max` paths.
 */
async function copyChanges(git, dir, base, max = 50) {
    const options = { cwd: dir, allowFailure: true, maxOutputBytes: 1 << 20 };
    const tracked = await git.run(['diff', '--name-only', '--no-renames', '-z', base, '--'], options);
    const untracked = await git.run(['ls-files', '--others', '--exclude-standard', '-z'], options);
    if (tracked.exitCode !== 0 || untracked.exitCode !== 0)
        return ['(the copy is no longer a git repository)'];
    return `${tracked.stdout.text}${untracked.stdout.text}`
        .split('\0')
        .filter((path) => path !== '')
        .slice(0, max);
}
/** What, of the repository keel publishes from, validation must leave as it was. */
async function fingerprintRepository(git, ws) {
    const { gitDir, commonDir } = await worktreeDirs(ws.worktree);
    const refs = await (0,workspace_guards/* gitFullOutput */.P_)(git, ['for-each-ref', '--format=%(objectname) %(refname)'], ws.worktree, 64 << 20);
    const config = await git.run(['config', '--list', '--show-origin', '-z'], {
        cwd: ws.worktree,
        maxOutputBytes: 16 << 20,
        allowFailure: true,
    });
    const status = await git.run(['status', '--porcelain=v2', '--untracked-files=all', '--ignored=no'], {
        cwd: ws.worktree,
        maxOutputBytes: 1 << 20,
    });
    return {
        refs: digest(refs),
        HEAD: digest((await readText((0,external_node_path_.join)(commonDir, 'HEAD'))) +
            (await readText((0,external_node_path_.join)(gitDir, 'HEAD'))) +
            (await readText((0,external_node_path_.join)(ws.worktree, '.git')))),
        'git configuration': digest(`${config.exitCode}\0${config.stdout.text}`),
        hooks: await directoryDigest((0,external_node_path_.join)(commonDir, 'hooks')),
        "keel's worktree": digest(status.stdout.text),
    };
}
/**
 * keel's worktree's git dir and the repository's common dir, from the files git keeps them in (`.git`:
 * `gitdir: <path>`, then `<gitdir>/commondir`): no command needed. Empty when unreadable — then what they
 * would have covered counts as changed if they become readable, and the refs and config still count.
 */
async function worktreeDirs(worktree) {
    const pointer = /^gitdir:\s*(.+)$/m.exec(await readText((0,external_node_path_.join)(worktree, '.git')))?.[1]?.trim();
    if (pointer === undefined)
        return { gitDir: (0,external_node_path_.join)(worktree, '.git'), commonDir: (0,external_node_path_.join)(worktree, '.git') };
    const gitDir = (0,external_node_path_.resolve)(worktree, pointer);
    const common = (await readText((0,external_node_path_.join)(gitDir, 'commondir'))).trim();
    return { gitDir, commonDir: common === '' ? gitDir : (0,external_node_path_.resolve)(gitDir, common) };
}
/** The parts of `before` that `after` does not match, by name. */
function fingerprintChanges(before, after) {
    return Object.keys(before).filter((key) => before[key] !== after[key]);
}
function digest(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** Names, sizes and contents of the files directly in `dir` (hooks live there, not deeper). */
async function directoryDigest(dir) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).sort();
    }
    catch {
        return digest('');
    }
    for (const name of names) {
        const path = (0,external_node_path_.join)(dir, name);
        const info = await (0,promises_.stat)(path).catch(() => undefined);
        hash.update(`${name}\0${info?.mode ?? 0}\0${info?.isFile() ? await readText(path) : ''}\0`);
    }
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./lib/git/workspace.js + 4 modules
var workspace = __webpack_require__(9491);
;// CONCATENATED MODULE: ./lib/run/steps/validate-step.js
/**
 * Step `validate`: the repository owner's validation commands (`run.validate` in the config, e.g.
 * `npm test`). The command lines come from the config file only — never from a model, an issue or a comment —
 * which is why they may go through a shell. But what they run (tests, scripts, build steps) is the code the
 * models just wrote, so they run as hostile code would be run:
 *
 * - in a throwaway copy of the work branch's tip (`git/validation-copy.ts`), never keel's worktree, whose git
 *   config and refs are the repository's: nothing they do is committed or pushed, and their changes are only
 *   reported;
 * - with an environment allow-list (`exec/validation-env.ts`): no token, no endpoint key, no runner
 *   credential, unless the owner names a variable in `run.validateEnv`;
 * - in bubblewrap where it works (`run.sandbox`, `exec/sandbox.ts`): read-only system, only the copy
 *   writable, keel's checkout, state, HOME and RUNNER_TEMP out of sight, optionally no network;
 * - and afterwards keel checks that no ref of the repository moved, its configuration and hooks are as they
 *   were and keel's worktree is clean. If anything moved, the run stops here — `failed`, a `security_stop`
 *   event, nothing published — because the next git command or push would act on what the code arranged.
 *
 * A failing command does not discard work: it goes to the reviewer and makes the pull request a draft.
 */








const OUTPUT_TAIL = 4_000;
/** `security-stop`: validation changed the repository keel publishes from; the run has stopped (failed). */
async function validateStep(ctx) {
    const step = ctx.step('validate');
    if (step.status === 'done' || step.status === 'skipped')
        return undefined;
    const { deps } = ctx;
    const { run } = deps.config;
    if (run.validate.length === 0) {
        // No checkpoint of its own: nothing ran, and a resume before the next one decides the same again.
        ctx.finish(step, 'skipped');
        return undefined;
    }
    ctx.begin(step);
    const setup = deps.validation ?? { env: {}, secrets: [], hide: [] };
    const base = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'keel-validate-'));
    try {
        const copy = (0,external_node_path_.join)(base, 'repo');
        const home = (0,external_node_path_.join)(base, 'home');
        const tmp = (0,external_node_path_.join)(base, 'tmp');
        await Promise.all([(0,promises_.mkdir)(home), (0,promises_.mkdir)(tmp)]);
        await makeValidationCopy(deps.git, ctx.workspace, copy);
        const before = await fingerprintRepository(deps.git, ctx.workspace);
        const choice = await chooseSandbox(run.sandbox, run.validateNetwork, () => probeBwrap(deps.runner, run.validateNetwork, base));
        const { env, dropped } = validationEnv({
            env: setup.env,
            names: run.validateEnv,
            home,
            tmp,
            secrets: setup.secrets,
        });
        const hide = [...setup.hide, ctx.workspace.repoRoot, ctx.workspace.worktree, (0,external_node_os_.tmpdir)()];
        for (const name of ['HOME', 'RUNNER_TEMP', 'GITHUB_WORKSPACE']) {
            const dir = setup.env[name];
            if (dir !== undefined && dir !== '')
                hide.push(dir);
        }
        const results = [];
        for (const command of run.validate) {
            if (choice.kind === 'refused') {
                results.push({
                    command,
                    passed: false,
                    exitCode: null,
                    timedOut: false,
                    output: `not run: ${choice.reason}`,
                });
                continue;
            }
            const spec = choice.kind === 'bwrap'
                ? {
                    command: 'bwrap',
                    args: bwrapArgs({ writable: base, chdir: copy, hide, network: run.validateNetwork, env }, command),
                    cwd: copy,
                    timeoutMs: run.validateTimeoutMs,
                    env: { PATH: env.PATH ?? '/usr/bin:/bin' },
                    replaceEnv: true,
                }
                : { ...(0,command_runner/* shellCommand */.q$)(command, copy, run.validateTimeoutMs), env, replaceEnv: true };
            const ran = await deps.runner.run(spec, { signal: deps.signal });
            if (ctx.stopping) {
                step.status = 'pending';
                return undefined;
            }
            const output = `${ran.stdout.text}\n${ran.stderr.text}${ran.error ? `\n${ran.error}` : ''}`.trim();
            results.push({
                command,
                passed: ran.exitCode === 0 && !ran.timedOut,
                exitCode: ran.exitCode,
                timedOut: ran.timedOut,
                output: deps.redact(output.slice(-OUTPUT_TAIL)),
            });
        }
        const moved = fingerprintChanges(before, await fingerprintRepository(deps.git, ctx.workspace));
        const setting = {
            sandbox: choice.kind,
            network: run.validateNetwork,
            ...(choice.kind === 'none'
                ? { note: choice.note }
                : choice.kind === 'refused'
                    ? { note: choice.reason }
                    : {}),
            changed: await copyChanges(deps.git, copy, await (0,workspace/* headSha */.xF)(deps.git, ctx.workspace)),
            dropped,
        };
        if (moved.length > 0)
            return await securityStop(ctx, moved, results, setting);
        const passed = results.every((r) => r.passed);
        ctx.finish(step, 'done', { result: { passed, results, setting } });
        deps.progress(`validate: ${results.map((r) => `${r.command} → ${r.passed ? 'passed' : 'FAILED'}`).join(', ')} (${describeSetting(setting)})`);
        await ctx.event('validate', {
            passed,
            sandbox: setting.sandbox,
            network: setting.network,
            ...(dropped.length > 0 ? { droppedEnv: dropped } : {}),
            commands: results.map((r) => ({ command: r.command, passed: r.passed })),
        });
        await ctx.checkpoint();
        return undefined;
    }
    finally {
        await (0,promises_.rm)(base, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
    }
}
/**
 * Validation changed the repository (a ref, the git configuration, a hook, keel's worktree): nothing keel
 * would do next can be trusted — a push could carry the code's commits, a git command could run its
 * configuration. The run ends `failed`, says why, and publishes nothing (no pull request, no comment, no
 * recovery issue, no durable copy); it is not resumed.
 */
async function securityStop(ctx, moved, results, setting) {
    const { state, deps } = ctx;
    const reason = `security: validation changed ${moved.join(', ')} of the repository; nothing was published`;
    ctx.finish(ctx.step('validate'), 'failed', { error: reason, result: { passed: false, results, setting } });
    state.status = 'failed';
    state.interruption = { reason: reason.slice(0, 200), at: deps.clock.now(), kind: 'security' };
    deps.progress(`SECURITY STOP: ${reason}. Check the repository (refs, .git/config, hooks) before running again.`);
    await ctx.event('security_stop', { changed: moved });
    await ctx.checkpoint();
    return 'security-stop';
}
function describeSetting(setting) {
    if (setting === undefined)
        return 'in the work tree';
    const network = setting.network ? 'network on' : 'no network';
    if (setting.sandbox === 'bwrap')
        return `in bubblewrap, ${network}`;
    if (setting.sandbox === 'refused')
        return `not run: ${setting.note ?? 'no sandbox'}`;
    return `without a sandbox (${setting.note ?? 'none'})`;
}
function validationResults(ctx) {
    const result = ctx.state.steps.validate?.result;
    return result?.results ?? [];
}
function validationSetting(ctx) {
    return ctx.state.steps.validate?.result?.setting;
}


/***/ }),

/***/ 69053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Py: () => (/* binding */ successRateOf),
/* harmony export */   R9: () => (/* binding */ recoveryMarkdown),
/* harmony export */   fU: () => (/* binding */ runSummaryMarkdown),
/* harmony export */   hz: () => (/* binding */ codeSteps),
/* harmony export */   nH: () => (/* binding */ finalStatus)
/* harmony export */ });
/* harmony import */ var _steps_validate_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94961);

/** The status a run that reached the end of its steps finishes with. */
function finalStatus(state) {
    const steps = Object.values(state.steps);
    const review = state.steps.review?.result;
    const degraded = state.plan?.degraded === true || steps.some((s) => s.degraded === true) || review?.degraded === true;
    if (degraded)
        return 'degraded';
    if (steps.some((s) => s.status === 'failed'))
        return 'partial';
    return 'completed';
}
function codeSteps(state) {
    return Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
}
function successRateOf(state) {
    const code = codeSteps(state);
    return code.length === 0 ? 1 : code.filter((s) => s.status === 'done').length / code.length;
}
function runSummaryMarkdown(state, status, 
/** Set when the work branch was not pushed because its commits carry secrets: places, never values. */
refused) {
    const review = state.steps.review?.result;
    const code = codeSteps(state);
    const lines = [
        `**keel run \`${state.runId}\`** — ${status}`,
        '',
        `Task: ${firstLine(state.task.text)}`,
        '',
        '| step | state | by | commit |',
        '| --- | --- | --- | --- |',
        // `publish` is the step writing this text: it is still under way, and done by the time anyone reads it.
        ...Object.values(state.steps)
            .filter((s) => s.id !== 'publish')
            .map((s) => `| \`${s.id}\` | ${s.status}${s.degraded ? ' (degraded)' : ''} | ${s.model ?? ''} | ${s.commit ? s.commit.slice(0, 8) : ''} |`),
        '',
        `Subtasks committed: ${code.filter((s) => s.status === 'done').length} of ${code.length}.`,
    ];
    if (refused !== undefined && refused.length > 0) {
        lines.push('', `Not published: the work branch's commits carry secrets (${refused.length} place${refused.length === 1 ? '' : 's'}, listed in a manual-review issue); nothing was pushed.`);
    }
    const validation = state.steps.validate?.result;
    if (validation?.setting !== undefined) {
        lines.push('', `Validation ${validation.passed ? 'passed' : 'failed'}, ${(0,_steps_validate_step_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSetting */ .w5)(validation.setting)}.`);
    }
    if (review) {
        lines.push('', `Review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' — no reviewer model answered; a human must review' : ''} (quality ${review.codeQuality}).`, ...review.blocking.map((b) => `- blocking: ${b}`), ...review.comments.map((c) => `- ${c}`));
    }
    const redone = code.filter((s) => typeof s.result?.redone === 'string');
    if (redone.length > 0)
        lines.push('', 'Coded again:', ...redone.map((s) => `- \`${s.id}\`: ${String(s.result.redone)}`));
    const issues = Object.values(state.effects).filter((e) => e.kind === 'issue');
    if (issues.length > 0)
        lines.push('', 'Follow-up issues:', ...issues.map((e) => `- ${e.ref}`));
    return lines.join('\n');
}
function recoveryMarkdown(state, resumeCommand) {
    const steps = Object.values(state.steps);
    const list = (filter) => steps
        .filter(filter)
        .map((s) => `\`${s.id}\``)
        .join(', ') || 'none';
    const interruption = state.interruption;
    const lines = [
        `**keel run \`${state.runId}\` stopped before finishing** — ${interruption?.reason ?? state.status}.`,
        '',
        `Task: ${firstLine(state.task.text)}`,
        '',
        `- finished: ${list((s) => s.status === 'done' || s.status === 'skipped')}`,
        `- pending: ${list((s) => s.status === 'pending' || s.status === 'running')}`,
        `- failed: ${list((s) => s.status === 'failed')}`,
        `- work branch: \`${state.repo.workBranch}\` (nothing committed there is lost)`,
        '',
        'To continue where it stopped:',
        '',
        '```',
        resumeCommand,
        '```',
    ];
    if (interruption?.error)
        lines.push('', '<details><summary>error context</summary>', '', '```', interruption.error, '```', '</details>');
    return lines.join('\n');
}
function firstLine(text) {
    const line = text.split('\n', 1)[0] ?? '';
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}


/***/ })

};
