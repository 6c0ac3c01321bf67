export const id = 442;
export const ids = [442];
export const modules = {

/***/ 56442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: usage

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(18908);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./lib/cli/version.js
/**
 * keel's version, from its own package.json: found by walking up from this module, which works the same
 * from the sources (`src/cli/`), the built library (`lib/cli/`), the bundle (`dist/…`) and an installed
 * package — whatever depth the bundler leaves it at. ncc writes a `package.json` of its own next to each
 * bundle (`{"type":"module"}`), so the first one named `keel` is the one.
 */



const PACKAGE_NAME = 'keel';
function keelVersion(from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = (0,external_node_path_.dirname)(dir)) {
        const found = readPackage((0,external_node_path_.join)(dir, 'package.json'));
        if (found?.name === PACKAGE_NAME && typeof found.version === 'string')
            return found.version;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return 'unknown';
    }
}
function readPackage(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/cli/index.js
/**
 * The `keel` command table. Commands are imported lazily so that `keel run --resume` does not pay for
 * loading the simulator, and so on.
 */


const COMMANDS = {
    probe: {
        summary: 'probe every endpoint: health, models, context windows (--json)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 74305))).probeCommand,
    },
    run: {
        summary: 'run a task through planner → coder → reviewer: keel run --task TEXT | --resume [RUN_ID]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(755)]).then(__webpack_require__.bind(__webpack_require__, 67755))).runCommand,
    },
    init: {
        summary: 'set keel up in this repository: .github/keel.yml from the endpoints found, the workflow, next steps',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(492), __webpack_require__.e(997)]).then(__webpack_require__.bind(__webpack_require__, 58408))).initCommand,
    },
    doctor: {
        summary: 'check the setup before a first run: config, keys, models, labels, permissions (exit 1 on problems)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(283), __webpack_require__.e(492), __webpack_require__.e(379)]).then(__webpack_require__.bind(__webpack_require__, 24159))).doctorCommand,
    },
    ask: {
        summary: 'send one routed request: keel ask --role R --prompt TEXT',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(443)]).then(__webpack_require__.bind(__webpack_require__, 85443))).askCommand,
    },
    status: {
        summary: 'print the failover status table (role → chain → state)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(194), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 90382))).statusCommand,
    },
    sim: {
        summary: 'run the fault-injecting fleet simulator: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] …',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(947), __webpack_require__.e(185)]).then(__webpack_require__.bind(__webpack_require__, 55745))).simCommand,
    },
    schema: {
        summary: 'print the JSON Schema of the configuration file',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(747)]).then(__webpack_require__.bind(__webpack_require__, 94747))).schemaCommand,
    },
    demo: {
        summary: 'the end-to-end demonstration on the embedded simulated fleet',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(194), __webpack_require__.e(124), __webpack_require__.e(947), __webpack_require__.e(789)]).then(__webpack_require__.bind(__webpack_require__, 53770))).demoCommand,
    },
    lane: {
        summary: 'drain a task queue through the engine: keel lane --queue-file F --queue-state-file S [--persistent]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(644), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(492), __webpack_require__.e(581), __webpack_require__.e(239)]).then(__webpack_require__.bind(__webpack_require__, 6239))).laneCommand,
    },
    guard: {
        summary: 'the idle guard: start idle lanes that have queued work: keel guard once|loop [--lanes FILE]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(423), __webpack_require__.e(655)]).then(__webpack_require__.bind(__webpack_require__, 50655))).guardCommand,
    },
    gc: {
        summary: 'prune old finished runs: worktrees, merged work branches, run directories (--older-than 14d)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(329), __webpack_require__.e(283), __webpack_require__.e(609), __webpack_require__.e(129)]).then(__webpack_require__.bind(__webpack_require__, 96129))).gcCommand,
    },
    daemon: {
        summary: 'supervise the lanes (and the guard) as restarted child processes: keel daemon --lanes FILE',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(998), __webpack_require__.e(363), __webpack_require__.e(176), __webpack_require__.e(24), __webpack_require__.e(329), __webpack_require__.e(466), __webpack_require__.e(283), __webpack_require__.e(194), __webpack_require__.e(609), __webpack_require__.e(124), __webpack_require__.e(852), __webpack_require__.e(528), __webpack_require__.e(939)]).then(__webpack_require__.bind(__webpack_require__, 55939))).daemonCommand,
    },
};
function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
    const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
    return (`usage: keel <command> [options]\n       keel --version\n\ncommands:\n${lines.join('\n')}\n\n` +
        `Every command takes --help. Run inside a repository (any folder of it): the configuration and .keel/\n` +
        `are found at its root.\n`);
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(usage());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
        io.stdout(`keel ${keelVersion()}\n`);
        return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
        io.stderr(`keel: unknown command "${name}"\n\n${usage()}`);
        return 2;
    }
    const command = await entry.load();
    try {
        return await command(rest, io);
    }
    catch (error) {
        if (error instanceof cli_io/* UsageError */.e) {
            io.stderr(`keel ${name}: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}


/***/ })

};
