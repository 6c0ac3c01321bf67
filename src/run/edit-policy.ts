/**
 * What model edits may touch, from the owner's configuration: `.github/workflows/` only with
 * `allowWorkflowEdits`, `protectedPaths` only with `allowProtectedEdits` (workflows among them follow
 * `allowWorkflowEdits`). One place, used when edits are applied and again before anything is pushed.
 */
import type { KeelConfig } from '../config/schema.ts';
import { protectedPaths, withoutWorkflows, type ProtectedPaths } from '../git/protected-paths.ts';

export interface RunEditPolicy {
  allowWorkflows: boolean;
  protectedPaths?: ProtectedPaths;
}

export function editPolicyOf(config: KeelConfig): RunEditPolicy {
  const run = config.run;
  if (run.allowProtectedEdits) return { allowWorkflows: run.allowWorkflowEdits };
  const patterns = run.allowWorkflowEdits ? withoutWorkflows(run.protectedPaths) : run.protectedPaths;
  return { allowWorkflows: run.allowWorkflowEdits, protectedPaths: protectedPaths(patterns) };
}
