/**
 * `keel demo`, the front door: a real `keel run` on the embedded simulated fleet, in a temporary git
 * repository — a dead coder endpoint, a flaky one, models that answer like small local ones (the realistic
 * responder), a subtask no model can do, a SIGKILL part-way, and a resume that finishes the job without
 * repeating anything; then the failover as the run recorded it (demo-failover.ts) and the outcome
 * (demo-report.ts). Loopback only; no real model.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CliIO } from '../io.ts';
import { renderRunSteps } from '../status-command.ts';
import { startSimulator, type FleetSimulator } from '../../sim/fleet-simulator.ts';
import { realisticResponder } from '../../sim/realistic-model.ts';
import { createSampleRepo } from './sample-project.ts';
import { indent, printFailover } from './demo-failover.ts';
import { printOutcome } from './demo-report.ts';
import { stateLayout, DEFAULT_STATE_DIR } from '../../base/state-layout.ts';

const RUN_ID = 'demo';
const TASK = [
  'Add a greeting module that says hello.',
  'Add a farewell module that says goodbye.',
  'Add a clock helper that formats the time.',
  'Build the impossible perpetual motion module.',
  'Add a counter module that counts calls.',
].join(' ');

export async function runDemo(io: CliIO, options: { keep?: boolean } = {}): Promise<number> {
  const out = (text = ''): void => io.stdout(`${text}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'keel-demo-'));
  const repo = join(dir, 'sample');
  const sim = await startSimulator({
    // Answers the way small local models do (prose, thinking, odd paths, cut answers …): the demo shows keel
    // using what it can and asking again or failing over for the rest, not only the perfect path.
    responder: realisticResponder,
    endpoints: [
      { name: 'lan-a', mode: 'refuse' },
      { name: 'lan-b', mode: 'flaky', failRate: 0.35, seed: 7, latencyMs: 150 },
      { name: 'hosted', latencyMs: 200 },
    ],
  });
  try {
    await createSampleRepo(repo);
    await writeFile(join(repo, 'keel.yml'), demoConfig(sim));
    out('keel demo — a real run on a simulated fleet (loopback only, no real model is called)');
    out(`  repository: ${repo} (a fresh git repository with a small sample project)`);
    out('  fleet:      lan-a (coder, DEAD: refuses connections), lan-b (FLAKY: 35 % of answers are 500s),');
    out(
      '              hosted (healthy fallback); every model answers like a small local one (keel sim --responder realistic)',
    );
    out(`  task:       ${TASK}`);
    out();

    out('━━ 1. keel run — killed with SIGKILL after its first commit ━━');
    const first = await runKeel(io, ['run', '--task', TASK, '--run-id', RUN_ID, '--repo', repo], /committed/);
    out(`   💥 SIGKILL (exit ${first})`);
    out();
    out('━━ 2. what the checkpoint says (keel status demo) ━━');
    const { TaskStateStore } = await import('../../run/state-store.ts');
    const saved = await new TaskStateStore({
      runDir: stateLayout(join(repo, DEFAULT_STATE_DIR)).run(RUN_ID).dir,
    }).load();
    if (saved.state) {
      out(`${indent(renderRunSteps(saved.state))}\n`);
      out(
        '   (a step can be done on the branch but not yet in the checkpoint: the resume finds its commit by trailer)',
      );
      out();
    } else out(`   no checkpoint yet (${saved.problem ?? 'killed before the first one'})`);

    out('━━ 3. keel run --resume demo — continues where it stopped ━━');
    const second = await runKeel(io, ['run', '--resume', RUN_ID, '--repo', repo]);
    out();
    const failover = await printFailover(out, io, repo, RUN_ID);
    const ok = await printOutcome(out, repo, RUN_ID, [
      [
        `the dead endpoint failed over (${failover.dead.join(', ') || 'none'}: no answer; others answered for it)`,
        failover.dead.length > 0 && failover.tookOver,
      ],
    ]);
    return second === 0 && ok ? 0 : 1;
  } finally {
    await sim.close();
    // The file:// links above point into this directory: say whether they still lead anywhere.
    if (options.keep) out(`\n   kept: ${repo} (the links above work; delete it when done)`);
    else {
      await rm(dir, { recursive: true, force: true });
      out(`\n   ${dir} is deleted, with the records linked above (\`keel demo --keep\` keeps it)`);
    }
  }
}

function demoConfig(sim: FleetSimulator): string {
  const url = (name: string): string => sim.endpoints.find((e) => e.name === name)!.url;
  return [
    'version: 1',
    'endpoints:',
    `  - { id: lan-a, url: "${url('lan-a')}", kind: local, maxParallel: 1 }`,
    `  - { id: lan-b, url: "${url('lan-b')}", kind: local, maxParallel: 1 }`,
    `  - { id: hosted, url: "${url('hosted')}", kind: hosted, maxParallel: 1 }`,
    'roles:',
    '  planner: [lan-b/sim-model, hosted/sim-model]',
    '  coder: [[lan-a/sim-model, lan-b/sim-model], hosted/sim-model]',
    '  reviewer: [hosted/sim-model]',
    'policy:',
    '  cooldown: { baseMs: 300, maxMs: 5000 }',
    'run:',
    '  validate: ["node check.js"]',
    '',
  ].join('\n');
}

/**
 * Runs the keel CLI as a child process, its output shown indented. With `killOn`, the child is SIGKILLed
 * as soon as a line matches — the crash the demo recovers from.
 */
function runKeel(io: CliIO, args: string[], killOn?: RegExp): Promise<number | string> {
  return new Promise((resolve) => {
    // The same entry point that runs this demo: src/cli.ts from a checkout, or the bundled dist/cli.
    const child = spawn(process.execPath, [process.argv[1]!, ...args], {
      env: { ...io.env, RUNNER_ENVIRONMENT: 'self-hosted' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const show = (line: string): void => {
      io.stdout(`   │ ${line}\n`);
      if (killOn?.test(line) && child.exitCode === null) child.kill('SIGKILL');
    };
    createInterface({ input: child.stdout }).on('line', show);
    createInterface({ input: child.stderr }).on('line', show);
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}
