export const id = 975;
export const ids = [975,594];
export const modules = {

/***/ 91975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   Q3: () => (/* binding */ writeFileAtomicSync),
/* harmony export */   n1: () => (/* binding */ isTempFile),
/* harmony export */   s0: () => (/* binding */ pathExists),
/* harmony export */   writeFileAtomic: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17594);
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
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await writeSynced(temp, data);
    }
    catch (error) {
        // The hot path never pays for mkdir: only a missing directory (first write, or a user who cleaned up)
        // makes us create it and try once more.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) !== 'ENOENT')
            throw await withoutTemp(temp, error);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
        try {
            await writeSynced(temp, data);
        }
        catch (again) {
            throw await withoutTemp(temp, again);
        }
    }
    try {
        options.beforeRename?.();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, path);
    }
    catch (error) {
        throw await withoutTemp(temp, error);
    }
    if (options.syncDir !== false)
        await syncDirectory(dir);
}
/**
 * `writeFileAtomic` without awaiting anything, for the one moment there is no time to (a forced exit): temp
 * file, fsync, rename. No directory fsync and no directory creation: the directory exists by then.
 */
function writeFileAtomicSync(path, data, options = {}) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx');
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        options.beforeRename?.();
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
    }
    catch (error) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temp);
        }
        catch {
            // never created, or renamed already
        }
        throw error;
    }
}
/** A name `writeFileAtomic` uses for its temp files (for sweeping orphans left by a killed process). */
function isTempFile(name) {
    return /\.\d+-[0-9a-f]{12}\.tmp$/.test(name);
}
async function writeSynced(path, data) {
    // 'wx': a temp name that somehow exists is someone else's file, not ours to truncate.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function withoutTemp(temp, error) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(temp).catch(() => undefined);
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
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error);
        if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
            throw error;
    }
    finally {
        await handle?.close();
    }
}
/** Whether anything (a file, a directory) is at `path`; an unreadable parent counts as nothing there. */
async function pathExists(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).then(() => true, () => false);
}
/** Reads and parses a JSON file. Never throws: what to do about a bad file is the caller's decision. */
async function readJsonFile(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8');
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .C)(error) === 'ENOENT' ? 'missing' : 'unreadable';
        return { ok: false, reason, detail: `${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}` };
    }
    try {
        return { ok: true, value: JSON.parse(text), text };
    }
    catch (error) {
        return { ok: false, reason: 'not-json', detail: `${path}: not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)})`, text };
    }
}


/***/ }),

/***/ 17594:
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
