/**
 * The built Action run the way the GitHub runner runs it, for the end-to-end tests under `test/action/`:
 *
 * - a **world**: a bare repository as `origin` (holding the sample project and `.github/keel.yml`), the fleet
 *   simulator with the scripted model, and the fake GitHub API on loopback;
 * - **runners**: each a fresh clone of `origin` as `GITHUB_WORKSPACE` (what `actions/checkout` leaves) with its
 *   own `RUNNER_TEMP` and `HOME` — two runners share nothing but `origin`, the fake GitHub and, as the
 *   Actions artifact service does, the artifact directory;
 * - **steps**: `node dist/<entry>/index.js` spawned with nothing of this process's environment but `PATH`,
 *   and the runner's: `INPUT_<NAME>` for every input of the action's `action.yml` (defaults applied, as the
 *   runner does), `GITHUB_*` with an event payload file, fresh `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` /
 *   `GITHUB_STATE` files per step, and for `post` the `STATE_<name>` variables the runner makes from the
 *   `GITHUB_STATE` file `main` wrote.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../../helpers/fake-github.ts';
import { SAMPLE_FILES, startFleet, MODEL } from '../../run/helpers/run-fixture.ts';
import type { FleetSimulator } from '../../../src/sim/fleet-simulator.ts';
import type { SimResponder } from '../../../src/sim/types.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const OWNER = 'acme';
export const REPO = 'widgets';
export const TOKEN = 'ghs_fakeActionsToken0123456789';
/** The env var the config names as `apiKeyEnv` of endpoint `a` (and of `echo`, when there is one). */
export const KEY_ENV = 'KEEL_E2E_API_KEY';
export const STATE_BRANCH = 'keel/state';
/**
 * For the end-to-end tests: each takes 1–3 s, but spawns several processes; a loaded machine must not turn
 * that into a timeout. (Nothing here is a timing assertion; the 5 s shutdown bound is measured separately.)
 */
export const E2E = { timeout: 60_000 };

export type Entry = 'main' | 'post' | 'plan' | 'code' | 'review';

const ACTION_YML: Record<Entry, string> = {
  main: 'action.yml',
  post: 'action.yml',
  plan: 'actions/plan/action.yml',
  code: 'actions/code/action.yml',
  review: 'actions/review/action.yml',
};

/** No global or system git config (hooks, signing, identity) leaks in from the machine. */
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  }).trim();
}

/** Like `git`, but undefined instead of a throw (a ref that does not exist). */
export function gitMaybe(cwd: string, ...args: string[]): string | undefined {
  try {
    return git(cwd, ...args);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The world

export interface WorldOptions {
  /** Latency of every simulated endpoint (ms) unless said otherwise. Default 40. */
  latencyMs?: number;
  /** Latency of coder endpoint `c` (ms): slow, to catch a run mid-coding. Default `latencyMs`. */
  slowCoderMs?: number;
  /** The key of the endpoints with `apiKeyEnv`. Default a fixed fake key. */
  apiKey?: string;
  /**
   * An extra endpoint `echo`, first in every chain and keyed with `apiKeyEnv`, that answers every request with
   * a 500 whose body echoes the request's `Authorization` header — the API key (the canary test).
   */
  keyEchoEndpoint?: boolean;
  github?: Partial<Omit<FakeGitHubOptions, 'owner' | 'repo'>>;
  /** The model behind every endpoint; default the scripted model. */
  responder?: SimResponder;
  /** Replaces or adds to the `run:` settings of `.github/keel.yml`. */
  run?: Record<string, unknown>;
  /** Files the repository holds besides the sample project (path → content). */
  files?: Record<string, string>;
}

export interface World {
  dir: string;
  /** The bare repository every runner clones and pushes to. */
  origin: string;
  /** Endpoints `a` (planner, reviewer; keyed), `b` and `c` (coders, one tier, two slots each). */
  fleet: FleetSimulator;
  github: FakeGitHub;
  apiKey: string;
  /** With `keyEchoEndpoint`: the `Authorization` header of every request the echo endpoint got. */
  echoAuth: string[];
  /** Shared by every runner, as the Actions artifact service is (`KEEL_ARTIFACT_DIR`). */
  artifactDir: string;
  /** A new runner: a fresh clone of `origin` and its own temp directory. */
  runner(name: string): Promise<Runner>;
  /** Throws a runner away with everything on it (an ephemeral runner after its job). */
  discard(runner: Runner): Promise<void>;
  close(): Promise<void>;
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'keel-action-')));
  const latencyMs = options.latencyMs ?? 40;
  const fleet = await startFleet({
    latencyMs,
    endpoints: [{ name: 'a' }, { name: 'b' }, { name: 'c', latencyMs: options.slowCoderMs ?? latencyMs }],
    ...(options.responder ? { responder: options.responder } : {}),
  });
  const echo = options.keyEchoEndpoint ? await startKeyEchoServer() : undefined;
  const github = await startFakeGitHub({ owner: OWNER, repo: REPO, ...options.github });
  const apiKey = options.apiKey ?? 'sk-fake-e2e-key-0000';

  // The repository as the user has it: the sample project and keel's configuration.
  const seed = join(dir, 'seed');
  await mkdir(seed);
  git(seed, 'init', '--quiet', '-b', 'main');
  for (const [path, content] of Object.entries({ ...SAMPLE_FILES, ...options.files })) {
    await mkdir(join(seed, path, '..'), { recursive: true });
    await writeFile(join(seed, path), content);
  }
  await mkdir(join(seed, '.github'), { recursive: true });
  const config = keelConfig(fleet, echo?.url);
  config.run = { ...(config.run as Record<string, unknown>), ...options.run };
  await writeFile(join(seed, '.github', 'keel.yml'), stringify(config));
  git(seed, 'add', '-A');
  git(seed, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.com', 'commit', '--quiet', '-m', 'init');
  const origin = join(dir, 'origin.git');
  git(dir, 'clone', '--quiet', '--bare', seed, origin);
  await rm(seed, { recursive: true, force: true });
  const artifactDir = join(dir, 'artifacts');
  await mkdir(artifactDir);

  return {
    dir,
    origin,
    fleet,
    github,
    apiKey,
    echoAuth: echo?.auth ?? [],
    artifactDir,
    runner: (name) => createRunner(dir, origin, name),
    discard: (runner) => rm(runner.base, { recursive: true, force: true, maxRetries: 3 }),
    close: async () => {
      await github.close();
      await fleet.close();
      await echo?.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function keelConfig(fleet: FleetSimulator, echoUrl: string | undefined): Record<string, unknown> {
  const timeouts = { connectMs: 2_000, firstTokenMs: 30_000, idleMs: 30_000, totalMs: 60_000 };
  const keyed = { apiKeyEnv: KEY_ENV };
  const endpoints = [
    ...(echoUrl ? [{ id: 'echo', url: echoUrl, kind: 'local', ...keyed }] : []),
    ...fleet.endpoints.map((e) => ({
      id: e.name,
      url: e.url,
      kind: 'local',
      ...(e.name === 'a' ? keyed : {}),
    })),
  ].map((e) => ({ ...e, maxParallel: 2, contextWindow: 32_768, timeouts }));
  const first = echoUrl ? [`echo/${MODEL}`] : [];
  return {
    version: 1,
    endpoints,
    roles: {
      planner: [...first, `a/${MODEL}`, `b/${MODEL}`],
      coder: [...first, [`b/${MODEL}`, `c/${MODEL}`], `a/${MODEL}`],
      reviewer: [...first, `a/${MODEL}`, `b/${MODEL}`],
    },
    policy: { maxWaitMs: 2_000 },
    run: { validate: ['node check.js'], validateTimeoutMs: 30_000, heartbeatMs: 200 },
  };
}

/** An OpenAI-compatible endpoint that is always broken, and says the caller's key in its error body. */
async function startKeyEchoServer(): Promise<{ url: string; auth: string[]; close(): Promise<void> }> {
  const auth: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const header = req.headers.authorization ?? '(none)';
      auth.push(header);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: `upstream crashed handling ${header}`, type: 'server_error' } }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    auth,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Runners and steps

export interface Runner {
  name: string;
  /** Everything of this runner. */
  base: string;
  /** `GITHUB_WORKSPACE`: a clone of origin, as `actions/checkout` leaves it (origin set, main checked out). */
  workspace: string;
  temp: string;
  home: string;
}

async function createRunner(dir: string, origin: string, name: string): Promise<Runner> {
  const base = join(dir, `runner-${name}`);
  const workspace = join(base, 'work', REPO);
  const temp = join(base, 'temp');
  const home = join(base, 'home');
  await mkdir(join(base, 'work'), { recursive: true });
  await mkdir(temp);
  await mkdir(home);
  git(join(base, 'work'), 'clone', '--quiet', origin, REPO);
  return { name, base, workspace, temp, home };
}

export interface EventSpec {
  name: string;
  payload: Record<string, unknown>;
}

export interface StepOptions {
  world: World;
  runner: Runner;
  entry: Entry;
  event: EventSpec;
  /** Inputs as the workflow's `with:` gives them; action.yml defaults fill the rest. */
  inputs?: Record<string, string>;
  /** `STATE_<name>` for `post` (see `postStateOf`). */
  state?: Record<string, string>;
  /** The workflow run (`GITHUB_RUN_ID`); default 1001. */
  workflowRunId?: string;
  env?: Record<string, string>;
  /** Called with every complete line of stdout and stderr as it comes. */
  onLine?: (line: string) => void;
  /** The process is SIGKILLed and the promise rejects after this long. Default 45 s (inside `E2E`). */
  timeoutMs?: number;
  /** Where the built steps are (`<distDir>/<entry>/index.js`). Default this checkout's dist/. */
  distDir?: string;
  /**
   * The action as the runner found it elsewhere (`_actions/<owner>/<repo>/<ref>/…`): the script it runs (its
   * `runs.main` or `runs.post`) and the action.yml whose defaults fill the inputs. Beats `distDir`.
   */
  action?: { script: string; actionYml: string };
}

export interface StepFiles {
  output: string;
  summary: string;
  state: string;
  event: string;
}

export interface StepExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed `GITHUB_OUTPUT`. */
  outputs: Record<string, string>;
  /** Parsed `GITHUB_STATE` (what `post` would get as `STATE_*`). */
  saved: Record<string, string>;
  summary: string;
  /** Where the runner files of this step are (raw `GITHUB_OUTPUT`, `GITHUB_STATE` …). */
  files: StepFiles;
  /** performance.now() at the exit event. */
  exitedAt: number;
}

export interface StepProcess {
  child: ChildProcess;
  files: StepFiles;
  done: Promise<StepExit>;
}

let stepCounter = 0;

export function startStep(o: StepOptions): StepProcess {
  const n = ++stepCounter;
  const files: StepFiles = {
    output: join(o.runner.temp, `_output_${n}`),
    summary: join(o.runner.temp, `_summary_${n}`),
    state: join(o.runner.temp, `_state_${n}`),
    event: join(o.runner.temp, `_event_${n}.json`),
  };
  for (const path of [files.output, files.summary, files.state]) writeFileSync(path, '');
  writeFileSync(files.event, JSON.stringify(o.event.payload, null, 2));
  const inputs = { ...defaultInputs(o.entry, o.action?.actionYml), ...o.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: o.runner.home,
    ...GIT_ENV,
    NO_COLOR: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_WORKSPACE: o.runner.workspace,
    GITHUB_RUN_ID: o.workflowRunId ?? '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'keel',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_API_URL: o.world.github.url,
    GITHUB_SERVER_URL: o.world.github.url,
    RUNNER_TEMP: o.runner.temp,
    RUNNER_ENVIRONMENT: 'self-hosted',
    KEEL_ARTIFACT_DIR: o.world.artifactDir,
    [KEY_ENV]: o.world.apiKey,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...Object.fromEntries(Object.entries(o.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...o.env,
  };
  const script = o.action?.script ?? join(o.distDir ?? join(ROOT, 'dist'), o.entry, 'index.js');
  const child = spawn(process.execPath, [script], {
    cwd: o.runner.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    let partial = '';
    child[name].setEncoding('utf8').on('data', (text: string) => {
      out[name] += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) o.onLine?.(line);
    });
  }
  const done = new Promise<StepExit>((resolvePromise, reject) => {
    const timeoutMs = o.timeoutMs ?? 45_000;
    let exitedAt = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${o.entry} did not exit within ${timeoutMs} ms\n${out.stdout}\n${out.stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', () => {
      exitedAt = performance.now();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: out.stdout,
        stderr: out.stderr,
        outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
        saved: parseFileCommands(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        files,
        exitedAt: exitedAt || performance.now(),
      });
    });
  });
  return { child, files, done };
}

export function runStep(o: StepOptions): Promise<StepExit> {
  return startStep(o).done;
}

/** The action's inputs with their defaults, as the runner sets them (`${{ github.token }}` → the token). */
export function defaultInputs(entry: Entry, actionYml?: string): Record<string, string> {
  const inputs = actionInputs(entry, actionYml);
  return Object.fromEntries(
    Object.entries(inputs).map(([name, spec]) => [
      name,
      scalar(spec.default).replace('${{ github.token }}', TOKEN),
    ]),
  );
}

/** A YAML default as the runner passes it: scalars as text, anything else (a mistake in action.yml) loudly. */
function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new Error(`an input default that is not a scalar: ${JSON.stringify(value)}`);
}

export function actionInputs(
  entry: Entry,
  actionYml = join(ROOT, ACTION_YML[entry]),
): Record<string, { default?: unknown; description?: string }> {
  const doc = parse(readFileSync(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: unknown; description?: string }>;
  };
  return doc.inputs ?? {};
}

/**
 * The runner's file-command format (`GITHUB_OUTPUT`, `GITHUB_STATE`): `name<<DELIMITER\nvalue\nDELIMITER`
 * blocks, and the legacy `name=value` lines.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated value of ${name} in file command`);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Events

const repository = {
  id: 4242,
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  private: false,
  owner: { login: OWNER, id: 1, type: 'Organization' },
  default_branch: 'main',
};

export interface CommentEventOptions {
  body: string;
  login: string;
  association: string;
  userType?: 'User' | 'Bot';
  issue: { number: number; title: string; body?: string | null };
  /** The issue is a pull request: the payload's issue carries `pull_request` (its links), as GitHub sends. */
  pullRequest?: boolean;
}

/** An `issue_comment` `created` payload, shaped like GitHub's. */
export function commentEvent(o: CommentEventOptions): EventSpec {
  const user = { login: o.login, id: 9000 + o.login.length, type: o.userType ?? 'User' };
  const issueUrl = `https://github.com/${OWNER}/${REPO}/issues/${o.issue.number}`;
  const pullUrl = `https://github.com/${OWNER}/${REPO}/pull/${o.issue.number}`;
  const pull = {
    url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${o.issue.number}`,
    html_url: pullUrl,
    diff_url: `${pullUrl}.diff`,
    patch_url: `${pullUrl}.patch`,
    merged_at: null,
  };
  return {
    name: 'issue_comment',
    payload: {
      action: 'created',
      issue: {
        number: o.issue.number,
        title: o.issue.title,
        body: o.issue.body ?? null,
        state: 'open',
        locked: false,
        labels: [],
        user: { login: OWNER, id: 1, type: 'User' },
        author_association: 'OWNER',
        html_url: o.pullRequest ? pullUrl : issueUrl,
        comments: 0,
        ...(o.pullRequest ? { pull_request: pull } : {}),
      },
      comment: {
        id: 555_001,
        body: o.body,
        user,
        author_association: o.association,
        html_url: `${issueUrl}#issuecomment-555001`,
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      },
      repository,
      sender: user,
    },
  };
}

/**
 * A `schedule` event as the runner writes it: not a webhook (@octokit/webhooks-examples has none), just the
 * cron that fired and the workflow context (upstream-github notes §7).
 */
export function scheduleEvent(cron = '17 */6 * * *'): EventSpec {
  return { name: 'schedule', payload: { schedule: cron, repository } };
}

/** A `workflow_dispatch` payload with the workflow's inputs. */
export function dispatchEvent(inputs: Record<string, string>): EventSpec {
  return {
    name: 'workflow_dispatch',
    payload: {
      inputs,
      ref: 'refs/heads/main',
      workflow: '.github/workflows/keel.yml',
      repository,
      sender: { login: 'octocat', id: 583231, type: 'User' },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading what a run left behind

export interface RunStateLite {
  runId: string;
  status: string;
  steps: Record<string, { status: string; commit?: string }>;
  repo: { workBranch: string; baseSha: string };
  effects: Record<string, { ref: string; marker: string }>;
}

export function readLocalState(runner: Runner, runId: string): RunStateLite | undefined {
  const path = join(runner.workspace, '.keel', 'runs', runId, 'state.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RunStateLite) : undefined;
}

/** The run's `state.json` on the state branch of origin, or undefined. */
export function readBranchState(world: World, runId: string): RunStateLite | undefined {
  const text = gitMaybe(world.origin, 'show', `refs/heads/${STATE_BRANCH}:runs/${runId}/state.json`);
  return text === undefined ? undefined : (JSON.parse(text) as RunStateLite);
}

/** Every file of every branch of origin whose content contains `needle`, as `branch:path`. */
export function originBranchesContaining(world: World, needle: string): string[] {
  const branches = git(world.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads').split('\n');
  const hits: string[] = [];
  for (const ref of branches.filter(Boolean)) {
    const found = gitMaybe(world.origin, 'grep', '-l', '-F', '-e', needle, ref);
    if (found) hits.push(...found.split('\n'));
  }
  return hits;
}

/** Every file under `dir` (recursively) whose bytes contain `needle`. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await readFile(full)).includes(needle)) hits.push(full);
    }
  };
  if (existsSync(dir)) await walk(dir);
  return hits;
}

export function marker(runId: string, step: string): string {
  return `<!-- keel:run=${runId} step=${step} -->`;
}

/** A long random string: the canary key. */
export function canary(): string {
  return `sk-canary-${randomBytes(24).toString('hex')}`;
}

/** Resolves when `predicate` holds, polling every `everyMs`; rejects after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 10,
): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
