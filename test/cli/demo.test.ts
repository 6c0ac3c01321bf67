/** `npm run demo`, the front door, as a user runs it: it must finish, pass its own checks and exit 0. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

describe('keel demo', () => {
  it(
    'runs, is killed, resumes and finishes without a duplicate, and shows the failover',
    { timeout: 60_000 },
    () => {
      const result = spawnSync(process.execPath, [CLI, 'demo', '--keep'], {
        encoding: 'utf8',
        timeout: 55_000,
      });
      // --keep: the repository stays, and every file:// record the run printed can be opened.
      const kept = /kept: (\S+) \(the links above work/.exec(result.stdout)?.[1];
      expect(kept, 'no "kept:" line').toBeDefined();
      try {
        const links = [...result.stdout.matchAll(/file:\/\/(\S+\.json)/g)].map((m) => m[1]!);
        expect(links.length).toBeGreaterThanOrEqual(3);
        for (const link of links) {
          expect(link.startsWith(`${kept!}/`), link).toBe(true);
          expect(() => JSON.parse(readFileSync(link, 'utf8')) as unknown, link).not.toThrow();
        }
      } finally {
        rmSync(dirname(kept ?? '/nonexistent/x'), { recursive: true, force: true });
      }
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/💥 SIGKILL/);
      expect(result.stdout).toMatch(/resuming run demo/);
      expect(result.stdout).toMatch(/connect_refused|lan-a\/sim-model open/);
      expect(result.stdout).toMatch(/Manual implementation required/);
      expect(result.stdout).not.toMatch(/✘/);
      expect(result.stdout.match(/✔/g)).toHaveLength(5);

      // The failover section: the status table after the run, not the all-CLOSED one a run starts with.
      const section = /━━ 4\. the failover[^\n]*\n([\s\S]*?)━━ 5\./.exec(result.stdout)?.[1];
      expect(section, 'no failover section').toBeDefined();
      const table = section!.slice(0, section!.indexOf('requests over both runs'));
      expect(table).toMatch(/Failover status:/);
      // The dead coder endpoint is out of the rotation: its breaker open (or half-open), cooling down, or at
      // least counting failures — never CLOSED.
      expect(table).toMatch(/lan-a\/sim-model\s+\[(OPEN \(|HALF-OPEN|COOLDOWN \(|MONITORING \([1-9])/);
      // The counts: lan-a answered nothing and failed at least once; another coder candidate answered.
      const lanA = /lan-a\/sim-model\s+(\d+)\s+(\d+) \(connect_refused ×\d+\)\s+\[coder\]/.exec(section!);
      expect(lanA, 'no request count for lan-a').not.toBeNull();
      expect(Number(lanA![1])).toBe(0);
      expect(Number(lanA![2])).toBeGreaterThan(0);
      const others = [...section!.matchAll(/(lan-b|hosted)\/sim-model\s+(\d+)\s+\d+.*\[([^\]]*)\]/g)];
      expect(others.some((m) => Number(m[2]) > 0 && m[3]!.includes('coder'))).toBe(true);
      expect(section).toMatch(/breaker transitions: /);
    },
  );
});
