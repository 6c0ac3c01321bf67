/**
 * Recognising API keys and other credentials pasted into a configuration file.
 *
 * keel configuration is committed to repositories, so a literal key there is a leaked key. Endpoints name
 * the environment variable holding their key (`apiKeyEnv`) instead. The detectors err on the side of
 * rejecting: a false alarm costs a rename, a miss costs a key rotation.
 */

interface SecretPattern {
  kind: string;
  pattern: RegExp;
}

// The left guard stops matches inside longer words ("task-…", "ask-…") without needing \b, which would also
// refuse a key glued to "_" or "-". Lengths are below the real formats' so truncated pastes are still caught.
const START = '(?<![A-Za-z0-9])';
const SECRET_PATTERNS: readonly SecretPattern[] = [
  // Covers OpenAI (sk-…, sk-proj-…), Anthropic (sk-ant-…) and OpenRouter (sk-or-…) alike.
  { kind: 'an API key (sk-…)', pattern: new RegExp(`${START}sk-[A-Za-z0-9_-]{16,}`) },
  { kind: 'a Google API key (AIza…)', pattern: new RegExp(`${START}AIza[A-Za-z0-9_-]{20,}`) },
  { kind: 'a GitHub token', pattern: new RegExp(`${START}gh[opsur]_[A-Za-z0-9]{20,}`) },
  { kind: 'a GitHub token', pattern: new RegExp(`${START}github_pat_[A-Za-z0-9_]{20,}`) },
  { kind: 'a Hugging Face token (hf_…)', pattern: new RegExp(`${START}hf_[A-Za-z0-9]{20,}`) },
  { kind: 'a Groq API key (gsk_…)', pattern: new RegExp(`${START}gsk_[A-Za-z0-9]{20,}`) },
  { kind: 'a Slack token (xox…)', pattern: new RegExp(`${START}xox[abposr]-[A-Za-z0-9-]{10,}`) },
  { kind: 'an Authorization header value (Bearer …)', pattern: /\bBearer\s+[^\s"']{8,}/i },
];

/** What kind of credential `text` contains, or undefined. */
export function detectSecret(text: string): string | undefined {
  for (const { kind, pattern } of SECRET_PATTERNS) if (pattern.test(text)) return kind;
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

const REDACTED = '[redacted]';
const REDACTORS: readonly [RegExp, string][] = [
  ...SECRET_PATTERNS.map(({ pattern }): [RegExp, string] => [
    new RegExp(pattern.source, `${pattern.flags}g`),
    REDACTED,
  ]),
  // Bounded repetitions keep these linear on long strings.
  [/:\/\/[^/?#\s@]{0,512}@/g, `://${REDACTED}@`],
  [/([?&][^=&#\s]{0,32}(?:key|token|secret|pass|auth|cred)[^=&#\s]{0,32}=)[^&#\s]*/gi, `$1${REDACTED}`],
];

/** Replace anything that looks like a credential in `text`, for messages that may echo user input. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REDACTORS) out = out.replace(pattern, replacement);
  return out;
}

export const USE_API_KEY_ENV =
  'keep the key out of the file: store it in an environment variable (a repository secret in Actions) and set ' +
  'apiKeyEnv to the NAME of that variable, e.g. apiKeyEnv: OPENAI_API_KEY';
