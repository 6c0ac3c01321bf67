export const id = 800;
export const ids = [800];
export const modules = {

/***/ 41116:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ nodeVersionProblem)
/* harmony export */ });
/* unused harmony export REQUIRED_NODE_MAJOR */
/**
 * The Node keel needs, said in one line. keel's dependencies (undici, vitest, nock, opossum) need Node ≥ 22
 * and the Action runs `node24`; on Node 20 undici dies at import with `TypeError: Cannot read properties of
 * undefined (reading 'bind')`, which tells a user nothing. The entries check first and say this instead.
 */
const REQUIRED_NODE_MAJOR = 24;
/** The one-line refusal for `version` (`process.version`, e.g. `v20.20.2`), or undefined when it is enough. */
function nodeVersionProblem(version) {
    const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
    if (Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR)
        return undefined;
    return `keel needs Node ≥ ${REQUIRED_NODE_MAJOR} (found ${version})`;
}


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

/***/ 11800:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConfigError: () => (/* reexport */ load/* ConfigError */.xL),
  FleetHealthBook: () => (/* reexport */ probe/* FleetHealthBook */.wD),
  RouterError: () => (/* reexport */ router_types/* RouterError */.K),
  configJsonSchema: () => (/* reexport */ json_schema/* configJsonSchema */.Mk),
  createEndpointClient: () => (/* reexport */ endpoint_client/* createEndpointClient */.f),
  createRouter: () => (/* reexport */ router/* createRouter */.a),
  loadConfig: () => (/* reexport */ load/* loadConfig */.Z9),
  parseConfigText: () => (/* reexport */ load/* parseConfigText */.Bu),
  probeHealth: () => (/* reexport */ probe/* probeHealth */.v_),
  renderStatusMarkdown: () => (/* reexport */ fleet_status/* renderStatusMarkdown */.yj),
  renderStatusText: () => (/* reexport */ fleet_status/* renderStatusText */._c),
  scanCapabilities: () => (/* reexport */ probe/* scanCapabilities */.ce),
  systemClock: () => (/* reexport */ clock/* systemClock */.ml)
});

// EXTERNAL MODULE: ./lib/base/node-version.js
var node_version = __webpack_require__(41116);
;// CONCATENATED MODULE: ./lib/library-guard.js
/**
 * Imported first by the library entry: on an older Node, `import … from 'keel'` fails with one clear
 * sentence rather than undici's `TypeError` (a library must not exit its host process, so it throws).
 */

const problem = (0,node_version/* nodeVersionProblem */.e)(process.version);
if (problem !== undefined)
    throw new Error(problem);

// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(75024);
// EXTERNAL MODULE: ./lib/config/json-schema.js
var json_schema = __webpack_require__(50276);
// EXTERNAL MODULE: ./lib/fleet/router.js + 17 modules
var router = __webpack_require__(82466);
// EXTERNAL MODULE: ./lib/fleet/router-types.js
var router_types = __webpack_require__(235);
// EXTERNAL MODULE: ./lib/fleet/endpoint-client.js + 6 modules
var endpoint_client = __webpack_require__(27151);
// EXTERNAL MODULE: ./lib/fleet/probe.js + 3 modules
var probe = __webpack_require__(62134);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(90664);
// EXTERNAL MODULE: ./lib/base/clock.js
var clock = __webpack_require__(74743);
;// CONCATENATED MODULE: ./lib/index.js
/**
 * keel as a library: the router on its own, for people who only want resilient model calls.
 *
 *   import { loadConfig, createRouter } from 'keel';
 *   const router = createRouter(await loadConfig('keel.yml'));
 *   const { content } = await router.complete('coder', { messages: [{ role: 'user', content: 'hi' }] });
 */
// First: on an older Node this throws one clear sentence before undici fails to load.











/***/ })

};
