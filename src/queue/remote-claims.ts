/**
 * Claims every runner sees: a queued task (or a scheduled issue) is taken by exactly one worker, wherever it
 * runs, because taking it is a compare-and-set that only one caller can win. The local claim-state file
 * (`claim-store.ts`) is that for the processes of one machine; on GitHub, each claim is a ref created
 * through the git data API, and creating a ref that exists fails (`github/claims/ref-claims.ts`).
 *
 * A claim names its key only (`issues/12`, `queue/<queue>/<task run id>`): who holds it follows from the key,
 * because the run a claimed key gets is derived from the key (`issue-12`, `q-<task>`), and how that run is
 * doing is on the state branch.
 */
export type RemoteClaimResult =
  | { kind: 'claimed' }
  /** Somebody else's — or ours from an earlier try whose answer was lost: never taken twice. */
  | { kind: 'taken' };

export interface RemoteClaims {
  /** Takes `key` when nobody holds it. */
  claim(key: string): Promise<RemoteClaimResult>;
  /** The keys held under `prefix` (`queue/tasks/`), without the prefix. */
  list(prefix: string): Promise<Set<string>>;
  /** Gives `key` up (a claim taken for a run that then could not start). Absent is fine. */
  release(key: string): Promise<void>;
}

/** What a claim key may contain: a ref name component each, by git's rules (`git check-ref-format`). */
export function claimKeyComponent(text: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(text)) return undefined;
  if (text.includes('..') || text.endsWith('.') || text.endsWith('.lock')) return undefined;
  return text;
}
