/**
 * The leases a request holds on this machine besides its local slot: the endpoint's shared slot lease
 * (`shared-slots.ts`: `maxParallel` across the keel processes of one state directory), and, under
 * `load: server`, the machine's one "unseen send" — a request the server's own count does not show yet —
 * so two processes never both read room the other has already taken.
 */
import type { EndpointConfig } from '../config/schema.ts';
import type { FleetView } from './fleet-view.ts';
import { NO_LEASE, type Lease } from './shared-slots.ts';

export class MachineLeases {
  readonly #fleet: FleetView;
  /** Endpoints where this router's unseen send is out (when the shared slots cannot hold the token). */
  readonly #unseenHere = new Set<string>();

  constructor(fleet: FleetView) {
    this.#fleet = fleet;
  }

  /** No shared slots and no unseen-send turn to take (most setups): `slot` and `unseenTurn` need no await. */
  noneNeeded(endpoint: EndpointConfig): boolean {
    return this.#fleet.shared === undefined && !this.#needsTurn(endpoint);
  }

  #needsTurn(endpoint: EndpointConfig): boolean {
    const serverLoad = this.#fleet.serverLoad;
    return serverLoad !== undefined && serverLoad.confirms(endpoint.id) && serverLoad.tracks(endpoint.id);
  }

  /**
   * `load: server` (server-load.ts): this machine's turn to send a request the server's count does not show
   * yet, and the server's room for it by a reading asked after the turn began; undefined when either is
   * missing (the turn given back), 'none' where the endpoint needs no turn.
   */
  async unseenTurn(endpoint: EndpointConfig): Promise<Lease | 'none' | undefined> {
    const serverLoad = this.#fleet.serverLoad;
    if (!serverLoad || !this.#needsTurn(endpoint)) return 'none';
    const token = await this.#holdUnseen(endpoint.id);
    if (!token) return undefined;
    await serverLoad.readSince(endpoint.id, this.#fleet.clock.now());
    if (this.#fleet.serverHasRoom(endpoint)) return token;
    await token.release();
    return undefined;
  }

  /** The machine's unseen-send token: in the shared slots' directory, else this router's own. */
  async #holdUnseen(endpointId: string): Promise<Lease | undefined> {
    let held: Lease | undefined;
    const shared = this.#fleet.shared;
    if (shared?.tryHoldUnseen) {
      try {
        held = await shared.tryHoldUnseen(endpointId);
        if (!held) return undefined;
      } catch {
        // Not writable: the router's own token still serialises its own sends.
      }
    }
    if (!held) {
      if (this.#unseenHere.has(endpointId)) return undefined;
      this.#unseenHere.add(endpointId);
      held = { release: async () => void this.#unseenHere.delete(endpointId) };
    }
    const inner = held;
    let released: Promise<void> | undefined;
    return {
      release: () =>
        (released ??= inner
          .release()
          .catch(() => undefined)
          .then(() => this.#fleet.slots.notify())),
    };
  }

  /** The endpoint's shared slot lease (always granted when shared slots are off). */
  async slot(endpoint: EndpointConfig): Promise<Lease | undefined> {
    const shared = this.#fleet.shared;
    if (!shared) return NO_LEASE;
    try {
      return await shared.tryAcquire(endpoint.id, this.#fleet.capOf(endpoint));
    } catch {
      // The lease files cannot be written (a full or read-only tmp): the per-process cap still holds.
      return NO_LEASE;
    }
  }
}
