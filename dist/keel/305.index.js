export const id = 305;
export const ids = [305];
export const modules = {

/***/ 74305:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PROBE_USAGE: () => (/* binding */ PROBE_USAGE),
  createProbeCommand: () => (/* binding */ createProbeCommand),
  probeCommand: () => (/* binding */ probeCommand)
});

// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var config_load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/config/json-schema.js
var json_schema = __webpack_require__(50276);
// EXTERNAL MODULE: ./lib/config/schema.js
var schema = __webpack_require__(61091);
;// CONCATENATED MODULE: ./lib/config/index.js
/** The configuration module's public surface: load and validate keel configuration, and describe it. */




// EXTERNAL MODULE: ./lib/fleet/probe-report.js
var probe_report = __webpack_require__(25117);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/cli/project-dir.js
var project_dir = __webpack_require__(53013);
// EXTERNAL MODULE: ./lib/cli/parse-command-args.js
var parse_command_args = __webpack_require__(57851);
;// CONCATENATED MODULE: ./lib/cli/probe-command.js





const PROBE_USAGE = `usage: keel probe [--config FILE] [--json] [--capabilities]

  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --json           print JSON instead of a table
  --capabilities   also scan for server flavor and context windows (slower)
`;
function createProbeCommand(deps = {}) {
    return async (argv, io) => {
        const options = parseOptions(argv);
        if (options.help) {
            io.stdout(PROBE_USAGE);
            return 0;
        }
        const load = deps.loadConfig ?? config_load/* loadConfig */.Z9;
        const config = await load(options.config !== undefined ? (0,external_node_path_.resolve)(io.cwd, options.config) : undefined, {
            cwd: (0,project_dir/* projectDir */.t)(io),
        });
        const rows = await (0,probe_report/* probeAll */.m)(config, io, deps, options.capabilities);
        const healthy = rows.filter((row) => row.status === 'healthy').length;
        if (options.json) {
            const runnerEnvironment = io.env.RUNNER_ENVIRONMENT ?? null;
            io.stdout(`${JSON.stringify({ runnerEnvironment, healthy, endpoints: rows }, null, 2)}\n`);
        }
        else {
            io.stdout(renderTable(rows, options.capabilities));
        }
        return healthy > 0 ? 0 : 1;
    };
}
const probeCommand = createProbeCommand();
function parseOptions(argv) {
    const { values } = (0,parse_command_args/* parseCommandArgs */.Q)({
        args: argv,
        options: {
            config: { type: 'string', short: 'c' },
            json: { type: 'boolean', default: false },
            capabilities: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, PROBE_USAGE);
    return {
        json: values.json,
        capabilities: values.capabilities,
        help: values.help,
        ...(values.config !== undefined ? { config: values.config } : {}),
    };
}
function renderTable(rows, capabilities) {
    const header = ['endpoint', 'kind', 'url', 'health', 'latency', 'models', 'context windows'];
    if (capabilities)
        header.push('flavor');
    const body = rows.map((row) => {
        const cells = [
            row.id,
            row.kind,
            row.url,
            row.status === 'skipped' ? `skipped (${row.skipReason ?? 'placement'})` : row.status,
            row.latencyMs === undefined ? '-' : `${row.latencyMs} ms`,
            listBrief(row.models),
            windowsBrief(row, capabilities),
        ];
        if (capabilities)
            cells.push(row.flavor ?? '-');
        return cells;
    });
    const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
    const line = (cells) => cells
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd();
    const errors = rows
        .filter((row) => row.error !== undefined && row.status !== 'skipped')
        .map((row) => `  ${row.id}: ${row.error}`);
    const warnings = rows.flatMap((row) => (row.warnings ?? []).map((warning) => `  ${row.id}: ${warning}`));
    const notes = rows.flatMap((row) => [
        ...(row.serverSlots !== undefined
            ? [`  ${row.id}: the server runs ${row.serverSlots} request(s) at once`]
            : []),
        ...(row.notes ?? []).map((note) => `  ${row.id}: ${note}`),
    ]);
    const healthy = rows.filter((row) => row.status === 'healthy').length;
    const summary = `${healthy} of ${rows.length} endpoint(s) healthy`;
    return [
        line(header),
        ...body.map(line),
        '',
        ...(notes.length ? ['notes:', ...notes, ''] : []),
        ...(warnings.length ? ['warnings:', ...warnings, ''] : []),
        ...(errors.length ? ['errors:', ...errors, ''] : []),
        summary,
        '',
    ].join('\n');
}
function listBrief(models, shown = 2) {
    if (models.length === 0)
        return '-';
    const head = models.slice(0, shown).join(', ');
    return models.length > shown ? `${head} +${models.length - shown} more` : head;
}
function windowsBrief(row, capabilities) {
    if (row.configuredWindow !== undefined)
        return `${row.configuredWindow} (config)`;
    const values = [...new Set(Object.values(row.contextWindows))];
    if (values.length === 0)
        return row.status === 'skipped' || capabilities ? '-' : 'not scanned (--capabilities)';
    if (values.length === 1)
        return String(values[0]);
    return listBrief(Object.entries(row.contextWindows).map(([model, window]) => `${model}=${window}`), 2);
}
/** Credentials in a URL (`http://user:pass@host`) stay out of terminals and logs. */


/***/ }),

/***/ 50276:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mk: () => (/* binding */ configJsonSchema),
/* harmony export */   Ue: () => (/* binding */ fileJsonSchema)
/* harmony export */ });
/* unused harmony export CONFIG_SCHEMA_ID */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61091);
/**
 * The JSON Schema of the configuration file, derived from the zod schema so the two cannot drift. It
 * describes the INPUT: fields with defaults are optional, as users may leave them out. Editors use it for
 * completion and checking (`keel schema > keel.schema.json`, then point the YAML language server at it).
 */


/** A URN rather than a URL: the schema is printed by the installed keel, not fetched from a server. */
const CONFIG_SCHEMA_ID = 'urn:keel:config:v1';
function configJsonSchema() {
    return fileJsonSchema(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configSchema */ .Qn, CONFIG_SCHEMA_ID, 'keel configuration');
}
/** The JSON Schema of a file keel reads, from its zod schema: the input (defaults optional), named by `id`. */
function fileJsonSchema(schema, id, title) {
    const generated = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(schema, { io: 'input', target: 'draft-2020-12' });
    const { $schema, ...rest } = generated;
    // Identification first, so a reader of the printed file sees what it is before the body.
    return { $schema, $id: id, title, ...rest };
}


/***/ }),

/***/ 25117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ probeAll)
/* harmony export */ });
/* unused harmony export displayUrl */
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62134);
/* harmony import */ var _setup_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64052);


async function probeAll(config, io, deps, capabilities) {
    const wanted = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .modelsByEndpoint */ .lj)(config);
    const probeDeps = {
        timeoutMs: config.policy.probe.timeoutMs,
        env: io.env,
        signal: io.signal,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
    };
    return Promise.all(config.endpoints.map(async (endpoint) => {
        const base = { id: endpoint.id, kind: endpoint.kind, url: displayUrl(endpoint.url) };
        if ((0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .shouldSkipEndpoint */ .uU)(endpoint, io.env.RUNNER_ENVIRONMENT)) {
            return {
                ...base,
                status: 'skipped',
                skipReason: 'github-hosted runner',
                models: [],
                contextWindows: {},
            };
        }
        const [probe, scan] = await Promise.all([
            (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .probeHealth */ .v_)(endpoint, probeDeps),
            capabilities ? (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .scanCapabilities */ .ce)(endpoint, probeDeps) : undefined,
        ]);
        return withWarnings(toRow(base, endpoint, probe, scan), endpoint, wanted, io.env);
    }));
}
/**
 * A key variable that is not set, and configured models the endpoint does not list, make an answering
 * endpoint `misconfigured` rather than healthy: a run would 401, or 404 on the model and fall back to the
 * next tier (often the paid one) without a word.
 */
function withWarnings(row, endpoint, wanted, env) {
    const warnings = [];
    const key = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .missingKey */ .aV)(endpoint, env);
    if (key !== undefined)
        warnings.push(`${key} is not set: requests would be refused`);
    const unknown = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownModels */ .pP)((wanted.get(endpoint.id) ?? new Map()).keys(), row.models);
    for (const model of unknown) {
        const hint = (0,_setup_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .closestModel */ .rN)(model, row.models);
        warnings.push(`no model "${model}" here${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    if (warnings.length === 0)
        return row;
    return { ...row, warnings, ...(row.status === 'healthy' ? { status: 'misconfigured' } : {}) };
}
function toRow(base, endpoint, probe, scan) {
    const models = probe.models.length > 0 ? probe.models : (scan?.models ?? []);
    const row = {
        ...base,
        status: probe.healthy ? 'healthy' : 'unhealthy',
        latencyMs: probe.latencyMs,
        models,
        contextWindows: {},
    };
    if (endpoint.contextWindow !== undefined) {
        row.contextWindowSource = 'config';
        row.configuredWindow = endpoint.contextWindow;
        for (const model of models)
            row.contextWindows[model] = endpoint.contextWindow;
    }
    else if (scan) {
        row.contextWindows = { ...scan.contextWindows };
        if (scan.serverWindow !== undefined) {
            for (const model of models)
                row.contextWindows[model] ??= scan.serverWindow;
        }
        if (Object.keys(row.contextWindows).length > 0)
            row.contextWindowSource = 'discovered';
    }
    if (scan)
        row.flavor = scan.flavor;
    if (scan?.serverSlots !== undefined)
        row.serverSlots = scan.serverSlots;
    if (scan?.loadedModels !== undefined)
        row.loadedModels = scan.loadedModels;
    // A configured window makes the conservative-cap note moot; router-mode notes stay.
    const notes = (scan?.notes ?? []).filter((note) => endpoint.contextWindow === undefined || !/assuming/.test(note));
    if (notes.length > 0)
        row.notes = notes;
    const error = probe.error ?? scan?.error;
    if (error !== undefined)
        row.error = error;
    return row;
}
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString().replace(/\/$/, '');
    }
    catch {
        return url;
    }
}


/***/ }),

/***/ 64052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aV: () => (/* binding */ missingKey),
/* harmony export */   d6: () => (/* binding */ fleetFindings),
/* harmony export */   lj: () => (/* binding */ modelsByEndpoint),
/* harmony export */   pP: () => (/* binding */ unknownModels),
/* harmony export */   rN: () => (/* binding */ closestModel)
/* harmony export */ });
/** The models each endpoint is asked for, by any role, with the roles that ask. */
function modelsByEndpoint(config) {
    const byEndpoint = new Map();
    for (const [role, chain] of Object.entries(config.roles)) {
        for (const tier of chain ?? []) {
            for (const candidate of tier) {
                const models = byEndpoint.get(candidate.endpointId) ?? new Map();
                const roles = models.get(candidate.model) ?? [];
                if (!roles.includes(role))
                    roles.push(role);
                models.set(candidate.model, roles);
                byEndpoint.set(candidate.endpointId, models);
            }
        }
    }
    return byEndpoint;
}
/** The variable an endpoint's key should be in, when it is empty or unset. */
function missingKey(endpoint, env) {
    if (endpoint.apiKeyEnv === undefined)
        return undefined;
    return (env[endpoint.apiKeyEnv] ?? '').trim() === '' ? endpoint.apiKeyEnv : undefined;
}
/**
 * The configured models an endpoint does not list. Ollama lists `name:tag` and serves `name` as
 * `name:latest`, so either spelling of the latest tag counts. An endpoint that listed nothing tells
 * nothing: no model is called unknown then.
 */
function unknownModels(wanted, served) {
    if (served.length === 0)
        return [];
    const known = new Set(served);
    const latest = (name) => (name.includes(':') ? name : `${name}:latest`);
    for (const name of served)
        if (name.endsWith(':latest'))
            known.add(name.slice(0, -':latest'.length));
    return [...wanted].filter((model) => !known.has(model) && !known.has(latest(model)));
}
/** The served model closest to a misspelled one (same base name, or the fewest edits), as a hint. */
function closestModel(model, served) {
    let best;
    for (const name of served) {
        const distance = editDistance(model.toLowerCase(), name.toLowerCase());
        if (best === undefined || distance < best.distance)
            best = { name, distance };
    }
    return best && best.distance <= Math.max(3, Math.floor(model.length / 3)) ? best.name : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** Every finding about the fleet: keys, reachability, models, context windows. */
function fleetFindings(config, env, probed) {
    const findings = [];
    const wanted = modelsByEndpoint(config);
    for (const endpoint of config.endpoints) {
        const subject = `endpoint ${endpoint.id}`;
        const row = probed.find((p) => p.id === endpoint.id);
        const key = missingKey(endpoint, env);
        if (key !== undefined) {
            findings.push({
                level: 'error',
                subject,
                message: `${key} is not set: every request to ${endpoint.id} would be refused`,
                fix: `add the key as a secret and pass it in the step's env (${key}: \${{ secrets.${key} }}), or export it`,
            });
        }
        if (row === undefined)
            continue;
        if (row.status === 'skipped') {
            findings.push({
                level: 'ok',
                subject,
                message: `not probed here (${row.skipReason ?? 'placement'}): a local endpoint on a GitHub-hosted runner`,
            });
            continue;
        }
        if (row.status === 'unhealthy') {
            findings.push({
                level: 'warning',
                subject,
                message: `unreachable now: ${row.error ?? 'no answer'}`,
                fix: 'check the URL (it ends in /v1), that the server runs, and that this machine reaches it',
            });
            continue;
        }
        const models = wanted.get(endpoint.id) ?? new Map();
        for (const model of unknownModels(models.keys(), row.models)) {
            const hint = closestModel(model, row.models);
            findings.push({
                level: 'error',
                subject,
                message: `serves no model "${model}" (asked for by ${models.get(model).join(', ')}); it serves ${brief(row.models)}`,
                fix: hint
                    ? `did you mean "${hint}"? fix roles in the configuration, or load the model on the server`
                    : 'fix the model name in roles, or load the model on the server (e.g. `ollama pull NAME`)',
            });
        }
        if (endpoint.contextWindow === undefined) {
            const unknown = [...models.keys()].filter((model) => row.contextWindows[model] === undefined);
            if (unknown.length > 0 && Object.keys(row.contextWindows).length === 0) {
                findings.push({
                    level: 'warning',
                    subject,
                    message: `the server reports no context window for ${unknown.join(', ')}: keel assumes a conservative 4096`,
                    fix: 'set contextWindow on the endpoint to the window the server actually runs',
                });
            }
        }
        if (!findings.some((f) => f.subject === subject && f.level !== 'ok'))
            findings.push({
                level: 'ok',
                subject,
                message: `reachable; serves ${[...models.keys()].join(', ') || 'no configured model'}`,
            });
    }
    return findings;
}
function brief(models) {
    return models.length > 6
        ? `${models.slice(0, 6).join(', ')} and ${models.length - 6} more`
        : models.join(', ');
}


/***/ })

};
