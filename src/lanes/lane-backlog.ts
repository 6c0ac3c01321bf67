/**
 * What a lane may claim next: the tasks it has read and not claimed yet — its own and unowned ones —
 * highest priority first, queue order among equals; once those run out, the tasks recycling reopened.
 * New work goes before recycled work: the backlog is recycled only when nothing else is runnable.
 */
import type { QueueTask } from '../queue/types.ts';

export class LaneBacklog {
  readonly #lane: string;
  #pending: QueueTask[] = [];
  readonly #ids = new Set<string>();
  #unsorted = false;

  constructor(lane: string) {
    this.#lane = lane;
  }

  get size(): number {
    return this.#pending.length;
  }

  /** Takes the tasks this lane may run; ids already waiting are ignored. */
  add(tasks: readonly QueueTask[]): void {
    for (const task of tasks) {
      if (!this.mine(task) || this.#ids.has(task.id)) continue;
      this.#ids.add(task.id);
      this.#pending.push(task);
      this.#unsorted = true;
    }
  }

  drop(id: string): void {
    if (!this.#ids.delete(id)) return;
    const index = this.#pending.findIndex((task) => task.id === id);
    if (index >= 0) this.#pending.splice(index, 1);
  }

  /** The next task to claim; ids the claim store knows are dropped on the way. */
  next(isKnown: (id: string) => boolean, reopened: () => QueueTask[]): QueueTask | undefined {
    if (this.#unsorted) {
      // Stable: equal priorities keep queue order.
      this.#pending.sort((a, b) => b.priority - a.priority);
      this.#unsorted = false;
    }
    let known = 0;
    while (known < this.#pending.length && isKnown(this.#pending[known]!.id)) {
      this.#ids.delete(this.#pending[known]!.id);
      known++;
    }
    if (known > 0) this.#pending.splice(0, known);
    if (this.#pending.length > 0) return this.#pending[0];
    return reopened()
      .filter((task) => this.mine(task))
      .sort((a, b) => b.priority - a.priority)[0];
  }

  mine(task: QueueTask): boolean {
    return task.owner === undefined || task.owner === this.#lane;
  }
}
