/**
 * Step `validate`: the repository owner's validation commands (`run.validate` in the config, e.g.
 * `npm test`) in the work tree. They come from the config file only — never from a model, an issue or a
 * comment — which is why they may go through a shell. A failure does not discard work: it goes to the
 * reviewer and makes the pull request a draft for a human.
 */
import { shellCommand } from '../../exec/command-runner.ts';
import type { RunContext } from '../run-context.ts';

export interface ValidationResult {
  command: string;
  passed: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The end of the output, redacted and bounded. */
  output: string;
}

const OUTPUT_TAIL = 4_000;

export async function validateStep(ctx: RunContext): Promise<void> {
  const step = ctx.step('validate');
  if (step.status === 'done' || step.status === 'skipped') return;
  const { deps } = ctx;
  const commands = deps.config.run.validate;
  if (commands.length === 0) {
    // No checkpoint of its own: nothing ran, and a resume before the next one decides the same again.
    ctx.finish(step, 'skipped');
    return;
  }
  ctx.begin(step);
  // The owner's commands run in the worktree and could move the work branch (a commit, an amend): what
  // the run remembers of it is dropped, and the next reader asks git.
  ctx.workspace.cache?.forgetBranch();
  const results: ValidationResult[] = [];
  for (const command of commands) {
    const spec = shellCommand(command, ctx.workspace.worktree, deps.config.run.validateTimeoutMs);
    const run = await deps.runner.run(spec, { signal: deps.signal });
    if (ctx.stopping) {
      step.status = 'pending';
      return;
    }
    const output = `${run.stdout.text}\n${run.stderr.text}`.trim();
    results.push({
      command,
      passed: run.exitCode === 0 && !run.timedOut,
      exitCode: run.exitCode,
      timedOut: run.timedOut,
      output: deps.redact(output.slice(-OUTPUT_TAIL)),
    });
  }
  const passed = results.every((r) => r.passed);
  ctx.finish(step, 'done', { result: { passed, results } });
  deps.progress(
    `validate: ${results.map((r) => `${r.command} → ${r.passed ? 'passed' : 'FAILED'}`).join(', ')}`,
  );
  await ctx.event('validate', {
    passed,
    commands: results.map((r) => ({ command: r.command, passed: r.passed })),
  });
  await ctx.checkpoint();
}

export function validationResults(ctx: RunContext): ValidationResult[] {
  const result = ctx.state.steps.validate?.result as { results?: ValidationResult[] } | undefined;
  return result?.results ?? [];
}
