/**
 * Where keel looks for its configuration when given no path, in order — its own small module, synchronous
 * and free of the schema, because the early resume request (cli/early-resume.ts) finds the file before the
 * rest of keel has loaded, and must find the same file `loadConfig()` would.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export const CONFIG_SEARCH_PATHS = [
  '.github/keel.yml',
  '.github/keel.yaml',
  'keel.yml',
  'keel.yaml',
  'keel.json',
];

export type FoundConfig = { absolute: string; source: string } | { absolute: undefined; looked: string[] };

/** The first of {@link CONFIG_SEARCH_PATHS} that is a file under `cwd`, or every path that was looked at. */
export function findConfigFile(cwd: string): FoundConfig {
  const looked: string[] = [];
  for (const relative of CONFIG_SEARCH_PATHS) {
    const absolute = resolve(cwd, relative);
    looked.push(absolute);
    if (isFile(absolute)) return { absolute, source: relative };
  }
  return { absolute: undefined, looked };
}

function isFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}
