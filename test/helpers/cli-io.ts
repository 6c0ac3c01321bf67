/** A `CliIO` that records what a command prints. */
import type { CliIO } from '../../src/cli/io.ts';

export function captureIO(
  env: Record<string, string | undefined> = {},
  cwd = '/nowhere',
  signal?: AbortSignal,
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    cwd,
    signal: signal ?? new AbortController().signal,
  };
  return { io, out, err, stdout: () => out.join(''), stderr: () => err.join('') };
}
