/** The Action's main step: wire the runner to `runAction`, nothing else. */
import { actionsIO } from './action/action-io.ts';
import { runEntry } from './action/entry.ts';
import { runAction } from './action/run-action.ts';

await runEntry((signal) => runAction({ io: actionsIO(), env: process.env, signal }));
