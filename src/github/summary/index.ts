/** github/summary/: what the rest of keel uses of it. */
export { annotationsFor, renderJobSummary } from './summary.ts';
