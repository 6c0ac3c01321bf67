/**
 * What `keel ask`, `keel status` (and later `keel run`) share: the config, and a router that starts from
 * the fleet state the previous command saved and saves it again when done — so breaker and cooldown
 * knowledge carries from one invocation to the next.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.ts';
import type { KeelConfig } from '../config/schema.ts';
import { readFleetStateFile, writeFleetStateFile } from '../fleet/fleet-state.ts';
import { createRouter, type Router } from '../fleet/router.ts';
import type { RouterDeps } from '../fleet/router-types.ts';
import type { CliIO } from './io.ts';
import { projectDir } from './project-dir.ts';
import { FLEET_STATE_FILE, DEFAULT_STATE_DIR } from '../base/state-layout.ts';

export interface FleetSessionOptions {
  config?: string;
  stateDir?: string;
}

export interface FleetSession {
  config: KeelConfig;
  router: Router;
  fleetStatePath: string;
  /** Probes health and capabilities unless a recent enough scan was saved with the fleet state. */
  refreshStaleProbes(): Promise<void>;
  /** Saves the router's state (unless `save: false`, for read-only commands) and closes it. */
  close(options?: { save?: boolean }): Promise<void>;
}

export async function openFleetSession(
  options: FleetSessionOptions,
  io: CliIO,
  deps: Omit<RouterDeps, 'state' | 'env'> = {},
): Promise<FleetSession> {
  const home = projectDir(io);
  const config = await loadConfig(
    options.config !== undefined ? resolve(io.cwd, options.config) : undefined,
    { cwd: home },
  );
  const stateDir =
    options.stateDir !== undefined ? resolve(io.cwd, options.stateDir) : join(home, DEFAULT_STATE_DIR);
  const fleetStatePath = join(stateDir, FLEET_STATE_FILE);
  const saved = await readFleetStateFile(fleetStatePath);
  if (saved.problem) io.stderr(`keel: ignoring saved fleet state (${saved.problem})\n`);
  const router = createRouter(config, { ...deps, env: io.env, state: saved.state });
  return {
    refreshStaleProbes: async () => {
      // Context windows decide max_tokens; rescan when the saved scan is missing or older than the interval.
      const now = Date.now();
      const stale = config.endpoints.some((endpoint) => {
        const scan = router.health.latestScan(endpoint.id);
        return scan === undefined || now - scan.checkedAt > config.policy.probe.capabilityIntervalMs;
      });
      if (stale) await router.probe({ capabilities: true, signal: io.signal });
    },
    config,
    router,
    fleetStatePath,
    close: async ({ save = true } = {}) => {
      try {
        if (save) await writeFleetStateFile(fleetStatePath, router.exportState());
      } finally {
        await router.close();
      }
    },
  };
}
