/**
 * Signals for a child that leads its own process group (`spawn(..., { detached: true })`). Signalling the
 * group (`-pid`) reaches the grandchildren too: `npm test` → `sh` → `node` → workers all stop together,
 * instead of the shell dying and its children running on, holding our pipes open.
 */

/** Sends `signal` to the whole group; false when the group no longer exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ESRCH') return false;
    // EPERM: a member changed its credentials (setuid). Nothing more we can do for it; say it is alive.
    return true;
  }
}

/** Whether any process is left in the group (signal 0 checks without sending anything). */
export function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}
