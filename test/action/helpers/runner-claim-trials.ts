/**
 * The two-runners drill of issue 15, on the built Action: a run interrupted on runner one (SIGINT at its
 * first commit), then two more runners — fresh clones that share nothing but `origin` and the fake GitHub —
 * dispatched with `resume: true` for that run at (nearly) the same moment. The run's claim on the state
 * branch lets exactly one of them work; the other stops before its first step (status `ignored`), or, having
 * come after the end, finds the run finished. Afterwards: the run finished, every code step committed once on
 * origin's work branch, runner one's commits still there, one pull request, no effect duplicated.
 *
 * Shared by `test/action/run-claim.test.ts` (two trials) and the chaos suite (twenty).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  dispatchEvent,
  git,
  marker,
  readBranchState,
  runStep,
  startStep,
  type StepExit,
  type World,
} from './action-harness.ts';

export const CLAIM_TASK = [
  'Add a farewell helper in src/farewell.js.',
  'Add a version constant in src/version.js.',
  'Add a slugify utility.',
].join(' ');

const FINISHED = new Set(['completed', 'partial', 'degraded']);
const HELD = /run (\S+) is being worked on by workflow run \d+ \(attempt \d+\) of "keel", claimed \d+ s ago/;

export interface ClaimTrialResult {
  problems: string[];
  log: string[];
}

/** Step → shas of its commits on origin's work branch (from the `Keel-Step` trailers). */
function originStepCommits(world: World, runId: string): Map<string, string[]> {
  const log =
    git(world.origin, 'for-each-ref', '--format=%(refname)', `refs/heads/keel/${runId}`) === ''
      ? ''
      : git(
          world.origin,
          'log',
          '--format=%H %(trailers:key=Keel-Step,valueonly,separator=)',
          `main..refs/heads/keel/${runId}`,
        );
  const out = new Map<string, string[]>();
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha, step] = line.split(' ');
    out.set(step!, [...(out.get(step!) ?? []), sha!]);
  }
  return out;
}

function describe(name: string, exit: StepExit): string {
  const last = exit.stdout.trimEnd().split('\n').at(-1) ?? '';
  return `${name}: exit ${exit.code ?? exit.signal}, status ${exit.outputs.status ?? '-'}; last line: ${last}`;
}

function resume(world: World, runner: Parameters<typeof runStep>[0]['runner'], runId: string, wf: string) {
  return runStep({
    world,
    runner,
    entry: 'main',
    workflowRunId: wf,
    event: dispatchEvent({ resume: 'true', 'run-id': runId }),
    inputs: { resume: 'true', 'run-id': runId },
  });
}

export async function twoRunnersTrial(
  world: World,
  n: number,
  secondAfterMs: number,
): Promise<ClaimTrialResult> {
  const runId = `claim-drill-${n}`;
  const problems: string[] = [];
  const log: string[] = [];
  const one = await world.runner(`one-${n}`);
  let signalled = false;
  const step = startStep({
    world,
    runner: one,
    entry: 'main',
    workflowRunId: `${n}01`,
    event: dispatchEvent({ task: CLAIM_TASK, 'run-id': runId }),
    inputs: { task: CLAIM_TASK, 'run-id': runId },
    onLine: (line) => {
      if (!signalled && /^code:\S+: committed /.test(line)) {
        signalled = true;
        step.child.kill('SIGINT');
      }
    },
  });
  const first = await step.done;
  log.push(describe('runner one', first));
  await world.discard(one);
  const committedFirst = new Set([...originStepCommits(world, runId).values()].flat());

  const [two, three] = [await world.runner(`two-${n}`), await world.runner(`three-${n}`)];
  const [b, c] = await Promise.all([
    resume(world, two, runId, `${n}02`),
    sleep(secondAfterMs).then(() => resume(world, three, runId, `${n}03`)),
  ]);
  log.push(
    `runner three started ${secondAfterMs} ms after runner two`,
    describe('runner two', b),
    describe('runner three', c),
  );
  const held = [b, c].filter((e) => e.outputs.status === 'ignored');
  for (const e of held) {
    const match = HELD.exec(e.stdout);
    if (!match || match[1] !== runId) problems.push(`a runner stopped without the claim line:\n${e.stdout}`);
    if (e.stdout.includes(`resuming run ${runId}`))
      problems.push(`the held runner began the run:\n${e.stdout}`);
  }
  for (const e of [b, c])
    if (e.code !== 0) problems.push(`a runner exited ${e.code}:\n${e.stdout}\n${e.stderr}`);
  const worked = [b, c].filter(
    (e) => e.outputs.status !== 'ignored' && e.stdout.includes(`resuming run ${runId}`),
  );
  if (worked.length > 1) problems.push('both runners worked on the run');

  const final = readBranchState(world, runId);
  if (!final || !FINISHED.has(final.status))
    problems.push(`the run on keel/state is ${final?.status ?? 'missing'}`);
  const commits = originStepCommits(world, runId);
  for (const [stepId, shas] of commits)
    if (shas.length > 1) problems.push(`${stepId} committed ${shas.length} times`);
  for (const sha of committedFirst)
    if (![...commits.values()].flat().includes(sha)) problems.push(`runner one's commit ${sha} is gone`);
  if (commits.size !== 3) problems.push(`${commits.size} code steps committed on origin, expected 3`);
  const pulls = world.github.state.pulls.filter((p) => p.body?.includes(marker(runId, 'publish')));
  if (pulls.length !== 1) problems.push(`${pulls.length} pull requests for ${runId}`);
  await world.discard(two);
  await world.discard(three);
  return { problems, log };
}
