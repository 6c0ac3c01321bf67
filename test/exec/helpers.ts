/** Process checks for the runner tests: a zombie (exited, not yet reaped by init) counts as dead. */
import { readFileSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone (a bounded wait, not a timing assertion): signals are delivered asynchronously. */
export async function waitForExit(pid: number, boundMs = 5000): Promise<boolean> {
  for (let waited = 0; waited < boundMs; waited += 20) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isAlive(pid);
}

/** `node -e <script>` as a command spec's command and args. */
export function nodeScript(script: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['-e', script] };
}
