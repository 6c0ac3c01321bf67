/**
 * Issue 12 §7: ignored paths never lose work silently. A coder wrote `dist/b.js` (ignored by the repository)
 * and a `.gitignore` that swallowed another subtask's `src/feature.js`; with `git add --all` both steps said
 * "committed", the run said "completed", and the pull request lacked the files. Now exactly the edited paths
 * are staged: an ignored one fails its subtask with the reason (or is forced in with
 * `run.allowIgnoredPaths`), and a step's record lists the files it committed — each of them on the branch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWorld,
  dispatchEvent,
  E2E,
  gitMaybe,
  readLocalState,
  runStep,
  type World,
} from '../action/helpers/action-harness.ts';
import { compliantModel } from './helpers/compliant-model.ts';

const TASK = 'Build, ignore, feature.';

function script() {
  return compliantModel({
    plan: [
      { id: 'build', title: 'Build', files: ['dist/b.js'], instructions: 'Commit the build.' },
      { id: 'ignore', title: 'Ignore', files: ['.gitignore'], instructions: 'Ignore the feature.' },
      { id: 'feature', title: 'Feature', files: ['src/feature.js'], instructions: 'Add the feature.' },
    ],
    code: {
      build: { edits: [{ path: 'dist/b.js', content: 'built();\n' }], commitMessage: 'build' },
      ignore: {
        edits: [{ path: '.gitignore', content: 'dist/\nsrc/feature.js\n' }],
        commitMessage: 'ignore',
      },
      feature: {
        edits: [{ path: 'src/feature.js', content: 'export const feature = () => 1;\n' }],
        commitMessage: 'feature',
      },
    },
  });
}

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

interface StepLite {
  status: string;
  error?: string;
  files?: string[];
}

describe('edits to ignored paths', E2E, () => {
  it('fail their subtask with the reason; every step called done has all its files on the branch', async () => {
    world = await createWorld({
      responder: script(),
      files: { '.gitignore': 'dist/\n' },
      run: { minSuccessRate: 0 },
    });
    const runner = await world.runner('one');
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: dispatchEvent({ task: TASK }),
      inputs: { task: TASK },
    });
    expect(exit.code, exit.stderr).toBe(0);
    const runId = exit.outputs['run-id']!;
    const steps = readLocalState(runner, runId)!.steps as unknown as Record<string, StepLite>;
    expect(steps['code:build']).toMatchObject({ status: 'failed' });
    expect(steps['code:build']!.error).toMatch(/ignores: dist\/b\.js .*run\.allowIgnoredPaths/);
    for (const [id, step] of Object.entries(steps).filter(([id]) => id.startsWith('code:'))) {
      if (step.status === 'done') {
        expect(step.files, id).toBeDefined();
        for (const file of step.files!)
          expect(gitMaybe(world.origin, 'show', `keel/${runId}:${file}`), `${id}: ${file}`).toBeDefined();
      } else expect(step.error, id).toMatch(/ignores/);
    }
    expect(exit.outputs.status).not.toBe('completed');
  });

  it('are committed when run.allowIgnoredPaths says so', async () => {
    world = await createWorld({
      responder: script(),
      files: { '.gitignore': 'dist/\n' },
      run: { minSuccessRate: 0, allowIgnoredPaths: true },
    });
    const runner = await world.runner('one');
    const exit = await runStep({
      world,
      runner,
      entry: 'main',
      event: dispatchEvent({ task: TASK }),
      inputs: { task: TASK },
    });
    expect(exit.code, exit.stderr).toBe(0);
    const runId = exit.outputs['run-id']!;
    const steps = readLocalState(runner, runId)!.steps as unknown as Record<string, StepLite>;
    expect(['code:build', 'code:ignore', 'code:feature'].map((id) => steps[id]?.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(steps['code:build']!.files).toEqual(['dist/b.js']);
    for (const file of ['dist/b.js', 'src/feature.js', '.gitignore'])
      expect(gitMaybe(world.origin, 'show', `keel/${runId}:${file}`), file).toBeDefined();
  });
});
