/**
 * Issue 12 §9: `effects: local` writes nothing remote. action.yml promises a dry run "must not write to the
 * repository": no API write, no push of the state branch or of an unfinished work branch, no artifact —
 * checked against a bare origin, for a run that finishes and for one cancelled mid-coding (whose `post` step
 * runs too).
 */
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWorld,
  dispatchEvent,
  E2E,
  git,
  runStep,
  startStep,
  type World,
} from '../action/helpers/action-harness.ts';

const TASK = 'Add a farewell helper in src/farewell.js. Add a version constant in src/version.js.';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function nothingRemote(w: World, refsBefore: string): Promise<void> {
  expect(git(w.origin, 'for-each-ref')).toBe(refsBefore);
  expect(w.github.writes).toEqual([]);
  expect(await readdir(w.artifactDir)).toEqual([]);
}

describe('effects: local', E2E, () => {
  it('a finished dry run pushes nothing, uploads nothing and writes nothing to the API', async () => {
    world = await createWorld();
    const runner = await world.runner('one');
    const refsBefore = git(world.origin, 'for-each-ref');
    const event = dispatchEvent({ task: TASK });
    const inputs = { task: TASK, effects: 'local' };
    const exit = await runStep({ world, runner, entry: 'main', event, inputs });
    expect(exit.code, exit.stderr).toBe(0);
    expect(['completed', 'partial']).toContain(exit.outputs.status);
    await nothingRemote(world, refsBefore);
  });

  it('a dry run cancelled mid-coding, and its post step, leave origin and the artifacts alone', async () => {
    world = await createWorld({ slowCoderMs: 20_000 });
    const runner = await world.runner('one');
    const refsBefore = git(world.origin, 'for-each-ref');
    const event = dispatchEvent({ task: TASK });
    const inputs = { task: TASK, effects: 'local' };
    const step = startStep({
      world,
      runner,
      entry: 'main',
      event,
      inputs,
      onLine: (line) => {
        if (/^code:\S+: committed /.test(line)) step.child.kill('SIGINT');
      },
    });
    const exit = await step.done;
    expect(exit.outputs.status, exit.stdout).toBe('interrupted');
    const post = await runStep({ world, runner, entry: 'post', event, inputs, state: exit.saved });
    expect(post.code, post.stderr).toBe(0);
    await nothingRemote(world, refsBefore);
  });
});
