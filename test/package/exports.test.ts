/**
 * The package as users consume it: `import { loadConfig, createRouter } from 'keel'` resolves through
 * `exports` to the bundled library (`dist/lib/`, built by the global setup when stale; here by self-reference,
 * as a dependent package would) — a bundle, so the package needs no runtime dependency installed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('package exports', () => {
  it('resolves keel to the bundled library with loadConfig and createRouter', () => {
    const script = `
      import { loadConfig, createRouter, RouterError } from 'keel';
      const config = await loadConfig({
        version: 1,
        endpoints: [{ id: 'a', url: 'http://127.0.0.1:9/v1', kind: 'local' }],
        roles: { coder: ['a/m'] },
      });
      const router = createRouter(config, { env: {} });
      const rows = router.status();
      await router.close();
      console.log(JSON.stringify({ kind: typeof createRouter, error: typeof RouterError, rows: rows.length, url: import.meta.resolve('keel') }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const result = JSON.parse(output) as { kind: string; error: string; rows: number; url: string };
    expect(result).toMatchObject({ kind: 'function', error: 'function', rows: 1 });
    expect(result.url).toMatch(/\/dist\/lib\/index\.js$/);
  });
});
