/**
 * What both Action entry points share: signals become an AbortSignal (GitHub sends SIGINT on cancel,
 * SIGTERM 7.5 s later, SIGKILL 2.5 s after that), expected errors fail the step with their message alone,
 * the exit code is set rather than `process.exit` called, so pending writes finish.
 */
import * as core from '@actions/core';
import { formatFatal } from '../base/errors.ts';

export async function runEntry(body: (signal: AbortSignal) => Promise<number>): Promise<void> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => controller.abort(new Error(`received ${signal}`)));
  }
  try {
    process.exitCode = await body(controller.signal);
  } catch (error) {
    core.setFailed(
      formatFatal(error)
        .replace(/^keel: /, '')
        .trim(),
    );
    process.exitCode = 1;
  }
}
