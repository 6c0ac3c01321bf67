/**
 * The simulator in its own process (`keel sim`), so that its work does not share the event loop with the
 * code being measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SimEndpointStats, SimMode } from '../../src/sim/fleet-simulator.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface SimProcess {
  urls: Record<string, string>;
  setMode(name: string, mode: SimMode, latencyMs?: number): Promise<void>;
  stats(): Promise<Record<string, SimEndpointStats>>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** `specs` are `keel sim --endpoint` values: `NAME=PORT[:MODE[:LATENCY_MS]]`. */
export async function spawnSimulator(specs: string[]): Promise<SimProcess> {
  const child = spawn(process.execPath, [CLI, 'sim', ...specs.flatMap((s) => ['--endpoint', s])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls: Record<string, string> = {};
  const control = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    child.once('exit', (code) => reject(new Error(`keel sim exited with ${code}`)));
    lines.on('line', (line) => {
      const record = JSON.parse(line) as { endpoint?: string; url?: string; control?: string };
      if (record.endpoint && record.url) urls[record.endpoint] = record.url;
      if (record.control) resolve(record.control);
    });
  });
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${control}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  return {
    urls,
    setMode: (endpoint, mode, latencyMs) => post('/__sim/mode', { endpoint, mode, latencyMs }),
    stats: async () => (await (await fetch(`${control}/__sim/stats`)).json()) as Record<string, SimEndpointStats>,
    reset: () => post('/__sim/reset', {}),
    stop: () => stopChild(child),
  };
}

/** SIGTERM, resolved once the child has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
