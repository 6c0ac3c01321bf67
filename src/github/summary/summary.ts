/**
 * The job summary (`$GITHUB_STEP_SUMMARY`) and the annotations of a run: what a human sees on the
 * workflow run page. Pure functions of the run's state, the fleet's status rows and the attempt counts,
 * so the Action's `main` and `post` and the tests all get the same text. Every table is capped (with
 * "… N more") and the whole is kept under GitHub's 1 MiB; untrusted text is escaped (see
 * `summary-markdown.ts`).
 */
import type { Review } from '../../agents/types.ts';
import { describeState, type StatusRow } from '../../fleet/status.ts';
import type { RunMetrics } from '../../run/metrics.ts';
import type { RunState, RunStatus, StepRecord } from '../../run/state.ts';
import { codeSteps, successRateOf } from '../../run/summary.ts';
import { capBytes, capRows, cell, codeCell, inline, link, table } from './summary-markdown.ts';
import { renderRunFlowchart } from './summary-mermaid.ts';

export const MAX_STEP_ROWS = 200;
export const MAX_FLEET_ROWS = 100;
export const MAX_ENDPOINT_ROWS = 100;
export const MAX_ISSUE_LINKS = 50;
/** GitHub shows at most 10 annotations of each level per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

/** Per-endpoint counts, as in `RunMetrics` (which fits as is). */
export type AttemptCounts = Pick<RunMetrics, 'attempts' | 'failures'> & Partial<Pick<RunMetrics, 'latency'>>;

export interface JobSummaryLinks {
  pullRequest?: string;
  recoveryIssue?: string;
  issues: string[];
  /** The workflow run. */
  run: string;
}

export interface JobSummaryInput {
  state: RunState;
  fleet: StatusRow[];
  /** Attempts per endpoint. */
  attempts?: AttemptCounts;
  /**
   * The run's `metrics.json` as read from disk, unvalidated: its counts are used when `attempts` is not
   * given, and ignored when they do not have the right shape.
   */
  metrics?: unknown;
  links: JobSummaryLinks;
}

export interface JobAnnotation {
  level: 'warning' | 'error' | 'notice';
  title: string;
  message: string;
}

const STATUS_BADGE: Record<RunStatus, string> = {
  completed: '✅ completed',
  partial: '🟡 partial',
  degraded: '⚠️ degraded',
  interrupted: '⏸️ interrupted',
  failed: '❌ failed',
  running: '🔄 running',
};

export function renderJobSummary(input: JobSummaryInput): string {
  const { state, links } = input;
  const lines: string[] = [`## keel run ${codeCell(state.runId)} — ${STATUS_BADGE[state.status]}`, ''];
  lines.push(`> **Task:** ${inline(firstLine(state.task.text), 300)}`, '');
  if (state.interruption) {
    lines.push(
      `**Stopped:** ${inline(state.interruption.reason, 300)}. Nothing committed on the work branch is lost; ` +
        `${links.recoveryIssue ? `see ${link('the recovery issue', links.recoveryIssue)} to resume` : 'resume with `resume: true`'}.`,
      '',
    );
  }
  lines.push(...overview(state), '');

  const chart = renderRunFlowchart(state);
  if (chart) lines.push(chart, '');

  lines.push('### Steps', '', ...stepsTable(Object.values(state.steps)), '');
  lines.push('### Failover status', '', ...fleetTable(input.fleet), '');
  lines.push('### Attempts per endpoint', '', ...attemptsTable(attemptCounts(input)), '');
  lines.push('### Links', '', ...linkList(links), '');
  return capBytes(lines.join('\n'));
}

function overview(state: RunState): string[] {
  const code = codeSteps(state);
  const done = code.filter((s) => s.status === 'done').length;
  const failed = code.filter((s) => s.status === 'failed').length;
  const parts = [
    `Subtasks committed: **${done} of ${code.length}** (${Math.round(successRateOf(state) * 100)} %)`,
  ];
  if (failed > 0) parts.push(`${failed} failed`);
  // A failed step that was also degraded counts once, as failed.
  const degraded = Object.values(state.steps).filter(
    (s) => s.degraded === true && s.status !== 'failed',
  ).length;
  if (degraded > 0) parts.push(`${degraded} degraded step${degraded === 1 ? '' : 's'}`);
  if (state.batches.length > 0) parts.push(`${state.batches.length} batch attempt(s)`);
  if (state.resumes > 0) parts.push(`resumed ${state.resumes}×`);
  const lines = [parts.join(' · ')];
  const review = state.steps.review?.result as Partial<Review> | undefined;
  if (review && typeof review.approved === 'boolean') {
    lines.push(
      '',
      `Review: ${review.approved ? 'approved' : 'not approved'}` +
        `${review.degraded === true ? ' — no reviewer model answered; a human must review' : ''}` +
        `${typeof review.codeQuality === 'number' ? ` (quality ${review.codeQuality})` : ''}.`,
    );
  }
  return lines;
}

function stepsTable(steps: StepRecord[]): string[] {
  if (steps.length === 0) return ['No steps yet.'];
  return table(
    ['step', 'state', 'model', 'attempts', 'commit', 'note'],
    capRows(
      steps,
      MAX_STEP_ROWS,
      (s) => [
        codeCell(s.id),
        `${s.status}${s.degraded === true ? ' (degraded)' : ''}`,
        cell(s.model ?? ''),
        String(s.attempts),
        s.commit ? codeCell(s.commit.slice(0, 8)) : '',
        cell(s.error ?? '', 160),
      ],
      6,
    ),
  );
}

function fleetTable(rows: StatusRow[]): string[] {
  if (rows.length === 0) return ['No endpoints configured.'];
  return table(
    ['role', 'tier', 'candidate', 'state', 'kind', 'health', 'in flight'],
    capRows(
      rows,
      MAX_FLEET_ROWS,
      (row) => [
        cell(row.role),
        String(row.tier),
        codeCell(row.key),
        cell(describeState(row) + (row.reason ? ` — ${row.reason}` : '')),
        cell(row.kind),
        cell(row.health),
        `${row.inflight}/${row.maxParallel} (peak ${row.peakInflight})`,
      ],
      7,
    ),
  );
}

interface EndpointLine {
  endpoint: string;
  attempts: number;
  failed: number;
  avgMs: number | undefined;
}

function attemptsTable(counts: AttemptCounts | undefined): string[] {
  if (!counts) return ['No attempt counts recorded.'];
  const endpoints = new Set([...Object.keys(counts.attempts), ...Object.keys(counts.failures)]);
  const rows: EndpointLine[] = [...endpoints].map((endpoint) => {
    // Every failure is also an attempt; counts from disk that disagree never show a negative `ok`.
    const failed = count(counts.failures[endpoint]);
    const attempts = Math.max(count(counts.attempts[endpoint]), failed);
    const latency = counts.latency?.[endpoint];
    const avgMs = latency && latency.count > 0 ? Math.round(latency.sumMs / latency.count) : undefined;
    return { endpoint, attempts, failed, avgMs };
  });
  if (rows.length === 0) return ['No model calls were made.'];
  rows.sort((a, b) => b.attempts - a.attempts || a.endpoint.localeCompare(b.endpoint));
  return table(
    ['endpoint', 'attempts', 'ok', 'failed', 'avg latency'],
    capRows(
      rows,
      MAX_ENDPOINT_ROWS,
      (r) => [
        codeCell(r.endpoint),
        String(r.attempts),
        String(r.attempts - r.failed),
        String(r.failed),
        r.avgMs === undefined ? '' : `${r.avgMs} ms`,
      ],
      5,
    ),
  );
}

function linkList(links: JobSummaryLinks): string[] {
  const lines = [`- Workflow run: ${link('this run', links.run)}`];
  if (links.pullRequest) lines.push(`- Pull request: ${link(links.pullRequest, links.pullRequest)}`);
  if (links.recoveryIssue) lines.push(`- Recovery issue: ${link(links.recoveryIssue, links.recoveryIssue)}`);
  const issues = links.issues.slice(0, MAX_ISSUE_LINKS);
  for (const issue of issues) lines.push(`- Follow-up issue: ${link(issue, issue)}`);
  if (links.issues.length > issues.length)
    lines.push(`- … ${links.issues.length - issues.length} more issues`);
  return lines;
}

/** The counts to show: `attempts` as given, else the metrics if they have the shape. */
function attemptCounts(input: JobSummaryInput): AttemptCounts | undefined {
  if (input.attempts) return input.attempts;
  const metrics = input.metrics as Partial<AttemptCounts> | null | undefined;
  if (!metrics || typeof metrics !== 'object' || !isCountMap(metrics.attempts)) return undefined;
  return {
    attempts: metrics.attempts,
    failures: isCountMap(metrics.failures) ? metrics.failures : {},
    ...(isLatencyMap(metrics.latency) ? { latency: metrics.latency } : {}),
  };
}

function isCountMap(value: unknown): value is Record<string, number> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'number')
  );
}

function isLatencyMap(value: unknown): value is Record<string, { sumMs: number; count: number }> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (v) =>
        v !== null &&
        typeof v === 'object' &&
        typeof (v as { sumMs?: unknown }).sumMs === 'number' &&
        typeof (v as { count?: unknown }).count === 'number',
    )
  );
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/**
 * Annotations for the run page: a warning per degraded step, an error per failed subtask, a notice when
 * the run was interrupted (an error when it gave up: `failed`). Each level is capped at what GitHub
 * shows, the last one counting the rest.
 */
export function annotationsFor(state: RunState): JobAnnotation[] {
  const warnings: JobAnnotation[] = [];
  const errors: JobAnnotation[] = [];
  const notices: JobAnnotation[] = [];
  for (const step of Object.values(state.steps)) {
    if (step.degraded === true && step.status !== 'failed') {
      warnings.push({
        level: 'warning',
        title: `keel: ${step.id} degraded`,
        message: `${degradedMeaning(step)}${step.model && step.model !== 'template' ? ` (${step.model})` : ''}. A human should review its result.`,
      });
    }
    if (step.id.startsWith('code:') && step.status === 'failed') {
      const issue = state.effects[`issue:${step.id}`]?.ref;
      errors.push({
        level: 'error',
        title: `keel: subtask ${step.id.slice('code:'.length)} failed`,
        message:
          `${plain(step.error ?? 'no model produced a usable change')}` +
          `${issue ? ` — follow-up issue: ${issue}` : ''}`,
      });
    }
  }
  const stop = state.interruption;
  if (stop && (state.status === 'interrupted' || state.status === 'failed')) {
    const recovery = state.effects.recovery?.ref;
    const annotation: JobAnnotation = {
      level: state.status === 'failed' ? 'error' : 'notice',
      title: `keel: run ${state.runId} ${state.status === 'failed' ? 'failed' : 'interrupted'}`,
      message:
        `${plain(stop.reason)}. The checkpoint is saved; resume with \`resume: true\` or \`/keel resume ${state.runId}\`` +
        `${recovery ? ` (instructions: ${recovery})` : ''}.`,
    };
    (annotation.level === 'error' ? errors : notices).push(annotation);
  }
  return [
    ...capLevel(warnings, 'degraded steps'),
    ...capLevel(errors, 'errors'),
    ...capLevel(notices, 'notices'),
  ];
}

function degradedMeaning(step: StepRecord): string {
  if (step.id === 'plan') return 'No planner model answered: the plan is a template';
  if (step.id === 'review') return 'No reviewer model answered: the review does not approve';
  if (step.id.startsWith('code:')) return `Subtask ${step.id.slice('code:'.length)} used a degraded fallback`;
  return `Step ${step.id} used a degraded fallback`;
}

function capLevel(list: JobAnnotation[], what: string): JobAnnotation[] {
  if (list.length <= MAX_ANNOTATIONS_PER_LEVEL) return list;
  const kept = list.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1);
  const rest = list.length - kept.length;
  return [
    ...kept,
    {
      level: list[0]!.level,
      title: `keel: ${rest} more ${what}`,
      message: `${rest} more ${what} — see the job summary.`,
    },
  ];
}

/** Annotation text: one line (the runner escapes the rest), bounded. */
function plain(text: string, max = 1_000): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
