/**
 * Issue 12 §12: a request killed in its first instants still leaves a trace. main saves the run it is about to
 * start — id, trigger, task — before the run id is printed or the run reaches disk; a SIGKILL from then on
 * leaves post enough to open the recovery issue (under the run's recovery marker) instead of saying "main
 * saved no run".
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  E2E,
  marker,
  parseFileCommands,
  runStep,
  startStep,
  waitFor,
  type World,
} from '../action/helpers/action-harness.ts';

const ISSUE = { number: 1, title: 'Small helpers' };
const TASK = 'Add a farewell helper in src/farewell.js.';
const event = commentEvent({
  body: `/keel run ${TASK}`,
  login: 'alice',
  association: 'COLLABORATOR',
  issue: ISSUE,
});

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const recoveryIssues = (w: World, runId: string) =>
  w.github.state.issues.filter((i) => i.body?.includes(marker(runId, 'recovery')));

describe('killed in its first instants', E2E, () => {
  it('main saved only the run it was starting: post opens the recovery issue with it, once', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' }, issues: [ISSUE] } });
    const w = world;
    const runner = await w.runner('one');
    const saved = {
      decision: 'run',
      issueNumber: String(ISSUE.number),
      intendedRunId: 'comment-4242',
      trigger: 'comment',
      task: TASK,
    };
    const post = await runStep({ world: w, runner, entry: 'post', event, state: saved });
    expect(post.code, post.stderr).toBe(0);
    expect(post.stdout).not.toContain('main saved no run');
    expect(post.stdout).toContain('run comment-4242 (comment) was stopped before its first checkpoint');
    const issues = recoveryIssues(w, 'comment-4242');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain(`Task: ${TASK}`);
    expect(issues[0]!.labels).toEqual(expect.arrayContaining(['keel', 'keel-recovery']));
    const writes = w.github.writes.length;
    await runStep({ world: w, runner, entry: 'post', event, state: saved });
    expect(w.github.writes.slice(writes)).toEqual([]);
  });

  it('a real main killed the instant it names the run: post still reports that run', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    const w = world;
    const runner = await w.runner('one');
    const main = startStep({ world: w, runner, entry: 'main', event });
    const named = await waitFor(
      'main to save the run it starts',
      () => {
        if (main.child.exitCode !== null) throw new Error(`main exited (${main.child.exitCode}) first`);
        try {
          const saved = parseFileCommands(readFileSync(main.files.state, 'utf8'));
          // The intent comes before anything else about the run.
          if (saved.runDir !== undefined && saved.intendedRunId === undefined)
            throw new Error('runDir saved before the intent');
          return saved.intendedRunId;
        } catch (error) {
          if (error instanceof Error && /before the intent/.test(error.message)) throw error;
          return undefined; // caught mid-append
        }
      },
      30_000,
      2,
    );
    main.child.kill('SIGKILL');
    const killed = await main.done;
    expect(killed.saved.intendedRunId).toBe(named);
    const post = await runStep({ world: w, runner, entry: 'post', event, state: killed.saved });
    expect(post.code, post.stderr).toBe(0);
    expect(recoveryIssues(w, named)).toHaveLength(1);
  });
});
