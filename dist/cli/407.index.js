export const id = 407;
export const ids = [407];
export const modules = {

/***/ 4407:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demoCommand: () => (/* binding */ demoCommand)
});

// EXTERNAL MODULE: ./lib/config/load.js + 7 modules
var load = __webpack_require__(5024);
// EXTERNAL MODULE: ./lib/fleet/router.js + 15 modules
var fleet_router = __webpack_require__(6145);
// EXTERNAL MODULE: ./lib/fleet/status.js
var fleet_status = __webpack_require__(664);
// EXTERNAL MODULE: ./lib/sim/fleet-simulator.js + 9 modules
var fleet_simulator = __webpack_require__(2519);
;// CONCATENATED MODULE: ./lib/demo/router-demo.js




const ROLE = 'coder';
async function runRouterDemo(io) {
    const out = (text = '') => io.stdout(`${text}\n`);
    const sim = await (0,fleet_simulator/* startSimulator */.rs)({
        endpoints: [
            { name: 'lan-a', latencyMs: 30, flavor: 'vllm', models: ['qwen2.5-coder:7b'], contextWindow: 32_768 },
            { name: 'lan-b', latencyMs: 30, flavor: 'ollama', models: ['qwen2.5-coder:7b'], contextWindow: 16_384 },
            { name: 'hosted', latencyMs: 60, flavor: 'openai', models: ['gpt-5-nano'] },
        ],
    });
    const url = (name) => sim.endpoints.find((e) => e.name === name).url;
    const config = (0,load/* validateConfigValue */.GJ)({
        version: 1,
        endpoints: [
            { id: 'lan-a', url: url('lan-a'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
            { id: 'lan-b', url: url('lan-b'), kind: 'local', maxParallel: 4, timeouts: { firstTokenMs: 300 } },
            { id: 'hosted', url: url('hosted'), kind: 'hosted', maxParallel: 8 },
        ],
        roles: { coder: [['lan-a/qwen2.5-coder:7b', 'lan-b/qwen2.5-coder:7b'], 'hosted/gpt-5-nano'] },
        // Shortened for the demo; the defaults are a 60 s reset and a 1 s first cooldown.
        policy: { breaker: { resetTimeoutMs: 2_500 }, cooldown: { baseMs: 150, maxMs: 2_000 } },
    });
    const events = [];
    // Self-hosted: the LAN endpoints are reachable, whatever RUNNER_ENVIRONMENT says where the demo runs.
    let router = (0,fleet_router/* createRouter */.a)(config, { env: {}, onEvent: (e) => events.push(e) });
    try {
        out('keel demo — the model router against a simulated fleet (loopback only, no real model)');
        out('chain for coder: tier 1 = lan-a | lan-b (least loaded first), tier 2 = hosted');
        out();
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await step(out, '1. All healthy: 12 requests at once stay on the LAN (4 slots each); the rest queue for a slot', () => burst(router, 12));
        await sim.setMode('lan-a', 'refuse');
        await step(out, '2. lan-a refuses connections: the first request fails over at once, later ones skip lan-a', () => burst(router, 8));
        await sim.setMode('lan-b', 'hang');
        await step(out, '3. lan-b hangs as well: after its 300 ms first-token timeout, tier 2 (hosted) serves', () => burst(router, 6));
        await sim.setMode('lan-b', 'cut');
        await sleep(300);
        await step(out, '4. lan-b cuts its streams mid-way: the answer restarts whole on the next candidate', () => burst(router, 3, true));
        out("5. Failures add up: after 5 in the 5-minute window an endpoint's breaker opens (both LAN ones here)");
        await sim.setMode('lan-b', 'ok', 30);
        await untilOpen(router, 'lan-a');
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await sim.setMode('lan-a', 'ok', 30);
        out('6. The LAN comes back: breakers half-open after the reset timeout (2.5 s here, 60 s by default)');
        out('   and one successful trial request closes each');
        await sleep(2_600);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        await burst(router, 8);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        out('7. State survives the process: lan-b goes down, its breaker opens, the state is saved and a new');
        out('   router (the next scheduled run) starts with the breaker open — lan-b is not hammered again');
        await sim.setMode('lan-b', 'e500');
        await untilOpen(router, 'lan-b');
        const saved = JSON.stringify(router.exportState());
        await router.close();
        sim.resetStats();
        router = (0,fleet_router/* createRouter */.a)(config, { env: {}, state: JSON.parse(saved) });
        await burst(router, 6);
        out((0,fleet_status/* renderStatusText */._c)(router.status()));
        out(`   requests that reached lan-b after the restart: ${sim.stats()['lan-b']?.chatRequests ?? 0}`);
        out();
        summarize(out, events, sim);
        return 0;
    }
    finally {
        await router.close();
        await sim.close();
    }
}
async function step(out, title, run) {
    out(title);
    const results = await run();
    const served = new Map();
    for (const r of results)
        served.set(r.endpointId, (served.get(r.endpointId) ?? 0) + 1);
    out(`   served by: ${[...served].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
    const detour = results.find((r) => r.attempts.length > 1);
    if (detour) {
        const trail = detour.attempts.map((a) => `${a.endpointId} ${a.outcome} (${Math.round(a.latencyMs)} ms)`);
        out(`   e.g. one request: ${trail.join(' → ')}`);
    }
    out();
}
function burst(router, count, stream = false) {
    return Promise.all(Array.from({ length: count }, (_, i) => router.complete(ROLE, { ...router_demo_prompt(i), stream })));
}
/** Keeps the fleet busy (bursts, so both LAN endpoints get work) until an endpoint's breaker is open. */
async function untilOpen(router, endpointId) {
    for (let round = 0; round < 100; round++) {
        if (router.status().some((r) => r.endpointId === endpointId && r.state === 'OPEN'))
            return;
        await burst(router, 8);
        await sleep(100);
    }
    throw new Error(`demo: the breaker of ${endpointId} never opened`);
}
function router_demo_prompt(i) {
    return { messages: [{ role: 'user', content: `write function number ${i}` }] };
}
function summarize(out, events, sim) {
    const attempts = events.filter((e) => e.type === 'attempt');
    const failed = attempts.filter((e) => e.attempt.outcome !== 'ok');
    const opened = events.flatMap((e) => (e.type === 'breaker' && e.to === 'open' ? [e.key] : []));
    out('summary');
    out(`   attempts: ${attempts.length}, failed and failed over: ${failed.length}`);
    out(`   breakers opened: ${opened.join(', ') || 'none'}`);
    for (const [name, stats] of Object.entries(sim.stats())) {
        out(`   ${name}: ${stats.chatRequests} chat requests since the restart, at most ${stats.maxInflight} in flight`);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./lib/cli/demo-command.js
/** `keel demo`: the front door — see src/demo/. */

const demoCommand = async (_argv, io) => runRouterDemo(io);


/***/ })

};
