/**
 * The short, redacted record of a failed command that goes into checkpoints, events and recovery issues. The
 * captured stderr can be 64 KiB; the record keeps its last 8 KiB, because the error is usually at the end.
 */
import { redact } from '../base/secrets.ts';
import { tailOfText } from './capture.ts';
import type { CommandErrorRecord, CommandResult, CommandSpec } from './types.ts';

export const STDERR_RECORD_BYTES = 8 * 1024;
const COMMAND_RECORD_CHARS = 2000;

/**
 * `secrets` are the values to redact (the runner already redacted the captured stderr with its own list; the
 * command line was never captured, so it is redacted here: patterns always, values when given).
 */
export function commandErrorRecord(
  spec: CommandSpec,
  result: CommandResult,
  secrets: readonly string[] = [],
): CommandErrorRecord {
  const stderr = result.stderr;
  const dropped = stderr.truncated ? Math.max(0, stderr.totalBytes - Buffer.byteLength(stderr.text)) : 0;
  const command = redact(formatCommandLine(spec), secrets);
  const record: CommandErrorRecord = {
    command: command.length <= COMMAND_RECORD_CHARS ? command : `${command.slice(0, COMMAND_RECORD_CHARS)}…`,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    aborted: result.aborted,
    stderr: tailOfText(redact(stderr.text, secrets), STDERR_RECORD_BYTES, dropped),
    durationMs: result.durationMs,
  };
  if (result.error !== undefined) record.error = redact(result.error, secrets);
  return record;
}

/** The command as a human would type it: arguments quoted for a POSIX shell when they need it. */
export function formatCommandLine(spec: Pick<CommandSpec, 'command' | 'args'>): string {
  return [spec.command, ...spec.args].map(quoteArg).join(' ');
}

function quoteArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
