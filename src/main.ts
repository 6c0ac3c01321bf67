/**
 * The Action's one entry: `run(step)` for the root action's `main` and `post` and for every sub-action
 * (`actions/<name>`), wiring the runner to the step and nothing else. The build bundles it into `dist/keel/`
 * (src/bundle.ts), `dist/action/index.js` loads it, and each `dist/<step>/index.js` is `await run('<step>')`.
 */
import { actionsIO } from './action/action-io.ts';
import { runEntry } from './action/entry.ts';
import { ACTION_STEPS, isActionStep, type StepContext } from './action/steps.ts';
import { runLaneStep } from './lane-step.ts';

/** Steps wired here rather than in `action/steps.ts`: they run a CLI command (a layer `action/` cannot import). */
const ENTRY_STEPS: Record<string, (context: StepContext) => Promise<number>> = { lane: runLaneStep };

export async function run(step: string): Promise<void> {
  const body = isActionStep(step)
    ? ACTION_STEPS[step]
    : Object.hasOwn(ENTRY_STEPS, step)
      ? ENTRY_STEPS[step]
      : undefined;
  if (!body) throw new Error(`keel: no action step named "${step}"`);
  await runEntry((signal) => body({ io: actionsIO(), env: process.env, signal }));
}
