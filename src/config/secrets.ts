/**
 * Recognising API keys and other credentials pasted into a configuration file.
 *
 * keel configuration is committed to repositories, so a literal key there is a leaked key. Endpoints name
 * the environment variable holding their key (`apiKeyEnv`) instead. The detectors err on the side of
 * rejecting: a false alarm costs a rename, a miss costs a key rotation.
 */
import { findTokenShape } from '../base/secrets.ts';

/** What kind of credential `text` contains, or undefined. */
export function detectSecret(text: string): string | undefined {
  const shape = findTokenShape(text);
  if (shape !== undefined) return shape;
  if (hasUrlUserinfo(text)) return 'a URL with a user name or password in it (user:password@host)';
  const param = secretQueryParameter(text);
  if (param !== undefined) return `a URL carrying a credential in its query ("${param}=…")`;
  return undefined;
}

const SECRET_KEY_WORDS = [
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'authkey',
  'token',
  'secret',
  'password',
  'passwd',
  'authorization',
  'credential',
];
const SECRET_KEY_EXACT = new Set(['key', 'auth', 'bearer', 'pass', 'pwd']);

/**
 * Whether a mapping key names a credential (`apiKey`, `api_key`, `token`, `clientSecret`, `password`, …).
 * `apiKeyEnv` and other `…Env` keys hold a variable NAME and are fine. Plurals are not matched on purpose:
 * `minOutputTokens` is a count, not a credential (a test checks no schema key is caught).
 */
export function isSecretKeyName(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalised.endsWith('env')) return false;
  if (SECRET_KEY_EXACT.has(normalised)) return true;
  return SECRET_KEY_WORDS.some((word) => normalised.endsWith(word));
}

/** Looser than {@link isSecretKeyName}: fields whose values we never quote back in messages. */
export function isSecretAdjacentKey(key: string): boolean {
  return /key|token|secret|pass|auth|cred/i.test(key);
}

// Written as scans rather than one regular expression each: a naive pattern backtracks quadratically on a
// long string without "://", and strings here may be a megabyte long.
function hasUrlUserinfo(text: string): boolean {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    // Userinfo is whatever precedes "@" in the authority, which ends at the first "/", "?", "#" or space.
    AUTHORITY.lastIndex = at + 3;
    if (AUTHORITY.exec(text)?.[0].includes('@') === true) return true;
  }
  return false;
}
const AUTHORITY = /[^/?#\s]*/y;

function secretQueryParameter(text: string): string | undefined {
  for (const token of text.split(/\s+/)) {
    const scheme = token.indexOf('://');
    const question = scheme === -1 ? -1 : token.indexOf('?', scheme);
    if (question === -1) continue;
    const query = token.slice(question + 1).split('#', 1)[0] ?? '';
    for (const part of query.split(/[&?]/)) {
      const equals = part.indexOf('=');
      if (equals <= 0) continue;
      const name = part.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed escape is not our concern here; the raw name is checked instead.
      }
      if (isSecretKeyName(decoded)) return decoded;
    }
  }
  return undefined;
}

export const USE_API_KEY_ENV =
  'keep the key out of the file: store it in an environment variable (a repository secret in Actions) and set ' +
  'apiKeyEnv to the NAME of that variable, e.g. apiKeyEnv: OPENAI_API_KEY';

export const USE_PASSWORD_ENV =
  'keep the password out of the file: store it in an environment variable (a repository secret in Actions) ' +
  'and set coordination.passwordEnv to the NAME of that variable';
