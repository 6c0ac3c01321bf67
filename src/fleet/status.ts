/**
 * The failover status table: role → chain → state, printed at start, by
 * `keel status`, and in the job summary.
 */
import { ROLE_NAMES, type RoleName } from '../config/schema.ts';
import type { FleetView } from './fleet-view.ts';

export type CandidateState =
  'CLOSED' | 'MONITORING' | 'OPEN' | 'HALF-OPEN' | 'COOLDOWN' | 'LOADING' | 'DISABLED' | 'UNREACHABLE';

export interface StatusRow {
  role: RoleName;
  /** 1-based tier number. */
  tier: number;
  key: string;
  endpointId: string;
  model: string;
  kind: 'local' | 'hosted';
  state: CandidateState;
  /** Failures inside the breaker window, and the threshold that opens it. */
  failures: number;
  threshold: number;
  /** Milliseconds until an open breaker half-opens, or until a cooldown ends. */
  remainingMs: number;
  inflight: number;
  peakInflight: number;
  maxParallel: number;
  health: 'healthy' | 'unhealthy' | 'unknown';
  contextWindow?: number;
  /** Why a DISABLED candidate is disabled. */
  reason?: string;
}

export function statusRows(fleet: FleetView): StatusRow[] {
  const now = fleet.clock.now();
  const threshold = fleet.config.policy.breaker.failureThreshold;
  const rows: StatusRow[] = [];
  for (const role of ROLE_NAMES) {
    const chain = fleet.config.roles[role];
    if (!chain) continue;
    chain.forEach((tier, tierIndex) => {
      for (const candidate of tier) {
        const endpoint = fleet.endpoint(candidate.endpointId);
        const breaker = fleet.breakers.peek(candidate.key);
        const failures = breaker?.failuresInWindow(now) ?? 0;
        const cooldownUntil = fleet.cooldownOf(endpoint.id)?.until ?? 0;
        const disabled = fleet.disabledReason(endpoint.id) ?? fleet.disabledReason(candidate.key);
        const breakerState = breaker?.state() ?? 'closed';
        let state: CandidateState = failures > 0 ? 'MONITORING' : 'CLOSED';
        let remainingMs = 0;
        if (fleet.unreachable(endpoint)) state = 'UNREACHABLE';
        else if (disabled !== undefined) state = 'DISABLED';
        else if (breakerState === 'open') {
          state = 'OPEN';
          remainingMs = Math.max(0, (breaker?.halfOpensAt() ?? now) - now);
        } else if (breakerState === 'halfOpen') state = 'HALF-OPEN';
        else if (fleet.isLoading(endpoint.id)) state = 'LOADING';
        else if (cooldownUntil > now) {
          state = 'COOLDOWN';
          remainingMs = cooldownUntil - now;
        }
        const contextWindow = fleet.health.contextWindow(endpoint, candidate.model);
        rows.push({
          role,
          tier: tierIndex + 1,
          key: candidate.key,
          endpointId: endpoint.id,
          model: candidate.model,
          kind: endpoint.kind,
          state,
          failures,
          threshold,
          remainingMs,
          inflight: fleet.slots.inflight(endpoint.id),
          peakInflight: fleet.slots.peak(endpoint.id),
          maxParallel: fleet.capOf(endpoint),
          health: fleet.health.health(endpoint.id, now),
          ...(contextWindow !== undefined ? { contextWindow } : {}),
          ...(disabled !== undefined ? { reason: disabled } : {}),
        });
      }
    });
  }
  return rows;
}

/** `MONITORING (2/5)`, `OPEN (42 s)`, `COOLDOWN (3 s)`, `CLOSED`. */
export function describeState(row: StatusRow): string {
  switch (row.state) {
    case 'MONITORING':
      return `MONITORING (${row.failures}/${row.threshold})`;
    case 'OPEN':
    case 'COOLDOWN':
      return `${row.state} (${formatRemaining(row.remainingMs)})`;
    case 'HALF-OPEN':
      return `HALF-OPEN (trial next)`;
    default:
      return row.state;
  }
}

function formatRemaining(ms: number): string {
  if (ms >= 60_000) return `${Math.ceil(ms / 60_000)} min`;
  if (ms >= 1_000) return `${Math.ceil(ms / 1_000)} s`;
  return `${Math.max(0, Math.round(ms))} ms`;
}

/** The plain-text table for terminals and logs. */
export function renderStatusText(rows: StatusRow[]): string {
  const width = Math.max(8, ...rows.map((row) => row.key.length));
  const lines = ['Failover status:'];
  let role: string | undefined;
  let tier: number | undefined;
  for (const row of rows) {
    if (row.role !== role) {
      lines.push(`  ${row.role}:`);
      role = row.role;
      tier = undefined;
    }
    const tierLabel = row.tier !== tier ? `tier ${row.tier}` : '';
    tier = row.tier;
    const load = `${row.inflight}/${row.maxParallel} in flight`;
    lines.push(
      `    ${tierLabel.padEnd(7)} ${row.key.padEnd(width)}  [${describeState(row)}]  ${row.kind}, ${load}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The same table in Markdown, for job summaries and issue bodies. */
export function renderStatusMarkdown(rows: StatusRow[]): string {
  const lines = [
    '| role | tier | candidate | state | kind | health |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.role} | ${row.tier} | \`${row.key}\` | ${describeState(row)} | ${row.kind} | ${row.health} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
