/**
 * Checks on the raw parsed tree that must run before the schema sees it:
 *
 * - literal credentials, so that "this is a secret, use apiKeyEnv" wins over "unrecognized key" and no
 *   later message can quote the value back;
 * - `__proto__`, `constructor` and `prototype` keys, which have no business in a configuration and are the
 *   handle of prototype-pollution attacks on code that merges objects;
 * - cycles (YAML recursive aliases, or a library user's object) and absurd nesting, which would otherwise
 *   send the schema into unbounded recursion.
 */
import type { PathSegment, RawIssue } from './errors.ts';
import { detectSecret, isSecretKeyName, USE_API_KEY_ENV, USE_PASSWORD_ENV } from './secrets.ts';

/** The real file is at most 5 levels deep; 64 leaves room for any sane mistake and none for a stack attack. */
export const MAX_DEPTH = 64;
const MAX_ISSUES = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where the credential belongs instead: the coordination server's password has its own `…Env`. */
function adviceAt(path: PathSegment[]): string {
  return path[0] === 'coordination' ? USE_PASSWORD_ENV : USE_API_KEY_ENV;
}

export function scanRawConfig(root: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  const ancestors = new Set<object>();

  const add = (path: PathSegment[], message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };

  const visitString = (text: string, path: PathSegment[]): void => {
    const kind = detectSecret(text);
    if (kind !== undefined) add(path, `this looks like ${kind}; ${adviceAt(path)}`);
  };

  const visit = (value: unknown, path: PathSegment[]): void => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof value === 'string') return visitString(value, path);
    if (typeof value !== 'object' || value === null) return;
    if (path.length > MAX_DEPTH) return add(path, `nested more than ${MAX_DEPTH} levels deep`);
    if (ancestors.has(value)) return add(path, 'refers back to itself (a recursive YAML alias?)');
    if (!Array.isArray(value) && !isPlainObject(value)) return; // the schema reports the wrong type

    ancestors.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else {
      for (const key of Object.keys(value)) visitEntry(value, key, path);
    }
    ancestors.delete(value);
  };

  const visitEntry = (object: Record<string, unknown>, key: string, path: PathSegment[]): void => {
    if (FORBIDDEN_KEYS.has(key)) {
      return add([...path, key], `the key "${key}" is not allowed (it could tamper with object prototypes)`);
    }
    const keyKind = detectSecret(key);
    // The path would spell the secret out, so report at the parent and do not name the key.
    if (keyKind !== undefined)
      return add(path, `a key in this mapping looks like ${keyKind}; ${adviceAt(path)}`);
    const child = object[key];
    if (isSecretKeyName(key) && isScalarCredential(child)) {
      return add(
        [...path, key],
        `literal credentials are not accepted in the configuration; ${adviceAt(path)}`,
      );
    }
    visit(child, [...path, key]);
  };

  visit(root, []);
  return issues;
}

function isScalarCredential(value: unknown): boolean {
  // YAML reads an all-digit password as a number; it is still a password.
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
