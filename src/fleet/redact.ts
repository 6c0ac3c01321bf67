/**
 * Failure messages quote what the server said, and servers echo requests back (headers included) when they
 * complain. Everything that leaves the endpoint client as text goes through `redact` first, so an API key can
 * only reach a log, a job summary or a recovery issue as `[REDACTED]`.
 */

export const REDACTED = '[REDACTED]';

// Credentials that are not ours but look like keys: bearer tokens, OpenAI-style `sk-…` keys (any vendor's) and
// GitHub tokens (`ghp_…`, `gho_…`, `ghs_…`, `ghu_…`, `ghr_…`, `github_pat_…`), which command output (git, CI
// tools) can print. The GitHub forms are case-sensitive in reality; matching them case-insensitively only errs
// towards redacting.
const TOKEN_PATTERN =
  /\bBearer\s+[^\s"',;]+|\bsk-[A-Za-z0-9_-]{6,}|\bgh[opsur]_[A-Za-z0-9]{16,}|\bgithub_pat_[A-Za-z0-9_]{16,}/gi;

/** A key cut short at the end of a quoted excerpt is still a leak if the prefix is long enough to matter. */
const MIN_PARTIAL_SECRET = 6;

// `https://user:token@host/…`: git and other tools print remote URLs, sometimes with the credential in them.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    out = out.replaceAll(secret, REDACTED);
    out = redactTrailingPrefix(out, secret);
  }
  return out.replace(TOKEN_PATTERN, REDACTED).replace(URL_USERINFO, `$1${REDACTED}@`);
}

/**
 * For a fragment cut out of a longer text at both ends (the tail kept of a command's output): besides what
 * `redact` does, a fragment that *starts* with the last characters of a secret (the cut fell mid-key) has that
 * head replaced too.
 */
export function redactFragment(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
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

/** One line, at most `max` characters: enough to recognise the server's complaint, short enough for a table. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max)}…`;
}

/** Redact first, then cut: cutting first could leave part of a key that no longer matches in full. */
export function quoteServer(text: string, secrets: readonly string[], max = 200): string {
  return excerpt(redact(text, secrets), max);
}
