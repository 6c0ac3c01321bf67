/**
 * The texts a run publishes — pull-request body, tracking comment, recovery record — built from the
 * state alone, so a resumed run writes exactly what an uninterrupted one would.
 */
import type { Review } from '../agents/types.ts';
import type { RunState, RunStatus, StepRecord } from './state.ts';
import { describeSetting, type ValidationSetting } from './steps/validate-step.ts';

/** The status a run that reached the end of its steps finishes with. */
export function finalStatus(state: RunState): RunStatus {
  const steps = Object.values(state.steps);
  const review = state.steps.review?.result as Review | undefined;
  const degraded =
    state.plan?.degraded === true || steps.some((s) => s.degraded === true) || review?.degraded === true;
  if (degraded) return 'degraded';
  if (steps.some((s) => s.status === 'failed')) return 'partial';
  return 'completed';
}

export function codeSteps(state: RunState): StepRecord[] {
  return Object.values(state.steps).filter((s) => s.id.startsWith('code:'));
}

export function successRateOf(state: RunState): number {
  const code = codeSteps(state);
  return code.length === 0 ? 1 : code.filter((s) => s.status === 'done').length / code.length;
}

export function runSummaryMarkdown(
  state: RunState,
  status: RunStatus,
  /** Set when the work branch was not pushed because its commits carry secrets: places, never values. */
  refused?: readonly { path?: string; line?: number; commit: string }[],
): string {
  const review = state.steps.review?.result as Review | undefined;
  const code = codeSteps(state);
  const lines = [
    `**keel run \`${state.runId}\`** — ${status}`,
    '',
    `Task: ${firstLine(state.task.text)}`,
    '',
    '| step | state | by | commit |',
    '| --- | --- | --- | --- |',
    // `publish` is the step writing this text: it is still under way, and done by the time anyone reads it.
    ...Object.values(state.steps)
      .filter((s) => s.id !== 'publish')
      .map(
        (s) =>
          `| \`${s.id}\` | ${s.status}${s.degraded ? ' (degraded)' : ''} | ${s.model ?? ''} | ${s.commit ? s.commit.slice(0, 8) : ''} |`,
      ),
    '',
    `Subtasks committed: ${code.filter((s) => s.status === 'done').length} of ${code.length}.`,
  ];
  if (refused !== undefined && refused.length > 0) {
    lines.push(
      '',
      `Not published: the work branch's commits carry secrets (${refused.length} place${refused.length === 1 ? '' : 's'}, listed in a manual-review issue); nothing was pushed.`,
    );
  }
  const validation = state.steps.validate?.result as
    { passed?: boolean; setting?: ValidationSetting } | undefined;
  if (validation?.setting !== undefined) {
    lines.push(
      '',
      `Validation ${validation.passed ? 'passed' : 'failed'}, ${describeSetting(validation.setting)}.`,
    );
  }
  if (review) {
    lines.push(
      '',
      `Review: ${review.approved ? 'approved' : 'not approved'}${review.degraded ? ' — no reviewer model answered; a human must review' : ''} (quality ${review.codeQuality}).`,
      ...review.blocking.map((b) => `- blocking: ${b}`),
      ...review.comments.map((c) => `- ${c}`),
    );
  }
  const redone = code.filter((s) => typeof s.result?.redone === 'string');
  if (redone.length > 0)
    lines.push('', 'Coded again:', ...redone.map((s) => `- \`${s.id}\`: ${String(s.result!.redone)}`));
  const issues = Object.values(state.effects).filter((e) => e.kind === 'issue');
  if (issues.length > 0) lines.push('', 'Follow-up issues:', ...issues.map((e) => `- ${e.ref}`));
  return lines.join('\n');
}

export function recoveryMarkdown(state: RunState, resumeCommand: string): string {
  const steps = Object.values(state.steps);
  const list = (filter: (s: StepRecord) => boolean): string =>
    steps
      .filter(filter)
      .map((s) => `\`${s.id}\``)
      .join(', ') || 'none';
  const interruption = state.interruption;
  const lines = [
    `**keel run \`${state.runId}\` stopped before finishing** — ${interruption?.reason ?? state.status}.`,
    '',
    `Task: ${firstLine(state.task.text)}`,
    '',
    `- finished: ${list((s) => s.status === 'done' || s.status === 'skipped')}`,
    `- pending: ${list((s) => s.status === 'pending' || s.status === 'running')}`,
    `- failed: ${list((s) => s.status === 'failed')}`,
    `- work branch: \`${state.repo.workBranch}\` (nothing committed there is lost)`,
    '',
    'To continue where it stopped:',
    '',
    '```',
    resumeCommand,
    '```',
  ];
  if (interruption?.error)
    lines.push(
      '',
      '<details><summary>error context</summary>',
      '',
      '```',
      interruption.error,
      '```',
      '</details>',
    );
  return lines.join('\n');
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
