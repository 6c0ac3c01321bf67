/** The Action's post step (runs always, even after main was killed): see `action/post-action.ts`. */
import { actionsIO } from './action/action-io.ts';
import { runEntry } from './action/entry.ts';
import { runPost } from './action/post-action.ts';

await runEntry(() => runPost({ io: actionsIO(), env: process.env }));
