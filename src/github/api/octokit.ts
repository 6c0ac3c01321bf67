/**
 * The one way keel talks to the GitHub API: Octokit with the retry plugin (5xx and network errors, with
 * back-off) and the throttling plugin (primary and secondary rate limits, and GitHub's pacing of writes).
 * `baseUrl` is `GITHUB_API_URL`, so GHES (`https://<host>/api/v3`) and a fake server on loopback both work.
 *
 * The token goes to Octokit and nowhere else: every log line passes through `redact`, and request options
 * (whose headers carry the token) are never logged, only their method and URL.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { findSecret, findTokenShape, redact } from '../../base/secrets.ts';

// The plugins add options and behaviour, not endpoints: the client is an Octokit as far as callers go. (The
// inferred plugin type cannot be named in the emitted declarations.)
const KeelOctokit: typeof Octokit = Octokit.plugin(retry, throttling);

export type GitHubClient = Octokit;

export interface GitHubLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface CreateOctokitOptions {
  token: string;
  /** `GITHUB_API_URL`: `https://api.github.com`, `https://<ghes>/api/v3`, or a loopback server in tests. */
  baseUrl: string;
  /** Octokit appends its own product tokens. Default `keel`. */
  userAgent?: string;
  /** Missing methods fall back to Octokit's defaults: debug and info silent, warn and error to the console. */
  log?: Partial<GitHubLog>;
  /** Retries of 5xx and network failures (the retry plugin). Default 3. */
  retries?: number;
  /**
   * The unit of every wait, in milliseconds: a retry waits (n + 1)² units, a rate limit `retry-after` units.
   * 1000 (seconds) against GitHub; tests pass 1 so that nothing sleeps.
   */
  retryAfterBaseMs?: number;
  /**
   * A primary rate limit resets up to an hour away; waiting that long would eat the run's time budget, so a
   * wait longer than this fails the request instead. Default 300 s.
   */
  maxRateLimitWaitSeconds?: number;
  /**
   * keel's secret values (the token is always one): a request whose parameters carry one, or text shaped like a
   * credential, is refused before it is sent (`OutgoingSecretError`). Read at each request: the configuration
   * that names the endpoints' keys is loaded after the client is made.
   */
  secrets?: () => readonly string[];
}

/** A write to the API was not sent because its body carries a secret or a credential's shape. */
export class OutgoingSecretError extends Error {
  constructor(what: string, kind: string) {
    super(`keel refused to send ${what}: its body carries ${kind} (the value is not repeated)`);
    this.name = 'OutgoingSecretError';
  }
}

/** Primary rate limit: retried at most this many times, secondary: once. */
const PRIMARY_LIMIT_RETRIES = 2;
const SECONDARY_LIMIT_RETRIES = 1;

// 429 is the throttling plugin's alone (it reads `retry-after`); left to the retry plugin as well, a rate
// limit would be retried by both, and more often than the limits above say.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

export function createOctokit(options: CreateOctokitOptions): GitHubClient {
  const log = safeLog(options.log, options.token);
  const unit = options.retryAfterBaseMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 300;
  const seconds = (retryAfter: number) => `${(retryAfter * unit) / 1000} s`;
  const client = new KeelOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'keel',
    log,
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit, doNotRetry: DO_NOT_RETRY },
    throttle: {
      retryAfterBaseValue: unit,
      // GitHub paces writes (1 s, 3 s for notifying ones) to stay clear of secondary limits. A server on
      // loopback is never GitHub — it is a test double or a local mirror — so its writes go unpaced; rate
      // limits are still honoured.
      ...(isLoopback(options.baseUrl) ? unpacedWrites() : {}),
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount >= PRIMARY_LIMIT_RETRIES) {
          log.warn(`GitHub rate limit hit by ${what}; giving up after ${retryCount} retries`);
          return false;
        }
        if (retryAfter > maxWait) {
          log.warn(`GitHub rate limit hit by ${what}; it resets in ${seconds(retryAfter)}, too long to wait`);
          return false;
        }
        log.warn(
          `GitHub rate limit hit by ${what}; retrying in ${seconds(retryAfter)} (retry ${retryCount + 1})`,
        );
        return true;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount >= SECONDARY_LIMIT_RETRIES) {
          log.warn(`GitHub secondary rate limit hit by ${what}; giving up after ${retryCount} retry`);
          return false;
        }
        log.warn(`GitHub secondary rate limit hit by ${what}; retrying once in ${seconds(retryAfter)}`);
        return true;
      },
    },
  });
  // The last look before anything keel writes leaves: what it publishes is redacted already, so a hit here is
  // a path that forgot to — refused rather than sent (issue 12 §2).
  client.hook.before('request', (request) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const {
      method,
      url,
      baseUrl: _base,
      headers: _headers,
      request: _request,
      mediaType: _media,
      ...params
    } = request;
    const text = JSON.stringify(params);
    const secrets = [options.token, ...(options.secrets?.() ?? [])];
    const index = findSecret(text, secrets);
    const kind = index !== undefined ? `secret #${index}` : findTokenShape(text);
    if (kind !== undefined) throw new OutgoingSecretError(`${method} ${url}`, kind);
  });
  return client;
}

/**
 * Octokit calls `log.debug('request', options)` with the request options, headers and all: extra arguments are
 * reduced to an error's message or a request's method and URL, and everything is redacted.
 */
function safeLog(sink: Partial<GitHubLog> | undefined, token: string): GitHubLog {
  const secrets = token === '' ? [] : [token];
  const wrap =
    (write: ((message: string) => void) | undefined, fallback: (message: string) => void) =>
    (message: unknown, extra?: unknown): void =>
      (write ?? fallback)(redact(describe(message, extra), secrets));
  return {
    debug: wrap(sink?.debug, () => {}),
    info: wrap(sink?.info, () => {}),
    warn: wrap(sink?.warn, (message) => console.warn(message)),
    error: wrap(sink?.error, (message) => console.error(message)),
  };
}

function describe(message: unknown, extra: unknown): string {
  const text = typeof message === 'string' ? message : message instanceof Error ? message.message : '';
  if (extra instanceof Error) return `${text}: ${extra.message}`;
  if (extra !== null && typeof extra === 'object') {
    const { method, url } = extra as { method?: unknown; url?: unknown };
    if (typeof method === 'string' && typeof url === 'string') return `${text}: ${method} ${url}`;
  }
  return text;
}

function unpacedWrites(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  };
}

function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
