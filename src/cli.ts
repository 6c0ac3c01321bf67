#!/usr/bin/env node
/** The `keel` executable: wire the real process to the command table, nothing else. */
import { enableCompileCache } from 'node:module';

// Resumes are measured from process start to the first model request: reuse V8's compiled code across
// runs (Node keeps the cache in the OS temp directory). Enabled before the command modules load.
enableCompileCache?.();

const { runCli } = await import('./cli/index.ts');
const { formatFatal } = await import('./cli/fatal.ts');

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(new Error(`received ${signal}`)));
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
} catch (error) {
  process.stderr.write(formatFatal(error));
  process.exitCode = 1;
}
