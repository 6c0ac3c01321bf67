/**
 * Bubblewrap around validation commands (`run.sandbox`). Inside: the whole system read-only, a fresh /dev and
 * /proc in new PID, IPC, UTS, user and cgroup namespaces (no view of keel's process or its environment in
 * /proc), every capability dropped, the directories that hold credentials or the real repository hidden under
 * empty tmpfs (keel's checkout and its git dir, the state directory, HOME, RUNNER_TEMP where actions/checkout
 * keeps the token, the temp directory), and only the validation copy's directory writable. The network stays
 * unless `run.validateNetwork: false` (`--unshare-net`: only a loopback interface). The environment is exactly
 * the allow-list (`--clearenv`).
 *
 * The argv follows anthropics/sandbox-runtime (src/sandbox/linux-sandbox-utils.ts @ 0301b30,
 * `wrapCommandWithSandboxLinux`: `--new-session --die-with-parent`, `--unshare-pid`, `--unshare-user
 * --cap-drop ALL`, `--proc /proc`, `--ro-bind / /` then writable binds) as summarised in
 * /work/notes/upstream-github.md §1c; `--unshare-all` is `--unshare-user-try --unshare-ipc --unshare-pid
 * --unshare-net --unshare-uts --unshare-cgroup-try` (bwrap(1)), `--share-net` gives the network back. All of
 * these exist in bwrap 0.8 (Debian 12) and 0.9 (Ubuntu 24.04).
 *
 * Whether bwrap works is probed, not assumed: on Ubuntu 24.04 runners AppArmor refuses unprivileged user
 * namespaces until `kernel.apparmor_restrict_unprivileged_userns=0` (upstream-github.md §8).
 */
import { existsSync } from 'node:fs';
import type { CommandRunner } from './types.ts';

export type SandboxSetting = 'auto' | 'bwrap' | 'none';

export interface BwrapOptions {
  /** The one writable directory (the validation copy's private directory: copy, home, tmp). */
  writable: string;
  /** Where the command starts. */
  chdir: string;
  /** Directories to hide under an empty tmpfs; ones that do not exist are skipped (a read-only / cannot grow them). */
  hide: readonly string[];
  network: boolean;
  env: Readonly<Record<string, string>>;
}

/** The bwrap argv (after `bwrap`) that runs `/bin/sh -c line` as described above. */
export function bwrapArgs(o: BwrapOptions, line: string): string[] {
  const args = ['--new-session', '--die-with-parent', '--unshare-all'];
  if (o.network) args.push('--share-net');
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--cap-drop', 'ALL');
  // Hidden first, the writable directory bound last: it may lie under one of them (TMPDIR under HOME).
  for (const dir of [...new Set(o.hide)].sort()) {
    if (dir !== '/' && existsSync(dir)) args.push('--tmpfs', dir);
  }
  args.push('--bind', o.writable, o.writable, '--clearenv');
  for (const [name, value] of Object.entries(o.env)) args.push('--setenv', name, value);
  args.push('--chdir', o.chdir, '--', '/bin/sh', '-c', line);
  return args;
}

export type SandboxProbe = { ok: true } | { ok: false; reason: string };

const probes = new Map<string, Promise<SandboxProbe>>();

/**
 * Whether bwrap runs here with these namespaces (and without a network, when asked): `bwrap … true`, once per
 * process and network setting. Never throws.
 */
export function probeBwrap(runner: CommandRunner, network: boolean, cwd: string): Promise<SandboxProbe> {
  const key = String(network);
  let probe = probes.get(key);
  if (probe === undefined) {
    probe = (async (): Promise<SandboxProbe> => {
      const args = ['--new-session', '--die-with-parent', '--unshare-all'];
      if (network) args.push('--share-net');
      args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--cap-drop', 'ALL', 'true');
      const result = await runner.run({ command: 'bwrap', args, cwd, timeoutMs: 10_000 });
      if (result.exitCode === 0) return { ok: true };
      const why = result.error ?? (result.stderr.text.trim().split('\n').at(-1) || `exit ${result.exitCode}`);
      return { ok: false, reason: `bwrap does not work here: ${why}` };
    })();
    probes.set(key, probe);
  }
  return probe;
}

/** How validation runs, once decided: in bwrap, or bare (and why not in bwrap). */
export type SandboxChoice =
  | { kind: 'bwrap' }
  | { kind: 'none'; note: string }
  /** Validation must not run: the setting asks for what this machine cannot give. */
  | { kind: 'refused'; reason: string };

export async function chooseSandbox(
  setting: SandboxSetting,
  network: boolean,
  probe: () => Promise<SandboxProbe>,
): Promise<SandboxChoice> {
  if (setting === 'none') {
    return network
      ? { kind: 'none', note: 'run.sandbox is none' }
      : {
          kind: 'refused',
          reason: 'run.validateNetwork: false needs run.sandbox bwrap (or auto where it works)',
        };
  }
  const probed = await probe();
  if (probed.ok) return { kind: 'bwrap' };
  if (setting === 'bwrap') return { kind: 'refused', reason: `run.sandbox is bwrap, but ${probed.reason}` };
  return network
    ? { kind: 'none', note: probed.reason }
    : { kind: 'refused', reason: `run.validateNetwork: false needs bwrap, and ${probed.reason}` };
}
