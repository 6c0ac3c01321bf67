/** The `actions/plan` step: see `../fanout.ts`. */
import { actionsIO } from '../action-io.ts';
import { runEntry } from '../entry.ts';
import { runPlanAction } from '../fanout.ts';

await runEntry((signal) => runPlanAction({ io: actionsIO(), env: process.env, signal }));
