/**
 * keel's version, from its own package.json: found by walking up from this module, which works the same
 * from the sources (`src/cli/`), the built library (`lib/cli/`), the bundle (`dist/…`) and an installed
 * package — whatever depth the bundler leaves it at. ncc writes a `package.json` of its own next to each
 * bundle (`{"type":"module"}`), so the first one named `keel` is the one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'keel';

export function keelVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = readPackage(join(dir, 'package.json'));
    if (found?.name === PACKAGE_NAME && typeof found.version === 'string') return found.version;
    if (dirname(dir) === dir) return 'unknown';
  }
}

function readPackage(path: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
