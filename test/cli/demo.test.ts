/** `npm run demo`, the front door, as a user runs it: it must finish, pass its own checks and exit 0. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

describe('keel demo', () => {
  it('runs, is killed, resumes and finishes without a duplicate', { timeout: 60_000 }, () => {
    const result = spawnSync(process.execPath, [CLI, 'demo'], { encoding: 'utf8', timeout: 55_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/💥 SIGKILL/);
    expect(result.stdout).toMatch(/resuming run demo/);
    expect(result.stdout).toMatch(/connect_refused|lan-a\/sim-model open/);
    expect(result.stdout).toMatch(/Manual implementation required/);
    expect(result.stdout).not.toMatch(/✘/);
    expect(result.stdout.match(/✔/g)).toHaveLength(4);
  });
});
