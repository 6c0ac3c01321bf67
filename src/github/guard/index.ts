/** github/guard/: what the rest of keel uses of it. */
export {
  ensureTrackingIssue,
  githubGuardEffects,
  githubTarget,
  GUARD_ISSUE_LABEL,
  issueAlerts,
} from './guard-github.ts';
