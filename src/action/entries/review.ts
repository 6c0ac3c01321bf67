/** The `actions/review` step: see `../fanout.ts`. */
import { actionsIO } from '../action-io.ts';
import { runEntry } from '../entry.ts';
import { runReviewAction } from '../fanout.ts';

await runEntry((signal) => runReviewAction({ io: actionsIO(), env: process.env, signal }));
