/** The `actions/guard` step: see `../guard-action.ts`. */
import { actionsIO } from '../action-io.ts';
import { runEntry } from '../entry.ts';
import { runGuardAction } from '../guard-action.ts';

await runEntry((signal) => runGuardAction({ io: actionsIO(), env: process.env, signal }));
