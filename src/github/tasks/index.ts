/** github/tasks/: what the rest of keel uses of it. */
export { issueTasks } from './issue-source.ts';
