/**
 * The credential keel's own pushes and fetches send to GitHub: the `github-token` input, not whatever
 * actions/checkout left in the repository's git configuration. Pushes made with the workflow's
 * `GITHUB_TOKEN` start no `push`/`pull_request` workflows; a PAT or a GitHub App token in `github-token`
 * does, and checkout's header (its own `token`, by default that same `GITHUB_TOKEN`) would otherwise win.
 *
 * The header is the one actions/checkout builds (actions/checkout src/git-auth-helper.ts, v4–v6:
 * `tokenConfigKey = http.${serverUrl.origin}/.extraheader`, value `AUTHORIZATION: basic
 * base64("x-access-token:" + token)`, the base64 form registered as a secret too), but it is never written
 * to a file: it reaches only the one git process that talks to the remote, through the environment
 * (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`, git ≥ 2.31) — not argv, which any user
 * of the machine reads in `ps`, and not `.git/config`, which validation commands and model-written code
 * could read. An empty value first resets `http.<origin>/.extraheader` (git-config(1), `http.extraHeader`:
 * "an empty value will reset the extra headers to the empty list"), so checkout's header — in `.git/config`
 * (v4/v5) or an included `$RUNNER_TEMP/git-credentials-*.config` (v6+) — is not sent beside it. Environment
 * configuration is read after every file, so the reset comes after checkout's value.
 */

export interface RemoteAuth {
  /** `http.<origin>/.extraheader` of `GITHUB_SERVER_URL` (https://github.com, or a GitHub Enterprise Server). */
  headerKey: string;
  token: string;
}

/** The git subcommands that talk to a remote and so carry the header; nothing else ever sees it. */
export const REMOTE_COMMANDS: ReadonlySet<string> = new Set(['push', 'fetch', 'ls-remote']);

/**
 * The credential for `token` at `serverUrl`; undefined without a token (checkout's credential is used then,
 * as before). Throws a one-line error when `serverUrl` is no http(s) URL.
 */
export function remoteAuth(token: string | undefined, serverUrl: string | undefined): RemoteAuth | undefined {
  const value = token?.trim() ?? '';
  if (value === '') return undefined;
  return { token: value, headerKey: extraHeaderKey(serverUrl?.trim() || 'https://github.com') };
}

/** `http.<scheme>://<host>[:port]/.extraheader`, as actions/checkout names it (the URL's origin). */
export function extraHeaderKey(serverUrl: string): string {
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    throw new Error(`not a server URL: ${JSON.stringify(serverUrl.slice(0, 200))} (GITHUB_SERVER_URL)`);
  }
  if (!/^https?:\/\//.test(origin))
    throw new Error(
      `not an http(s) server URL: ${JSON.stringify(serverUrl.slice(0, 200))} (GITHUB_SERVER_URL)`,
    );
  return `http.${origin}/.extraheader`;
}

/** base64 of `x-access-token:<token>`: what the header carries, a secret as much as the token. */
export function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
}

/** The values to redact and mask beside the token itself. */
export function remoteAuthSecrets(auth: RemoteAuth | undefined): string[] {
  return auth ? [auth.token, basicCredential(auth.token)] : [];
}

/**
 * The environment that makes one git process send `auth`'s header and no other for the server. `inherited`
 * is the `GIT_CONFIG_COUNT` the process would inherit: entries already counted there are kept, keel's go
 * after them.
 */
export function remoteAuthEnv(auth: RemoteAuth, inherited?: string): Record<string, string> {
  const start = /^\d{1,4}$/.test(inherited ?? '') ? Number(inherited) : 0;
  const key = auth.headerKey;
  const entries: [string, string][] = [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basicCredential(auth.token)}`],
  ];
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(start + entries.length) };
  entries.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = k;
    env[`GIT_CONFIG_VALUE_${start + i}`] = v;
  });
  return env;
}

/** The subcommand of a git argument list: the first argument after the leading `-c <key=value>` pairs. */
export function gitSubcommand(args: readonly string[]): string | undefined {
  let i = 0;
  while (args[i] === '-c') i += 2;
  return args[i];
}
