/**
 * `parseArgs` for every command: what it refuses (an unknown option, a missing value) becomes a
 * `UsageError` naming the argument, followed by the command's usage when one is given.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
  usage?: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(usage === undefined ? message : `${message}\n\n${usage}`);
  }
}
