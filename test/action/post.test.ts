/**
 * The built Action's `post` step, which the runner runs always — also after `main` was SIGKILLed (a job
 * timeout, a cancellation past its grace period). It gets `main`'s saved state as `STATE_*` variables, the
 * way the runner passes it, and must then do what `main` could not: mark the checkpoint interrupted, copy it
 * off the runner, open the recovery issue and say so in the tracking comment — once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentEvent,
  createWorld,
  git,
  gitMaybe,
  marker,
  parseFileCommands,
  readBranchState,
  readLocalState,
  runStep,
  startStep,
  waitFor,
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

function recoveryIssues(w: World, runId: string) {
  return w.github.state.issues.filter((i) => i.body?.includes(marker(runId, 'recovery')));
}

describe('post after main was SIGKILLed', E2E, () => {
  it('right after main saved its run id: post marks the checkpoint interrupted and opens the recovery issue, once', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    const w = world;
    const runner = await w.runner('one');
    const main = startStep({ world: w, runner, entry: 'main', event });
    // Watch GITHUB_STATE the way a killer with bad timing would: the instant the run is named.
    await waitFor(
      'main to save runDir',
      () => {
        if (main.child.exitCode !== null)
          throw new Error(`main exited (${main.child.exitCode}) before saving runDir`);
        try {
          return parseFileCommands(readFileSync(main.files.state, 'utf8')).runDir;
        } catch {
          return undefined; // caught mid-append
        }
      },
      30_000,
      2,
    );
    main.child.kill('SIGKILL');
    const killed = await main.done;
    expect(killed.signal).toBe('SIGKILL');
    const runId = killed.saved.runId!;
    expect(runId).toBeDefined();
    // main died with the run `running` and nothing on GitHub.
    expect(readLocalState(runner, runId)?.status).toBe('running');
    expect(recoveryIssues(w, runId)).toEqual([]);

    const post = await runStep({ world: w, runner, entry: 'post', event, state: killed.saved });
    expect(post.code, post.stderr).toBe(0);
    expect(readLocalState(runner, runId)?.status).toBe('interrupted');
    const issues = recoveryIssues(w, runId);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('open');
    expect(issues[0]!.labels).toEqual(expect.arrayContaining(['keel', 'keel-recovery']));
    expect(issues[0]!.body).toContain(`-f resume=true -f run-id=${runId}`);
    expect(issues[0]!.body).toContain(`/keel resume ${runId}`);
    // The tracking comment on the issue the run was asked for says so too, with the way back.
    const tracking = w.github.state.comments.filter((c) => c.body?.includes(marker(runId, 'tracking')));
    expect(tracking).toHaveLength(1);
    expect(tracking[0]).toMatchObject({ issue_number: ISSUE.number });
    expect(tracking[0]!.body).toContain(`/keel resume ${runId}`);
    expect(tracking[0]!.body).toContain('Recovery record: ');
    const local = readLocalState(runner, runId) as unknown as { effects: Record<string, { ref: string }> };
    expect(Object.keys(local.effects).sort()).toEqual(['recovery', 'tracking']);
    const manifest = join(runner.workspace, '.keel', 'runs', runId, 'manifest.json');
    expect((JSON.parse(readFileSync(manifest, 'utf8')) as { status: string }).status).toBe('interrupted');
    expect(readBranchState(w, runId)?.status).toBe('interrupted');
    const artifact = join(w.artifactDir, '1001', `keel-state-${runId}`, 'state.json');
    expect((JSON.parse(readFileSync(artifact, 'utf8')) as { status: string }).status).toBe('interrupted');

    // The runner would not run post twice, but a re-run job or a second post-step must not add anything.
    const writes = w.github.writes.length;
    const again = await runStep({ world: w, runner, entry: 'post', event, state: killed.saved });
    expect(again.code, again.stderr).toBe(0);
    expect(w.github.writes.slice(writes)).toEqual([]);
    expect(recoveryIssues(w, runId)).toHaveLength(1);
  });

  it('mid-coding: post also pushes the work committed so far, so another runner can resume it', async () => {
    world = await createWorld({
      slowCoderMs: 30_000,
      github: { collaborators: { alice: 'write' }, issues: [ISSUE] },
    });
    const w = world;
    const runner = await w.runner('one');
    let commits = 0;
    const main = startStep({
      world: w,
      runner,
      entry: 'main',
      event,
      onLine: (line) => {
        if (/^code:\S+: committed /.test(line) && ++commits === 2) main.child.kill('SIGKILL');
      },
    });
    const killed = await main.done;
    expect(killed.signal).toBe('SIGKILL');
    const runId = killed.saved.runId!;
    // What was committed when main died (its checkpoint may not have caught up with the last one).
    const committed = git(runner.workspace, 'log', '--format=%H', `main..refs/heads/keel/${runId}`).split(
      '\n',
    );
    expect(committed).toHaveLength(2);
    expect(gitMaybe(w.origin, 'rev-parse', '--verify', `refs/heads/keel/${runId}`)).toBeUndefined();

    const post = await runStep({ world: w, runner, entry: 'post', event, state: killed.saved });
    expect(post.code, post.stderr).toBe(0);
    expect(recoveryIssues(w, runId)).toHaveLength(1);
    expect(readBranchState(w, runId)?.status).toBe('interrupted');
    const pushed = git(w.origin, 'log', '--format=%H', `main..refs/heads/keel/${runId}`).split('\n');
    expect(pushed).toEqual(committed);
  });
});

describe('post after main finished', E2E, () => {
  it('does nothing: no API write, nothing pushed', async () => {
    world = await createWorld({ github: { collaborators: { alice: 'write' }, issues: [ISSUE] } });
    const w = world;
    const runner = await w.runner('one');
    const main = await runStep({ world: w, runner, entry: 'main', event });
    expect(main.code, main.stderr).toBe(0);
    expect(main.outputs.status).toBe('completed');
    expect(main.saved.finished).toBe('true');
    const writes = w.github.writes.length;
    const requests = w.github.requests.length;
    const refs = git(w.origin, 'for-each-ref');

    const post = await runStep({ world: w, runner, entry: 'post', event, state: main.saved });
    expect(post.code, post.stderr).toBe(0);
    expect(w.github.writes.length).toBe(writes);
    expect(w.github.requests.length).toBe(requests);
    expect(git(w.origin, 'for-each-ref')).toBe(refs);
    expect(recoveryIssues(w, main.outputs['run-id']!)).toEqual([]);
  });
});
