/** github/triggers/: what the rest of keel uses of it. */
export { triggerRunId } from './run-identity.ts';
export {
  releaseScheduledIssue,
  scheduleClaimer,
  type ScheduleClaimer,
  settleScheduledIssue,
} from './schedule-claims.ts';
export { DEFAULT_TASK_LABEL, openTaskIssues } from './trigger-gateway.ts';
export { createTriggerGateway, pausedLabel, resolveTrigger, type TriggerDecision } from './triggers.ts';
export { eventBaseBranch, pullRequestTarget, type PullRequestTarget } from './pull-request-work.ts';
