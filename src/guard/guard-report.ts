/**
 * The cycle report's entries for a lane and for an endpoint: what `last-cycle.json` and the Action's summary
 * say about each, built from the cycle's decisions and the health book.
 */
import type { FleetHealthBook } from '../fleet/probe.ts';
import type { LanePlan } from './guard-decide.ts';
import type { LaneGuardState } from './guard-state.ts';
import type { LaneOutcome } from './guard-steps.ts';
import type { EndpointReport, LaneReport } from './guard-types.ts';

export function laneReport(
  plan: LanePlan,
  outcome: LaneOutcome,
  state: LaneGuardState,
  now: number,
  staleMs: number,
): LaneReport {
  const { lane, queued, activity, pause, health, errors } = plan.observation;
  return {
    lane: lane.name,
    kind: lane.kind,
    queued,
    ...(plan.observation.recycled !== undefined ? { recycled: plan.observation.recycled } : {}),
    activity,
    health: { endpoints: health.endpoints, share: health.share, floorMet: health.floorMet },
    ...(pause
      ? { pause: { ...pause, ageMs: Math.max(0, now - pause.at), stale: now - pause.at > staleMs } }
      : {}),
    status: plan.status,
    action: outcome.action,
    pauseCleared: outcome.pauseCleared,
    idleCycles: state.idleCycles,
    ...(state.idleSince !== undefined ? { idleSince: state.idleSince } : {}),
    errors: outcome.error !== undefined ? [...errors, outcome.error] : errors,
  };
}

export function endpointReport(
  id: string,
  book: FleetHealthBook,
  unreachable: ReadonlySet<string>,
  now: number,
): EndpointReport {
  const probe = book.latestProbe(id);
  const scan = book.latestScan(id);
  return {
    id,
    health: unreachable.has(id) ? 'unreachable' : book.health(id, now),
    ...(probe ? { latencyMs: probe.latencyMs, checkedAt: probe.checkedAt } : {}),
    ...(probe?.error !== undefined ? { error: probe.error } : {}),
    ...(scan ? { flavor: scan.flavor, models: scan.models.length } : {}),
  };
}
