/** daemon/: what the rest of keel uses of it. */
export { daemonChildren, DEFAULT_HEARTBEAT_MAX_AGE_MS } from './daemon-children.ts';
export { acquireDaemonLock } from './daemon-lock.ts';
export {
  type BackoffPolicy,
  DEFAULT_STOP_GRACE_MS,
  Watchdog,
  type WatchdogEvent,
  type WatchdogStatus,
} from './watchdog.ts';
