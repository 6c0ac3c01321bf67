/**
 * A GitHub runner's view of workflows in a *user's* repository (issue 11 §1): keel's release laid out where
 * the runner downloads actions (`_actions/OWNER/keel/v1/`, with only what the repository has at a tag — no
 * node_modules, no src/), every `uses:` of a workflow resolved as the runner resolves it, and each keel step
 * run as the runner runs it (`node <action dir>/<runs.main>` with the runner's env, then `runs.post`). A path
 * that exists only in keel's own checkout fails here: a `uses: ./…` the user's repository lacks, an entry
 * outside the action's directory, a bundle that needs a package it does not carry.
 *
 * Expressions are evaluated for the forms the workflows use: `a.b.c` look-ups, `x || y`, quoted strings,
 * numbers and booleans.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { ROOT, runStep, type EventSpec, type Runner, type StepExit, type World } from './action-harness.ts';

export const KEEL_OWNER = 'OWNER';
export const KEEL_REF = 'v1';

/** What a tag of keel's repository holds that a runner downloads: not node_modules, not src/, not test/. */
const RELEASED = ['action.yml', 'actions', 'dist', '.github/workflows', 'package.json', 'README.md'];

/** keel's release where the runner puts downloaded actions; returns its directory. */
export function layOutKeelRelease(base: string): string {
  const dir = join(base, '_actions', KEEL_OWNER, 'keel', KEEL_REF);
  mkdirSync(dir, { recursive: true });
  for (const path of RELEASED) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  return dir;
}

export interface Workflow {
  on?: unknown;
  jobs: Record<string, Job>;
}

export interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
  steps?: Step[];
  strategy?: { matrix?: unknown };
}

export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

export type Resolved =
  | { kind: 'keel'; dir: string; actionYml: string; main: string; post?: string }
  | { kind: 'checkout' }
  | { kind: 'cache' }
  | { kind: 'setup-node' };

/** Where the runner finds `uses:` — keel's release, the workspace for `./…`, or a known third-party action. */
export function resolveUses(uses: string, release: string, workspace: string): Resolved {
  if (/^actions\/checkout@/.test(uses)) return { kind: 'checkout' };
  if (/^actions\/cache(\/(restore|save))?@/.test(uses)) return { kind: 'cache' };
  if (/^actions\/setup-node@/.test(uses)) return { kind: 'setup-node' };
  let dir: string;
  const remote = new RegExp(`^${KEEL_OWNER}/keel(/.+)?@${KEEL_REF}$`).exec(uses);
  if (remote) dir = join(release, remote[1] ?? '');
  else if (uses.startsWith('./')) dir = join(workspace, uses);
  else throw new Error(`uses: ${uses}: not an action this runner knows`);
  const actionYml = join(dir, 'action.yml');
  if (!existsSync(actionYml)) throw new Error(`uses: ${uses}: no action.yml at ${dir}`);
  const action = parse(readFileSync(actionYml, 'utf8')) as {
    runs?: { using?: string; main?: string; post?: string };
  };
  if (action.runs?.using !== 'node24') throw new Error(`uses: ${uses}: runs.using is ${action.runs?.using}`);
  const root = remote ? release : join(workspace, uses.split('/').slice(0, 2).join('/'));
  const entry = (file: string | undefined): string | undefined => {
    if (file === undefined) return undefined;
    const path = resolve(dir, file);
    // The runner has the action's repository at this ref and nothing else: an entry outside it is missing.
    if (relative(root, path).startsWith('..'))
      throw new Error(`uses: ${uses}: runs entry ${file} is outside the action's repository`);
    if (!existsSync(path)) throw new Error(`uses: ${uses}: runs entry ${file} does not exist`);
    return path;
  };
  const main = entry(action.runs.main);
  if (!main) throw new Error(`uses: ${uses}: no runs.main`);
  const post = entry(action.runs.post);
  return { kind: 'keel', dir, actionYml, main, ...(post ? { post } : {}) };
}

export type Scope = Record<string, unknown>;

/** `${{ … }}` in a value, for the forms keel's workflows use. */
export function evaluate(value: unknown, scope: Scope): string {
  return show(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression: string) => {
    const alternatives = expression.split('||').map((s) => s.trim());
    // `a || b`: the first truthy operand, else the last one (as GitHub's expression language has it).
    let found: unknown;
    for (const alternative of alternatives) {
      found = term(alternative, scope);
      if (found !== undefined && found !== null && found !== '' && found !== false && found !== 0) break;
    }
    return show(found);
  });
}

/** A value as the runner puts it into a string: scalars as themselves, objects as JSON, nothing as ''. */
function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function term(expression: string, scope: Scope): unknown {
  if (/^'.*'$/.test(expression)) return expression.slice(1, -1);
  if (expression === 'true' || expression === 'false') return expression === 'true';
  if (/^\d+$/.test(expression)) return Number(expression);
  if (!/^[A-Za-z_][\w.-]*$/.test(expression)) throw new Error(`expression not supported here: ${expression}`);
  let current: unknown = scope;
  for (const key of expression.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export interface JobRun {
  outputs: Record<string, Record<string, string>>;
  exits: StepExit[];
}

/**
 * Runs a job's steps as the runner would, in `runner`'s workspace: third-party actions emulated
 * (`actions/checkout` of keel's repository copies the release to its `path`), keel's steps spawned with their
 * inputs and env evaluated, then their `post` entries in reverse order.
 */
export async function runJob(
  world: World,
  runner: Runner,
  release: string,
  job: Job,
  event: EventSpec,
  scope: Scope,
  workflowRunId = '9001',
): Promise<JobRun> {
  const outputs: Record<string, Record<string, string>> = {};
  const exits: StepExit[] = [];
  const posts: {
    resolved: Extract<Resolved, { kind: 'keel' }>;
    saved: Record<string, string>;
    inputs: Record<string, string>;
    env: Record<string, string>;
  }[] = [];
  for (const step of job.steps ?? []) {
    if (step.run !== undefined) throw new Error(`a run: step in a workflow users copy: ${step.run}`);
    const stepScope = {
      ...scope,
      steps: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { outputs: v }])),
    };
    const resolved = resolveUses(step.uses!, release, runner.workspace);
    if (resolved.kind === 'checkout') {
      const repository = evaluate(step.with?.repository, stepScope);
      if (repository !== '') {
        if (repository !== `${KEEL_OWNER}/keel`) throw new Error(`checkout of ${repository}: not keel`);
        const path = join(runner.workspace, evaluate(step.with?.path, stepScope));
        mkdirSync(dirname(path), { recursive: true });
        cpSync(release, path, { recursive: true });
      }
      continue;
    }
    if (resolved.kind !== 'keel') continue;
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([key, value]) => [key, evaluate(value, stepScope)]),
    );
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value, stepScope)]),
    );
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event,
      inputs,
      env,
      workflowRunId,
      action: { script: resolved.main, actionYml: resolved.actionYml },
    });
    exits.push(exit);
    if (step.id) outputs[step.id] = exit.outputs;
    if (resolved.post) posts.push({ resolved, saved: exit.saved, inputs, env });
    if (exit.code !== 0) break;
  }
  for (const post of posts.reverse()) {
    exits.push(
      await runStep({
        world,
        runner,
        entry: 'post',
        event,
        inputs: post.inputs,
        env: post.env,
        state: post.saved,
        workflowRunId,
        action: { script: post.resolved.post!, actionYml: post.resolved.actionYml },
      }),
    );
  }
  return { outputs, exits };
}
