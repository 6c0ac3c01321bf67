/**
 * The package as users consume it: after a build, `import { loadConfig, createRouter } from 'keel'`
 * resolves through `exports` to the emitted JS (here by self-reference, as a dependent package would).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('package exports', () => {
  // tsc emits the whole library first: tens of seconds on a busy two-core machine.
  it('resolves keel to the built library with loadConfig and createRouter', { timeout: 90_000 }, () => {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
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
    expect(result.url).toMatch(/\/lib\/index\.js$/);
  });
});
