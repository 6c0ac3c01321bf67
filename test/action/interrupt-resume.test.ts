/**
 * Cancellation and resume of the built Action: SIGINT to `main` mid-coding (two subtasks committed, two
 * waiting on a slow endpoint) leaves, within the issue's 5 s, a checkpoint, the recovery issue and durable
 * copies on origin; a resume on ANOTHER runner (a fresh clone, the first runner thrown away) finishes the
 * run from those copies and duplicates nothing.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  dispatchEvent,
  git,
  gitMaybe,
  marker,
  OWNER,
  readBranchState,
  readLocalState,
  REPO,
  runStep,
  startStep,
  type Runner,
  type StepExit,
  type World,
  E2E,
} from './helpers/action-harness.ts';

const ISSUE = { number: 1, title: 'Small helpers' };
const TASK = [
  'Add a farewell helper in src/farewell.js.',
  'Add a version constant in src/version.js.',
  'Add a slugify utility.',
  'Document the helpers in README.md.',
].join(' ');
const CODE_STEPS = [
  'code:add-a-farewell-helper-in-src-farewell-js',
  'code:add-a-slugify-utility',
  'code:add-a-version-constant-in-src-version-js',
  'code:document-the-helpers-in-readme-md',
];
/** The issue's bound: SIGINT → checkpoint and recovery issue. */
const SHUTDOWN_BOUND_MS = 5_000;

interface Interrupted {
  runner: Runner;
  exit: StepExit;
  runId: string;
  /** ms from the SIGINT to the process's exit. */
  signalToExitMs: number;
  /** Code step → commit, as the interrupted run's checkpoint has them. */
  committed: Map<string, string>;
}

/**
 * A collaborator's `/keel run` on runner one; SIGINT once two subtasks are committed (endpoint `b`, fast)
 * while the other two wait on endpoint `c` (30 s).
 */
async function interruptMidCoding(world: World, inputs: Record<string, string> = {}): Promise<Interrupted> {
  const runner = await world.runner('one');
  let commits = 0;
  let signalledAt = 0;
  const step = startStep({
    world,
    runner,
    entry: 'main',
    inputs,
    event: commentEvent({
      body: `/keel run ${TASK}`,
      login: 'alice',
      association: 'COLLABORATOR',
      issue: ISSUE,
    }),
    onLine: (line) => {
      if (/^code:\S+: committed /.test(line) && ++commits === 2) {
        signalledAt = performance.now();
        step.child.kill('SIGINT');
      }
    },
  });
  const exit = await step.done;
  expect(signalledAt, `never saw two commits:\n${exit.stdout}\n${exit.stderr}`).toBeGreaterThan(0);
  const runId = exit.saved.runId!;
  const state = readLocalState(runner, runId);
  const committed = new Map(
    Object.values(state?.steps ?? {})
      .filter((s) => s.commit !== undefined)
      .map((s) => [stepIdOf(state!, s), s.commit!]),
  );
  return { runner, exit, runId, signalToExitMs: exit.exitedAt - signalledAt, committed };
}

function stepIdOf(state: NonNullable<ReturnType<typeof readLocalState>>, step: object): string {
  return Object.entries(state.steps).find(([, s]) => s === step)![0];
}

/** Step → sha of every commit on origin's work branch since main, read from the Keel-Step trailers. */
function originStepCommits(world: World, runId: string): Map<string, string[]> {
  const log = git(
    world.origin,
    'log',
    '--format=%H %(trailers:key=Keel-Step,valueonly,separator=)',
    `main..refs/heads/keel/${runId}`,
  );
  const out = new Map<string, string[]>();
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, step] = line.split(' ');
    out.set(step!, [...(out.get(step!) ?? []), sha!]);
  }
  return out;
}

/** Markers carried by more than one issue, pull request or comment (a duplicated effect). */
function duplicatedMarkers(world: World): string[] {
  const { issues, pulls, comments } = world.github.state;
  const seen = new Map<string, number>();
  for (const body of [
    ...issues.map((i) => i.body),
    ...pulls.map((p) => p.body),
    ...comments.map((c) => c.body),
  ]) {
    for (const found of (body ?? '').matchAll(/<!-- keel:run=\S+ step=\S+ -->/g)) {
      seen.set(found[0], (seen.get(found[0]) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, n]) => n > 1).map(([m, n]) => `${n}× ${m}`);
}

/** A second runner: c is fast again (the LAN box came back), runner one is gone with its disk. */
async function anotherRunner(world: World, first: Runner): Promise<Runner> {
  await world.discard(first);
  await world.fleet.setMode('c', 'ok', 40);
  return world.runner('two');
}

describe('SIGINT mid-run, then a workflow_dispatch with resume: true on another runner', E2E, () => {
  // One world for both: the second test continues what the first left.
  let world: World | undefined;
  let first: Interrupted;
  afterAll(async () => {
    await world?.close();
  });

  it('within 5 s of SIGINT: exited, checkpoint interrupted locally and on keel/state, recovery issue open', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    // The exit code of an interrupted run is the input's, not the config's default 0.
    first = await interruptMidCoding(world, { 'exit-code-on-interrupt': '3' });
    const { exit, runId, runner } = first;
    console.info(
      `SIGINT → exit (checkpoint, recovery issue, state branch pushed): ${first.signalToExitMs.toFixed(0)} ms`,
    );
    expect(first.signalToExitMs).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(exit.code, exit.stderr).toBe(3);

    // Everything below existed when the process exited, i.e. within the bound.
    expect(readLocalState(runner, runId)?.status).toBe('interrupted');
    expect(first.committed.size).toBe(2);
    const recovery = world.github.state.issues.filter((i) => i.body?.includes(marker(runId, 'recovery')));
    expect(recovery).toHaveLength(1);
    const issue = recovery[0]!;
    expect(issue.state).toBe('open');
    expect(issue.labels).toEqual(expect.arrayContaining(['keel', 'keel-recovery']));
    expect(issue.body).toContain(`resume: true and run-id: ${runId}`);
    expect(issue.body).toContain(`-f resume=true -f run-id=${runId}`);
    expect(issue.body).toContain(`/keel resume ${runId}`);
    expect(exit.outputs).toMatchObject({
      'run-id': runId,
      status: 'interrupted',
      'recovery-issue': `https://github.com/${OWNER}/${REPO}/issues/${issue.number}`,
      'pr-url': '',
    });
    // The durable copies another runner needs: the checkpoint on keel/state, the work on keel/<run>.
    expect(readBranchState(world, runId)?.status).toBe('interrupted');
    expect(originStepCommits(world, runId)).toEqual(new Map([...first.committed].map(([s, c]) => [s, [c]])));
    // The tracking comment says it stopped, and how to go on.
    const tracking = world.github.state.comments.filter((c) => c.body.includes(marker(runId, 'tracking')));
    expect(tracking).toHaveLength(1);
    expect(tracking[0]!.body).toContain('stopped before finishing');
    expect(world.github.state.pulls).toEqual([]);
  });

  it('the resume finishes from the state branch, closes the recovery issue, and duplicates nothing', async () => {
    const w = world!;
    const { runId } = first;
    const runner = await anotherRunner(w, first.runner);
    const exit = await runStep({
      world: w,
      runner,
      entry: 'main',
      workflowRunId: '2002',
      event: dispatchEvent({ resume: 'true', 'run-id': runId }),
      inputs: { resume: 'true', 'run-id': runId },
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.stdout).toContain(`checkpoint of run ${runId}: state branch keel/state (run ${runId})`);
    expect(exit.outputs).toMatchObject({ 'run-id': runId, status: 'completed', 'recovery-issue': '' });

    // The work of the first runner is in the pull request as it was made (same commits), plus the rest.
    const commits = originStepCommits(w, runId);
    expect([...commits.keys()].sort()).toEqual(CODE_STEPS);
    for (const [step, sha] of first.committed) expect(commits.get(step)).toEqual([sha]);
    for (const shas of commits.values()) expect(shas).toHaveLength(1);

    const { issues, pulls, comments } = w.github.state;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: `keel/${runId}` });
    expect(exit.outputs['pr-url']).toBe(`https://github.com/${OWNER}/${REPO}/pull/${pulls[0]!.number}`);
    const recovery = issues.filter((i) => i.body?.includes(marker(runId, 'recovery')));
    expect(recovery).toHaveLength(1);
    expect(recovery[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const closing = comments.filter((c) => c.issue_number === recovery[0]!.number);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.body).toContain(`${w.github.url}/${OWNER}/${REPO}/actions/runs/2002`);
    // One tracking comment, still on the issue the run came from, and current: it says how the run ended.
    const tracking = comments.filter((c) => c.body.includes(marker(runId, 'tracking')));
    expect(tracking).toHaveLength(1);
    expect(tracking[0]).toMatchObject({ issue_number: ISSUE.number });
    expect(tracking[0]!.body).toContain('— completed');
    expect(issues.map((i) => i.number).sort()).toEqual([ISSUE.number, recovery[0]!.number]);
    expect(duplicatedMarkers(w)).toEqual([]);
    expect(readBranchState(w, runId)?.status).toBe('completed');
  });
});

describe('other ways back after a SIGINT', E2E, () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('/keel resume <run> commented on the recovery issue keeps the one tracking comment where it was', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    const first = await interruptMidCoding(world);
    const { runId } = first;
    const recovery = world.github.state.issues.find((i) => i.body?.includes(marker(runId, 'recovery')))!;
    expect(recovery).toBeDefined();
    const runner = await anotherRunner(world, first.runner);
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: commentEvent({
        body: `/keel resume ${runId}`,
        login: 'alice',
        association: 'COLLABORATOR',
        issue: { number: recovery.number, title: recovery.title, body: recovery.body },
      }),
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.outputs).toMatchObject({ 'run-id': runId, status: 'completed' });
    const tracking = world.github.state.comments.filter((c) => c.body.includes(marker(runId, 'tracking')));
    expect(tracking.map((c) => c.issue_number)).toEqual([ISSUE.number]);
    expect(tracking[0]!.body).toContain('— completed');
    expect(world.github.state.pulls).toHaveLength(1);
    expect(world.github.state.issues.find((i) => i.number === recovery.number)?.state).toBe('closed');
    expect(duplicatedMarkers(world)).toEqual([]);
  });

  it('when the work branch never reached origin, the resume codes the lost subtasks again: nothing is missing', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    const first = await interruptMidCoding(world);
    const { runId } = first;
    // The push of the work branch did not make it (a network failure, a SIGKILL in between).
    git(world.origin, 'update-ref', '-d', `refs/heads/keel/${runId}`);
    expect(gitMaybe(world.origin, 'rev-parse', '--verify', `refs/heads/keel/${runId}`)).toBeUndefined();
    const runner = await anotherRunner(world, first.runner);
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: dispatchEvent({ resume: 'true', 'run-id': runId }),
      inputs: { resume: 'true', 'run-id': runId },
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.outputs).toMatchObject({ status: 'completed', 'partial-success-rate': '1.00' });
    const commits = originStepCommits(world, runId);
    expect([...commits.keys()].sort()).toEqual(CODE_STEPS);
    for (const shas of commits.values()) expect(shas).toHaveLength(1);
    for (const path of ['src/farewell.js', 'src/version.js', 'src/add-a-slugify-utility.js']) {
      expect(gitMaybe(world.origin, 'cat-file', '-e', `keel/${runId}:${path}`), path).toBe('');
    }
    expect(duplicatedMarkers(world)).toEqual([]);
  });
});
