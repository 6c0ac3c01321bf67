/**
 * Loading the configuration: find the file, read it bounded, parse, reject literal secrets, validate with
 * the schema, apply the cross-field rules, normalise. Every problem surfaces as one ConfigError that lists
 * all of them with the path of the bad field.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { crossCheckConfig } from './cross-checks.ts';
import { ConfigError, configError } from './errors.ts';
import { normalizeConfig } from './normalize.ts';
import { checkSize, parseSourceText } from './parse-source.ts';
import { scanRawConfig } from './scan.ts';
import { describeSchemaIssues, schemaErrorMap } from './schema-issues.ts';
import { configSchema, type ConfigInput, type KeelConfig } from './schema.ts';
import { findConfigFile } from './search-paths.ts';

export { ConfigError } from './errors.ts';
export type { ConfigIssue } from './errors.ts';
export { normalizeConfig } from './normalize.ts';

export { CONFIG_SEARCH_PATHS } from './search-paths.ts';

export const INLINE_SOURCE = '<inline>';
const READ_CHUNK_BYTES = 64 * 1024;

export interface LoadConfigOptions {
  /** Directory relative paths and the search start from; defaults to `process.cwd()`. */
  cwd?: string;
}

/** Parse and validate configuration text. `source` names the file in messages and picks JSON for `.json`. */
export function parseConfigText(text: string, source: string): KeelConfig {
  return validateConfigValue(parseSourceText(text, source), source);
}

/** Validate already-parsed data (from a file or built in code) into the router's form. */
export function validateConfigValue(raw: unknown, source: string = INLINE_SOURCE): KeelConfig {
  // Secrets, forbidden keys and cycles stop here: the schema must neither recurse forever nor quote a key.
  const unsafe = scanRawConfig(raw);
  if (unsafe.length > 0) throw configError(source, unsafe);

  const result = configSchema.safeParse(raw, { error: schemaErrorMap, reportInput: true });
  const issues = [
    ...(result.success ? [] : describeSchemaIssues(result.error.issues, configSchema, raw)),
    ...crossCheckConfig(raw),
  ];
  if (issues.length > 0 || !result.success) {
    throw configError(source, issues.length > 0 ? issues : [{ path: [], message: 'invalid configuration' }]);
  }
  return normalizeConfig(result.data);
}

/**
 * Load the configuration from a file (YAML or JSON), from an object built in code, or — with no argument —
 * from the first of {@link CONFIG_SEARCH_PATHS} that exists under `cwd`.
 */
export async function loadConfig(
  pathOrObject?: string | ConfigInput,
  options: LoadConfigOptions = {},
): Promise<KeelConfig> {
  if (typeof pathOrObject === 'object' && pathOrObject !== null) {
    return validateConfigValue(pathOrObject, INLINE_SOURCE);
  }
  return (await loadConfigFile(pathOrObject, options)).config;
}

export interface LoadedConfigFile {
  config: KeelConfig;
  /** The file (absolute) and the text the configuration was read from. */
  source: { absolute: string; text: string };
}

/** `loadConfig` for a file (the given one, or the first of the search paths), with the text it read. */
export async function loadConfigFile(
  configPath: string | undefined,
  options: LoadConfigOptions = {},
): Promise<LoadedConfigFile> {
  const cwd = options.cwd ?? process.cwd();
  const found =
    configPath !== undefined
      ? { absolute: path.resolve(cwd, configPath), source: configPath }
      : locateConfigFile(cwd);
  const text = await readConfigFile(found.absolute, found.source);
  return { config: parseConfigText(text, found.source), source: { absolute: found.absolute, text } };
}

function locateConfigFile(cwd: string): { absolute: string; source: string } {
  const found = findConfigFile(cwd);
  if (found.absolute !== undefined) return found;
  throw new ConfigError(cwd, [
    {
      path: '',
      message:
        `no keel configuration found; looked in ${found.looked.join(', ')}. ` +
        'Create one (see examples/keel.yml; `keel schema` prints its JSON Schema) or pass a path.',
    },
  ]);
}

/** Reads in chunks and stops past MAX_CONFIG_BYTES, so that a file growing under us is still bounded. */
async function readConfigFile(absolute: string, source: string): Promise<string> {
  let handle;
  try {
    handle = await open(absolute, 'r');
  } catch (error) {
    throw new ConfigError(source, [{ path: '', message: describeOpenError(error, absolute) }]);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ConfigError(source, [{ path: '', message: `${absolute} is not a file` }]);
    checkSize(info.size, source);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(READ_CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      checkSize(total, source);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new ConfigError(source, [{ path: '', message: 'the file is not valid UTF-8 text' }]);
    }
  } finally {
    await handle.close();
  }
}

function describeOpenError(error: unknown, absolute: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `file not found (looked for ${absolute})`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied reading ${absolute}`;
  return `cannot read ${absolute}${typeof code === 'string' ? ` (${code})` : ''}`;
}
