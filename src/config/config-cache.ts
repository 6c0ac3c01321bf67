/**
 * The validated configuration of the last run, with the exact text it came from
 * (`<stateDir>/config-cache.json`). Only the early resume request reads it (`src/cli/early-resume.ts`), to
 * know where a resumed run's first coder request goes without loading the YAML parser and the schema; the
 * run itself always loads and validates the file. A cache whose text is not the file's text is ignored
 * (compared whole: a config file is small, and hashing would load node:crypto on the hot path), and nothing read from it decides more than where one model request goes — and the client uses
 * that request's answer only if the fully loaded router would have sent exactly the same request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeelConfig } from './schema.ts';
import { CONFIG_CACHE_FILE } from '../base/state-layout.ts';

const CACHE_VERSION = 1;

export interface ConfigCache {
  version: typeof CACHE_VERSION;
  /** The configuration file (absolute) and its text. */
  path: string;
  text: string;
  config: KeelConfig;
}

/** Writes the cache unless it already holds this file's text; never throws (it is only a cache). */
export async function saveConfigCache(
  stateDir: string,
  source: { absolute: string; text: string },
  config: KeelConfig,
): Promise<void> {
  const current = readConfigCache(stateDir);
  if (current?.path === source.absolute && current.text === source.text) return;
  const cache: ConfigCache = { version: CACHE_VERSION, path: source.absolute, text: source.text, config };
  // Loaded here, not at the top: the early resume reads this module, and atomic-file loads node:crypto.
  const { writeFileAtomic } = await import('../base/atomic-file.ts');
  await writeFileAtomic(join(stateDir, CONFIG_CACHE_FILE), `${JSON.stringify(cache)}\n`).catch(
    () => undefined,
  );
}

/** The cache, if there is a readable one of this version; its config counts only if its text is the file's. */
export function readConfigCache(stateDir: string): ConfigCache | undefined {
  try {
    const value = JSON.parse(readFileSync(join(stateDir, CONFIG_CACHE_FILE), 'utf8')) as Partial<ConfigCache>;
    if (value.version !== CACHE_VERSION || typeof value.path !== 'string' || typeof value.text !== 'string')
      return undefined;
    if (typeof value.config !== 'object' || value.config === null) return undefined;
    return value as ConfigCache;
  } catch {
    return undefined;
  }
}
