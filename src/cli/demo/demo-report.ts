/** The demo's closing summary: commits with their trailers, records, events — and checks. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LocalEffects } from '../../run/local-effects.ts';
import { TaskStateStore } from '../../run/state-store.ts';
import { readEvents } from '../../telemetry/event-log.ts';
import { stateLayout, runLayout, DEFAULT_STATE_DIR } from '../../base/state-layout.ts';

export async function printOutcome(
  out: (text?: string) => void,
  repo: string,
  runId: string,
  /** Checks of the sections before this one, listed with this one's. */
  earlierChecks: readonly [string, boolean][] = [],
): Promise<boolean> {
  const runDir = stateLayout(join(repo, DEFAULT_STATE_DIR)).run(runId).dir;
  const { state } = await new TaskStateStore({ runDir }).load();
  if (!state) {
    out('no final state: the demo failed');
    return false;
  }
  out('━━ 5. the outcome ━━');
  out(`   status: ${state.status} (resumed ${state.resumes} time(s))`);
  out(`   commits on ${state.repo.workBranch}, each with its Keel-Run / Keel-Step trailers:`);
  const log = execFileSync(
    'git',
    [
      'log',
      '--reverse',
      '--format=%h %s  [%(trailers:key=Keel-Step,valueonly,separator=%x2C)]',
      `${state.repo.baseSha}..${state.repo.workBranch}`,
    ],
    { cwd: repo, encoding: 'utf8' },
  );
  for (const line of log.trim().split('\n')) out(`     ${line}`);
  const steps = log
    .trim()
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('[')));
  const duplicates = steps.filter((step, i) => steps.indexOf(step) !== i);

  const effects = new LocalEffects({ runDir });
  const issues = await effects.issues();
  const pulls = await effects.pulls();
  out(`   issues (${issues.length}):`);
  for (const issue of issues) out(`     #${issue.number} [${issue.state}] ${issue.title}`);
  for (const pull of pulls) {
    out(
      `   pull request #${pull.number}: ${pull.draft ? 'draft, ' : ''}${pull.head} → ${pull.base}  ${pull.labels.join(' ')}`,
    );
  }

  const { events } = await readEvents(runLayout(runDir).events);
  const counts = new Map<string, number>();
  for (const event of events) counts.set(String(event.type), (counts.get(String(event.type)) ?? 0) + 1);
  out(
    `   events (${events.length} in events.ndjson): ${[...counts].map(([t, n]) => `${t} ×${n}`).join(', ')}`,
  );
  out();
  const checks: [string, boolean][] = [
    ...earlierChecks,
    ['no step committed twice', duplicates.length === 0],
    [
      'one issue per failed subtask',
      issues.filter((i) => i.labels.includes('manual-implementation')).length ===
        Object.values(state.steps).filter((s) => s.status === 'failed').length,
    ],
    ['one pull request', pulls.length === 1],
    [
      'the run finished',
      state.status === 'partial' || state.status === 'completed' || state.status === 'degraded',
    ],
  ];
  for (const [name, ok] of checks) out(`   ${ok ? '✔' : '✘'} ${name}`);
  return checks.every(([, ok]) => ok);
}
