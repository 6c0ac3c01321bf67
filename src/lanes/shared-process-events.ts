/**
 * One subscription to the process's signals and fatal events, shared by every run a lane has in flight.
 *
 * Each run installs its own shutdown (`run/shutdown.ts`): four listeners on `process`. With a dozen runs in
 * flight that passes Node's ten-listener warning and prints a false "memory leak" to the lane's output. The
 * fan-out listens to `process` only while some run listens to it (so an uncaught exception between two runs
 * still ends the process as it would without a lane), and forwards each event to every run.
 */
import { EventEmitter } from 'node:events';
import type { ProcessEvents } from '../run/shutdown.ts';

type Listener = (...args: unknown[]) => void;

export function fanOutProcessEvents(source: ProcessEvents = process): ProcessEvents {
  const runs = new EventEmitter();
  runs.setMaxListeners(0);
  const forwarders = new Map<string, Listener>();
  return {
    on(event, listener) {
      if (!forwarders.has(event)) {
        const forward: Listener = (...args) => runs.emit(event, ...args);
        forwarders.set(event, forward);
        source.on(event, forward);
      }
      runs.on(event, listener);
      return this;
    },
    off(event, listener) {
      runs.off(event, listener);
      const forward = forwarders.get(event);
      if (forward && runs.listenerCount(event) === 0) {
        forwarders.delete(event);
        source.off(event, forward);
      }
      return this;
    },
  };
}
