export const id = 784;
export const ids = [784];
export const modules = {

/***/ 3784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatFatal: () => (/* binding */ formatFatal)
/* harmony export */ });
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
