export const id = 305;
export const ids = [305];
export const modules = {

/***/ 57851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18908);
/**
 * `parseArgs` for every command: what it refuses (an unknown option, a missing value) becomes a
 * `UsageError` naming the argument, followed by the command's usage when one is given.
 */


function parseCommandArgs(config, usage) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new _io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(usage === undefined ? message : `${message}\n\n${usage}`);
    }
}


/***/ }),

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

// EXTERNAL MODULE: ./lib/config/load.js + 8 modules
var config_load = __webpack_require__(30220);
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

/***/ 53013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ projectDir)
/* harmony export */ });
/* harmony import */ var _git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35495);
/**
 * Where a command's defaults live (`.github/keel.yml`, `.keel/`, the lanes file): the root of the git
 * repository around the working directory, or the working directory itself outside one. Paths a user types
 * (`--config x.yml`) stay relative to where they typed them.
 */

function projectDir(io) {
    return (0,_git_repo_root_js__WEBPACK_IMPORTED_MODULE_0__/* .findRepoRoot */ .G)(io.cwd) ?? io.cwd;
}


/***/ })

};
