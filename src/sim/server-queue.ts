/**
 * A server's own request slots and its model loads, as local servers have them:
 * - Ollama serves `OLLAMA_NUM_PARALLEL` (default 1) requests per loaded model and the rest wait on an
 *   unbounded semaphore, sending nothing until their turn (llm/llama_server.go, ollama fb30760); llama.cpp
 *   defers tasks when no slot is free (`requests_deferred`); LM Studio runs `parallel` predictions.
 * - A model that is not loaded is loaded by the first request that needs it, which waits for the load;
 *   so does every request for it meanwhile (Ollama's scheduler, LM Studio's JIT loading, llama.cpp router
 *   mode's autoload).
 * The waiting count is what a server's metrics report (`llamacpp:requests_deferred`,
 * `vllm:num_requests_waiting`): kept in the endpoint's stats for that.
 */
import type { SimEndpointStats } from './types.ts';

export class ServerQueue {
  readonly slots: number;
  readonly #stats: SimEndpointStats;
  #busy = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number, stats: SimEndpointStats) {
    this.slots = slots;
    this.#stats = stats;
  }

  get busy(): number {
    return this.#busy;
  }

  /**
   * Runs `start` once a slot is free, in arrival order, with the function that frees the slot again.
   * Returns a cancel for a request whose client left while it waited (a no-op once started).
   */
  enter(start: (release: () => void) => void): () => void {
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.#busy -= 1;
      this.#next();
    };
    const run = (): void => {
      this.#busy += 1;
      start(release);
    };
    if (this.#busy < this.slots) {
      run();
      return () => undefined;
    }
    this.#waiting.push(run);
    this.#stats.waiting += 1;
    if (this.#stats.waiting > this.#stats.maxWaiting) this.#stats.maxWaiting = this.#stats.waiting;
    return () => {
      const index = this.#waiting.indexOf(run);
      if (index === -1) return;
      this.#waiting.splice(index, 1);
      this.#stats.waiting -= 1;
    };
  }

  #next(): void {
    const run = this.#waiting.shift();
    if (run === undefined) return;
    this.#stats.waiting -= 1;
    run();
  }
}

/** Which models are loaded, and when the ones being loaded will be. Clocked by the caller. */
export class ModelLoads {
  readonly #loaded: Set<string>;
  readonly #readyAt = new Map<string, number>();
  readonly #loadMs: number;

  constructor(loaded: Iterable<string>, loadMs: number) {
    this.#loaded = new Set(loaded);
    this.#loadMs = loadMs;
  }

  isLoaded(model: string, now: number): boolean {
    if (this.#loaded.has(model)) return true;
    const readyAt = this.#readyAt.get(model);
    if (readyAt === undefined || readyAt > now) return false;
    this.#loaded.add(model);
    this.#readyAt.delete(model);
    return true;
  }

  /** Ms until `model` is loaded, starting its load when nobody has. */
  waitFor(model: string, now: number): number {
    if (this.isLoaded(model, now)) return 0;
    let readyAt = this.#readyAt.get(model);
    if (readyAt === undefined) {
      readyAt = now + this.#loadMs;
      if (this.#loadMs <= 0) {
        this.#loaded.add(model);
        return 0;
      }
      this.#readyAt.set(model, readyAt);
    }
    return Math.max(0, readyAt - now);
  }

  markLoaded(model: string): void {
    this.#loaded.add(model);
    this.#readyAt.delete(model);
  }
}
