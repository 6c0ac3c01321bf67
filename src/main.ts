/**
 * The Action's one entry: `run(step)` for the root action's `main` and `post` and for every sub-action
 * (`actions/<name>`), wiring the runner to the step and nothing else. The build bundles this file once
 * (`dist/action/`) and writes `dist/<step>/index.js` as `import { run } …; await run('<step>')`.
 */
import { actionsIO } from './action/action-io.ts';
import { runEntry } from './action/entry.ts';
import { ACTION_STEPS, isActionStep } from './action/steps.ts';

export async function run(step: string): Promise<void> {
  if (!isActionStep(step)) throw new Error(`keel: no action step named "${step}"`);
  await runEntry((signal) => ACTION_STEPS[step]({ io: actionsIO(), env: process.env, signal }));
}
