/**
 * Choosing where a request goes: the candidate selection over the fleet's views, a slot (and the
 * machine's leases) taken there, or a bounded wait — for a slot when every usable candidate is busy, for
 * a cooldown's end — that gives up with `saturated` or `exhausted` after `policy.maxWaitMs`.
 */
import type { Clock } from '../base/clock.ts';
import type { Candidate, EndpointConfig, RoleName } from '../config/schema.ts';
import type { FailurePass } from './failure-response.ts';
import type { FleetView } from './fleet-view.ts';
import type { MachineLeases } from './machine-leases.ts';
import { RouterError, type Attempt, type CompleteOptions, type RouterEvent } from './router-types.ts';
import { selectCandidate, type Selection } from './selection.ts';
import type { ServerUpkeep, UpkeepPass } from './server-upkeep.ts';
import { NO_LEASE, type Lease } from './shared-slots.ts';

/** One request's journey through the chain. */
export interface RequestPass extends FailurePass, UpkeepPass {
  role: RoleName;
  options: CompleteOptions;
  /** Arrival order, for the fair queue of slots. */
  ticket: number;
  attempts: Attempt[];
  waitedMs: number;
}

export interface Chosen {
  candidate: Candidate;
  endpoint: EndpointConfig;
  tier: number;
  /** The slot lease shared with other keel processes (`shared-slots.ts`), released with the local slot. */
  lease: Lease;
  /** `load: server`: the machine's unseen-send token, held until a reading shows the request. */
  unseen?: Lease;
}

/** How often a request waiting for leases held by other processes looks again, watch or no watch. */
const SHARED_POLL_MS = 250;

export interface ChooserDeps {
  fleet: FleetView;
  upkeep: ServerUpkeep;
  leases: MachineLeases;
  clock: Clock;
  emit: (event: RouterEvent) => void;
}

export class Chooser {
  readonly #fleet: FleetView;
  readonly #upkeep: ServerUpkeep;
  readonly #leases: MachineLeases;
  readonly #clock: Clock;
  readonly #emit: (event: RouterEvent) => void;

  constructor(deps: ChooserDeps) {
    this.#fleet = deps.fleet;
    this.#upkeep = deps.upkeep;
    this.#leases = deps.leases;
    this.#clock = deps.clock;
    this.#emit = deps.emit;
  }

  /** Picks a candidate and takes a slot there, waiting (bounded) for a slot or a cooldown when needed. */
  async choose(pass: RequestPass): Promise<Chosen> {
    const { role } = pass;
    // One `wait` event per stretch of waiting for one reason, with how long it lasted: a wait is woken
    // by every change in the fleet (and, with shared slots, looks again every SHARED_POLL_MS).
    let stretch: { reason: 'saturated' | 'cooling'; since: number } | undefined;
    const endStretch = (): void => {
      if (stretch)
        this.#emit({ type: 'wait', role, reason: stretch.reason, ms: this.#clock.now() - stretch.since });
      stretch = undefined;
    };
    try {
      return await this.#loop(pass, (reason) => {
        if (stretch?.reason === reason) return;
        endStretch();
        stretch = { reason, since: this.#clock.now() };
      });
    } finally {
      endStretch();
    }
  }

  async #loop(pass: RequestPass, waits: (reason: 'saturated' | 'cooling') => void): Promise<Chosen> {
    const { policy } = this.#fleet.config;
    const { role, attempts } = pass;
    const serverLoad = this.#fleet.serverLoad;
    const ids = serverLoad ? pass.chain.flat().map((c) => c.endpointId) : [];
    for (;;) {
      if (pass.options.signal?.aborted) throw new RouterError('aborted', role, attempts, 'cancelled');
      // Each step is awaited only when it has something to wait for: most picks need no look at all, and
      // an await per step per request is a measurable share of the router's cost (bench/router.ts).
      const upkeep = this.#upkeep.beforeChoosing(pass);
      if (upkeep) await upkeep;
      if (serverLoad) {
        const firstLook = serverLoad.firstLook(ids);
        if (firstLook) await firstLook;
        serverLoad.poll(ids);
      }
      const views = this.#fleet.views(pass.chain, pass.shape, pass.ticket);
      const prefer = pass.retrySame ?? pass.options.prefer;
      const selection = selectCandidate(views, {
        // After waiting `maxWaitMs` for the preferred tier, any later tier with a free slot may serve.
        spillover: policy.spillover || pass.waitedMs >= policy.maxWaitMs,
        preferLocal: this.#fleet.selfHosted,
        ...(prefer !== undefined ? { prefer } : {}),
      });
      let waiting: Exclude<Selection, { kind: 'pick' }>;
      if (selection.kind === 'pick') {
        const candidate = pass.chain[selection.candidate.tier]![selection.candidate.order]!;
        const endpoint = this.#fleet.endpoint(candidate.endpointId);
        if (!this.#fleet.slots.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint))) continue;
        const free = this.#leases.noneNeeded(endpoint);
        const lease = free ? NO_LEASE : await this.#leases.slot(endpoint);
        const unseen = free ? 'none' : lease ? await this.#leases.unseenTurn(endpoint) : undefined;
        if (lease && unseen) {
          this.#fleet.slots.leave(pass.ticket);
          pass.retrySame = undefined;
          const chosen = { candidate, endpoint, tier: selection.candidate.tier + 1, lease };
          return unseen === 'none' ? chosen : { ...chosen, unseen };
        }
        // Another process took the endpoint's last lease since the count, or (load: server) the machine's
        // turn or the server's room: wait as for a full tier.
        this.#fleet.slots.release(endpoint.id);
        await lease?.release();
        waiting = { kind: 'saturated', tier: selection.candidate.tier };
      } else {
        waiting = selection;
      }
      if (waiting.kind === 'exhausted') {
        // Every candidate that was asked refused the request itself: it is the request, not the fleet.
        if (attempts.length > 0 && attempts.every((a) => a.outcome === 'client_error')) {
          throw new RouterError('not_retryable', role, attempts, 'every candidate refused the request');
        }
        throw new RouterError('exhausted', role, attempts, 'every candidate failed or is unavailable');
      }
      const budget = policy.maxWaitMs - pass.waitedMs;
      const ms = waiting.kind === 'cooling' ? waiting.until - this.#clock.now() : budget;
      if (budget <= 0 || ms > budget) {
        if (waiting.kind === 'saturated') {
          throw new RouterError(
            'saturated',
            role,
            attempts,
            `every candidate stayed busy for ${policy.maxWaitMs} ms`,
          );
        }
        throw new RouterError(
          'exhausted',
          role,
          attempts,
          'every candidate is cooling down beyond maxWaitMs',
        );
      }
      if (waiting.kind === 'saturated') {
        // Queue for the usable endpoints, keeping this request's place across wake-ups.
        const usable = views.flat().filter((v) => v.blocked === undefined);
        this.#fleet.slots.enqueue(pass.ticket, new Set(usable.map((v) => v.endpointId)));
      } else {
        this.#fleet.slots.leave(pass.ticket);
      }
      waits(waiting.kind);
      const waitStart = this.#clock.now();
      // Leases other processes release wake waiters through a directory watch; where that cannot be
      // trusted to fire, a saturated wait also looks again every SHARED_POLL_MS.
      // The servers' own counts change without a release here, and the machine's turn to send a request
      // they do not show yet (load: server) comes round within a look: look again within 100 ms.
      const poll =
        serverLoad && pass.chain.flat().some((c) => serverLoad.tracks(c.endpointId))
          ? Math.min(serverLoad.intervalMs, 100)
          : undefined;
      const bound = this.#fleet.shared ? Math.min(SHARED_POLL_MS, poll ?? SHARED_POLL_MS) : poll;
      const wait = waiting.kind === 'saturated' && bound !== undefined ? Math.min(ms, bound) : ms;
      try {
        await this.#fleet.slots.waitForChange(Math.max(0, wait), this.#clock, pass.options.signal);
      } catch {
        throw new RouterError('aborted', role, attempts, 'cancelled while waiting');
      }
      pass.waitedMs += this.#clock.now() - waitStart;
    }
  }
}
