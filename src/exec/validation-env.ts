/**
 * The environment of a validation command — model-written code, run because the owner's `run.validate`
 * says so — as an allow-list, never a copy of keel's own: `PATH`, a fresh `HOME` and `TMPDIR`, the locale,
 * `CI`, and the names the owner lists in `run.validateEnv`. Nothing else: not the GitHub token, not the
 * endpoints' keys, not `ACTIONS_*` (the runner's artifact and cache credentials), not `INPUT_*`. A listed
 * variable whose value is one of keel's secrets is dropped anyway (and reported): a token under another name
 * is still the token. git in there reads no system or global configuration but the fresh `HOME`'s.
 *
 * claude-code-action's subprocess scrub removes a deny-list (upstream-github.md §1b); an allow-list cannot
 * miss a credential it did not know about.
 */
import { join } from 'node:path';
import { findSecret } from '../base/secrets.ts';

/** Always passed when set: where programs are, and how they print. */
const BASE_NAMES = ['PATH', 'LANG', 'LANGUAGE', 'TZ', 'CI', 'TERM', 'NO_COLOR', 'FORCE_COLOR'];

export interface ValidationEnvOptions {
  /** keel's own environment, the source of every value. */
  env: Readonly<Record<string, string | undefined>>;
  /** `run.validateEnv`. */
  names: readonly string[];
  /** The fresh home and temp directories (inside the validation copy's private directory). */
  home: string;
  tmp: string;
  /** keel's secrets: a value equal to (or containing) one is never passed. */
  secrets: readonly string[];
}

export interface ValidationEnv {
  env: Record<string, string>;
  /** Listed names left out because their value is a secret (names only, never values). */
  dropped: string[];
}

export function validationEnv(o: ValidationEnvOptions): ValidationEnv {
  const env: Record<string, string> = {};
  const dropped: string[] = [];
  const pass = (name: string): void => {
    const value = o.env[name];
    if (value === undefined) return;
    if (findSecret(value, o.secrets) !== undefined) {
      dropped.push(name);
      return;
    }
    env[name] = value;
  };
  for (const name of BASE_NAMES) pass(name);
  for (const name of Object.keys(o.env)) if (name.startsWith('LC_')) pass(name);
  for (const name of o.names) pass(name);
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  env.CI ??= 'true';
  Object.assign(env, {
    HOME: o.home,
    TMPDIR: o.tmp,
    TMP: o.tmp,
    TEMP: o.tmp,
    XDG_CONFIG_HOME: join(o.home, '.config'),
    XDG_CACHE_HOME: join(o.home, '.cache'),
    // git: no /etc/gitconfig, no ~/.gitconfig but the fresh home's (empty), never a prompt.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(o.home, '.gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
  });
  return { env, dropped };
}
