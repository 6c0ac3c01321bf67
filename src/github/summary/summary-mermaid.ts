/**
 * The run as a Mermaid flowchart: plan → code subtasks (fan-out) → validate → review → publish, each
 * node coloured by its state. A picture reads better than the table for the fan-out: which subtasks
 * failed or degraded, and how far the run got. Node ids are generated; labels are escaped with
 * Mermaid's entity codes, so no step id or model name can break out of its node. Class names carry a
 * prefix (`st_done`) so none collides with a Mermaid keyword.
 */
import type { RunState, StepRecord } from '../../run/state.ts';

/** More subtask nodes than this and the chart stops being readable; the rest become one node. */
export const MAX_DIAGRAM_SUBTASKS = 24;

type NodeClass = 'done' | 'failed' | 'degraded' | 'pending' | 'running' | 'skipped';

const CLASS_DEFS: Record<NodeClass, string> = {
  done: 'fill:#d4edda,stroke:#28a745,color:#155724',
  failed: 'fill:#f8d7da,stroke:#dc3545,color:#721c24',
  degraded: 'fill:#fff3cd,stroke:#e0a800,color:#856404',
  pending: 'fill:#e2e3e5,stroke:#6c757d,color:#383d41',
  running: 'fill:#cce5ff,stroke:#007bff,color:#004085',
  skipped: 'fill:#f8f9fa,stroke:#adb5bd,color:#6c757d,stroke-dasharray:4 3',
};

interface Node {
  id: string;
  label: string;
  cls: NodeClass;
}

export function classOf(step: StepRecord | undefined): NodeClass {
  if (!step) return 'pending';
  if (step.degraded === true && step.status !== 'failed') return 'degraded';
  return step.status;
}

/** Mermaid label text: one line, quotes, `#`, angle brackets and backticks as entity codes. */
export function mermaidText(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut
    .replaceAll('#', '#35;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;')
    .replaceAll('`', '#96;');
}

function stepNode(id: string, name: string, step: StepRecord | undefined): Node {
  const cls = classOf(step);
  return { id, label: `${name} (${cls})`, cls };
}

/** The fenced ```mermaid block, or '' for a run with no steps at all. */
export function renderRunFlowchart(state: RunState): string {
  const steps = Object.values(state.steps);
  if (steps.length === 0) return '';
  const code = steps.filter((s) => s.id.startsWith('code:'));
  const shown = code.slice(0, MAX_DIAGRAM_SUBTASKS);
  const hidden = code.slice(MAX_DIAGRAM_SUBTASKS);

  const plan = stepNode('plan', 'plan', state.steps.plan);
  const codeNodes: Node[] = shown.map((s, i) => stepNode(`code${i}`, s.id, s));
  if (hidden.length > 0) {
    const failed = hidden.filter((s) => s.status === 'failed').length;
    const done = hidden.filter((s) => s.status === 'done').length;
    codeNodes.push({
      id: 'codeMore',
      label: `… ${hidden.length} more subtasks: ${done} done, ${failed} failed`,
      cls: failed > 0 ? 'failed' : done === hidden.length ? 'done' : 'pending',
    });
  }
  if (codeNodes.length === 0) codeNodes.push({ id: 'code', label: 'code (not planned yet)', cls: 'pending' });
  const tail = [
    stepNode('validate', 'validate', state.steps.validate),
    stepNode('review', 'review', state.steps.review),
    stepNode('publish', 'publish', state.steps.publish),
  ];

  const lines = ['```mermaid', 'flowchart LR'];
  for (const node of [plan, ...codeNodes, ...tail]) {
    lines.push(`  ${node.id}["${mermaidText(node.label)}"]:::st_${node.cls}`);
  }
  for (const node of codeNodes) lines.push(`  ${plan.id} --> ${node.id}`);
  for (const node of codeNodes) lines.push(`  ${node.id} --> ${tail[0]!.id}`);
  lines.push(`  ${tail[0]!.id} --> ${tail[1]!.id}`, `  ${tail[1]!.id} --> ${tail[2]!.id}`);
  for (const [name, style] of Object.entries(CLASS_DEFS)) lines.push(`  classDef st_${name} ${style}`);
  lines.push('```');
  return lines.join('\n');
}
