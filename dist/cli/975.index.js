export const id = 975;
export const ids = [975,594];
export const modules = {

/***/ 1975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readJsonFile),
/* harmony export */   n: () => (/* binding */ isTempFile),
/* harmony export */   writeFileAtomic: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7594);
/**
 * Files that are either the old version or the new one, never half of either: the checkpoint, the manifest,
 * the metrics, the heartbeat, effect records, the fleet state. One implementation for all of them.
 *
 * `writeFileAtomic` writes a temp file in the target's directory (a rename is only atomic within one file
 * system), fsyncs it, renames it over the target and fsyncs the directory so the rename itself survives a
 * power cut. A SIGKILL at any instant leaves the old target or the new one, plus at worst an orphaned
 * `*.tmp` beside it (callers that own a directory under a lock may sweep those; see `isTempFile`).
 */




/** Replaces `path` with `data` atomically. Creates the parent directory when it is missing. */
async function writeFileAtomic(path, data, options = {}) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await writeSynced(temp, data);
    }
    catch (error) {
        // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
        // makes us create it and try once more.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error) !== 'ENOENT')
            throw await withoutTemp(temp, error);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        try {
            await writeSynced(temp, data);
        }
        catch (again) {
            throw await withoutTemp(temp, again);
        }
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (error) {
        throw await withoutTemp(temp, error);
    }
    if (options.syncDir !== false)
        await syncDirectory(dir);
}
/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
function isTempFile(name) {
    return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}
async function writeSynced(path, data) {
    // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function withoutTemp(temp, error) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temp).catch(() => undefined);
    return error;
}
/**
 * Directories cannot be opened on Windows and some file systems refuse fsync on them (EINVAL); there the
 * rename is as durable as the platform makes it. Any other failure (EIO) is real and is thrown.
 */
async function syncDirectory(dir) {
    if (process.platform === 'win32')
        return;
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
        if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
            throw error;
    }
    finally {
        await handle?.close();
    }
}
/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
async function readJsonFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error) === 'ENOENT' ? 'missing' : 'unreadable';
        return { ok: false, reason, detail: `${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error)}` };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    }
    catch (error) {
        return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .g)(error)})`, text };
    }
}


/***/ }),

/***/ 7594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   formatFatal: () => (/* binding */ formatFatal),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** Last-resort error text for the CLI: the message and, for unexpected errors, the stack. */
function formatFatal(error) {
    if (error instanceof Error) {
        const named = error;
        // Errors we raise on purpose (config, router exhaustion) read better without a stack.
        if (named.expected === true)
            return `keel: ${error.message}\n`;
        return `keel: ${error.stack ?? error.message}\n`;
    }
    return `keel: ${String(error)}\n`;
}


/***/ })

};
