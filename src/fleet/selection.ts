/**
 * Which candidate serves the next attempt: a pure function of a snapshot of the fleet, so the routing
 * rules can be tested exhaustively without sockets or timers.
 *
 * Rules (DESIGN.md, "Selection, deterministic"):
 * - tiers in order; within a tier the least loaded (`inflight / maxParallel`), ties broken by local-first
 *   on self-hosted runners and then by config order;
 * - blocked candidates (open breaker, cooldown, disabled, refused this shape of request, context too small,
 *   model loading, unreachable, excluded) are skipped; candidates whose latest probe says unhealthy are used only when every unblocked candidate of
 *   the chain is unhealthy (probes go stale);
 * - a saturated tier is waited for, unless spillover lets the next tier serve;
 * - with nothing available, wait for the earliest moment something becomes available, if there is one.
 */
export type BlockReason =
  | 'excluded'
  | 'unreachable'
  | 'disabled'
  | 'refused'
  | 'context'
  | 'loading'
  | 'breaker_open'
  | 'breaker_trial'
  | 'cooldown';

export interface CandidateView {
  key: string;
  endpointId: string;
  tier: number;
  /** Position in config order within its tier. */
  order: number;
  local: boolean;
  blocked?: BlockReason;
  /** When a blocked candidate becomes available again (cooldown end, breaker half-open), wall-clock ms. */
  availableAt?: number;
  unhealthy: boolean;
  inflight: number;
  cap: number;
}

export type Selection =
  | { kind: 'pick'; candidate: CandidateView }
  /** Every usable candidate of the first usable tier is busy: wait for a slot. */
  | { kind: 'saturated'; tier: number }
  /** Nothing usable now, but something becomes available at `until`. */
  | { kind: 'cooling'; until: number }
  /** Nothing usable, and nothing will become usable by waiting. */
  | { kind: 'exhausted' };

export interface SelectionOptions {
  spillover: boolean;
  /** On a self-hosted runner local endpoints win ties (they are the point of having one). */
  preferLocal: boolean;
  /** A candidate key to use first when it is free (the agents' retry on the same model). */
  prefer?: string;
}

/**
 * Whether local endpoints win ties: everywhere but on a GitHub-hosted runner (`RUNNER_ENVIRONMENT`), where
 * they are out of reach anyway. The router and the early resume request both ask this.
 */
export function prefersLocal(runnerEnvironment: string | undefined): boolean {
  return runnerEnvironment !== 'github-hosted';
}

export function selectCandidate(tiers: CandidateView[][], options: SelectionOptions): Selection {
  if (options.prefer !== undefined) {
    const preferred = tiers.flat().find((c) => c.key === options.prefer);
    if (preferred && !preferred.blocked && preferred.inflight < preferred.cap) {
      return { kind: 'pick', candidate: preferred };
    }
  }

  // Unhealthy candidates are skipped while any healthy one remains anywhere in the chain; when the probes
  // say everything is down, try everything in order anyway (probes go stale, networks come back).
  const skipUnhealthy = tiers.some((tier) => tier.some((c) => c.blocked === undefined && !c.unhealthy));
  let saturatedTier: number | undefined;
  for (const tier of tiers) {
    const pool = tier.filter((c) => c.blocked === undefined && !(skipUnhealthy && c.unhealthy));
    if (pool.length === 0) continue;
    const best = leastLoaded(
      pool.filter((c) => c.inflight < c.cap),
      options.preferLocal,
    );
    if (best) return { kind: 'pick', candidate: best };
    saturatedTier ??= pool[0]!.tier;
    if (!options.spillover) break;
  }
  if (saturatedTier !== undefined) return { kind: 'saturated', tier: saturatedTier };

  let until: number | undefined;
  for (const candidate of tiers.flat()) {
    if (candidate.availableAt !== undefined && (until === undefined || candidate.availableAt < until)) {
      until = candidate.availableAt;
    }
  }
  return until === undefined ? { kind: 'exhausted' } : { kind: 'cooling', until };
}

function leastLoaded(free: CandidateView[], preferLocal: boolean): CandidateView | undefined {
  let best: CandidateView | undefined;
  for (const candidate of free) {
    if (best === undefined || compare(candidate, best, preferLocal) < 0) best = candidate;
  }
  return best;
}

function compare(a: CandidateView, b: CandidateView, preferLocal: boolean): number {
  // Cross-multiplied to compare inflight/cap exactly, without floating point.
  const load = a.inflight * b.cap - b.inflight * a.cap;
  if (load !== 0) return load;
  if (preferLocal && a.local !== b.local) return a.local ? -1 : 1;
  return a.order - b.order;
}
