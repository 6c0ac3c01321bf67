export const id = 518;
export const ids = [518];
export const modules = {

/***/ 518:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony export usage */
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8908);
/**
 * The `keel` command table. Commands are imported lazily so that `keel run --resume` does not pay for
 * loading the simulator, and so on.
 */

const COMMANDS = {
    probe: {
        summary: 'probe every endpoint: health, models, context windows (--json)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 4305))).probeCommand,
    },
    run: {
        summary: 'run a task through planner → coder → reviewer: keel run --task TEXT | --resume [RUN_ID]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(381), __webpack_require__.e(530), __webpack_require__.e(637)]).then(__webpack_require__.bind(__webpack_require__, 7637))).runCommand,
    },
    ask: {
        summary: 'send one routed request: keel ask --role R --prompt TEXT',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(443)]).then(__webpack_require__.bind(__webpack_require__, 5443))).askCommand,
    },
    status: {
        summary: 'print the failover status table (role → chain → state)',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 382))).statusCommand,
    },
    sim: {
        summary: 'run the fault-injecting fleet simulator: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] …',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(129), __webpack_require__.e(583)]).then(__webpack_require__.bind(__webpack_require__, 5745))).simCommand,
    },
    schema: {
        summary: 'print the JSON Schema of the configuration file',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(747)]).then(__webpack_require__.bind(__webpack_require__, 4747))).schemaCommand,
    },
    demo: {
        summary: 'the end-to-end demonstration on the embedded simulated fleet',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(381), __webpack_require__.e(129), __webpack_require__.e(174)]).then(__webpack_require__.bind(__webpack_require__, 4174))).demoCommand,
    },
    lane: {
        summary: 'drain a task queue through the engine: keel lane --queue-file F --queue-state-file S [--persistent]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(65), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(381), __webpack_require__.e(530), __webpack_require__.e(108), __webpack_require__.e(227)]).then(__webpack_require__.bind(__webpack_require__, 1227))).laneCommand,
    },
    guard: {
        summary: 'the idle guard: start idle lanes that have queued work: keel guard once|loop [--lanes FILE]',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(970), __webpack_require__.e(50), __webpack_require__.e(430), __webpack_require__.e(506), __webpack_require__.e(381), __webpack_require__.e(530), __webpack_require__.e(108), __webpack_require__.e(912)]).then(__webpack_require__.bind(__webpack_require__, 4912))).guardCommand,
    },
    daemon: {
        summary: 'supervise the lanes (and the guard) as restarted child processes: keel daemon --lanes FILE',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(311), __webpack_require__.e(815), __webpack_require__.e(50), __webpack_require__.e(150)]).then(__webpack_require__.bind(__webpack_require__, 9150))).daemonCommand,
    },
};
function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
    const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
    return `usage: keel <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(usage());
        return name === undefined ? 2 : 0;
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
        if (error instanceof _io_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e) {
            io.stderr(`keel ${name}: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}


/***/ })

};
