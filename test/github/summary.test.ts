/** The job summary and annotations: tables present, untrusted text escaped, sizes capped, Mermaid well-formed. */
import { describe, expect, it } from 'vitest';
import type { StatusRow } from '../../src/fleet/status.ts';
import {
  annotationsFor,
  MAX_ANNOTATIONS_PER_LEVEL,
  MAX_ENDPOINT_ROWS,
  MAX_FLEET_ROWS,
  MAX_STEP_ROWS,
  renderJobSummary,
  type JobSummaryInput,
} from '../../src/github/summary/summary.ts';
import { capBytes, link, MAX_SUMMARY_BYTES } from '../../src/github/summary/summary-markdown.ts';
import { MAX_DIAGRAM_SUBTASKS } from '../../src/github/summary/summary-mermaid.ts';
import { emptyMetrics } from '../../src/run/metrics.ts';
import { RUN_STATE_VERSION, type RunState, type StepRecord } from '../../src/run/state.ts';

function state(overrides: Partial<RunState> = {}, code: StepRecord[] = []): RunState {
  const steps: Record<string, StepRecord> = {
    plan: { id: 'plan', status: 'done', attempts: 1, model: 'lan-1/qwen2.5-coder' },
  };
  for (const step of code) steps[step.id] = step;
  steps.validate = { id: 'validate', status: 'done', attempts: 1 };
  steps.review = {
    id: 'review',
    status: 'done',
    attempts: 2,
    model: 'template',
    degraded: true,
    result: {
      approved: false,
      codeQuality: 0,
      comments: [],
      blocking: [],
      degraded: true,
      needsHumanReview: true,
    },
  };
  steps.publish = { id: 'publish', status: 'pending', attempts: 0 };
  return {
    version: RUN_STATE_VERSION,
    runId: 'r-1',
    task: { text: 'Add a widget\nmore detail', source: 'issue_comment' },
    status: 'degraded',
    createdAt: 0,
    updatedAt: 0,
    repo: { root: '/r', baseBranch: 'main', baseSha: 'a'.repeat(40), workBranch: 'keel/r-1', worktree: '/w' },
    steps,
    batches: [],
    effects: {},
    resumes: 0,
    ...overrides,
  };
}

const codeStep = (id: string, fields: Partial<StepRecord> = {}): StepRecord => ({
  id: `code:${id}`,
  status: 'done',
  attempts: 1,
  model: 'lan-1/qwen2.5-coder',
  commit: 'abcdef0123456789',
  ...fields,
});

function row(overrides: Partial<StatusRow> = {}): StatusRow {
  return {
    role: 'coder',
    tier: 1,
    key: 'lan-1/qwen2.5-coder',
    endpointId: 'lan-1',
    model: 'qwen2.5-coder',
    kind: 'local',
    state: 'CLOSED',
    failures: 0,
    threshold: 5,
    remainingMs: 0,
    inflight: 0,
    peakInflight: 2,
    maxParallel: 2,
    health: 'healthy',
    ...overrides,
  };
}

function input(overrides: Partial<JobSummaryInput> = {}): JobSummaryInput {
  return {
    state: state({}, [
      codeStep('a'),
      codeStep('b', { status: 'failed', commit: undefined, error: 'timed out' }),
    ]),
    fleet: [
      row(),
      row({
        tier: 2,
        key: 'cloud/gpt',
        endpointId: 'cloud',
        kind: 'hosted',
        state: 'OPEN',
        remainingMs: 42_000,
      }),
    ],
    attempts: {
      attempts: { 'lan-1': 7, cloud: 3 },
      failures: { 'lan-1': 2, cloud: 3 },
      latency: { 'lan-1': { sumMs: 500, count: 5 } },
    },
    links: {
      run: 'https://github.com/acme/widgets/actions/runs/7',
      pullRequest: 'https://github.com/acme/widgets/pull/3',
      issues: ['https://github.com/acme/widgets/issues/4'],
    },
    ...overrides,
  };
}

/** Table cells split on unescaped pipes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function tableRows(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`### ${heading}`);
  const lines = markdown.slice(start).split('\n').slice(2);
  const end = lines.findIndex((l) => !l.startsWith('|'));
  return lines.slice(2, end); // skip header and separator
}

function mermaid(markdown: string): string[] {
  const start = markdown.indexOf('```mermaid\n');
  expect(start).toBeGreaterThanOrEqual(0);
  const body = markdown.slice(start + '```mermaid\n'.length);
  return body.slice(0, body.indexOf('\n```')).split('\n');
}

describe('renderJobSummary', () => {
  it('has the status, the steps, the failover table, attempts per endpoint and links', () => {
    const md = renderJobSummary(input());
    expect(md).toMatch(/^## keel run `r-1` — ⚠️ degraded\n/);
    expect(md).toContain('> **Task:** Add a widget\n');
    expect(md).toContain('Subtasks committed: **1 of 2** (50 %) · 1 failed · 1 degraded step');
    expect(md).toContain(
      'Review: not approved — no reviewer model answered; a human must review (quality 0).',
    );

    const steps = tableRows(md, 'Steps').map(cells);
    expect(steps).toContainEqual(['`code:a`', 'done', 'lan-1/qwen2.5-coder', '1', '`abcdef01`', '']);
    expect(steps).toContainEqual(['`code:b`', 'failed', 'lan-1/qwen2.5-coder', '1', '', 'timed out']);
    expect(steps).toContainEqual(['`review`', 'done (degraded)', 'template', '2', '', '']);

    const fleet = tableRows(md, 'Failover status').map(cells);
    expect(fleet).toContainEqual([
      'coder',
      '2',
      '`cloud/gpt`',
      'OPEN (42 s)',
      'hosted',
      'healthy',
      '0/2 (peak 2)',
    ]);

    const attempts = tableRows(md, 'Attempts per endpoint').map(cells);
    expect(attempts).toEqual([
      ['`lan-1`', '7', '5', '2', '100 ms'],
      ['`cloud`', '3', '0', '3', ''],
    ]);

    expect(md).toContain('- Workflow run: [this run](https://github.com/acme/widgets/actions/runs/7)');
    expect(md).toContain(
      '- Pull request: [https://github.com/acme/widgets/pull/3](https://github.com/acme/widgets/pull/3)',
    );
    expect(md).toContain('- Follow-up issue: [https://github.com/acme/widgets/issues/4]');
  });

  it('escapes pipes, backticks and HTML from untrusted text so no row breaks', () => {
    const hostile = 'a | b `c` <img src=x onerror=alert(1)> \\';
    const md = renderJobSummary(
      input({
        state: state({ task: { text: `Do it | now \`rm -rf\` <script>`, source: 'issue_comment' } }, [
          codeStep('x', { status: 'failed', error: hostile, model: 'evil|model`' }),
        ]),
        fleet: [row({ key: 'odd|key`', reason: 'x|y' })],
        attempts: { attempts: { 'end|point': 1 }, failures: {} },
      }),
    );
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    for (const heading of ['Steps', 'Failover status', 'Attempts per endpoint']) {
      const rows = tableRows(md, heading);
      const width = cells(rows[0]!).length;
      for (const line of rows) expect(cells(line)).toHaveLength(width);
    }
    const failed = tableRows(md, 'Steps').find((l) => l.includes('code:x'))!;
    expect(failed).toContain('a \\| b \\`c\\` &lt;img src=x onerror=alert(1)&gt; \\\\');
    expect(failed).toContain('evil\\|model\\`');
    expect(tableRows(md, 'Failover status')[0]).toContain('odd\\|key\\`');
  });

  it('caps every table and the diagram, and says how many were left out', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      codeStep(`s${i}`, i % 4 === 0 ? { status: 'failed', commit: undefined, error: 'x'.repeat(5_000) } : {}),
    );
    const fleet = Array.from({ length: 300 }, (_, i) => row({ key: `ep${i}/m`, tier: i + 1 }));
    const attempts = {
      attempts: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`ep${i}`, i + 1])),
      failures: {},
    };
    const issues = Array.from({ length: 120 }, (_, i) => `https://github.com/acme/widgets/issues/${i}`);
    const md = renderJobSummary(
      input({ state: state({}, many), fleet, attempts, links: { run: 'https://x.test/run', issues } }),
    );

    const steps = tableRows(md, 'Steps');
    expect(steps).toHaveLength(MAX_STEP_ROWS + 1);
    expect(cells(steps.at(-1)!)[0]).toBe(`… ${500 + 4 - MAX_STEP_ROWS} more`);
    expect(tableRows(md, 'Failover status')).toHaveLength(MAX_FLEET_ROWS + 1);
    expect(tableRows(md, 'Attempts per endpoint')).toHaveLength(MAX_ENDPOINT_ROWS + 1);
    expect(tableRows(md, 'Attempts per endpoint')[0]).toContain('`ep299`');
    expect(md).toContain('- … 70 more issues');

    const chart = mermaid(md);
    expect(chart.filter((l) => /^ {2}code\d+\[/.test(l))).toHaveLength(MAX_DIAGRAM_SUBTASKS);
    expect(chart.join('\n')).toContain(`… ${500 - MAX_DIAGRAM_SUBTASKS} more subtasks`);
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
  });

  it('draws a well-formed Mermaid flowchart: every node defined, every edge between defined nodes', () => {
    const md = renderJobSummary(
      input({
        state: state({}, [
          codeStep('a'),
          codeStep('b', { status: 'failed' }),
          codeStep('c', { degraded: true }),
          { id: 'code:"quote"<x>#`', status: 'pending', attempts: 0 },
        ]),
      }),
    );
    const [first, ...lines] = mermaid(md);
    expect(first).toBe('flowchart LR');
    const nodes = new Map<string, string>();
    const classes = new Set<string>();
    const edges: [string, string][] = [];
    for (const line of lines) {
      const node = /^ {2}(\w+)\["([^"]*)"\]:::(st_\w+)$/.exec(line);
      const edge = /^ {2}(\w+) --> (\w+)$/.exec(line);
      const def = /^ {2}classDef (st_\w+) [\w#:,. -]+$/.exec(line);
      if (node) nodes.set(node[1]!, node[3]!);
      else if (edge) edges.push([edge[1]!, edge[2]!]);
      else if (def) classes.add(def[1]!);
      else expect.fail(`not a Mermaid line: ${line}`);
    }
    expect([...nodes.keys()]).toEqual([
      'plan',
      'code0',
      'code1',
      'code2',
      'code3',
      'validate',
      'review',
      'publish',
    ]);
    for (const [from, to] of edges) expect(nodes.has(from) && nodes.has(to)).toBe(true);
    for (const cls of nodes.values()) expect(classes.has(cls)).toBe(true);
    expect(nodes.get('code1')).toBe('st_failed');
    expect(nodes.get('code2')).toBe('st_degraded');
    expect(nodes.get('review')).toBe('st_degraded');
    expect(nodes.get('publish')).toBe('st_pending');
    expect(lines.join('\n')).toContain('#quot;quote#quot;#lt;x#gt;#35;#96;');
  });

  it('reads attempt counts from unvalidated metrics, and ignores metrics of the wrong shape', () => {
    const metrics = emptyMetrics();
    metrics.attempts = { sim: 4 };
    metrics.failures = { sim: 1 };
    const base = { ...input(), attempts: undefined };
    expect(tableRows(renderJobSummary({ ...base, metrics }), 'Attempts per endpoint').map(cells)).toEqual([
      ['`sim`', '4', '3', '1', ''],
    ]);
    expect(renderJobSummary({ ...base, metrics: { attempts: 'lots' } })).toContain(
      'No attempt counts recorded.',
    );
    expect(renderJobSummary({ ...base, metrics: null })).toContain('No attempt counts recorded.');
  });

  it('explains an interruption and links the recovery issue', () => {
    const md = renderJobSummary(
      input({
        state: state({ status: 'interrupted', interruption: { reason: 'cancelled (SIGINT)', at: 1 } }),
        links: {
          run: 'https://x.test/run',
          recoveryIssue: 'https://github.com/acme/widgets/issues/9',
          issues: [],
        },
      }),
    );
    expect(md).toMatch(/^## keel run `r-1` — ⏸️ interrupted/);
    expect(md).toContain('**Stopped:** cancelled (SIGINT).');
    expect(md).toContain('[the recovery issue](https://github.com/acme/widgets/issues/9)');
  });
});

describe('summary markdown helpers', () => {
  it('never links a non-http URL and keeps parentheses from ending a link', () => {
    expect(link('x', 'javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(link('run', 'https://x.test/a_(b)')).toBe('[run](https://x.test/a_%28b%29)');
    expect(link('run', 'https://x.test/a b')).toBe('https://x.test/a b');
  });

  it('cuts a summary over the limit at a line, closing an open fence', () => {
    const huge = [
      '# big',
      '```',
      ...Array.from({ length: 40_000 }, (_, i) => `line ${i} ${'y'.repeat(40)}`),
      '```',
    ].join('\n');
    const out = capBytes(huge, 100_000);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100_000);
    expect(out.split('\n').filter((l) => l === '```')).toHaveLength(2);
    expect(out).toContain('summary truncated');
  });
});

describe('annotationsFor', () => {
  it('warns per degraded step, errors per failed subtask, notes an interruption', () => {
    const s = state({ status: 'interrupted', interruption: { reason: 'time budget spent', at: 1 } }, [
      codeStep('a', { degraded: true }),
      codeStep('b', { status: 'failed', error: 'all coder models failed' }),
    ]);
    s.effects['issue:code:b'] = {
      kind: 'issue',
      marker: 'm',
      ref: 'https://github.com/acme/widgets/issues/5',
      createdAt: 1,
    };
    s.effects.recovery = {
      kind: 'recovery_issue',
      marker: 'r',
      ref: 'https://github.com/acme/widgets/issues/6',
      createdAt: 1,
    };
    const annotations = annotationsFor(s);
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['warning', 'keel: code:a degraded'],
      ['warning', 'keel: review degraded'],
      ['error', 'keel: subtask b failed'],
      ['notice', 'keel: run r-1 interrupted'],
    ]);
    expect(annotations[1]!.message).toContain('No reviewer model answered');
    expect(annotations[2]!.message).toBe(
      'all coder models failed — follow-up issue: https://github.com/acme/widgets/issues/5',
    );
    expect(annotations[3]!.message).toContain('/keel resume r-1');
    expect(annotations[3]!.message).toContain('https://github.com/acme/widgets/issues/6');
  });

  it('reports a run that gave up as an error, and nothing for a clean run', () => {
    const gaveUp = annotationsFor(
      state({ status: 'failed', interruption: { reason: 'too few subtasks succeeded', at: 1 } }),
    );
    expect(gaveUp.at(-1)).toMatchObject({ level: 'error', title: 'keel: run r-1 failed' });
    const clean = state({ status: 'completed' });
    delete clean.steps.review!.degraded;
    expect(annotationsFor(clean)).toEqual([]);
  });

  it('caps each level at what GitHub shows, the last one counting the rest', () => {
    const failedSteps = Array.from({ length: 25 }, (_, i) =>
      codeStep(`f${i}`, { status: 'failed', error: 'e' }),
    );
    const errors = annotationsFor(state({}, failedSteps)).filter((a) => a.level === 'error');
    expect(errors).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL);
    expect(errors.at(-1)!.title).toBe(`keel: ${25 - MAX_ANNOTATIONS_PER_LEVEL + 1} more errors`);
  });
});
