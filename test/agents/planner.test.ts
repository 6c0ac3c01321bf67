/** The planner: its bounds, keel's ids, and the template plan it degrades to. */
import { describe, expect, it } from 'vitest';
import { planTask, templatePlan } from '../../src/agents/planner.ts';
import { planSchema } from '../../src/agents/plan-schema.ts';
import { fakeRouter, lastUser, sequence } from './fake-router.ts';

const KEYS = ['a/m', 'b/m'];

function subtask(id: string, extra: Record<string, unknown> = {}) {
  return { id, title: `Do ${id}`, files: [`src/${id}.js`], instructions: `Implement ${id}.`, ...extra };
}

function answer(subtasks: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ milestones: [{ id: 'm1', title: 'First', subtasks }], confidence: 0.7, ...extra });
}

describe('planTask', () => {
  it('plans, with the task and the files in the prompt', async () => {
    const router = fakeRouter(KEYS, sequence(answer([subtask('one'), subtask('two')])));
    const result = await planTask(router, { task: 'Build it.', repoFiles: ['README.md', 'src/index.js'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      milestones: [{ id: 'm1', title: 'First', subtasks: [subtask('one'), subtask('two')] }],
      confidence: 0.7,
      degraded: false,
    });
    expect(planSchema.parse(result.value)).toEqual(result.value);
    const [system, user] = router.calls[0]!.request.messages;
    expect(system!.content).toMatch(/^\[keel:planner\]/);
    expect(system!.content).toContain('At least 1 and at most 12 subtasks');
    expect(user!.content).toContain('<task>\nBuild it.\n</task>');
    expect(user!.content).toContain('README.md\nsrc/index.js');
  });

  it('normalises ids to the state pattern and makes them unique', async () => {
    const raw = answer([
      subtask('Set up CI!'),
      subtask('set-up-ci'),
      { ...subtask('x'), id: undefined, title: 'Écrire la doc' },
      { ...subtask('x'), id: '---', title: '***' },
      subtask('a'.repeat(150)),
      subtask('a'.repeat(150)),
    ]);
    const router = fakeRouter(KEYS, sequence(raw));
    const result = await planTask(router, { task: 't', repoFiles: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.value.milestones[0]!.subtasks.map((s) => s.id);
    expect(ids).toEqual([
      'set-up-ci',
      'set-up-ci-2',
      'ecrire-la-doc',
      'subtask',
      'a'.repeat(48),
      `${'a'.repeat(46)}-2`,
    ]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,47}$/);
    expect(result.value.milestones[0]!.id).toBe('m1');
    expect(planSchema.safeParse(result.value).success).toBe(true);
  });

  it('drops empty milestones and duplicate files', async () => {
    const raw = JSON.stringify({
      milestones: [
        { title: 'Empty', subtasks: [] },
        { title: 'Real work', subtasks: [subtask('x', { files: ['a.js', 'a.js', 'b.js'] })] },
      ],
      confidence: 1,
    });
    const result = await planTask(fakeRouter(KEYS, sequence(raw)), { task: 't', repoFiles: [] });
    expect(result).toMatchObject({
      ok: true,
      value: { milestones: [{ id: 'real-work', subtasks: [{ files: ['a.js', 'b.js'] }] }] },
    });
  });

  it('rejects a plan without subtasks, and says so to the model', async () => {
    const router = fakeRouter(KEYS, sequence(answer([]), answer([subtask('ok')])));
    const result = await planTask(router, { task: 't', repoFiles: [] });
    expect(result).toMatchObject({ ok: true, provenance: { invalidAnswers: 1 } });
    expect(lastUser(router.calls[1]!)).toContain('the plan has no subtasks');
  });

  it('rejects more subtasks than maxSubtasks', async () => {
    const five = [1, 2, 3, 4, 5].map((n) => subtask(`s${n}`));
    const router = fakeRouter(KEYS, sequence(answer(five)));
    const result = await planTask(router, { task: 't', repoFiles: [], maxSubtasks: 4 }, { maxModels: 1 });
    expect(result).toMatchObject({ ok: false, failure: 'invalid' });
    expect(lastUser(router.calls[1]!)).toContain('`milestones[0].subtasks`: at most 4 items, got 5');
  });

  it('counts subtasks across milestones', async () => {
    const raw = JSON.stringify({
      milestones: [
        { title: 'A', subtasks: [subtask('a1'), subtask('a2')] },
        { title: 'B', subtasks: [subtask('b1'), subtask('b2')] },
      ],
      confidence: 0.5,
    });
    const router = fakeRouter(KEYS, sequence(raw));
    const result = await planTask(router, { task: 't', repoFiles: [], maxSubtasks: 3 }, { maxModels: 1 });
    expect(result.ok).toBe(false);
    expect(lastUser(router.calls[1]!)).toContain('at most 3 subtasks in all, got 4');
  });

  it.each([
    ['confidence above 1', answer([subtask('a')], { confidence: 85 }), '`confidence`: at most 1'],
    ['a long title', answer([subtask('a', { title: 't'.repeat(201) })]), 'at most 200 characters'],
    [
      'too many files',
      answer([subtask('a', { files: Array.from({ length: 51 }, (_, i) => `f${i}`) })]),
      'at most 50 items',
    ],
    [
      'long instructions',
      answer([subtask('a', { instructions: 'i'.repeat(8_001) })]),
      'at most 8000 characters',
    ],
    ['no milestones', JSON.stringify({ milestones: [], confidence: 0.5 }), '`milestones`: at least 1 item'],
  ])('rejects %s', async (_name, raw, message) => {
    const router = fakeRouter(KEYS, sequence(raw));
    const result = await planTask(router, { task: 't', repoFiles: [] }, { maxModels: 1 });
    expect(result.ok).toBe(false);
    expect(lastUser(router.calls[1]!)).toContain(message);
  });

  it('bounds the file list in the prompt', async () => {
    const files = Array.from({ length: 5_000 }, (_, i) => `src/file-${i}.js`);
    const router = fakeRouter(KEYS, sequence(answer([subtask('a')])));
    await planTask(router, { task: 't', repoFiles: files });
    const user = router.calls[0]!.request.messages[1]!.content;
    expect(user).toContain('<repo-files count="5000" shown="400">');
    expect(user).not.toContain('src/file-400.js');
  });

  it('carries the template plan when no model answers, but not when cancelled', async () => {
    const invalid = await planTask(fakeRouter(KEYS, sequence('no')), { task: 'Fix the bug.', repoFiles: [] });
    expect(invalid).toMatchObject({ ok: false, failure: 'invalid', degraded: templatePlan('Fix the bug.') });
    const aborted = await planTask(
      fakeRouter(KEYS, sequence('no')),
      { task: 'Fix the bug.', repoFiles: [] },
      { signal: AbortSignal.abort() },
    );
    expect(aborted).toMatchObject({ ok: false, failure: 'aborted' });
    expect(aborted).not.toHaveProperty('degraded');
  });
});

describe('templatePlan', () => {
  it('is one subtask with the task as instructions, degraded, confidence 0.5, and passes planSchema', () => {
    const task = 'Add a --verbose flag.\nIt should print every request.';
    const plan = templatePlan(task);
    expect(plan).toEqual({
      milestones: [
        {
          id: 'main',
          title: 'Implement the task',
          subtasks: [{ id: 'task', title: 'Add a --verbose flag.', files: [], instructions: task }],
        },
      ],
      confidence: 0.5,
      degraded: true,
    });
    expect(planSchema.parse(plan)).toEqual(plan);
  });

  it.each([
    ['empty', ''],
    ['huge', `${'x'.repeat(300)}\n${'y'.repeat(30_000)}`],
    ['whitespace', ' \n\t '],
  ])('stays within the state schema for a %s task', (_name, task) => {
    const plan = templatePlan(task);
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.milestones.flatMap((m) => m.subtasks)).toHaveLength(1);
  });

  it('says when it cut the task', () => {
    const plan = templatePlan('z'.repeat(9_000));
    const instructions = plan.milestones[0]!.subtasks[0]!.instructions;
    expect(instructions.length).toBeLessThanOrEqual(8_000);
    expect(instructions).toMatch(/The task text was cut here/);
  });
});
