/**
 * The agents end to end: the real router (config validated like a user's file), the real simulator over HTTP with
 * streaming, and the scripted model. planTask → codeSubtask per subtask → reviewChanges succeed; the same answers
 * come back whichever endpoint served them; the `impossible` subtask fails as invalid on every model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSubtask } from '../../src/agents/coder.ts';
import { planTask } from '../../src/agents/planner.ts';
import { reviewChanges } from '../../src/agents/reviewer.ts';
import type { CodeChange, Plan, Review } from '../../src/agents/types.ts';
import { validateConfigValue } from '../../src/config/load.ts';
import { createRouter } from '../../src/fleet/router.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { scriptedResponder } from '../../src/sim/scripted-model.ts';

const TASK = [
  'Add a greeting module.',
  'Document the greeting in README.md.',
  'Add a formatter in src/format.js; keep it small.',
].join(' ');

let sim: FleetSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    endpoints: [
      { name: 'a', models: ['m'] },
      { name: 'b', models: ['m'] },
    ],
    responder: scriptedResponder,
  });
});
afterAll(async () => {
  await sim.close();
});

function routerFor() {
  const url = (name: string) => sim.endpoints.find((e) => e.name === name)!.url;
  const chain = [['a/m', 'b/m']];
  const config = validateConfigValue({
    version: 1,
    endpoints: [
      { id: 'a', url: url('a'), kind: 'local' },
      { id: 'b', url: url('b'), kind: 'local' },
    ],
    roles: { planner: chain, coder: chain, reviewer: chain },
    // Nothing here should ever wait: a test that needs to is a failing test, not a slow one.
    policy: { maxWaitMs: 0 },
  });
  return createRouter(config, { env: {} });
}

/** A unified-diff-looking text of the edits: all the reviewer needs is its size and that it is not empty. */
function diffOf(changes: CodeChange[]): string {
  return changes
    .flatMap((change) => change.edits)
    .map((edit) =>
      edit.kind === 'write'
        ? `+++ b/${edit.path}\n${edit.content
            .split('\n')
            .map((line) => `+${line}`)
            .join('\n')}`
        : `--- a/${edit.path}`,
    )
    .join('\n');
}

interface PipelineRun {
  plan: Plan;
  changes: CodeChange[];
  review: Review;
  models: string[];
  files: Map<string, string>;
}

async function runPipeline(existing: Map<string, string> = new Map()): Promise<PipelineRun> {
  const router = routerFor();
  try {
    const planned = await planTask(router, { task: TASK, repoFiles: ['README.md'] });
    if (!planned.ok) throw new Error(planned.reason);
    const plan = planned.value;
    const models = [planned.provenance.model];
    const changes: CodeChange[] = [];
    const files = new Map(existing);
    for (const subtask of plan.milestones.flatMap((m) => m.subtasks)) {
      const shown = subtask.files.flatMap((path) => {
        const content = files.get(path);
        return content === undefined ? [] : [{ path, content }];
      });
      const coded = await codeSubtask(router, { task: TASK, plan, subtask, files: shown });
      if (!coded.ok) throw new Error(coded.reason);
      models.push(coded.provenance.model);
      changes.push(coded.value);
      for (const edit of coded.value.edits) if (edit.kind === 'write') files.set(edit.path, edit.content);
    }
    const reviewed = await reviewChanges(router, {
      task: TASK,
      plan,
      diff: diffOf(changes),
      validation: [{ command: 'node --check src/*.js', passed: true, output: '' }],
    });
    if (!reviewed.ok) throw new Error(reviewed.reason);
    models.push(reviewed.provenance.model);
    return { plan, changes, review: reviewed.value, models, files };
  } finally {
    await router.close();
  }
}

describe('agents × router × simulator × scripted model (streaming)', () => {
  it('plans, codes every subtask and approves, identically whichever endpoint answers', async () => {
    const readme = new Map([['README.md', '# Greeter\n']]);
    const onA = await runPipeline(readme);
    expect(new Set(onA.models)).toEqual(new Set(['a/m']));
    expect(onA.plan.degraded).toBe(false);
    expect(onA.plan.milestones[0]!.subtasks.map((s) => s.files)).toEqual([
      ['src/add-a-greeting-module.js'],
      ['README.md'],
      ['src/format.js'],
      ['src/keep-it-small.js'],
    ]);
    expect(onA.files.get('README.md')).toMatch(/^# Greeter\n\n## Document the greeting in README\.md/);
    expect(onA.files.get('src/add-a-greeting-module.js')).toContain('export function addAGreetingModule()');
    expect(onA.review).toMatchObject({ approved: true, degraded: false, needsHumanReview: false });

    // Endpoint a refuses every request: each call fails over to b, and b must say exactly what a said.
    await sim.setMode('a', 'e500');
    try {
      const onB = await runPipeline(readme);
      expect(new Set(onB.models)).toEqual(new Set(['b/m']));
      expect(onB.plan).toEqual(onA.plan);
      expect(onB.changes).toEqual(onA.changes);
      expect(onB.review).toEqual(onA.review);
    } finally {
      await sim.setMode('a', 'ok');
    }
    expect(sim.stats().a!.byOutcome.e500).toBeGreaterThan(0);
  });

  it('fails the impossible subtask as invalid on every model, without tripping anything', async () => {
    const router = routerFor();
    try {
      const planned = await planTask(router, {
        task: 'Add a clock. Do the impossible: square the circle.',
        repoFiles: [],
      });
      expect(planned.ok).toBe(true);
      if (!planned.ok) return;
      const [clock, impossible] = planned.value.milestones[0]!.subtasks;
      const input = { task: 'x', plan: planned.value, files: [] };
      const failed = await codeSubtask(router, { ...input, subtask: impossible! });
      expect(failed).toMatchObject({
        ok: false,
        failure: 'invalid',
        provenance: { invalidAnswers: 4, attempts: 4 },
      });
      if (failed.ok) return;
      expect(failed.reason).toMatch(/4 unusable answers \(last: no edits found in the answer/);
      // Invalid answers are not endpoint failures: the very next call is served at once by the first model.
      const fine = await codeSubtask(router, { ...input, subtask: clock! });
      expect(fine).toMatchObject({ ok: true, provenance: { model: 'a/m', attempts: 1 } });
      for (const row of router.status()) expect(row).toMatchObject({ state: 'CLOSED', failures: 0 });
    } finally {
      await router.close();
    }
  });
});
