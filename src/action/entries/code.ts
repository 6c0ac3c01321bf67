/** The `actions/code` step: see `../fanout.ts`. */
import { actionsIO } from '../action-io.ts';
import { runEntry } from '../entry.ts';
import { runCodeAction } from '../fanout.ts';

await runEntry((signal) => runCodeAction({ io: actionsIO(), env: process.env, signal }));
