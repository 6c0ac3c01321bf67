export const id = 159;
export const ids = [159];
export const modules = {

/***/ 24159:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DOCTOR_USAGE: () => (/* binding */ DOCTOR_USAGE),
/* harmony export */   doctorCommand: () => (/* binding */ doctorCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _exec_command_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63683);
/* harmony import */ var _git_git_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84070);
/* harmony import */ var _git_push_check_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4151);
/* harmony import */ var _github_api_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70809);
/* harmony import */ var _github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43077);
/* harmony import */ var _parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57851);
/* harmony import */ var _project_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53013);
/**
 * `keel doctor`: every setup mistake keel can see before a run, each with what to do (`github/doctor/`).
 * The GitHub checks run when a token (`GITHUB_TOKEN` or `GH_TOKEN`) and the repository (`GITHUB_REPOSITORY`,
 * or the checkout's `origin` on github.com) are known. Exit 1 when something must be fixed first.
 */








const DOCTOR_USAGE = `usage: keel doctor [--config FILE] [--json]

Checks, each with what to do: the configuration validates; every apiKeyEnv is set; every endpoint answers
and serves the models the roles name; context windows are known; and on GitHub (with GITHUB_TOKEN or
GH_TOKEN, and GITHUB_REPOSITORY or an origin on github.com): issues are on, the keel labels exist, GitHub
Actions may create pull requests, the token can push.

  --config FILE    configuration file (default: .github/keel.yml or keel.yml at the repository root)
  --json           print the findings as JSON
Exit 1 when something must be fixed before a run.
`;
const doctorCommand = async (argv, io) => {
    const { values } = (0,_parse_command_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)({
        args: argv,
        options: {
            config: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
    }, DOCTOR_USAGE);
    if (values.help) {
        io.stdout(DOCTOR_USAGE);
        return 0;
    }
    const home = (0,_project_dir_js__WEBPACK_IMPORTED_MODULE_6__/* .projectDir */ .t)(io);
    const report = await (0,_github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__/* .runDoctor */ .j1)({
        ...(values.config !== undefined ? { configPath: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values.config) } : {}),
        cwd: home,
        env: io.env,
        signal: io.signal,
        ...(await githubChecks(io, home)),
    });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : (0,_github_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDoctor */ .YI)(report));
    return report.errors > 0 ? 1 : 0;
};
async function githubChecks(io, home) {
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
    if (!token) {
        io.stderr('keel doctor: no GITHUB_TOKEN or GH_TOKEN: the GitHub checks are skipped\n');
        return {};
    }
    const git = (0,_git_git_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .lD)({ runner: (0,_exec_command_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .createCommandRunner */ ._m)() });
    const repository = io.env.GITHUB_REPOSITORY || (await originRepository(git, home));
    if (!repository) {
        io.stderr('keel doctor: no GITHUB_REPOSITORY and no github.com origin: the GitHub checks are skipped\n');
        return {};
    }
    const ctx = await (0,_github_api_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readActionContext */ .wc)({ ...io.env, GITHUB_REPOSITORY: repository, GITHUB_WORKSPACE: home });
    return {
        github: {
            client: (0,_github_api_index_js__WEBPACK_IMPORTED_MODULE_3__/* .createOctokit */ .Qi)({ token, baseUrl: ctx.apiUrl }),
            ctx,
            pushCheck: () => (0,_git_push_check_js__WEBPACK_IMPORTED_MODULE_7__/* .pushRefusal */ .J)(git, home),
        },
    };
}
/** `owner/name` of an `origin` on github.com (https or ssh), if that is what the checkout has. */
async function originRepository(git, cwd) {
    const result = await git.run(['remote', 'get-url', 'origin'], { cwd, allowFailure: true });
    const match = /github\.com[:/]([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(result.stdout.text.trim());
    return match?.[1];
}


/***/ }),

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
