/**
 * `npm run bench -- agents [coder|planner|reviewer …] [--workers N]`: the corpus of realistic model answers
 * (test/fixtures/answers/) played through real `keel run`s, exactly as `test/agents/answer-corpus.test.ts`
 * does, and the figures of issue 10 §14 printed per role, one JSON line each, targets beside them:
 *
 * - usedCorrectly / usable: answers keel can use, used exactly as written (target ≥ 95 %);
 * - handledSafely / unusable: answers it cannot use, never used, the run going on with the next answer
 *   (target 100 %); `routedAsExpected` says how many also took the expected route (a correction turn to the
 *   same model for `ask_again`, the next model at once for `fail_over`);
 * - falseApprovals: reviews recorded as approvals that are not (target 0);
 * - failedWithSecondModel: runs where the role's step failed although a second model was there (target 0).
 *
 * Then one line per coder answer format (`text`, `json`, `other`): how many of the answers written in it
 * are usable at all, and how many of those keel used correctly — the measurement behind the coder's default
 * format (issue 10 §11). And the wall and CPU time of the whole replay (one run per answer).
 */
import { availableParallelism, loadavg } from 'node:os';
import { loadAnswers, loadScenarios, ROLES, type CorpusRole } from '../test/helpers/answer-corpus.ts';
import { figures, judge, replayAnswers, ReplayFleet, type Verdict } from '../test/helpers/answer-replay.ts';
import { emit, round } from './lib/measure.ts';

export async function run(args: string[]): Promise<void> {
  const roles = ROLES.filter((role) => args.includes(role) || !args.some(isRole));
  const workersAt = args.indexOf('--workers');
  const workers = workersAt === -1 ? undefined : Number(args[workersAt + 1]);
  const scenarios = loadScenarios();
  const answers = roles.flatMap((role) => loadAnswers(role));
  const fleet = new ReplayFleet();
  await fleet.start();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const verdicts: Verdict[] = [];
  try {
    const results = await replayAnswers(fleet, answers, scenarios, workers !== undefined ? { workers } : {});
    for (const result of results) verdicts.push(judge(result, scenarios[result.answer.scenario]!));
  } finally {
    await fleet.close();
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  for (const role of roles) {
    const f = figures(verdicts, role);
    emit({
      bench: 'agents',
      role,
      answers: f.answers,
      usable: f.usable,
      usedCorrectly: f.usedCorrectly,
      usedCorrectlyShare: share(f.usedCorrectly, f.usable),
      usedCorrectlyTarget: 0.95,
      unusable: f.unusable,
      handledSafely: f.handledSafely,
      handledSafelyShare: share(f.handledSafely, f.unusable),
      handledSafelyTarget: 1,
      routedAsExpected: f.routedAsExpected,
      falseApprovals: f.falseApprovals,
      falseApprovalsTarget: 0,
      failedWithSecondModel: f.failedWithSecond,
      failedWithSecondModelTarget: 0,
      missed: verdicts
        .filter((v) => v.role === role && !v.asExpected)
        .map((v) => `${v.id}: ${v.problems.join('; ')}`),
    });
  }
  if (roles.includes('coder')) {
    for (const format of ['text', 'json', 'other']) {
      const mine = verdicts.filter((v) => v.role === 'coder' && v.format === format);
      const usable = mine.filter((v) => v.outcome === 'use');
      emit({
        bench: 'agents',
        coderFormat: format,
        answers: mine.length,
        usable: usable.length,
        usableShare: share(usable.length, mine.length),
        usedCorrectly: usable.filter((v) => v.asExpected).length,
        unusableHandledSafely: mine.filter((v) => v.outcome !== 'use' && v.safe).length,
      });
    }
  }
  emit({
    bench: 'agents',
    runs: verdicts.length,
    wallMs: round(wallMs, 0),
    msPerRun: round(wallMs / Math.max(1, verdicts.length), 1),
    // This process only; the git processes each run starts are not counted.
    processCpuMs: round((cpu.user + cpu.system) / 1000, 0),
    cores: availableParallelism(),
    loadAverage: round(loadavg()[0]!, 2),
  });
}

function isRole(arg: string): arg is CorpusRole {
  return (ROLES as readonly string[]).includes(arg);
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 3);
}
