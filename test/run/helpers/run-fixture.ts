/**
 * Shared scaffolding for the run-engine tests (crash/resume, interrupts, degradation, partial batches) and
 * the chaos drill: a temporary git repository holding a small sample project, the fleet simulator with the
 * scripted model, a `keel.yml` pointing at it, `keel run` as a real child process (killable at any instant),
 * and readers for what a run leaves behind — its state, its effect records, the work branch's files — plus
 * the duplicate checks every crash test ends with.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { createCommandRunner } from '../../../src/exec/command-runner.ts';
import { createGit, type Git } from '../../../src/git/git-runner.ts';
import { duplicateStepCommits } from '../../../src/git/workspace.ts';
import { LocalEffects, markerStep } from '../../../src/run/local-effects.ts';
import { TaskStateStore } from '../../../src/run/state-store.ts';
import type { RunState } from '../../../src/run/state.ts';
import {
  startSimulator,
  type FleetSimulator,
  type SimEndpointSpec,
} from '../../../src/sim/fleet-simulator.ts';
import { scriptedResponder } from '../../../src/sim/scripted-model.ts';
import type { SimResponder } from '../../../src/sim/types.ts';

export const CLI = resolve(import.meta.dirname, '../../../src/cli.ts');
/** The committed bundle (`npm test` checks it is current): what the `keel` bin and the Action run. */
export const BUILT_CLI = resolve(import.meta.dirname, '../../../dist/cli/index.js');
export const MODEL = 'sim-model';

/** No global or system git config (hooks, signing, default branch) leaks in from the machine. */
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** Statuses a run does not leave again by resuming (a `failed` run may be retried, but it did finish). */
export const FINAL_STATUSES = new Set(['completed', 'partial', 'degraded', 'failed']);

// ---------------------------------------------------------------------------------------------------------
// The simulated fleet

export interface FleetOptions {
  /** Latency of every endpoint (ms), unless an endpoint spec says otherwise. */
  latencyMs?: number;
  /** Default: `a`, `b`, `c`, all `ok`. */
  endpoints?: SimEndpointSpec[];
  /** Default: the scripted model (`scriptedResponder`). */
  responder?: SimResponder;
}

export async function startFleet(options: FleetOptions = {}): Promise<FleetSimulator> {
  const endpoints = options.endpoints ?? [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
  return startSimulator({
    endpoints: endpoints.map((e) => ({
      models: [MODEL],
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...e,
    })),
    responder: options.responder ?? scriptedResponder,
  });
}

/** Sets every endpoint of the simulator to `mode` (and latency). */
export async function setAllModes(
  sim: FleetSimulator,
  mode: 'ok' | 'refuse',
  latencyMs?: number,
): Promise<void> {
  for (const { name } of sim.endpoints) await sim.setMode(name, mode, latencyMs);
}

// ---------------------------------------------------------------------------------------------------------
// The sample project and its configuration

/** The sample project: two modules, a README, and `check.js`, which imports every module and calls it. */
export const SAMPLE_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'sample', private: true, type: 'module' }, null, 2)}\n`,
  'README.md': '# Sample\n\nA tiny project keel works on in tests.\n',
  'src/greet.js': 'export function greet(name) {\n  return `Hello, ${name}!`;\n}\n',
  'src/math.js': 'export function add(a, b) {\n  return a + b;\n}\n',
  'check.js': [
    '// Validation: every module under src/ loads, and every function it exports returns something.',
    "import { readdirSync } from 'node:fs';",
    "import { pathToFileURL } from 'node:url';",
    "import { join } from 'node:path';",
    'let checked = 0;',
    "for (const name of readdirSync('src').filter((n) => n.endsWith('.js')).sort()) {",
    "  const mod = await import(pathToFileURL(join(process.cwd(), 'src', name)).href);",
    '  for (const [key, value] of Object.entries(mod)) {',
    "    if (typeof value !== 'function') continue;",
    "    if (value('x', 1) === undefined) throw new Error(`${name}: ${key}() returned nothing`);",
    '    checked++;',
    '  }',
    '}',
    'console.log(`check: ${checked} function(s) ok`);',
    '',
  ].join('\n'),
};

/**
 * Six sentences, so six subtasks, each on its own file (the tree is then the same whatever order the commits
 * land in): three new modules, an edit of an existing module and of the README, and one that always fails.
 * Five of six succeed → the batch is kept, one manual-implementation issue, status `partial`.
 */
export const CRASH_TASK = [
  'Add a farewell helper in src/farewell.js.',
  'Extend the greeting in src/greet.js.',
  'Document the helpers in README.md.',
  'Add a slugify utility.',
  'Do the impossible: divide by zero exactly.',
  'Add a version constant in src/version.js.',
].join(' ');

export interface ConfigOptions {
  /** Role chains as `endpoint` names (model added); default planner a→b, coder [a,b]→c, reviewer b→c. */
  roles?: Record<'planner' | 'coder' | 'reviewer', (string | string[])[]>;
  /** `maxParallel` of every endpoint (default 1, so coding is spread over the run's duration). */
  maxParallel?: number;
  policy?: Record<string, unknown>;
  run?: Record<string, unknown>;
}

export interface RunFixture {
  /** The temporary directory everything lives in. */
  dir: string;
  repo: string;
  stateDir: string;
  configPath: string;
  baseSha: string;
  runDir(runId: string): string;
  git: Git;
  /** Writes the configuration again (e.g. other policies for a resume). */
  writeConfig(options: ConfigOptions): Promise<void>;
  cleanup(): Promise<void>;
}

/** Runs git synchronously in `cwd` (scene setting and reading, not under test). */
export function gitSync(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  }).trim();
}

export async function createRunFixture(
  sim: FleetSimulator,
  options: ConfigOptions = {},
): Promise<RunFixture> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'keel-run-')));
  const repo = join(dir, 'repo');
  await mkdir(repo);
  gitSync(repo, 'init', '--quiet', '-b', 'main');
  gitSync(repo, 'config', 'user.name', 'Sample Owner');
  gitSync(repo, 'config', 'user.email', 'owner@example.com');
  for (const [path, content] of Object.entries(SAMPLE_FILES)) {
    await mkdir(join(repo, path, '..'), { recursive: true });
    await writeFile(join(repo, path), content);
  }
  gitSync(repo, 'add', '-A');
  // A fixed date: every fixture's base commit is the same commit, so trees and shas compare across repos.
  execFileSync('git', ['commit', '--quiet', '-m', 'sample project'], {
    cwd: repo,
    env: {
      ...process.env,
      ...GIT_ENV,
      GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
    },
  });
  const stateDir = join(dir, 'state');
  const configPath = join(dir, 'keel.yml');
  const runner = createCommandRunner();
  const fixture: RunFixture = {
    dir,
    repo,
    stateDir,
    configPath,
    baseSha: gitSync(repo, 'rev-parse', 'HEAD'),
    runDir: (runId) => join(stateDir, 'runs', runId),
    git: createGit({ runner }),
    writeConfig: (o) => writeFile(configPath, stringify(configFor(sim, o))),
    cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
  await fixture.writeConfig(options);
  return fixture;
}

/** The `keel.yml` of a fixture: the simulator's endpoints, three role chains, `node check.js` as validation. */
export function configFor(sim: FleetSimulator, options: ConfigOptions = {}): Record<string, unknown> {
  const roles = options.roles ?? {
    planner: ['a', 'b'],
    coder: [['a', 'b'], 'c'],
    reviewer: ['b', 'c'],
  };
  const withModel = (tier: string | string[]): string | string[] =>
    Array.isArray(tier) ? tier.map((e) => `${e}/${MODEL}`) : `${tier}/${MODEL}`;
  return {
    version: 1,
    endpoints: sim.endpoints.map((e) => ({
      id: e.name,
      url: e.url,
      kind: 'local',
      maxParallel: options.maxParallel ?? 1,
      // Known windows: no discovery requests at start.
      contextWindow: 32_768,
      timeouts: { connectMs: 2_000, firstTokenMs: 30_000, idleMs: 30_000, totalMs: 60_000 },
    })),
    roles: Object.fromEntries(Object.entries(roles).map(([role, chain]) => [role, chain.map(withModel)])),
    policy: { maxWaitMs: 2_000, ...options.policy },
    run: { validate: ['node check.js'], validateTimeoutMs: 30_000, heartbeatMs: 200, ...options.run },
  };
}

// ---------------------------------------------------------------------------------------------------------
// keel run as a child process

export interface KeelRunOptions {
  /** Send `killSignal` this many ms after the spawn. */
  killAfterMs?: number;
  /** Send `killSignal` when a line of output (stdout or stderr) matches, after `killDelayMs`. */
  killOnLine?: RegExp;
  killDelayMs?: number;
  /** Default SIGKILL. */
  killSignal?: NodeJS.Signals;
  /** After the kill signal, SIGKILL this many ms later if the process is still there (a cut-short shutdown). */
  escalateAfterMs?: number;
  /** Called with every complete line of output (stdout and stderr), as it comes. */
  onLine?: (line: string) => void;
  env?: Record<string, string | undefined>;
  /** The child is SIGKILLed and the promise rejects after this long (a hung run is a failure). */
  timeoutMs?: number;
  /** The keel entry to run; default the sources (`src/cli.ts`), `BUILT_CLI` for the bundle users run. */
  cli?: string;
  /** Given the child as soon as it is spawned (to suspend it with SIGSTOP, say). */
  onSpawn?: (child: ChildProcess) => void;
}

export interface KeelExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the spawn to the exit event. */
  durationMs: number;
  /** When a kill signal was sent: ms after the spawn, and ms from that signal to the exit event. */
  killedAtMs?: number;
  killToExitMs?: number;
}

/** Arguments every `keel run` of a fixture carries. */
export function fixtureArgs(fx: RunFixture): string[] {
  return ['--repo', fx.repo, '--config', fx.configPath, '--state-dir', fx.stateDir];
}

/** Starts `node src/cli.ts run …args`; resolves when it exits (never rejects on a non-zero exit). */
export function runKeel(args: string[], options: KeelRunOptions = {}): Promise<KeelExit> {
  const started = performance.now();
  const child = spawn(process.execPath, [options.cli ?? CLI, 'run', ...args], {
    env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  const out = { stdout: '', stderr: '' };
  let killedAt: number | undefined;
  let exitedAt: number | undefined;
  let watchLines = options.killOnLine;
  const timers: NodeJS.Timeout[] = [];
  const kill = (): void => {
    if (exitedAt !== undefined || killedAt !== undefined) return;
    killedAt = performance.now();
    child.kill(options.killSignal ?? 'SIGKILL');
    if (options.escalateAfterMs !== undefined) {
      timers.push(setTimeout(() => exitedAt === undefined && child.kill('SIGKILL'), options.escalateAfterMs));
    }
  };
  if (options.killAfterMs !== undefined) timers.push(setTimeout(kill, options.killAfterMs));
  const onLine = (line: string): void => {
    options.onLine?.(line);
    if (watchLines === undefined || !watchLines.test(line)) return;
    watchLines = undefined;
    if (options.killDelayMs) timers.push(setTimeout(kill, options.killDelayMs));
    else kill();
  };
  for (const name of ['stdout', 'stderr'] as const) {
    let partial = '';
    child[name].setEncoding('utf8').on('data', (text: string) => {
      out[name] += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  return new Promise((resolvePromise, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    timers.push(
      setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `keel run ${args.join(' ')} did not exit within ${timeoutMs} ms\n${out.stdout}\n${out.stderr}`,
          ),
        );
      }, timeoutMs),
    );
    child.on('error', reject);
    // The exit is timed at the process's exit; the result waits for its output to be read to the end.
    child.on('exit', () => {
      exitedAt = performance.now();
    });
    child.on('close', (code, signal) => {
      const end = exitedAt ?? performance.now();
      for (const timer of timers) clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: out.stdout,
        stderr: out.stderr,
        durationMs: end - started,
        ...(killedAt !== undefined ? { killedAtMs: killedAt - started, killToExitMs: end - killedAt } : {}),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading what a run left behind

/** The run's checkpoint, or undefined when there is none (yet). Throws on a checkpoint that does not load. */
export async function readState(fx: RunFixture, runId: string): Promise<RunState | undefined> {
  const loaded = await new TaskStateStore({ runDir: fx.runDir(runId) }).load();
  if (loaded.problem !== undefined) throw new Error(`state of ${runId}: ${loaded.problem}`);
  return loaded.state;
}

export async function readEffects(fx: RunFixture, runId: string) {
  const effects = new LocalEffects({ runDir: fx.runDir(runId) });
  const [issues, pulls, comments] = await Promise.all([
    effects.issues(),
    effects.pulls(),
    effects.comments(),
  ]);
  return {
    issues,
    pulls,
    comments,
    recovery: issues.filter((i) => markerStep(i.marker) === 'recovery'),
    manual: issues.filter((i) => markerStep(i.marker)?.startsWith('code:') === true),
  };
}

/** path → blob sha of every file on `ref` (`git ls-tree -r`), sorted by path. */
export function branchFiles(fx: RunFixture, ref: string): Record<string, string> {
  const files: Record<string, string> = {};
  const text = gitSync(fx.repo, 'ls-tree', '-r', '--full-tree', ref);
  for (const line of text.split('\n')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
    if (match) files[match[2]!] = match[1]!;
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/** path → content of every file on `ref`: what a failing comparison prints. */
export function branchContents(fx: RunFixture, ref: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, blob] of Object.entries(branchFiles(fx, ref)))
    out[path] = gitSync(fx.repo, 'cat-file', 'blob', blob);
  return out;
}

/** Commits on the work branch since the base (oldest first), as `sha subject`. */
export function branchCommits(fx: RunFixture, branch: string): string[] {
  const text = gitSync(fx.repo, 'log', '--reverse', '--format=%H %s', `${fx.baseSha}..refs/heads/${branch}`);
  return text === '' ? [] : text.split('\n');
}

/**
 * Everything a crash and a resume could have duplicated: a step's commit, an issue / PR / comment marker,
 * the recovery record. Empty when all is well; otherwise one line per problem.
 */
export async function duplicateProblems(fx: RunFixture, state: RunState): Promise<string[]> {
  const problems: string[] = [];
  const ws = {
    repoRoot: fx.repo,
    worktree: state.repo.worktree,
    branch: state.repo.workBranch,
    baseSha: state.repo.baseSha,
    baseBranch: state.repo.baseBranch,
  };
  for (const [step, shas] of await duplicateStepCommits(fx.git, ws, state.runId)) {
    problems.push(`step ${step} committed ${shas.length} times: ${shas.join(', ')}`);
  }
  const effects = await readEffects(fx, state.runId);
  for (const [kind, records] of [
    ['issue', effects.issues],
    ['pull request', effects.pulls],
    ['comment', effects.comments],
  ] as const) {
    const seen = new Map<string, number>();
    for (const record of records) seen.set(record.marker, (seen.get(record.marker) ?? 0) + 1);
    for (const [marker, count] of seen)
      if (count > 1) problems.push(`${count} ${kind} records carry ${marker}`);
  }
  if (effects.recovery.length > 1) problems.push(`${effects.recovery.length} recovery records`);
  return problems;
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness for the crash trials

/** A seeded PRNG, so a failing trial can be replayed from its printed seed. */
export { mulberry32 as seededRandom } from '../../config/helpers.ts';
