/**
 * `RESUME=true` in the environment (as in `export RESUME=true` before starting keel, or a workflow's `env:`):
 * the next run resumes the latest unfinished one — the CLI's `--resume` and the Action's `resume` input.
 */
export function resumeRequested(env: Record<string, string | undefined>): boolean {
  return /^(true|1|yes)$/i.test(env.RESUME?.trim() ?? '');
}
