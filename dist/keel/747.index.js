export const id = 747;
export const ids = [747];
export const modules = {

/***/ 94747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SCHEMA_USAGE: () => (/* binding */ SCHEMA_USAGE),
/* harmony export */   schemaCommand: () => (/* binding */ schemaCommand)
/* harmony export */ });
/* harmony import */ var _config_json_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50276);
/* harmony import */ var _lanes_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17528);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18908);
/** `keel schema [config|lanes]`: print a file's JSON Schema, for editors and for checking by hand. */



const SCHEMA_USAGE = `usage: keel schema [config|lanes] [--help]

Prints the JSON Schema (draft 2020-12) of keel's configuration file (.github/keel.yml; the default) or of
the lanes file (.github/keel-lanes.yml) to stdout. Save it and point your editor at it, e.g. for the YAML
language server:
  keel schema > keel.schema.json
  # yaml-language-server: $schema=./keel.schema.json   (first line of keel.yml)
  keel schema lanes > keel-lanes.schema.json
`;
const SCHEMAS = {
    config: _config_json_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .configJsonSchema */ .Mk,
    lanes: _lanes_index_js__WEBPACK_IMPORTED_MODULE_1__/* .lanesJsonSchema */ .dq,
};
const schemaCommand = async (argv, io) => {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(SCHEMA_USAGE);
        return 0;
    }
    const [which = 'config', unexpected] = argv;
    const schema = Object.hasOwn(SCHEMAS, which) ? SCHEMAS[which] : undefined;
    if (!schema)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`unknown schema "${which}" (config or lanes)\n\n${SCHEMA_USAGE}`);
    if (unexpected !== undefined)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`unexpected argument "${unexpected}"\n\n${SCHEMA_USAGE}`);
    io.stdout(`${JSON.stringify(schema(), null, 2)}\n`);
    return 0;
};


/***/ })

};
