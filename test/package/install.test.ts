/**
 * keel as a user installs it (issue 11 §2): `npm pack`, then `npm install -g <tarball>` into a temporary
 * prefix — offline, so it also proves the package needs nothing from the registry (the bin and the library
 * are bundles) — and the installed `keel` answers `--version` and runs the demo. On a Node older than 24
 * (when this machine has one on PATH) the bin and the library say so in one line instead of crashing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NODE24_PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);

let dir = '';
let keel = '';
let app = '';

/** npm with a cache of its own and no registry to reach: anything it would fetch fails the test. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: NODE24_PATH,
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The first `node` on PATH older than 24 (a system Node), or undefined. */
function olderNode(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'node');
    if (folder === '' || !existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const major = Number(/^v(\d+)\./.exec(version)?.[1]);
    if (major > 0 && major < 24) return candidate;
  }
  return undefined;
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-install-')));
  npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${dir}`);
  npm(['install', '--global', '--prefix', join(dir, 'prefix'), join(dir, tarball)], dir);
  keel = join(dir, 'prefix', 'bin', 'keel');
  // The library, as a project that depends on keel would install it.
  app = join(dir, 'app');
  npm(['install', '--prefix', app, join(dir, tarball)], dir);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm install -g <packed tarball>', () => {
  it('puts a keel on PATH that knows its version', () => {
    const out = execFileSync(keel, ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: NODE24_PATH },
    });
    expect(out).toBe(`keel ${VERSION}\n`);
  });

  it('installed nothing but keel: no runtime dependency was fetched', () => {
    const installed = readdirSync(join(dir, 'prefix', 'lib', 'node_modules'));
    expect(installed).toEqual(['keel']);
    expect(existsSync(join(dir, 'prefix', 'lib', 'node_modules', 'keel', 'node_modules'))).toBe(false);
  });

  it('runs the demo from the installed files', { timeout: 60_000 }, () => {
    const result = spawnSync(keel, ['demo'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 55_000,
      env: { ...process.env, PATH: NODE24_PATH },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/resuming run demo/);
    expect(result.stdout.match(/✔/g)).toHaveLength(5);
  });

  it('serves the library to a project that depends on it', () => {
    const script = `import('keel').then((k) => console.log(typeof k.createRouter, typeof k.loadConfig))`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(out.trim()).toBe('function function');
  });

  const older = olderNode();
  it.skipIf(older === undefined)(
    `on ${older ?? 'a Node older than 24 (none on this PATH)'}: one line and exit 1, from the bin and the library`,
    () => {
      const env = { ...process.env, PATH: [dirname(older!), process.env.PATH ?? ''].join(delimiter) };
      const found = execFileSync(older!, ['--version'], { encoding: 'utf8' }).trim();
      for (const args of [
        ['--version'],
        ['run', '--task', 'x'],
        ['ask', '--role', 'coder', '--prompt', 'hi'],
      ]) {
        const result = spawnSync(keel, args, { cwd: dir, encoding: 'utf8', env });
        expect(result.stderr).toBe(`keel needs Node ≥ 24 (found ${found})\n`);
        expect(result.stdout).toBe('');
        expect(result.status).toBe(1);
      }
      const library = spawnSync(
        older!,
        ['-e', `import('keel').then(() => console.log('loaded'), (e) => console.log(e.message))`],
        { cwd: app, encoding: 'utf8', env },
      );
      expect(library.stdout.trim()).toBe(`keel needs Node ≥ 24 (found ${found})`);
    },
  );
});
