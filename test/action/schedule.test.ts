/**
 * The schedule advances through the issue queue (issue 11 §4): each firing takes the oldest `keel` issue
 * nobody has taken — through a claim ref created with the git data API, which only one runner can win —
 * labels it `keel:running`, opens its pull request, and leaves it `keel:done`, so the next firing moves on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, runStep, scheduleEvent, startStep, type World, E2E } from './helpers/action-harness.ts';

const FAREWELL = {
  number: 1,
  title: 'Farewell helper',
  body: 'Add a farewell helper in src/farewell.js.',
  labels: ['keel'],
};
const VERSION = {
  number: 2,
  title: 'Version constant',
  body: 'Add a version constant in src/version.js.',
  labels: ['keel'],
};

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const modelCalls = (w: World): number => Object.values(w.fleet.stats()).reduce((n, s) => n + s.requests, 0);
const labelsOf = (w: World, number: number): string[] =>
  w.github.state.issues
    .find((i) => i.number === number)
    ?.labels.slice()
    .sort() ?? [];

async function fire(w: World, n: number) {
  const exit = await runStep({
    world: w,
    runner: await w.runner(`schedule-${n}`),
    entry: 'main',
    event: scheduleEvent(),
    workflowRunId: String(5000 + n),
  });
  expect(exit.code, exit.stderr).toBe(0);
  return exit;
}

describe('the schedule', E2E, () => {
  it('fired three times on one issue: one run, one pull request, one tracking comment; the issue ends keel:done', async () => {
    world = await createWorld({ github: { issues: [FAREWELL] } });
    const first = await fire(world, 1);
    expect(first.outputs['run-id']).toBe('issue-1');
    expect(['completed', 'partial']).toContain(first.outputs.status);
    const calls = modelCalls(world);

    const second = await fire(world, 2);
    const third = await fire(world, 3);
    for (const later of [second, third]) {
      expect(later.outputs).toEqual({ status: 'ignored' });
      expect(later.stdout).toContain('no open issue is waiting for keel');
    }
    expect(modelCalls(world)).toBe(calls);

    const { pulls, comments, refs } = world.github.state;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: 'keel/issue-1', state: 'open' });
    // Merging it closes the issue it was made for, and only that one.
    expect(pulls[0]!.body).toMatch(/^Closes #1$/m);
    expect(pulls[0]!.body?.match(/Closes #\d+/g)).toEqual(['Closes #1']);
    expect(comments.filter((c) => c.issue_number === 1)).toHaveLength(1);
    expect(labelsOf(world, 1)).toEqual(['keel', 'keel:done']);
    expect([...refs.keys()]).toEqual(['refs/keel/claims/issues/1']);
  });

  it('with two issues: one pull request each, oldest first, then nothing', async () => {
    world = await createWorld({ github: { issues: [FAREWELL, VERSION] } });
    expect((await fire(world, 1)).outputs['run-id']).toBe('issue-1');
    expect((await fire(world, 2)).outputs['run-id']).toBe('issue-2');
    expect((await fire(world, 3)).outputs).toEqual({ status: 'ignored' });
    const heads = world.github.state.pulls.map((p) => p.head).sort();
    expect(heads).toEqual(['keel/issue-1', 'keel/issue-2']);
    expect(labelsOf(world, 1)).toEqual(['keel', 'keel:done']);
    expect(labelsOf(world, 2)).toEqual(['keel', 'keel:done']);
  });

  it('two firings at the same instant take the issue once: the claim is a compare-and-set', async () => {
    world = await createWorld({ github: { issues: [FAREWELL] } });
    const [a, b] = await Promise.all(
      [1, 2].map(
        async (n) =>
          startStep({
            world: world!,
            runner: await world!.runner(`race-${n}`),
            entry: 'main',
            event: scheduleEvent(),
            workflowRunId: String(6000 + n),
          }).done,
      ),
    );
    const statuses = [a!.outputs.status, b!.outputs.status].sort();
    expect(statuses[1]).toBe('ignored');
    expect(['completed', 'partial']).toContain(statuses[0]);
    expect(world.github.state.pulls).toHaveLength(1);
  });

  it('a claim another runner holds wins, even before its label shows: the next issue is taken instead', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    world = await createWorld({
      github: { issues: [FAREWELL, VERSION], refs: { 'refs/keel/claims/issues/1': sha } },
    });
    const exit = await fire(world, 1);
    expect(exit.outputs['run-id']).toBe('issue-2');
    expect(exit.stdout).toContain('skipped #1 was taken by an earlier run');
    // Asked for #1's claim and was told it exists (422 "Reference already exists"), then took #2's.
    const creates = world.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs'));
    expect(creates.map((r) => r.status)).toEqual([422, 201]);
    expect(world.github.state.pulls.map((p) => p.head)).toEqual(['keel/issue-2']);
    expect(labelsOf(world, 1)).toEqual(['keel']);
  });

  it('an issue with an open keel pull request is passed over', async () => {
    world = await createWorld({
      github: {
        issues: [FAREWELL, VERSION],
        pulls: [
          {
            number: 7,
            title: 'keel: farewell',
            head: 'keel/comment-9',
            body: 'Done by hand.\n\nCloses #1\n\n<!-- keel:run=comment-9 step=publish -->',
          },
        ],
      },
    });
    const exit = await fire(world, 1);
    expect(exit.outputs['run-id']).toBe('issue-2');
    expect(exit.stdout).toContain('skipped #1 has an open keel pull request');
  });

  it('an issue whose run could not start is given back (claim released, label removed)', async () => {
    world = await createWorld({ github: { issues: [FAREWELL] } });
    const exit = await runStep({
      world,
      runner: await world.runner('broken'),
      entry: 'main',
      event: scheduleEvent(),
      inputs: { config: '.github/missing.yml' },
    });
    expect(exit.code).toBe(1);
    expect(exit.stdout).toContain('giving the issue back to the schedule');
    expect(world.github.state.refs.size).toBe(0);
    expect(labelsOf(world, 1)).toEqual(['keel']);
  });

  it('effects: local only looks: no claim, no label', async () => {
    world = await createWorld({ github: { issues: [FAREWELL] } });
    const exit = await runStep({
      world,
      runner: await world.runner('dry'),
      entry: 'main',
      event: scheduleEvent(),
      inputs: { effects: 'local' },
    });
    expect(exit.code, exit.stderr).toBe(0);
    expect(world.github.state.refs.size).toBe(0);
    expect(labelsOf(world, 1)).toEqual(['keel']);
  });
});
