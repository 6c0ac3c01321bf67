import { startFleet, createRunFixture, runKeel, fixtureArgs, readState, readEffects } from './run-fixture.ts';
const sim = await startFleet({ latencyMs: 3000 });
const fx = await createRunFixture(sim);
const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';
let r = await runKeel(['--task', TASK, '--run-id', 'B', '--time-budget-minutes', '0.02', ...fixtureArgs(fx)]);
console.log(r.code, r.durationMs, r.stdout.split('\n').slice(-6).join('\n'));
console.log((await readState(fx,'B'))?.interruption);
// SIGINT at first line
r = await runKeel(['--task', TASK, '--run-id', 'E', ...fixtureArgs(fx)], { killOnLine: /^run E:/, killSignal: 'SIGINT' });
console.log('early', r.code, r.signal, r.killToExitMs, r.stdout.split('\n').slice(-3).join('\n'));
r = await runKeel(['--task', TASK, '--run-id', 'F', ...fixtureArgs(fx)], { killAfterMs: 150, killSignal: 'SIGINT' });
console.log('very early', r.code, r.signal, r.killToExitMs, r.stdout.split('\n').slice(-3).join('\n'));
await sim.close(); await fx.cleanup();
