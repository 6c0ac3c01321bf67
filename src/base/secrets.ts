/**
 * keel's one secrets policy: which values are secret (`collectSecrets`), what a credential looks like
 * (`TOKEN_SHAPES`), how text is cleaned of both before it can reach a log, a table, an issue, a comment, an
 * artifact or a pushed file (`redact`), and how outgoing content is checked (`findSecret`, `findTokenShape`).
 *
 * Failure messages quote what servers said, and servers echo requests back (headers included); command output
 * prints remote URLs and tokens; models repeat what they were shown. Every sink goes through `redact`, so a key
 * can only appear as `[REDACTED]`.
 */

import { describeBinary, looksBinary } from './binary-text.ts';

export const REDACTED = '[REDACTED]';

/** Shorter values are not treated as secrets: redacting every "a" or "12" would destroy the text, not a key. */
export const MIN_SECRET_CHARS = 4;

/**
 * Environment variables that hold credentials of the platform rather than of a model endpoint: the GitHub
 * token as workflows, the CLI and the action's input pass it, and the runner's own tokens.
 */
export const PLATFORM_SECRET_ENV = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'INPUT_GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
] as const;

/** What `collectSecrets` needs of a configuration: the names of the variables holding endpoint keys. */
export interface SecretSource {
  endpoints: readonly { apiKeyEnv?: string | undefined }[];
  coordination?: { passwordEnv?: string | undefined } | undefined;
}

/**
 * Every secret value of this process: the endpoints' keys and the coordination server's password (by the
 * names the configuration gives), the platform's tokens, and `extra` (a token passed as an input). Values
 * shorter than `MIN_SECRET_CHARS` and duplicates are dropped. The one list every entry point (run, lane,
 * daemon, action, probe) redacts with.
 */
export function collectSecrets(
  config: SecretSource | undefined,
  env: Readonly<Record<string, string | undefined>>,
  extra: readonly (string | undefined)[] = [],
): string[] {
  const names = new Set<string>(PLATFORM_SECRET_ENV);
  for (const endpoint of config?.endpoints ?? []) if (endpoint.apiKeyEnv) names.add(endpoint.apiKeyEnv);
  if (config?.coordination?.passwordEnv) names.add(config.coordination.passwordEnv);
  const values = [...[...names].map((name) => env[name]), ...extra];
  return [...new Set(values.filter(isSecretValue))];
}

function isSecretValue(value: string | undefined): value is string {
  return typeof value === 'string' && value.length >= MIN_SECRET_CHARS;
}

export interface TokenShape {
  kind: string;
  /** For refusing (a configuration file, a push): long enough that a model name or a slug never matches. */
  pattern: RegExp;
  /** For redacting: also an excerpt cut mid-key or a short test key; a false match costs one word of a log. */
  loose: RegExp;
}

// The left guard stops matches inside longer words ("task-…", "ask-…") without needing \b, which would also
// refuse a key glued to "_" or "-". Lengths are below the real formats' so truncated pastes are still caught.
const START = '(?<![A-Za-z0-9])';

function shape(
  kind: string,
  head: string,
  body: string,
  strict: number,
  loose: number,
  flags = '',
): TokenShape {
  return {
    kind,
    pattern: new RegExp(`${START}${head}${body}{${strict},}`, flags),
    loose: new RegExp(`${START}${head}${body}{${loose},}`, `${flags}g`),
  };
}

/**
 * What credentials look like, whoever's they are (a key pasted in an issue, a token a tool printed). The GitHub
 * forms are case-sensitive in reality; matching them case-insensitively only errs towards catching. GitHub's
 * newer installation tokens (`ghs_<app id>_<JWT>`, from 2026) have dots and underscores after the prefix.
 */
export const TOKEN_SHAPES: readonly TokenShape[] = [
  // OpenAI (sk-…, sk-proj-…, sk-svcacct-…), Anthropic (sk-ant-…) and OpenRouter (sk-or-…) alike.
  shape('an API key (sk-…)', 'sk-', '[A-Za-z0-9_-]', 16, 6),
  shape('a Google API key (AIza…)', 'AIza', '[A-Za-z0-9_-]', 20, 12),
  shape('a GitHub token', 'gh[opsur]_', '[A-Za-z0-9._]', 20, 16, 'i'),
  shape('a GitHub token', 'github_pat_', '[A-Za-z0-9_]', 20, 16, 'i'),
  shape('a Hugging Face token (hf_…)', 'hf_', '[A-Za-z0-9]', 20, 12),
  shape('a Groq API key (gsk_…)', 'gsk_', '[A-Za-z0-9]', 20, 12),
  shape('a Slack token (xox…)', 'xox[abposr]-', '[A-Za-z0-9-]', 10, 10),
  shape('an AWS access key id (AKIA…)', '(?:AKIA|ASIA)', '[A-Z0-9]', 16, 16),
  {
    kind: 'a private key (PEM)',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/,
    loose: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g,
  },
  {
    kind: 'an Authorization header value (Bearer …)',
    pattern: /\bBearer\s+[^\s"']{8,}/i,
    loose: /\bBearer\s+[^\s"',;]{3,}/gi,
  },
];

// `https://user:token@host/…`: git and other tools print remote URLs, sometimes with the credential in them.
// Bounded repetitions keep these linear on long strings.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,32}:\/\/)[^\s/?#@]{1,512}@/gi;
const CREDENTIAL_QUERY = /([?&][^=&#\s]{0,32}(?:key|token|secret|pass|auth|cred)[^=&#\s]{0,32}=)[^&#\s]+/gi;

/** A key cut short at the end of a quoted excerpt is still a leak if the prefix is long enough to matter. */
const MIN_PARTIAL_SECRET = 6;

/** `text` without the given secrets, anything shaped like a credential, and credentials inside URLs. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_CHARS) continue;
    out = out.replaceAll(secret, REDACTED);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.replaceAll(escaped, REDACTED);
    out = redactTrailingPrefix(out, secret);
  }
  for (const { loose } of TOKEN_SHAPES) out = out.replace(loose, REDACTED);
  return out.replace(URL_USERINFO, `$1${REDACTED}@`).replace(CREDENTIAL_QUERY, `$1${REDACTED}`);
}

/**
 * For a fragment cut out of a longer text at both ends (the tail kept of a command's output): besides what
 * `redact` does, a fragment that *starts* with the last characters of a secret (the cut fell mid-key) has that
 * head replaced too.
 */
export function redactFragment(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_CHARS) continue;
    out = redactLeadingSuffix(out, secret);
  }
  return redact(out, secrets);
}

function redactLeadingSuffix(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
    if (text.startsWith(secret.slice(secret.length - length))) return REDACTED + text.slice(length);
  }
  return text;
}

/** The text ends with the first characters of the secret (it was cut mid-key): replace that tail. */
function redactTrailingPrefix(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= MIN_PARTIAL_SECRET; length--) {
    if (text.endsWith(secret.slice(0, length))) return text.slice(0, text.length - length) + REDACTED;
  }
  return text;
}

/** The kind of the first credential-shaped text in `text`, or undefined. */
export function findTokenShape(text: string): string | undefined {
  for (const { kind, pattern } of TOKEN_SHAPES) if (pattern.test(text)) return kind;
  return undefined;
}

/**
 * The index (1-based, into `secrets`) of the first secret found in `content`, raw or as it appears inside a
 * JSON string (quotes and backslashes escaped). Undefined when none is. Reasons built from this say
 * "secret #n", never the value.
 */
export function findSecret(content: string, secrets: readonly string[]): number | undefined {
  for (const [i, secret] of secrets.entries()) {
    if (secret.length < MIN_SECRET_CHARS) continue;
    if (content.includes(secret)) return i + 1;
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && content.includes(escaped)) return i + 1;
  }
  return undefined;
}

/** One line, at most `max` characters: enough to recognise the server's complaint, short enough for a table. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max)}…`;
}

/**
 * Redact first, then cut: cutting first could leave part of a key that no longer matches in full. A body that
 * is not text (compressed, an image) is described, never quoted.
 */
export function quoteServer(text: string, secrets: readonly string[], max = 200): string {
  if (looksBinary(text)) return describeBinary(text);
  return excerpt(redact(text, secrets), max);
}
