export const id = 594;
export const ids = [594];
export const modules = {

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
