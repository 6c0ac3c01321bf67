/**
 * Issue 10 §14: every answer of the corpus (test/fixtures/answers/) played through a real `keel run` — the
 * engine, the router over HTTP, the reading of the answer, the edit application, the commits, the review —
 * and what the run did compared with the answer's expectation: used exactly, asked again on the same model,
 * failed over to the next one, never recorded as an approval. `npm run bench -- agents` prints the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswers, loadScenarios, ROLES } from '../helpers/answer-corpus.ts';
import { figures, judge, replayAnswers, ReplayFleet, type Verdict } from '../helpers/answer-replay.ts';

const scenarios = loadScenarios();
const answers = loadAnswers();
const fleet = new ReplayFleet();
const verdicts = new Map<string, Verdict>();

beforeAll(async () => {
  await fleet.start();
  const results = await replayAnswers(fleet, answers, scenarios);
  for (const result of results)
    verdicts.set(result.answer.id, judge(result, scenarios[result.answer.scenario]!));
}, 240_000);

afterAll(() => fleet.close());

describe('the corpus', () => {
  it('has at least 60 answers per role, each with a known scenario and outcome', () => {
    for (const role of ROLES) {
      expect(answers.filter((a) => a.role === role).length).toBeGreaterThanOrEqual(60);
    }
    for (const answer of answers) {
      expect(scenarios[answer.scenario], answer.id).toBeDefined();
      expect(['use', 'ask_again', 'fail_over', 'never_approve']).toContain(answer.expect.outcome);
    }
  });
});

describe.each(ROLES)('%s answers played through keel run', (role) => {
  it.each(answers.filter((a) => a.role === role).map((a) => [a.id, a.expect.outcome] as const))(
    '%s → %s',
    (id) => {
      const verdict = verdicts.get(id);
      expect(verdict, 'replayed').toBeDefined();
      expect(verdict!.problems.join('\n')).toBe('');
      expect(verdict!.asExpected).toBe(true);
    },
  );

  it('meets the figures: usable used correctly, unusable handled safely, no false approval, no failed run', () => {
    const all = [...verdicts.values()];
    const f = figures(all, role);
    expect(f.answers).toBe(answers.filter((a) => a.role === role).length);
    expect(f.usedCorrectly / f.usable).toBeGreaterThanOrEqual(0.95);
    expect(f.handledSafely).toBe(f.unusable);
    expect(f.falseApprovals).toBe(0);
    expect(f.failedWithSecond).toBe(0);
  });
});
