/**
 * keel in somebody else's repository (issue 11 §1): the workflows of examples/workflows/ committed to a
 * second repository (with the lanes file of examples/), keel's release laid out where the runner downloads
 * actions, and every job run as the runner runs it — each `uses:` resolved (keel's action and sub-actions by
 * `OWNER/keel…@v1`, the reusable fan-out by `OWNER/keel/.github/workflows/keel-fanout.yml@v1`), each keel
 * step spawned from the release's own files with the runner's env. What only works inside keel's checkout —
 * `uses: ./actions/…`, `node dist/…`, a bundle that needs node_modules — fails here.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  commentEvent,
  createWorld,
  dispatchEvent,
  git,
  OWNER,
  REPO,
  ROOT,
  scheduleEvent,
  TOKEN,
  type World,
  E2E,
} from './helpers/action-harness.ts';
import type { FakeRoute } from '../helpers/fake-github.ts';
import {
  evaluate,
  layOutKeelRelease,
  readWorkflow,
  resolveUses,
  runJob,
  type Scope,
  type Workflow,
} from './helpers/workflow-runner.ts';

const EXAMPLES = join(ROOT, 'examples', 'workflows');
const ISSUE = {
  number: 1,
  title: 'Farewell helper',
  body: 'Add a farewell helper in src/farewell.js.',
  labels: ['keel'],
};

let world: World;
let release: string;
const dispatched: { workflow: string; inputs: Record<string, string> }[] = [];

/** The Actions API the guard calls: its lanes' recent runs (none) and workflow_dispatch. */
const actionsRoutes = (root: string): FakeRoute[] => [
  {
    method: 'GET',
    path: new RegExp(`^${root}/actions/workflows/([^/]+)/runs$`),
    handle: () => ({ status: 200, body: { total_count: 0, workflow_runs: [] } }),
  },
  {
    method: 'POST',
    path: new RegExp(`^${root}/actions/workflows/([^/]+)/dispatches$`),
    handle: (req) => {
      dispatched.push({
        workflow: req.params[0]!,
        inputs: (req.body as { inputs: Record<string, string> }).inputs,
      });
      return { status: 204 };
    },
  },
];

beforeAll(async () => {
  world = await createWorld({
    github: {
      issues: [ISSUE],
      labels: ['keel', 'keel:paused'],
      routes: actionsRoutes(`/repos/${OWNER}/${REPO}`),
    },
  });
  release = layOutKeelRelease(world.dir);
  // The user's repository gets what the README says to copy: the workflows and the lanes file (its endpoints
  // named after this repository's configuration), plus a task in the queue.
  const setup = join(world.dir, 'setup');
  git(world.dir, 'clone', '--quiet', world.origin, setup);
  await mkdir(join(setup, '.github', 'workflows'), { recursive: true });
  for (const file of await readdir(EXAMPLES))
    await writeFile(join(setup, '.github', 'workflows', file), await readFile(join(EXAMPLES, file)));
  const lanes = parse(await readFile(join(ROOT, 'examples', 'keel-lanes.yml'), 'utf8')) as {
    lanes: { endpoints: string[] }[];
  };
  for (const lane of lanes.lanes) lane.endpoints = ['a', 'b'];
  await writeFile(join(setup, '.github', 'keel-lanes.yml'), stringify(lanes));
  await writeFile(
    join(setup, '.github', 'keel-queue.ndjson'),
    `${JSON.stringify({ id: 'version', text: 'Add a version constant in src/version.js.' })}\n`,
  );
  git(setup, 'add', '-A');
  git(
    setup,
    '-c',
    'user.name=Owner',
    '-c',
    'user.email=owner@example.com',
    'commit',
    '--quiet',
    '-m',
    'keel',
  );
  git(setup, 'push', '--quiet', 'origin', 'HEAD:main');
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const workflow = (name: string): Workflow => readWorkflow(join(EXAMPLES, name));
const secrets = { OPENAI_API_KEY: 'sk-not-used' };
const github = { token: TOKEN, run_id: '9001', run_attempt: '1', repository: `${OWNER}/${REPO}` };

describe('examples/workflows in a second repository', E2E, () => {
  it('every uses: resolves to keel’s release or a known action, and no step runs a command', async () => {
    const runner = await world.runner('resolve');
    for (const file of await readdir(EXAMPLES)) {
      for (const [name, job] of Object.entries(workflow(file).jobs)) {
        if (job.uses) {
          expect(job.uses, `${file} ${name}`).toBe('OWNER/keel/.github/workflows/keel-fanout.yml@v1');
          continue;
        }
        for (const step of job.steps ?? []) {
          expect(step.run, `${file} ${name}: a run: step`).toBeUndefined();
          expect(
            () => resolveUses(step.uses!, release, runner.workspace),
            `${file} ${name} ${step.uses}`,
          ).not.toThrow();
        }
      }
    }
    // The reusable fan-out runs its steps from a checkout of keel, never from the caller's ./actions.
    const fanout = readWorkflow(join(release, '.github', 'workflows', 'keel-fanout.yml'));
    for (const job of Object.values(fanout.jobs))
      for (const step of job.steps ?? [])
        expect(step.uses).toMatch(/^actions\/checkout@|^\.\/\.keel-action\/actions\//);
  });

  it('keel.yml, dispatched with doctor: true, checks the setup on the runner and runs nothing', async () => {
    const runner = await world.runner('doctor');
    const inputs = { task: '', resume: false, 'run-id': '', doctor: true };
    const { exits } = await runJob(
      world,
      runner,
      release,
      workflow('keel.yml').jobs.keel!,
      dispatchEvent({ doctor: 'true' }),
      {
        inputs,
        secrets,
        github,
      },
    );
    expect(exits[0]!.code, exits[0]!.stdout + exits[0]!.stderr).toBe(0);
    expect(exits[0]!.stdout).toContain('keel doctor: ready');
    expect(exits[0]!.summary).toContain('### keel doctor');
    expect(world.github.state.pulls).toHaveLength(0);
  });

  it('keel.yml on its schedule takes the keel issue and opens its pull request', async () => {
    const runner = await world.runner('schedule');
    const { exits } = await runJob(world, runner, release, workflow('keel.yml').jobs.keel!, scheduleEvent(), {
      inputs: {},
      secrets,
      github,
    });
    expect(exits.map((e) => e.code)).toEqual([0, 0]); // main, post
    expect(exits[0]!.outputs['run-id']).toBe('issue-1');
    expect(world.github.state.pulls.map((p) => p.head)).toContain('keel/issue-1');
  });

  it('keel.yml answers /keel status in its small hosted job', async () => {
    const runner = await world.runner('status');
    const event = commentEvent({ body: '/keel status', login: OWNER, association: 'OWNER', issue: ISSUE });
    const job = workflow('keel.yml').jobs.command!;
    const before = world.github.state.comments.length;
    const { exits } = await runJob(world, runner, release, job, event, { inputs: {}, secrets, github });
    expect(exits[0]!.code, exits[0]!.stderr).toBe(0);
    expect(world.github.state.comments.length).toBe(before + 1);
    expect(world.github.state.comments.at(-1)!.body).toContain('**keel status**');
  });

  it('keel-lane-hosted.yml drains its lane through actions/lane: a pull request, a claim ref', async () => {
    const runner = await world.runner('lane');
    const inputs = { lane: 'hosted' };
    const { exits } = await runJob(
      world,
      runner,
      release,
      workflow('keel-lane-hosted.yml').jobs.lane!,
      dispatchEvent(inputs),
      {
        inputs,
        secrets,
        github,
      },
    );
    expect(exits[0]!.code, exits[0]!.stdout + exits[0]!.stderr).toBe(0);
    expect(exits[0]!.outputs).toMatchObject({ stop: 'drained', processed: '1' });
    expect(world.github.state.pulls.map((p) => p.head)).toContain('keel/q-version');
    expect([...world.github.state.refs.keys()].some((ref) => ref.endsWith('/q-version'))).toBe(true);
  });

  it('keel-guard.yml runs a guard cycle from actions/guard, counting the lane’s claim on GitHub', async () => {
    const runner = await world.runner('guard');
    const { exits } = await runJob(
      world,
      runner,
      release,
      workflow('keel-guard.yml').jobs.guard!,
      scheduleEvent('*/15 * * * *'),
      {
        inputs: {},
        secrets,
        github,
      },
    );
    expect(exits[0]!.code, exits[0]!.stdout + exits[0]!.stderr).toBe(0);
    // The only queued task was claimed through GitHub by the lane job: nothing to start.
    expect(dispatched.filter((d) => d.workflow.startsWith('keel-lane'))).toEqual([]);
  });

  it('keel-fanout.yml calls the reusable workflow: plan, a coder job per subtask, review — from a checkout of keel', async () => {
    const caller = workflow('keel-fanout.yml').jobs.keel!;
    const called = readWorkflow(join(release, '.github', 'workflows', 'keel-fanout.yml'));
    const task = 'Add a goodbye helper in src/goodbye.js. Add a name constant in src/name.js.';
    const callerScope: Scope = { inputs: { task }, secrets, github };
    const inputs: Record<string, unknown> = {};
    const declared = (called.on as { workflow_call: { inputs: Record<string, { default?: unknown }> } })
      .workflow_call.inputs;
    for (const [name, spec] of Object.entries(declared)) inputs[name] = spec.default;
    for (const [name, value] of Object.entries(caller.with ?? {}))
      inputs[name] = evaluate(value, callerScope);
    const scope: Scope = { inputs, secrets, github };
    const event = dispatchEvent({ task });

    const plan = await runJob(world, await world.runner('plan'), release, called.jobs.plan!, event, scope);
    expect(plan.exits[0]!.code, plan.exits[0]!.stderr).toBe(0);
    const planned = plan.outputs.plan!;
    const needs = { plan: { outputs: planned, result: 'success' } };
    const subtasks = (JSON.parse(planned.matrix!) as { subtask: string[] }).subtask;
    expect(subtasks.length).toBeGreaterThan(0);
    for (const subtask of subtasks) {
      const code = await runJob(
        world,
        await world.runner(`code-${subtask}`),
        release,
        called.jobs.code!,
        event,
        {
          ...scope,
          needs,
          matrix: { subtask },
        },
      );
      expect(code.exits[0]!.code, code.exits[0]!.stderr).toBe(0);
    }
    const review = await runJob(world, await world.runner('review'), release, called.jobs.review!, event, {
      ...scope,
      needs,
    });
    expect(review.exits[0]!.code, review.exits[0]!.stderr).toBe(0);
    expect(['completed', 'partial']).toContain(review.outputs.review!.status);
    expect(world.github.state.pulls.map((p) => p.head)).toContain(`keel/${planned['run-id']}`);
  });
});
