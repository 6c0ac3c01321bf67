/**
 * `actions/guard` in-process on a GitHub-hosted runner, against the fake GitHub API (plus the Actions
 * routes the guard uses), the fleet simulator as the hosted endpoint and real lanes and queue files in the
 * workspace: lanes started by workflow_dispatch, a stale `keel:paused` label cleared, a stuck lane
 * reported once as an issue, an interrupted run resumed once.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/base/clock.ts';
import type { ActionIO } from '../../src/action/action-io.ts';
import { runGuardAction } from '../../src/action/guard-action.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { startFakeGitHub, type FakeGitHub, type FakeRoute } from '../helpers/fake-github.ts';
import { HOUR, MINUTE, START } from './guard-fixtures.ts';

const OWNER = 'acme';
const REPO = 'widgets';
const iso = (ms: number): string => new Date(ms).toISOString();

let sim: FleetSimulator;
let github: FakeGitHub;
let workspace: string;
let dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[];

beforeAll(async () => {
  sim = await startSimulator({ endpoints: [{ name: 'cloud', mode: 'ok' }] });
});
afterAll(async () => {
  await sim.close();
});

/** Workflow runs by workflow file, as `listWorkflowRuns` answers them. */
const runs: Record<string, { status: string; display_title: string; created_at: string }[]> = {
  'keel-lane-hosted.yml': [
    { status: 'in_progress', display_title: 'keel lane busy', created_at: iso(START - 20 * MINUTE) },
    { status: 'completed', display_title: 'keel lane held', created_at: iso(START - 2 * HOUR) },
  ],
  'keel-lane-stuck.yml': [
    { status: 'queued', display_title: 'keel lane stuck', created_at: iso(START - HOUR) },
  ],
};

const actionRoutes = (root: string): FakeRoute[] => [
  {
    method: 'GET',
    path: new RegExp(`^${root}/actions/workflows/([^/]+)/runs$`),
    handle: (req) => {
      const list = runs[req.params[0]!] ?? [];
      return {
        status: 200,
        body: { total_count: list.length, workflow_runs: list.map((run, i) => ({ id: i + 1, ...run })) },
      };
    },
  },
  {
    method: 'POST',
    path: new RegExp(`^${root}/actions/workflows/([^/]+)/dispatches$`),
    handle: (req) => {
      const body = req.body as { ref: string; inputs: Record<string, string> };
      dispatches.push({ workflow: req.params[0]!, ref: body.ref, inputs: body.inputs });
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: new RegExp(`^${root}/issues/7/events$`),
    handle: () => ({
      status: 200,
      body: [
        {
          id: 1,
          event: 'labeled',
          label: { name: 'keel:paused' },
          actor: { login: 'heidi' },
          created_at: iso(START - 7 * HOUR),
        },
        { id: 2, event: 'commented', actor: { login: 'ivan' }, created_at: iso(START - HOUR) },
      ],
    }),
  },
];

beforeEach(async () => {
  dispatches = [];
  workspace = await mkdtemp(join(tmpdir(), 'keel-guard-action-'));
  github = await startFakeGitHub({
    owner: OWNER,
    repo: REPO,
    issues: [
      {
        number: 7,
        title: 'keel lane held',
        body: 'Tracking issue.\n\n<!-- keel:lane=held -->',
        labels: ['keel-guard', 'keel:paused'],
        // keel's own (an earlier cycle opened it): markers count only on items keel's identity wrote.
        user: 'github-actions[bot]',
      },
    ],
    routes: actionRoutes(`/repos/${OWNER}/${REPO}`),
  });
  await mkdir(join(workspace, '.github/queues'), { recursive: true });
  await writeFile(
    join(workspace, '.github/keel.yml'),
    [
      'version: 1',
      'endpoints:',
      '  - { id: lan, url: "http://192.168.77.1:8000/v1", kind: local }',
      `  - { id: cloud, url: "${sim.endpoints[0]!.url}", kind: hosted }`,
      'roles:',
      '  coder: [lan/m, cloud/sim-model]',
      '',
    ].join('\n'),
  );
  const lane = (name: string, endpoint: string, workflow: string) =>
    `  - { name: ${name}, queueFile: queues/${name}.ndjson, queueStateFile: queues/${name}.state.json, endpoints: [${endpoint}], workflow: ${workflow} }`;
  await writeFile(
    join(workspace, '.github/keel-lanes.yml'),
    [
      'version: 1',
      'lanes:',
      lane('local', 'lan', 'keel-lane-local.yml'),
      lane('busy', 'cloud', 'keel-lane-hosted.yml'),
      lane('held', 'cloud', 'keel-lane-hosted.yml'),
      lane('stuck', 'cloud', 'keel-lane-stuck.yml'),
      'guard: { idleCyclesBeforeAlert: 2, maxStartsPerCycle: 5, startGraceMs: 600000 }',
      '',
    ].join('\n'),
  );
  const tasks = (count: number) =>
    Array.from({ length: count }, (_, i) => `{"id":"t${i}","text":"task ${i}"}\n`).join('');
  await writeFile(join(workspace, '.github/queues/local.ndjson'), tasks(2));
  await writeFile(join(workspace, '.github/queues/busy.ndjson'), tasks(1));
  await writeFile(join(workspace, '.github/queues/held.ndjson'), tasks(3));
  await writeFile(join(workspace, '.github/queues/stuck.ndjson'), tasks(4));
});
afterEach(async () => {
  await github.close();
  await rm(workspace, { recursive: true, force: true });
});

function fakeIO(inputs: Record<string, string> = {}) {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const logs: string[] = [];
  const annotations: { title: string; message: string }[] = [];
  const io: ActionIO = {
    input: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    saveState: () => undefined,
    getState: () => '',
    setSecret: () => undefined,
    info: (text) => logs.push(text),
    annotate: (annotation) => annotations.push(annotation),
    group: (_title, body) => body(),
    summary: async (markdown) => {
      summaries.push(markdown);
    },
  };
  return { io, outputs, summaries, logs, annotations };
}

const INPUTS = {
  lanes: '.github/keel-lanes.yml',
  config: '.github/keel.yml',
  'github-token': 'ghs_guardToken0123456789',
  'resume-workflow': 'keel.yml',
  'tracking-issues': 'true',
};

async function guardRun(at: number) {
  const capture = fakeIO(INPUTS);
  const clock: Clock = { now: () => at, sleep: () => Promise.reject(new Error('no sleeping here')) };
  const code = await runGuardAction({
    io: capture.io,
    env: {
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: github.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '555',
      RUNNER_ENVIRONMENT: 'github-hosted',
      RUNNER_TEMP: workspace,
    },
    signal: new AbortController().signal,
    clock,
    branchRuns: async () => [
      { runId: 'run-9', status: 'interrupted', updatedAt: START - HOUR },
      { runId: 'run-8', status: 'completed', updatedAt: START - 2 * HOUR },
    ],
  });
  return { code, ...capture };
}

describe('actions/guard', () => {
  it('dispatches idle lanes and a resume, clears a stale label pause, and reports a stuck lane once', async () => {
    const first = await guardRun(START);
    expect(first.code).toBe(0);

    // held (3 queued) before local (2); busy has a run in progress; stuck's run is queued for an hour.
    expect(dispatches).toEqual([
      { workflow: 'keel-lane-hosted.yml', ref: 'main', inputs: { lane: 'held' } },
      { workflow: 'keel-lane-local.yml', ref: 'main', inputs: { lane: 'local' } },
      { workflow: 'keel.yml', ref: 'main', inputs: { resume: 'true', 'run-id': 'run-9' } },
    ]);
    expect(JSON.parse(first.outputs.started!)).toEqual(['held', 'local']);
    expect(JSON.parse(first.outputs.resumed!)).toEqual(['run-9']);
    expect(JSON.parse(first.outputs['idle-lanes']!)).toEqual(['local', 'held', 'stuck']);

    // The stale pause: label removed, with a comment saying by whom it was set and who cleared it.
    const held = github.state.issues.find((issue) => issue.number === 7)!;
    expect(held.labels).not.toContain('keel:paused');
    const comment = github.state.comments.find((c) => c.issue_number === 7)!;
    expect(comment.body).toContain('paused by heidi');
    expect(comment.body).toContain('keel guard (https://github.com/acme/widgets/actions/runs/555)');

    // A tracking issue per lane (held's already existed); no idle issue before the second idle cycle.
    const titles = (): string[] => github.state.issues.map((issue) => issue.title).sort();
    expect(titles()).toEqual(['keel lane busy', 'keel lane held', 'keel lane local', 'keel lane stuck']);
    expect(first.annotations).toEqual([]);
    expect(first.summaries[0]).toContain('## keel guard — cycle 1');
    expect(first.summaries[0]).toMatch(/\| local \| idle \| 2 \| started \| 1 \| lan: unreachable \|/);

    // The next scheduled run, with the guard state carried over (actions/cache in the workflow): the
    // dispatched runs are queued, nothing is started or resumed twice; stuck is idle a second time.
    dispatches = [];
    runs['keel-lane-hosted.yml']!.push({
      status: 'queued',
      display_title: 'keel lane held',
      created_at: iso(START),
    });
    runs['keel-lane-local.yml'] = [
      { status: 'queued', display_title: 'keel lane local', created_at: iso(START) },
    ];
    const second = await guardRun(START + 5 * MINUTE);
    expect(second.code).toBe(0);
    expect(dispatches).toEqual([]);
    expect(titles()).toContain('keel guard: lane stuck idle with queued work');
    const alert = github.state.issues.find((issue) => issue.title.startsWith('keel guard:'))!;
    expect(alert.labels).toEqual(['keel-guard']);
    expect(alert.body).toContain('is a runner with labels');
    expect(alert.body).toMatch(/<!-- keel:guard-idle lane=stuck since=\d+ -->$/);
    expect(second.annotations).toEqual([expect.objectContaining({ title: 'persistent_idle_condition' })]);
    expect(second.summaries[0]).toContain('persistent_idle_condition');

    // A third run: stuck is still idle, and its issue is not opened again.
    const third = await guardRun(START + 8 * MINUTE);
    expect(third.code).toBe(0);
    expect(github.state.issues.filter((issue) => issue.title.startsWith('keel guard:'))).toHaveLength(1);
    expect(dispatches).toEqual([]);
    expect(github.unknown).toEqual([]);
  });
});
