/**
 * The demo's failover section. The table a run prints when it starts shows the fleet as it was before any
 * request — every breaker CLOSED on a fresh repository — so the failover the demo is about has to be shown
 * after it happened: the failover status table as `keel status` prints it from the fleet state the run saved
 * (breakers, cooldowns), then what each candidate did over both runs, counted from the run's router events,
 * with the breakers' transitions. Every number comes from the run; nothing here is scripted.
 */
import { join } from 'node:path';
import { DEFAULT_STATE_DIR, runLayout, stateLayout } from '../../base/state-layout.ts';
import type { Attempt } from '../../fleet/router-types.ts';
import { renderStatusText, type StatusRow } from '../../fleet/status.ts';
import { readEvents } from '../../telemetry/event-log.ts';
import { openFleetSession } from '../fleet-session.ts';
import type { CliIO } from '../io.ts';

interface CandidateTally {
  key: string;
  roles: Set<string>;
  answered: number;
  failures: Map<string, number>;
}

export interface FailoverSeen {
  /** The status table's rows after the run (what `keel status` shows). */
  rows: StatusRow[];
  /** Candidates that failed at least once and answered none of their requests. */
  dead: string[];
  /** Whether every role a dead candidate was tried for was answered by another candidate. */
  tookOver: boolean;
}

export async function printFailover(
  out: (text?: string) => void,
  io: CliIO,
  repo: string,
  runId: string,
): Promise<FailoverSeen> {
  const stateDir = join(repo, DEFAULT_STATE_DIR);
  // What `keel status` does for its table: the configuration, a router restored from the saved fleet
  // state, nothing probed and nothing saved back.
  const session = await openFleetSession({ config: join(repo, 'keel.yml'), stateDir }, { ...io, cwd: repo });
  let rows: StatusRow[];
  try {
    rows = session.router.status();
  } finally {
    await session.close({ save: false });
  }
  out('━━ 4. the failover — keel status after the run (the breakers and cooldowns the run saved) ━━');
  out(indent(renderStatusText(rows)));

  const { events } = await readEvents(runLayout(stateLayout(stateDir).run(runId).dir).events);
  const startedAt = events[0]?.at ?? 0;
  const tallies = new Map<string, CandidateTally>();
  const transitions: string[] = [];
  /** role → the candidates that answered a request of it. */
  const answeredIn = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.type === 'router_attempt') {
      const attempt = event.attempt as Attempt;
      const tally = tallies.get(attempt.key) ?? {
        key: attempt.key,
        roles: new Set<string>(),
        answered: 0,
        failures: new Map<string, number>(),
      };
      tallies.set(attempt.key, tally);
      const role = String(event.role);
      tally.roles.add(role);
      if (attempt.outcome === 'ok') {
        tally.answered++;
        answeredIn.set(role, (answeredIn.get(role) ?? new Set<string>()).add(attempt.key));
      } else tally.failures.set(attempt.outcome, (tally.failures.get(attempt.outcome) ?? 0) + 1);
    } else if (event.type === 'router_breaker') {
      const seconds = ((event.at - startedAt) / 1000).toFixed(1);
      transitions.push(
        `${String(event.key)} → ${String(event.to)} after ${String(event.failures)} failures (+${seconds} s)`,
      );
    }
  }
  const list = [...tallies.values()];
  const width = Math.max(9, ...list.map((t) => t.key.length));
  out('   requests over both runs, from the router events in events.ndjson:');
  out(`     ${'candidate'.padEnd(width)}  answered  failed`);
  for (const tally of list) {
    const failed = [...tally.failures.values()].reduce((sum, n) => sum + n, 0);
    const kinds = [...tally.failures].map(([kind, n]) => `${kind} ×${n}`).join(', ');
    const roles = [...tally.roles].join(', ');
    out(
      `     ${tally.key.padEnd(width)}  ${String(tally.answered).padStart(8)}  ${String(failed).padStart(6)}` +
        `${kinds ? ` (${kinds})` : ''}  [${roles}]`,
    );
  }
  out(`   breaker transitions: ${transitions.join('; ') || 'none'}`);
  out();

  const dead = list.filter((t) => t.answered === 0 && t.failures.size > 0);
  // Each role a dead candidate was tried for got its answers elsewhere (no other can have answered as it).
  const tookOver = dead.every((d) => [...d.roles].every((role) => (answeredIn.get(role)?.size ?? 0) > 0));
  return { rows, dead: dead.map((d) => d.key), tookOver };
}

/** The demo's indentation for a block of output under its section heading. */
export function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
