/** The Action's outputs and job summary, from the final run state. */
import type { KeelConfig } from '../config/schema.ts';
import { readFleetStateFile } from '../fleet/fleet-state.ts';
import { createRouter } from '../fleet/router.ts';
import { renderJobSummary } from '../github/summary/index.ts';
import { readJsonFile } from '../base/atomic-file.ts';
import { stateLayout } from '../base/state-layout.ts';
import type { RunState } from '../run/state.ts';
import { successRateOf } from '../run/summary.ts';
import type { ActionIO } from './action-io.ts';

export function writeOutputs(io: ActionIO, state: RunState): void {
  io.setOutput('run-id', state.runId);
  io.setOutput('status', state.status);
  io.setOutput('pr-url', state.effects.pull_request?.ref ?? '');
  io.setOutput(
    'recovery-issue',
    state.status === 'interrupted' || state.status === 'failed' ? (state.effects.recovery?.ref ?? '') : '',
  );
  io.setOutput('degraded', String(state.status === 'degraded'));
  io.setOutput('partial-success-rate', successRateOf(state).toFixed(2));
}

export async function writeSummary(
  io: ActionIO,
  input: { state: RunState; stateDir: string; config: KeelConfig; runLink: string },
): Promise<void> {
  const { state } = input;
  // The failover table from the state the run left behind, without contacting any endpoint.
  const layout = stateLayout(input.stateDir);
  const fleet = (await readFleetStateFile(layout.fleetState)).state ?? state.fleet;
  const router = createRouter(input.config, { env: {}, state: fleet });
  const rows = router.status();
  await router.close();
  const metrics = await readJsonFile(layout.run(state.runId).metrics);
  const markdown = renderJobSummary({
    state,
    fleet: rows,
    metrics: metrics.ok ? metrics.value : undefined,
    links: {
      run: input.runLink,
      ...(state.effects.pull_request ? { pullRequest: state.effects.pull_request.ref } : {}),
      ...(state.effects.recovery ? { recoveryIssue: state.effects.recovery.ref } : {}),
      issues: Object.values(state.effects)
        .filter((e) => e.kind === 'issue')
        .map((e) => e.ref),
    },
  });
  await io.summary(markdown);
}
