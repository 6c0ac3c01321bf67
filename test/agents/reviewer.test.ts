/** The reviewer: keel's rules over the model's verdict, its bounds, and the degraded review that never approves. */
import { describe, expect, it } from 'vitest';
import { degradedReview, reviewChanges } from '../../src/agents/reviewer.ts';
import { readBlocks } from '../../src/agents/prompt-blocks.ts';
import type { Plan } from '../../src/agents/types.ts';
import { fakeRouter, lastUser, sequence } from './fake-router.ts';

const KEYS = ['a/m', 'b/m'];
const plan: Plan = {
  milestones: [
    { id: 'main', title: 'Main', subtasks: [{ id: 'a', title: 'A', files: [], instructions: 'a' }] },
  ],
  confidence: 0.8,
  degraded: false,
};
const passed = { command: 'npm test', passed: true, output: 'ok' };
const failed = { command: 'npm run lint', passed: false, output: 'error: unused variable' };
const input = { task: 'Do A.', plan, diff: '+const a = 1;\n', validation: [passed] };

const verdict = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ approved: true, codeQuality: 88, comments: ['Looks fine.'], blocking: [], ...extra });

describe('reviewChanges', () => {
  it('returns an approval when the model approves, nothing blocks and validation passed', async () => {
    const result = await reviewChanges(fakeRouter(KEYS, sequence(verdict())), input);
    expect(result).toEqual({
      ok: true,
      value: {
        approved: true,
        codeQuality: 88,
        comments: ['Looks fine.'],
        blocking: [],
        degraded: false,
        needsHumanReview: false,
      },
      provenance: { model: 'a/m', attempts: 1, invalidAnswers: 0 },
      answer: verdict(),
    });
  });

  it('does not take an approval that lists blocking problems', async () => {
    const raw = verdict({ blocking: ['  ', 'No tests for the new branch.'] });
    const result = await reviewChanges(fakeRouter(KEYS, sequence(raw)), input);
    expect(result).toMatchObject({
      ok: true,
      value: { approved: false, needsHumanReview: true, blocking: ['No tests for the new branch.'] },
    });
  });

  it('never approves when validation failed, whatever the model says', async () => {
    const result = await reviewChanges(fakeRouter(KEYS, sequence(verdict())), {
      ...input,
      validation: [passed, failed],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.approved).toBe(false);
    expect(result.value.needsHumanReview).toBe(true);
    expect(result.value.blocking).toEqual(['Validation failed: `npm run lint`']);
    expect(result.value.comments.at(-1)).toMatch(/did not take the reviewer model’s approval/);
  });

  it('keeps a refusal a refusal, and rounds the quality', async () => {
    const raw = JSON.stringify({ approved: false, codeQuality: 41.6, blocking: ['Wrong file.'] });
    const result = await reviewChanges(fakeRouter(KEYS, sequence(raw)), input);
    expect(result).toMatchObject({
      ok: true,
      value: {
        approved: false,
        codeQuality: 42,
        comments: [],
        blocking: ['Wrong file.'],
        needsHumanReview: true,
      },
    });
  });

  it.each([
    ['negative quality', verdict({ codeQuality: -5 }), '`codeQuality`: at least 0, got -5'],
    ['quality above 100', verdict({ codeQuality: 101 }), '`codeQuality`: at most 100, got 101'],
    [
      'a missing verdict',
      JSON.stringify({ codeQuality: 50 }),
      '`approved`: missing (expected true or false)',
    ],
    ['a string verdict', verdict({ approved: 'yes' }), '`approved`: expected true or false, got a string'],
    [
      'too many comments',
      verdict({ comments: Array.from({ length: 21 }, () => 'c') }),
      '`comments`: at most 20 items',
    ],
    [
      'a huge blocking item',
      verdict({ blocking: ['b'.repeat(1_001)] }),
      '`blocking[0]`: at most 1000 characters',
    ],
  ])('rejects %s', async (_name, raw, message) => {
    const router = fakeRouter(KEYS, sequence(raw));
    const result = await reviewChanges(router, input, { maxModels: 1 });
    expect(result.ok).toBe(false);
    expect(lastUser(router.calls[1]!)).toContain(message);
  });

  it('shows the diff and each validation result in its own block, bounded', async () => {
    const router = fakeRouter(KEYS, sequence(verdict()));
    const output = `${'start '.repeat(2_000)}THE FAILURE AT THE END`;
    await reviewChanges(router, {
      ...input,
      diff: 'd'.repeat(200_000),
      validation: [passed, { ...failed, output }],
    });
    const [system, user] = router.calls[0]!.request.messages;
    expect(system!.content).toMatch(/^\[keel:reviewer\]/);
    const blocks = readBlocks(user!.content);
    expect(blocks.map((b) => b.name)).toEqual(['task', 'plan', 'diff', 'validation', 'validation']);
    expect(blocks[2]!.content.length).toBeLessThan(121_000);
    expect(blocks[4]!.attributes).toEqual({ command: 'npm run lint', result: 'failed' });
    // Command output is cut in the middle: the end says what failed.
    expect(blocks[4]!.content).toContain('THE FAILURE AT THE END');
    expect(blocks[4]!.content.length).toBeLessThan(4_200);
  });

  it('carries a degraded review when no model answers, but not when cancelled', async () => {
    const result = await reviewChanges(fakeRouter(KEYS, sequence('LGTM!')), input);
    expect(result).toMatchObject({
      ok: false,
      failure: 'invalid',
      degraded: { approved: false, degraded: true },
    });
    const aborted = await reviewChanges(fakeRouter(KEYS, sequence('x')), input, {
      signal: AbortSignal.abort(),
    });
    expect(aborted).not.toHaveProperty('degraded');
  });
});

describe('degradedReview', () => {
  it('never approves, needs a human, scores 0 and says why', () => {
    const review = degradedReview('exhausted: reviewer: every candidate failed');
    expect(review).toEqual({
      approved: false,
      codeQuality: 0,
      comments: [expect.stringContaining('exhausted: reviewer: every candidate failed') as string],
      blocking: [],
      degraded: true,
      needsHumanReview: true,
    });
  });

  it('bounds the reason', () => {
    const review = degradedReview('r'.repeat(10_000));
    expect(review.comments[0]!.length).toBeLessThan(700);
    expect(review.approved).toBe(false);
  });
});
