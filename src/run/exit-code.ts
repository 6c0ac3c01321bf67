import type { RunState } from './state.ts';

/** The process exit code of a run's outcome: interrupted runs exit with the configured code (a resume follows). */
export function exitCode(state: RunState, onInterrupt: number): number {
  if (state.status === 'interrupted') return onInterrupt;
  if (state.status === 'failed' || state.status === 'running') return 1;
  return 0;
}
